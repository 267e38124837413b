import { useSession } from '@yoryo/ui'
import { ParticipantInfo } from '../components/participant-info.tsx'

/** 030 事業者情報 (`/participant`): the own participant's information. */
export function ParticipantPage() {
  const session = useSession()
  return <ParticipantInfo id={session.participant.id} />
}
