import { Badge } from '@mantine/core'
import type { ContractState } from '@yoryo/contracts'
import { useTranslation } from '@yoryo/ui'

const STATE_COLORS: Record<ContractState, string> = {
  draft: 'orange',
  confirmed: 'green',
  correctionRequested: 'red',
  active: 'blue',
  amended: 'indigo',
  terminated: 'gray',
}

/** The contract's state as a badge. */
export function ContractStateBadge({ state }: { state: ContractState }) {
  const { t } = useTranslation()
  return (
    <Badge size="sm" radius="sm" variant="light" color={STATE_COLORS[state]}>
      {t(`contracts.state.${state}`)}
    </Badge>
  )
}
