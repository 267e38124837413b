import { Anchor } from '@mantine/core'
import { useTranslation } from '@yoryo/ui'
import { Link, useParams } from 'react-router'
import { ParticipantInfo } from '../components/participant-info.tsx'

/** 030 事業者情報 (`/participants/:id`, operator): any participant, read only. */
export function ParticipantDetailPage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  return (
    <ParticipantInfo
      id={id}
      before={
        <Anchor component={Link} to="/participants" fz="sm">
          {t('participant.back')}
        </Anchor>
      }
    />
  )
}
