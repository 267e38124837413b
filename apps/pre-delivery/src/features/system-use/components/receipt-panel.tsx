import { Alert, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import {
  ApiErrorAlert,
  DownloadIcon,
  MessageAlert,
  WarningIcon,
  useTranslation,
  CopyField,
} from '@yoryo/ui'
import { useEffect, useRef } from 'react'
import { useNavigate } from 'react-router'
import { useSystemUsePdf, type SystemUseCredentials } from '../api.ts'

/**
 * After applying (700): I-APP-001 with the receipt number, the receipt number and the access key
 * (shown only here) with copy buttons, the PDF of the application (701) and the way to the status.
 */
export function ReceiptPanel({
  credentials,
  onNew,
}: {
  credentials: SystemUseCredentials
  onNew: () => void
}) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const pdf = useSystemUsePdf()
  const headingRef = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    headingRef.current?.focus()
  }, [])
  return (
    <Stack gap="md" data-testid="system-use-receipt">
      <Title order={2} className="yoryo-section-title" ref={headingRef} tabIndex={-1}>
        {t('systemUse.doneTitle')}
      </Title>
      <MessageAlert id="I-APP-001" params={{ receiptNo: credentials.receiptNo }} />
      <Paper withBorder p="md" className="yoryo-panel">
        <Stack gap="sm">
          <CopyField
            label={t('systemUse.receiptNo')}
            value={credentials.receiptNo}
            testId="receipt-no"
          />
          <CopyField
            label={t('systemUse.accessKey')}
            value={groupAccessKey(credentials.accessKey)}
            testId="access-key"
          />
        </Stack>
      </Paper>
      <Alert
        variant="light"
        color="orange"
        icon={<WarningIcon size={18} />}
        data-testid="access-key-once"
      >
        <Text fz="sm" fw={700} c="var(--mantine-color-text)" className="yoryo-phrase">
          {t('systemUse.accessKeyOnce')}
        </Text>
      </Alert>
      {pdf.error ? <ApiErrorAlert error={pdf.error} /> : null}
      <Group justify="space-between" align="center">
        <Group gap="sm">
          <Button
            leftSection={<DownloadIcon size={14} />}
            loading={pdf.isPending}
            onClick={() => pdf.mutate(credentials)}
          >
            {t('systemUse.printPdf')}
          </Button>
          <Button
            variant="default"
            onClick={() => void navigate('/apply/status', { state: { credentials } })}
          >
            {t('systemUse.toStatus')}
          </Button>
        </Group>
        <Button variant="subtle" onClick={onNew}>
          {t('systemUse.newApplication')}
        </Button>
      </Group>
      <Text fz="sm" c="dimmed">
        {t('systemUse.printHint')}
      </Text>
    </Stack>
  )
}

/** The access key in groups of four (`ABCD-EFGH-…`), easier to read out and type. */
export function groupAccessKey(key: string): string {
  return key.match(/.{1,4}/g)?.join('-') ?? key
}
