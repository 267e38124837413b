import { Anchor, Button, FileInput, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { attachmentSchema, type Attachment, type AttachmentOwnerType } from '@yoryo/contracts'
import { useMemo, useRef, useState, type FormEvent, type MouseEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { isApiError } from '../api/api-error.ts'
import { apiFetch } from '../api/api-fetch.ts'
import { downloadFile } from '../api/download.ts'
import { attachmentContentUrl, attachmentQueries, invalidateAttachments } from '../api/queries.ts'
import { byteSize, formatDateTime, timestampOf } from '../format/format.ts'
import { encodeMessageRef, type MessageRef } from '../messages/message-ref.ts'
import { ApiErrorAlert, MessageAlert, useFieldErrorText } from '../messages/message-text.tsx'
import {
  ATTACHMENT_ACCEPT,
  ATTACHMENT_MAX_MB,
  attachmentTypeKey,
  checkAttachment,
  effectiveContentType,
  shortHash,
} from './attachments.ts'
import { ConfirmDialog } from './confirm-dialog.tsx'
import { createColumnHelper, DataTable } from './data-table.tsx'
import { DownloadIcon, TrashIcon } from './icons.tsx'

const column = createColumnHelper<Attachment>()

export interface AttachmentPanelProps {
  ownerType: AttachmentOwnerType
  ownerId: string
  /** Hide upload and delete (view and download only). */
  readOnly?: boolean
}

/** A plain click: Ctrl / ⌘ / Shift / middle clicks are left to the browser (new tab, …). */
function isPlainClick(event: MouseEvent) {
  return event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey
}

/**
 * Attachments of one record (A20, "attaching files to screens"): list with name, size, type,
 * SHA-256, uploader and time; upload with the API's size/type limits checked first; download
 * through the API client (an expired session leads to the login, an error shows its message
 * ID); delete after confirmation.
 */
export function AttachmentPanel({ ownerType, ownerId, readOnly = false }: AttachmentPanelProps) {
  const { t } = useTranslation()
  const queryClient = useQueryClient()
  const owner = useMemo(() => ({ ownerType, ownerId }), [ownerType, ownerId])
  const list = useQuery(attachmentQueries.list(owner))
  const fieldErrorText = useFieldErrorText()
  const [file, setFile] = useState<File | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [notice, setNotice] = useState<MessageRef | null>(null)
  const [toDelete, setToDelete] = useState<Attachment | null>(null)
  const resetFileRef = useRef<() => void>(null)

  const upload = useMutation({
    mutationFn: (selected: File) => {
      const form = new FormData()
      form.append('ownerType', ownerType)
      form.append('ownerId', ownerId)
      const type = effectiveContentType(selected)
      const typed =
        type === selected.type ? selected : new File([selected], selected.name, { type })
      form.append('file', typed, selected.name)
      return apiFetch('/api/v1/attachments', {
        method: 'POST',
        formData: form,
        schema: attachmentSchema,
      })
    },
    onSuccess: () => {
      setNotice({ id: 'I-ATTACH-001' })
      setFile(null)
      resetFileRef.current?.()
      void invalidateAttachments(queryClient, owner)
    },
  })

  const remove = useMutation({
    mutationFn: (attachment: Attachment) =>
      apiFetch(`/api/v1/attachments/${encodeURIComponent(attachment.id)}`, { method: 'DELETE' }),
    onSuccess: () => {
      setNotice({ id: 'I-ATTACH-002' })
      setToDelete(null)
      void invalidateAttachments(queryClient, owner)
    },
  })

  const download = useMutation({
    mutationFn: (attachment: Attachment) =>
      downloadFile(attachmentContentUrl(attachment.id), attachment.fileName),
    onError: (error) => {
      // Deleted meanwhile (E-COMMON-002): show the list as it is now.
      if (isApiError(error) && error.status === 404) void invalidateAttachments(queryClient, owner)
    },
  })
  const downloadingId = download.isPending ? download.variables.id : null
  const startDownload = download.mutate
  const resetDownload = download.reset

  const onFileChange = (selected: File | null) => {
    setFile(selected)
    setNotice(null)
    upload.reset()
    setFileError(selected ? checkAttachment(selected) : null)
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (!file) {
      setFileError(encodeMessageRef({ id: 'E-COMMON-007' }))
      return
    }
    const problem = checkAttachment(file)
    setFileError(problem)
    if (problem) return
    setNotice(null)
    upload.mutate(file)
  }

  const columns = useMemo(() => {
    // A link to the file (so it stays a link: new tab, copy address), downloaded through the
    // API client on a plain click.
    const onDownloadClick = (event: MouseEvent<HTMLAnchorElement>, attachment: Attachment) => {
      if (!isPlainClick(event)) return
      event.preventDefault()
      if (downloadingId === attachment.id) return
      setNotice(null)
      startDownload(attachment)
    }
    return [
      column.accessor('fileName', {
        header: t('attachments.columns.fileName'),
        cell: (info) => (
          <Anchor
            href={attachmentContentUrl(info.row.original.id)}
            download={info.getValue()}
            onClick={(event) => onDownloadClick(event, info.row.original)}
            fz="sm"
          >
            {info.getValue()}
          </Anchor>
        ),
      }),
      column.accessor('size', {
        header: t('attachments.columns.size'),
        cell: (info) => {
          const size = byteSize(info.getValue())
          return t(`format.bytes.${size.unit}`, { value: size.value })
        },
        meta: { numeric: true, width: 84, nowrap: true },
      }),
      column.accessor((row) => attachmentTypeKey(row.contentType), {
        id: 'type',
        header: t('attachments.columns.type'),
        cell: (info) => (
          <span title={info.row.original.contentType}>
            {t(`attachments.types.${info.getValue()}`)}
          </span>
        ),
        meta: { width: 104, nowrap: true },
      }),
      column.accessor('sha256', {
        header: t('attachments.columns.sha256'),
        cell: (info) => <span title={info.getValue()}>{shortHash(info.getValue())}</span>,
        enableSorting: false,
        meta: { width: 112, mono: true, nowrap: true },
      }),
      column.accessor((row) => row.uploadedBy.name, {
        id: 'uploadedBy',
        header: t('attachments.columns.uploadedBy'),
        meta: { width: 112 },
      }),
      column.accessor('createdAt', {
        header: t('attachments.columns.createdAt'),
        cell: (info) => formatDateTime(info.getValue()),
        sortingFn: (a, b) => timestampOf(a.original.createdAt) - timestampOf(b.original.createdAt),
        meta: { width: 136, nowrap: true, tabular: true },
      }),
      column.display({
        id: 'actions',
        header: t('attachments.columns.actions'),
        cell: (info) => (
          <Group gap={4} wrap="nowrap">
            <Button
              component="a"
              href={attachmentContentUrl(info.row.original.id)}
              download={info.row.original.fileName}
              onClick={(event: MouseEvent<HTMLAnchorElement>) =>
                onDownloadClick(event, info.row.original)
              }
              loading={downloadingId === info.row.original.id}
              variant="subtle"
              size="compact-sm"
              px={6}
              leftSection={<DownloadIcon size={14} />}
              aria-label={t('attachments.downloadFile', { fileName: info.row.original.fileName })}
            >
              {t('attachments.download')}
            </Button>
            {readOnly ? null : (
              <Button
                variant="subtle"
                color="red"
                size="compact-sm"
                px={6}
                leftSection={<TrashIcon size={14} />}
                onClick={() => setToDelete(info.row.original)}
                aria-label={t('attachments.deleteFile', { fileName: info.row.original.fileName })}
              >
                {t('attachments.delete')}
              </Button>
            )}
          </Group>
        ),
        meta: { width: readOnly ? 120 : 184, nowrap: true },
      }),
    ]
  }, [t, readOnly, downloadingId, startDownload])

  return (
    <Paper withBorder p="md" className="yoryo-panel" data-testid="attachment-panel">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} className="yoryo-section-title">
            {t('attachments.title')}
          </Title>
          <Text fz="sm" c="dimmed">
            {list.data ? t('common.count', { count: list.data.length }) : null}
          </Text>
        </Group>
        {notice ? (
          <MessageAlert {...notice} withCloseButton onClose={() => setNotice(null)} />
        ) : null}
        {readOnly ? null : (
          <form onSubmit={onSubmit} noValidate data-testid="attachment-upload">
            <Group align="flex-start" gap="sm" wrap="nowrap">
              <FileInput
                label={t('attachments.fileLabel')}
                placeholder={t('attachments.filePlaceholder')}
                accept={ATTACHMENT_ACCEPT}
                value={file}
                onChange={onFileChange}
                resetRef={resetFileRef}
                clearable
                clearButtonProps={{ 'aria-label': t('attachments.clearFile') }}
                error={fieldErrorText(fileError ? { message: fileError } : undefined)}
                disabled={upload.isPending}
                w={520}
                aria-describedby="attachment-limits"
              />
              <Button
                type="submit"
                loading={upload.isPending}
                className="yoryo-inline-submit"
                disabled={Boolean(fileError)}
              >
                {t('attachments.upload')}
              </Button>
            </Group>
            <Text id="attachment-limits" fz="xs" c="dimmed" mt={4}>
              {t('attachments.limits', { maxMb: ATTACHMENT_MAX_MB })}
            </Text>
          </form>
        )}
        {upload.error ? <ApiErrorAlert error={upload.error} /> : null}
        {download.error && !(isApiError(download.error) && download.error.leadsToRedirect) ? (
          <ApiErrorAlert
            error={download.error}
            withCloseButton
            onClose={resetDownload}
            data-testid="attachment-download-error"
          />
        ) : null}
        {list.error ? <ApiErrorAlert error={list.error} /> : null}
        <DataTable
          label={t('attachments.tableLabel')}
          data={list.data}
          columns={columns}
          loading={list.isPending}
          skeletonRows={3}
          getRowId={(row) => row.id}
          emptyMessage={t('attachments.empty')}
          initialSorting={[{ id: 'createdAt', desc: true }]}
          testId="attachment-table"
        />
      </Stack>
      <ConfirmDialog
        opened={toDelete !== null}
        title={t('attachments.deleteTitle')}
        message={t('attachments.deleteConfirm', { fileName: toDelete?.fileName ?? '' })}
        confirmLabel={t('attachments.deleteSubmit')}
        onConfirm={() => {
          if (toDelete) remove.mutate(toDelete)
        }}
        onClose={() => {
          setToDelete(null)
          remove.reset()
        }}
        loading={remove.isPending}
        error={remove.error}
      />
    </Paper>
  )
}
