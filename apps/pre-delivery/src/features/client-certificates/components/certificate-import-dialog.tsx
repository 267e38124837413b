import { zodResolver } from '@hookform/resolvers/zod'
import { Button, FileInput, Group, Modal, Select, Stack, Text, Title } from '@mantine/core'
import {
  CERTIFICATE_FILE_MAX_BYTES,
  certificateFileColumns,
  certificateImportFieldsSchema,
  type CertificateFileKey,
  type CertificateImportResult,
  type FieldError,
  type Participant,
} from '@yoryo/contracts'
import {
  ApiErrorAlert,
  DataTable,
  MessageText,
  applyFieldErrors,
  createColumnHelper,
  encodeMessageRef,
  isApiError,
  isShownOnFields,
  useFieldErrorText,
  useFocusWhenEnabled,
  useSession,
  useTranslation,
  zodIssueToMessage,
  participantLabel,
} from '@yoryo/ui'
import { useMemo, useState } from 'react'
import { Controller, useForm } from 'react-hook-form'
import { z } from 'zod'
import { useImportCertificates } from '../api.ts'

const formSchema = certificateImportFieldsSchema.extend({
  participantId: z.string(),
  file: z.custom<File>((value) => value instanceof File, { message: 'E-COMMON-007' }),
})
type FormSchema = typeof formSchema
const FIELDS = ['participantId', 'encoding', 'file'] as const
const ENCODINGS = certificateImportFieldsSchema.shape.encoding.unwrap().options

/** One problem of the file: its line (header = 1), the column (none: the whole row). */
interface RowError {
  line: number
  column: CertificateFileKey | null
  messageId: string
  message: string
}

/** The problems of a rejected file (E-CERT-005): paths `[line, column]` or `[line]`. */
export function rowErrorsOf(errors: readonly FieldError[]): RowError[] {
  return errors
    .filter((e) => typeof e.path[0] === 'number' || /^\d+$/.test(String(e.path[0])))
    .map((e) => ({
      line: Number(e.path[0]),
      column: (e.path[1] as CertificateFileKey | undefined) ?? null,
      messageId: e.messageId,
      message: e.message,
    }))
}

const column = createColumnHelper<RowError>()

function RowErrorTable({ rows }: { rows: RowError[] }) {
  const { t } = useTranslation()
  const columns = useMemo(
    () => [
      column.accessor('line', {
        header: t('clientCertificates.importDialog.columns.line'),
        meta: { width: 64, numeric: true },
      }),
      column.accessor('column', {
        header: t('clientCertificates.importDialog.columns.column'),
        cell: (info) => {
          const key = info.getValue()
          return key
            ? t(`clientCertificates.fileColumns.${key}`)
            : t('clientCertificates.importDialog.wholeRow')
        },
        meta: { width: 180, nowrap: true },
      }),
      column.accessor('messageId', {
        header: t('clientCertificates.importDialog.columns.message'),
        cell: (info) => <MessageText id={info.getValue()} text={info.row.original.message} />,
        enableSorting: false,
      }),
    ],
    [t],
  )
  return (
    <DataTable
      label={t('clientCertificates.importDialog.errorsTable')}
      data={rows}
      columns={columns}
      getRowId={(row, i) => `${row.line}-${row.column ?? ''}-${i}`}
      maxHeight={280}
      testId="certificate-import-errors"
    />
  )
}

export interface CertificateImportDialogProps {
  opened: boolean
  participants: Participant[] | undefined
  defaultParticipantId: string
  onImported: (result: CertificateImportResult) => void
  onClose: () => void
}

/**
 * 711 証明書情報ファイルの取込: the CSV (Shift_JIS or UTF-8) as multipart; a rejected file lists
 * every bad row and column with its message ID.
 */
export function CertificateImportDialog(props: CertificateImportDialogProps) {
  const { t } = useTranslation()
  return (
    <Modal
      opened={props.opened}
      onClose={props.onClose}
      title={<Text fw={700}>{t('clientCertificates.importDialog.title')}</Text>}
      size="xl"
      centered
      closeOnClickOutside={false}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {props.opened ? <ImportForm {...props} /> : null}
    </Modal>
  )
}

function ImportForm({
  participants,
  defaultParticipantId,
  onImported,
  onClose,
}: CertificateImportDialogProps) {
  const { t } = useTranslation()
  const session = useSession()
  const fieldErrorText = useFieldErrorText()
  const importFile = useImportCertificates()
  const isOperator = session.user.role === 'operator'
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
      participantId: isOperator ? defaultParticipantId : '',
      encoding: 'auto',
      file: undefined,
    },
  })
  const { errors } = form.formState
  const busy = importFile.isPending
  const focusField = useFocusWhenEnabled(form.setFocus, busy)
  const [rowErrors, setRowErrors] = useState<RowError[]>([])

  const onSubmit = form.handleSubmit(async (values) => {
    setRowErrors([])
    try {
      const result = await importFile.mutateAsync({
        file: values.file,
        fields: {
          participantId: isOperator ? values.participantId : undefined,
          encoding: values.encoding,
        },
      })
      onImported(result)
    } catch (error) {
      if (isApiError(error)) setRowErrors(rowErrorsOf(error.fieldErrors))
      applyFieldErrors(error, form.setError, FIELDS, focusField)
    }
  })

  const error = importFile.error
  const showError = error && !isShownOnFields(error, FIELDS)
  const headers = certificateFileColumns.map((c) => c.header).join(',')

  return (
    <form onSubmit={onSubmit} noValidate data-testid="certificate-import-form">
      <Stack gap="sm">
        {showError ? <ApiErrorAlert error={error} /> : null}
        {rowErrors.length ? (
          <section aria-labelledby="certificate-import-errors-title">
            <Title
              order={3}
              id="certificate-import-errors-title"
              className="yoryo-section-title"
              fz="sm"
              mb={6}
            >
              {t('clientCertificates.importDialog.errorsTitle', { count: rowErrors.length })}
            </Title>
            <RowErrorTable rows={rowErrors} />
          </section>
        ) : null}
        <fieldset disabled={busy} className="yoryo-fieldset">
          <Stack gap="sm">
            {isOperator ? (
              <Controller
                control={form.control}
                name="participantId"
                render={({ field }) => (
                  <Select
                    label={t('clientCertificates.importDialog.participant')}
                    placeholder={t('users.form.participantPlaceholder')}
                    required
                    searchable
                    w={360}
                    data={(participants ?? []).map((p) => ({
                      value: p.id,
                      label: participantLabel(p),
                    }))}
                    value={field.value || null}
                    onChange={(value) => field.onChange(value ?? '')}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    name={field.name}
                    error={fieldErrorText(errors.participantId)}
                    nothingFoundMessage={t('table.empty')}
                  />
                )}
              />
            ) : null}
            <Group gap="sm" align="flex-start" wrap="nowrap">
              <Controller
                control={form.control}
                name="file"
                render={({ field }) => (
                  <FileInput
                    label={t('clientCertificates.importDialog.file')}
                    placeholder={t('clientCertificates.importDialog.filePlaceholder')}
                    required
                    clearable
                    accept=".csv,text/csv"
                    style={{ flex: 1 }}
                    value={field.value ?? null}
                    onChange={(selected) => {
                      importFile.reset()
                      setRowErrors([])
                      if (selected && selected.size > CERTIFICATE_FILE_MAX_BYTES) {
                        field.onChange(undefined)
                        form.setError('file', {
                          type: 'client',
                          message: encodeMessageRef({
                            id: 'E-ATTACH-001',
                            params: { maxMb: CERTIFICATE_FILE_MAX_BYTES / 1024 / 1024 },
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
                  />
                )}
              />
              <Controller
                control={form.control}
                name="encoding"
                render={({ field }) => (
                  <Select
                    label={t('clientCertificates.importDialog.encoding')}
                    w={160}
                    allowDeselect={false}
                    data={ENCODINGS.map((e) => ({
                      value: e,
                      label: t(`clientCertificates.importDialog.encodings.${e}`),
                    }))}
                    value={field.value ?? 'auto'}
                    onChange={(value) => field.onChange(value ?? 'auto')}
                    onBlur={field.onBlur}
                    ref={field.ref}
                    name={field.name}
                    error={fieldErrorText(errors.encoding)}
                  />
                )}
              />
            </Group>
            <Text fz="xs" c="dimmed" className="yoryo-phrase">
              {t('clientCertificates.importDialog.fileHint', { headers })}
            </Text>
            <Group justify="flex-end" gap="sm" mt="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={busy}>
                {t('clientCertificates.importDialog.submit')}
              </Button>
            </Group>
          </Stack>
        </fieldset>
      </Stack>
    </form>
  )
}
