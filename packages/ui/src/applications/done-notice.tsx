import type { ApplicationAction, MessageId } from '@yoryo/contracts'
import { useTranslation } from 'react-i18next'
import { MessageAlert } from '../messages/message-text.tsx'

export type DoneKey = ApplicationAction | 'update'

/** The catalogue message confirming each finished action. */
const DONE_MESSAGES: Record<DoneKey, MessageId> = {
  startReview: 'I-APP-002',
  return: 'I-APP-003',
  reject: 'I-APP-004',
  approve: 'I-APP-005',
  submit: 'I-APP-006',
  resubmit: 'I-APP-007',
  withdraw: 'I-APP-008',
  update: 'I-APP-009',
  edit: 'I-APP-010',
}

/** A short confirmation that an action went through (the state badge and history show it too). */
export function DoneNotice({ action, onClose }: { action: DoneKey; onClose: () => void }) {
  const { t } = useTranslation()
  return (
    <MessageAlert
      id={DONE_MESSAGES[action]}
      withCloseButton
      closeButtonLabel={t('common.dismiss')}
      onClose={onClose}
      data-testid="done-notice"
    />
  )
}
