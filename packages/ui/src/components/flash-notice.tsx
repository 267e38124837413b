import { useState } from 'react'
import { useLocation } from 'react-router'
import type { MessageRef } from '../messages/message-ref.ts'
import { MessageAlert } from '../messages/message-text.tsx'

interface NoticeState {
  notice?: MessageRef
}

/** Router state that makes the next page show a catalogue notice: `navigate(to, noticeState(…))`. */
export function noticeState(notice: MessageRef): { state: NoticeState } {
  return { state: { notice } }
}

function readNotice(state: unknown): MessageRef | null {
  const notice = (state as NoticeState | null)?.notice
  return notice && typeof notice.id === 'string' ? notice : null
}

/** Shows the notice passed through router state (e.g. I-AUTH-002 after a password change). */
export function FlashNotice() {
  const location = useLocation()
  const notice = readNotice(location.state)
  const [dismissedKey, setDismissedKey] = useState<string | null>(null)
  if (!notice || dismissedKey === location.key) return null
  return (
    <MessageAlert
      {...notice}
      mb="md"
      withCloseButton
      onClose={() => setDismissedKey(location.key)}
      data-testid="flash-notice"
    />
  )
}
