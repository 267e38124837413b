import { Badge, Group, Text } from '@mantine/core'
import type { Payment, PaymentItem } from '@yoryo/contracts'
import { formatNumber, useTranslation } from '@yoryo/ui'

/** A right-aligned yen figure with thousands separators (bold where it asks for attention). */
export const yenFigure = (value: number, strong = false, testId?: string) => (
  <Text
    fz="sm"
    ta="right"
    fw={strong ? 700 : undefined}
    className="yoryo-numeric"
    data-testid={testId}
  >
    {formatNumber(value)}
  </Text>
)

/** A document's payment state; 期限超過 beside it in red when overdue. */
export function ItemStateBadge({ item }: { item: Pick<PaymentItem, 'paymentState' | 'overdue'> }) {
  const { t } = useTranslation()
  const color =
    item.paymentState === 'paid' ? 'gray' : item.paymentState === 'partlyPaid' ? 'blue' : 'orange'
  return (
    <Group gap={4} wrap="nowrap">
      <Badge size="xs" variant="light" color={color} radius="sm" data-testid="item-state">
        {t(`payments.itemState.${item.paymentState}`)}
      </Badge>
      {item.overdue ? (
        <Badge size="xs" variant="filled" color="red" radius="sm" data-testid="overdue-badge">
          {t('payments.overdue')}
        </Badge>
      ) : null}
    </Group>
  )
}

/** A payment's state: unmatched in orange, matched grey, reversed red. */
export function PaymentStateBadge({ state }: { state: Payment['state'] }) {
  const { t } = useTranslation()
  const color = state === 'matched' ? 'gray' : state === 'unmatched' ? 'orange' : 'red'
  return (
    <Badge size="sm" variant="light" color={color} radius="sm" data-testid="payment-state">
      {t(`payments.state.${state}`)}
    </Badge>
  )
}
