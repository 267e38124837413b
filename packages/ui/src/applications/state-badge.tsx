import { Badge } from '@mantine/core'
import type { ApplicationState } from '@yoryo/contracts'
import { useTranslation } from 'react-i18next'

const STATE_COLOR: Record<ApplicationState, string> = {
  draft: 'gray',
  submitted: 'navy',
  inReview: 'blue',
  returned: 'orange',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'gray',
}

/** The state of an application: 下書き, 申込済, 審査中, 差戻し, 承認済, 却下, 取下げ. */
export function StateBadge({
  state,
  size = 'sm',
  testId,
}: {
  state: ApplicationState
  size?: 'sm' | 'md' | 'lg'
  testId?: string
}) {
  const { t } = useTranslation()
  return (
    <Badge
      size={size}
      radius="sm"
      variant={
        state === 'returned' || state === 'approved' || state === 'rejected' ? 'filled' : 'light'
      }
      color={STATE_COLOR[state]}
      miw={64}
      data-state={state}
      data-testid={testId}
    >
      {t(`applications.state.${state}`)}
    </Badge>
  )
}
