import { Stack, Text, Textarea } from '@mantine/core'
import {
  ApiErrorAlert,
  CorrectionButtons,
  useCorrect,
  useTranslation,
  type CorrectionPanelProps,
} from '@yoryo/ui'
import { useState } from 'react'

/**
 * 修正して再提出 of a replacement application: only the reason can change (the counterparty
 * consented to the other terms, E-RPL-020); empty reason is refused by the API (E-COMMON-007).
 */
export function ReplacementReasonCorrection({
  application,
  onDone,
  onCancel,
}: CorrectionPanelProps) {
  const { t } = useTranslation()
  const correct = useCorrect(application)
  const [reason, setReason] = useState(
    typeof application.proposed.reason === 'string' ? application.proposed.reason : '',
  )
  const busy = correct.isPending
  return (
    <form
      noValidate
      data-testid="application-correction"
      onSubmit={(event) => {
        event.preventDefault()
        correct.mutate(
          { ...application.proposed, reason },
          { onSuccess: (updated) => onDone(updated.state === 'submitted') },
        )
      }}
    >
      <fieldset disabled={busy} className="yoryo-fieldset">
        <Stack gap="md">
          <Text fz="sm">{t('replacements.correctionHint')}</Text>
          <Textarea
            label={t('replacements.fields.reason')}
            required
            autosize
            minRows={3}
            maxLength={1000}
            data-autofocus
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
          />
          {correct.error ? <ApiErrorAlert error={correct.error} /> : null}
          <CorrectionButtons application={application} busy={busy} onCancel={onCancel} />
        </Stack>
      </fieldset>
    </form>
  )
}
