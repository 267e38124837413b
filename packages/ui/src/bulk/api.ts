import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import {
  functionOf,
  bulkFormatDetailSchema,
  bulkFormatListSchema,
  bulkImportAcceptedSchema,
  bulkImportPageSchema,
  bulkImportSchema,
  type AppId,
  type BulkFormat,
  type BulkImport,
  type BulkImportFields,
  type FunctionKey,
  type JobState,
} from '@yoryo/contracts'
import { apiFetch } from '../api/api-fetch.ts'

/** The bulk-file pipeline's API (`/api/v1/bulk-formats`, `/api/v1/bulk-imports`). */

export const BULK_IMPORTS_PATH = '/api/v1/bulk-imports'
export const BULK_FORMATS_PATH = '/api/v1/bulk-formats'

export interface BulkImportListParams {
  page: number
  pageSize: number
  sort?: string
  participantId?: string
  formatCode?: string
  state?: JobState
  /** The imports of the formats of one SPA (220: preDelivery, G00: delivery). */
  app?: AppId
}

/** The formats of an SPA: those whose function belongs to it (500 / 220 and G10 / G00). */
export function formatsOfApp<F extends Pick<BulkFormat, 'function'>>(
  formats: F[],
  app: AppId,
): F[] {
  return formats.filter((f) => functionOf(f.function.key as FunctionKey).app === app)
}

export const bulkKeys = {
  all: ['bulk'] as const,
  formats: () => [...bulkKeys.all, 'formats'] as const,
  format: (code: string) => [...bulkKeys.all, 'format', code] as const,
  imports: () => [...bulkKeys.all, 'imports'] as const,
  list: (params: BulkImportListParams) => [...bulkKeys.imports(), 'list', params] as const,
  import: (id: string) => [...bulkKeys.imports(), 'one', id] as const,
}

/** Whether an import is still to finish (its page polls until it has). */
export const isRunning = (state: JobState | undefined) => state === 'queued' || state === 'running'

/** How often the result of a running import is asked for. */
const POLL_MS = 500

export const bulkQueries = {
  formats: () =>
    queryOptions({
      queryKey: bulkKeys.formats(),
      queryFn: ({ signal }) =>
        apiFetch(BULK_FORMATS_PATH, { signal, schema: bulkFormatListSchema }),
      staleTime: 5 * 60_000,
    }),
  format: (code: string) =>
    queryOptions({
      queryKey: bulkKeys.format(code),
      queryFn: ({ signal }) =>
        apiFetch(`${BULK_FORMATS_PATH}/${encodeURIComponent(code)}`, {
          signal,
          schema: bulkFormatDetailSchema,
        }),
      staleTime: 5 * 60_000,
    }),
  list: (params: BulkImportListParams) =>
    queryOptions({
      queryKey: bulkKeys.list(params),
      queryFn: ({ signal }) =>
        apiFetch(BULK_IMPORTS_PATH, { signal, query: { ...params }, schema: bulkImportPageSchema }),
      placeholderData: keepPreviousData,
    }),
  /** One import; polls while it is queued or running (the progress bar). */
  import: (id: string) =>
    queryOptions({
      queryKey: bulkKeys.import(id),
      queryFn: ({ signal }) =>
        apiFetch(`${BULK_IMPORTS_PATH}/${encodeURIComponent(id)}`, {
          signal,
          schema: bulkImportSchema,
        }),
      refetchInterval: (query) =>
        isRunning((query.state.data as BulkImport | undefined)?.state) ? POLL_MS : false,
    }),
}

export const sampleHref = (code: string, encoding: 'shift_jis' | 'utf-8') =>
  `${BULK_FORMATS_PATH}/${encodeURIComponent(code)}/sample?encoding=${encoding}`

export const errorFileHref = (id: string) => `${BULK_IMPORTS_PATH}/${encodeURIComponent(id)}/errors`

/** Uploads a file (202): the import runs as a job; follow it with `bulkQueries.import`. */
export function useStartBulkImport() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ file, fields }: { file: File; fields: BulkImportFields }) => {
      const form = new FormData()
      form.append('format', fields.format)
      form.append('mode', fields.mode)
      form.append('encoding', fields.encoding)
      if (fields.participantId) form.append('participantId', fields.participantId)
      form.append('file', file, file.name)
      return apiFetch(BULK_IMPORTS_PATH, {
        method: 'POST',
        formData: form,
        schema: bulkImportAcceptedSchema,
      })
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: bulkKeys.imports() }),
  })
}
