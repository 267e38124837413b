import { Group, Stack, Text } from '@mantine/core'
import { auctionWindowIssues, type AuctionWindows } from '@yoryo/contracts'
import {
  DateTimeField,
  fromJstInputValue,
  toJstInputValue,
  useMessageFormatter,
  useTranslation,
} from '@yoryo/ui'

/** The four times as the inputs hold them (JST wall clock `yyyy-MM-ddTHH:mm`). */
export interface WindowInputs {
  ecOpensAt: string
  ecClosesAt: string
  biddingOpensAt: string
  biddingClosesAt: string
}

export function windowInputsOf(w: AuctionWindows): WindowInputs {
  return {
    ecOpensAt: toJstInputValue(w.expectedCapacity.opensAt),
    ecClosesAt: toJstInputValue(w.expectedCapacity.closesAt),
    biddingOpensAt: toJstInputValue(w.bidding.opensAt),
    biddingClosesAt: toJstInputValue(w.bidding.closesAt),
  }
}

/** The windows the inputs give, or null while a time is missing or not a time. */
export function windowsOfInputs(v: WindowInputs): AuctionWindows | null {
  const [a, b, c, d] = [v.ecOpensAt, v.ecClosesAt, v.biddingOpensAt, v.biddingClosesAt].map(
    fromJstInputValue,
  )
  if (!a || !b || !c || !d) return null
  return { expectedCapacity: { opensAt: a, closesAt: b }, bidding: { opensAt: c, closesAt: d } }
}

/**
 * The expected capacity and bidding windows (JST), with their rules checked as typed: each opens
 * before it closes, bidding opens after the expected capacity window closes.
 */
export function WindowsFields({
  value,
  onChange,
}: {
  value: WindowInputs
  onChange: (value: WindowInputs) => void
}) {
  const { t } = useTranslation()
  const format = useMessageFormatter()
  const windows = windowsOfInputs(value)
  const issues = windows ? auctionWindowIssues(windows) : []
  const errorAt = (key: string, field: string) => {
    const issue = issues.find((i) => i.path[0] === key && i.path[1] === field)
    return issue ? format({ id: issue.messageId }) : undefined
  }
  const set = (key: keyof WindowInputs) => (v: string) => onChange({ ...value, [key]: v })
  return (
    <Stack gap="sm">
      <Text fz="sm" c="dimmed">
        {t('auctions.new.windowsHint')}
      </Text>
      <Text fw={700} fz="sm">
        {t('auctions.fields.expectedCapacityWindow')}
      </Text>
      <Group align="flex-start" gap="md" data-testid="window-ec">
        <DateTimeField
          label={t('auctions.fields.opensAt')}
          value={value.ecOpensAt}
          onChange={set('ecOpensAt')}
        />
        <DateTimeField
          label={t('auctions.fields.closesAt')}
          value={value.ecClosesAt}
          onChange={set('ecClosesAt')}
          error={errorAt('expectedCapacity', 'closesAt')}
        />
      </Group>
      <Text fw={700} fz="sm">
        {t('auctions.fields.biddingWindow')}
      </Text>
      <Group align="flex-start" gap="md" data-testid="window-bidding">
        <DateTimeField
          label={t('auctions.fields.opensAt')}
          value={value.biddingOpensAt}
          onChange={set('biddingOpensAt')}
          error={errorAt('bidding', 'opensAt')}
        />
        <DateTimeField
          label={t('auctions.fields.closesAt')}
          value={value.biddingClosesAt}
          onChange={set('biddingClosesAt')}
          error={errorAt('bidding', 'closesAt')}
        />
      </Group>
    </Stack>
  )
}
