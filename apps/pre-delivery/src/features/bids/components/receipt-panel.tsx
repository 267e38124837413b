import { Alert, Button, Code, Group, Stack, Text } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import type { BidReceipt } from '@yoryo/contracts'
import { ApiErrorAlert, DownloadIcon, formatDateTime, useTranslation } from '@yoryo/ui'
import { downloadReceipt } from '../api.ts'

/** Downloads a receipt as JSON (what verifies) or PDF (what shows it). */
export function ReceiptDownloads({
  versionId,
  content,
}: {
  versionId: string
  content: { auctionCode: string; resourceCode: string; version: number }
}) {
  const { t } = useTranslation()
  const download = useMutation({
    mutationFn: (kind: 'json' | 'pdf') => downloadReceipt(versionId, content, kind),
  })
  return (
    <Stack gap={4}>
      <Group gap="xs">
        {(['json', 'pdf'] as const).map((kind) => (
          <Button
            key={kind}
            size="compact-sm"
            variant="light"
            leftSection={<DownloadIcon size={14} />}
            loading={download.isPending && download.variables === kind}
            onClick={() => download.mutate(kind)}
            data-testid={`receipt-${kind}`}
          >
            {t(`bids.receipt.${kind}`)}
          </Button>
        ))}
      </Group>
      {download.error ? <ApiErrorAlert error={download.error} /> : null}
    </Stack>
  )
}

/** The receipt of the write just accepted: what, when by the server, its hash and downloads. */
export function ReceiptPanel({ receipt, onClose }: { receipt: BidReceipt; onClose: () => void }) {
  const { t } = useTranslation()
  const c = receipt.content
  return (
    <Alert
      color="green"
      title={t('bids.receipt.title')}
      withCloseButton
      closeButtonLabel={t('bids.receipt.close')}
      onClose={onClose}
      data-testid="bid-receipt"
    >
      <Stack gap={6}>
        <Text fz="sm">
          {t('bids.receipt.accepted', {
            resourceCode: c.resourceCode,
            action: t(`bids.action.${c.action}`),
            version: c.version,
          })}
        </Text>
        <Text fz="sm">
          {t('bids.receipt.acceptedAt')}: {formatDateTime(c.acceptedAt)} ({c.acceptedAt})
        </Text>
        <Text fz="xs">
          {t('bids.receipt.sha256')}: <Code>{receipt.sha256}</Code> {t('bids.receipt.keyId')}:{' '}
          <Code>{receipt.keyId}</Code>
        </Text>
        <ReceiptDownloads versionId={receipt.bidVersionId} content={c} />
        <Text fz="xs" c="dimmed">
          {t('bids.receipt.howToVerify')}
        </Text>
      </Stack>
    </Alert>
  )
}
