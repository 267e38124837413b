import { zodResolver } from '@hookform/resolvers/zod'
import { Button, FileInput, Group, SegmentedControl, Select, Stack, Text } from '@mantine/core'
import { useMutation, useQuery } from '@tanstack/react-query'
import {
  BULK_FILE_MAX_BYTES,
  bulkImportFieldsSchema,
  bulkImportModeSchema,
  fileEncodingSchema,
  type AppId,
  type BulkFormat,
  type BulkImport,
} from '@yoryo/contracts'
import { useState } from 'react'
import { Controller, useForm, useWatch } from 'react-hook-form'
import { useTranslation } from 'react-i18next'
import { z } from 'zod'
import { downloadFile } from '../api/download.ts'
import { applyFieldErrors, isShownOnFields } from '../api/form-errors.ts'
import { DownloadIcon } from '../components/icons.tsx'
import { useFocusWhenEnabled } from '../forms/use-focus-when-enabled.ts'
import { ParticipantSelect } from '../list/participant-select.tsx'
import { encodeMessageRef, zodIssueToMessage } from '../messages/message-ref.ts'
import { ApiErrorAlert, useFieldErrorText } from '../messages/message-text.tsx'
import { useSession } from '../session/session.ts'
import { bulkQueries, formatsOfApp, sampleHref, useStartBulkImport } from './api.ts'
import { BulkImportResult } from './bulk-import-result.tsx'

const formSchema = bulkImportFieldsSchema.extend({
  participantId: z.string(),
  file: z.custom<File>((value) => value instanceof File, { message: 'E-COMMON-007' }),
})
type FormSchema = typeof formSchema
const FIELDS = ['format', 'mode', 'encoding', 'participantId', 'file'] as const

/** A format's name in the UI language: `711 クライアント証明書情報登録更新用ファイル`. */
export function useFormatName() {
  const { t, i18n } = useTranslation()
  return (format: Pick<BulkFormat, 'code' | 'ja' | 'en'>) =>
    t('bulk.formatName', {
      code: format.code,
      name: i18n.language === 'en' ? format.en : format.ja,
    })
}

/** Downloads the sample (K10) of a format. */
export function SampleButton({ code, label }: { code: string; label?: string }) {
  const { t } = useTranslation()
  const download = useMutation({
    mutationFn: () => downloadFile(sampleHref(code, 'shift_jis'), `sample-${code}.csv`),
  })
  return (
    <Button
      variant="subtle"
      size="compact-sm"
      leftSection={<DownloadIcon size={14} />}
      loading={download.isPending}
      onClick={() => download.mutate()}
    >
      {label ?? t('bulk.upload.sample')}
    </Button>
  )
}

export interface BulkUploadPanelProps {
  /** Only this format (e.g. 711 on the certificate screen); default: choose among all. */
  format?: string
  /** The participant an operator uploads for, preselected. */
  defaultParticipantId?: string
  /** Called once the file's job has ended (the screen refreshes what it shows). */
  onFinished?: (imp: BulkImport) => void
  /** Called when an upload was accepted, with the import's ID. */
  onAccepted?: (id: string) => void
  /** Only the formats of this SPA (220: preDelivery, G00: delivery); default: every format. */
  app?: AppId
  /** Whether the operator chooses the participant the file is for (default); else it uploads as itself. */
  participantChoice?: boolean
}

/**
 * 一括登録 (220): the upload form (format, mode, encoding, the operator's participant, the file)
 * and, once accepted, the result followed with its progress bar. Every screen that takes a bulk
 * file embeds this one panel.
 */
export function BulkUploadPanel(props: BulkUploadPanelProps) {
  const { t } = useTranslation()
  const [accepted, setAccepted] = useState<string | null>(null)
  if (accepted) {
    return (
      <Stack gap="sm">
        <BulkImportResult id={accepted} onFinished={props.onFinished} />
        <Group>
          <Button variant="default" onClick={() => setAccepted(null)}>
            {t('bulk.result.uploadAgain')}
          </Button>
        </Group>
      </Stack>
    )
  }
  return (
    <UploadForm
      {...props}
      onAccepted={(id) => {
        setAccepted(id)
        props.onAccepted?.(id)
      }}
    />
  )
}

function UploadForm({
  format: fixedFormat,
  defaultParticipantId,
  onAccepted,
  app,
  participantChoice = true,
}: BulkUploadPanelProps & { onAccepted: (id: string) => void }) {
  const { t } = useTranslation()
  const session = useSession()
  const formatName = useFormatName()
  const fieldErrorText = useFieldErrorText()
  const formats = useQuery(bulkQueries.formats())
  const start = useStartBulkImport()
  const isOperator = session.user.role === 'operator' && participantChoice
  const form = useForm<z.input<FormSchema>, unknown, z.output<FormSchema>>({
    resolver: zodResolver(
      formSchema.superRefine((v, ctx) => {
        if (isOperator && !v.participantId) {
          ctx.addIssue({ code: 'custom', path: ['participantId'], message: 'E-COMMON-007' })
        }
      }),
      { error: zodIssueToMessage },
    ),
    defaultValues: {
      format: fixedFormat ?? '',
      mode: 'apply',
      encoding: 'auto',
      participantId: isOperator ? (defaultParticipantId ?? '') : '',
      file: undefined,
    },
  })
  const { errors } = form.formState
  const busy = start.isPending
  const focusField = useFocusWhenEnabled(form.setFocus, busy)
  const chosen = useWatch({ control: form.control, name: 'format' })
  const all = formats.data?.items ?? []
  const importable = (app ? formatsOfApp(all, app) : all).filter((f) => f.canImport)

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const result = await start.mutateAsync({
        file: values.file,
        fields: {
          format: values.format,
          mode: values.mode,
          encoding: values.encoding,
          participantId: isOperator ? values.participantId : undefined,
        },
      })
      onAccepted(result.id)
    } catch (error) {
      applyFieldErrors(error, form.setError, FIELDS, focusField)
    }
  })
  const error = start.error
  const showError = error && !isShownOnFields(error, FIELDS)

  return (
    <form onSubmit={onSubmit} noValidate data-testid="bulk-upload-form">
      <fieldset disabled={busy} className="yoryo-fieldset">
        <Stack gap="sm">
          {showError ? <ApiErrorAlert error={error} /> : null}
          {fixedFormat ? null : (
            <Group gap="xs" align="flex-end">
              <Controller
                control={form.control}
                name="format"
                render={({ field }) => (
                  <Select
                    label={t('bulk.upload.format')}
                    placeholder={t('bulk.upload.formatPlaceholder')}
                    required
                    searchable
                    w={420}
                    maw="100%"
                    data={importable.map((f) => ({ value: f.code, label: formatName(f) }))}
                    value={field.value || null}
                    onChange={(value) => field.onChange(value ?? '')}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    name={field.name}
                    error={fieldErrorText(errors.format)}
                    nothingFoundMessage={t('table.empty')}
                    comboboxProps={{ withinPortal: true }}
                  />
                )}
              />
              {chosen ? <SampleButton code={chosen} /> : null}
            </Group>
          )}
          {isOperator ? (
            <Controller
              control={form.control}
              name="participantId"
              render={({ field }) => (
                <ParticipantSelect
                  label={t('bulk.upload.participant')}
                  required
                  value={field.value ?? ''}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  name={field.name}
                  error={fieldErrorText(errors.participantId)}
                />
              )}
            />
          ) : null}
          <Controller
            control={form.control}
            name="mode"
            render={({ field }) => (
              <Stack gap={4}>
                <Text fz="sm" fw={500} id="bulk-mode-label">
                  {t('bulk.upload.mode')}
                </Text>
                <SegmentedControl
                  aria-labelledby="bulk-mode-label"
                  w="fit-content"
                  data={bulkImportModeSchema.options.map((m) => ({
                    value: m,
                    label: t(`bulk.mode.${m}`),
                  }))}
                  value={field.value}
                  onChange={(value) => field.onChange(value)}
                  name={field.name}
                />
                <Text fz="xs" c="dimmed" className="yoryo-phrase">
                  {t('bulk.upload.modeHint')}
                </Text>
              </Stack>
            )}
          />
          <Group gap="sm" align="flex-start" wrap="wrap">
            <Controller
              control={form.control}
              name="file"
              render={({ field }) => (
                <FileInput
                  label={t('bulk.upload.file')}
                  placeholder={t('bulk.upload.filePlaceholder')}
                  required
                  clearable
                  accept=".csv,text/csv"
                  miw={260}
                  style={{ flex: 1 }}
                  value={field.value ?? null}
                  onChange={(selected) => {
                    start.reset()
                    if (selected && selected.size > BULK_FILE_MAX_BYTES) {
                      field.onChange(undefined)
                      form.setError('file', {
                        type: 'client',
                        message: encodeMessageRef({
                          id: 'E-ATTACH-001',
                          params: { maxMb: BULK_FILE_MAX_BYTES / 1024 / 1024 },
                        }),
                      })
                      return
                    }
                    field.onChange(selected ?? undefined)
                  }}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  name={field.name}
                  error={fieldErrorText(errors.file)}
                  clearButtonProps={{ 'aria-label': t('attachments.clearFile') }}
                  data-testid="bulk-file"
                />
              )}
            />
            <Controller
              control={form.control}
              name="encoding"
              render={({ field }) => (
                <Select
                  label={t('bulk.upload.encoding')}
                  w={160}
                  allowDeselect={false}
                  data={fileEncodingSchema.options.map((e) => ({
                    value: e,
                    label: t(`bulk.encodings.${e}`),
                  }))}
                  value={field.value ?? 'auto'}
                  onChange={(value) => field.onChange(value ?? 'auto')}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  name={field.name}
                  error={fieldErrorText(errors.encoding)}
                  comboboxProps={{ withinPortal: true }}
                />
              )}
            />
          </Group>
          <Text fz="xs" c="dimmed" className="yoryo-phrase">
            {t('bulk.upload.fileHint')}
          </Text>
          <Group justify="flex-end">
            <Button type="submit" loading={busy}>
              {t('bulk.upload.submit')}
            </Button>
          </Group>
        </Stack>
      </fieldset>
    </form>
  )
}
