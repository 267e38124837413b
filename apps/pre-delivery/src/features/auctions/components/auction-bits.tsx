import { Badge } from '@mantine/core'
import type { AuctionState, AuctionWindow } from '@yoryo/contracts'
import { formatDateTime, useTranslation } from '@yoryo/ui'

const STATE_COLORS: Record<AuctionState, string> = {
  draft: 'gray',
  open: 'green',
  biddingClosed: 'orange',
  cleared: 'blue',
  published: 'indigo',
}

/** The auction's state as a badge. */
export function AuctionStateBadge({ state }: { state: AuctionState }) {
  const { t } = useTranslation()
  return (
    <Badge size="sm" radius="sm" variant="light" color={STATE_COLORS[state]}>
      {t(`auctions.state.${state}`)}
    </Badge>
  )
}

/** A window as `yyyy/MM/dd HH:mm ～ yyyy/MM/dd HH:mm` (JST). */
export function WindowText({ window }: { window: AuctionWindow | undefined | null }) {
  const { t } = useTranslation()
  if (!window) return <>—</>
  return (
    <>
      {t('auctions.period', {
        from: formatDateTime(window.opensAt),
        to: formatDateTime(window.closesAt),
      })}
    </>
  )
}

/** The URL of an issued document's PDF (`GET /api/v1/documents/{id}/pdf`). */
export function documentPdfPath(id: string): string {
  return `/api/v1/documents/${encodeURIComponent(id)}/pdf`
}
