import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import {
  contractAmountDetailSchema,
  contractAmountPageSchema,
  settlementDocumentDetailSchema,
  settlementDocumentPageSchema,
  settlementIssueResultSchema,
  settlementRunListSchema,
  settlementRunSchema,
  type SettlementDocumentKind,
} from '@yoryo/contracts'
import { apiFetch } from '@yoryo/ui'

/** The monthly settlement: runs, E10 lines, F00 documents. */
export const SETTLEMENTS_PATH = '/api/v1/settlements'
export const CONTRACT_AMOUNTS_PATH = '/api/v1/contract-amounts'
export const SETTLEMENT_DOCUMENTS_PATH = '/api/v1/settlement-documents'

/** The URL of an issued document's PDF (`GET /api/v1/documents/{id}/pdf`). */
export function documentPdfPath(id: string): string {
  return `/api/v1/documents/${encodeURIComponent(id)}/pdf`
}

export interface ContractAmountParams {
  runId?: string
  month?: string
  page: number
  pageSize: number
  sort?: string
  resource?: string
  contract?: string
}

export interface SettlementDocumentParams {
  month?: string
  kind?: SettlementDocumentKind
  page: number
  pageSize: number
  sort?: string
}

export const settlementKeys = {
  all: ['settlement'] as const,
  runs: (month: string | undefined) => [...settlementKeys.all, 'runs', month ?? ''] as const,
  lines: (params: ContractAmountParams) => [...settlementKeys.all, 'lines', params] as const,
  line: (id: string) => [...settlementKeys.all, 'line', id] as const,
  documents: (params: SettlementDocumentParams) =>
    [...settlementKeys.all, 'documents', params] as const,
  document: (id: string) => [...settlementKeys.all, 'document', id] as const,
}

const RUNNING = new Set(['queued', 'running'])

export const settlementQueries = {
  /** The runs (versions) of a month, latest first; followed while one is queued or running. */
  runs: (month: string | undefined) =>
    queryOptions({
      queryKey: settlementKeys.runs(month),
      queryFn: ({ signal }) =>
        apiFetch(SETTLEMENTS_PATH, { signal, query: { month }, schema: settlementRunListSchema }),
      refetchInterval: (query) =>
        query.state.data?.items.some((r) => RUNNING.has(r.state)) ? 1000 : false,
    }),
  lines: (params: ContractAmountParams) =>
    queryOptions({
      queryKey: settlementKeys.lines(params),
      queryFn: ({ signal }) =>
        apiFetch(CONTRACT_AMOUNTS_PATH, {
          signal,
          query: { ...params },
          schema: contractAmountPageSchema,
        }),
      placeholderData: keepPreviousData,
    }),
  line: (id: string) =>
    queryOptions({
      queryKey: settlementKeys.line(id),
      queryFn: ({ signal }) =>
        apiFetch(`${CONTRACT_AMOUNTS_PATH}/${encodeURIComponent(id)}`, {
          signal,
          schema: contractAmountDetailSchema,
        }),
    }),
  documents: (params: SettlementDocumentParams) =>
    queryOptions({
      queryKey: settlementKeys.documents(params),
      queryFn: ({ signal }) =>
        apiFetch(SETTLEMENT_DOCUMENTS_PATH, {
          signal,
          query: { ...params },
          schema: settlementDocumentPageSchema,
        }),
      placeholderData: keepPreviousData,
    }),
  document: (id: string) =>
    queryOptions({
      queryKey: settlementKeys.document(id),
      queryFn: ({ signal }) =>
        apiFetch(`${SETTLEMENT_DOCUMENTS_PATH}/${encodeURIComponent(id)}`, {
          signal,
          schema: settlementDocumentDetailSchema,
        }),
    }),
}

/** The operator settles a month (a new version). */
export function useStartSettlementRun() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (month: string) =>
      apiFetch(SETTLEMENTS_PATH, { method: 'POST', body: { month }, schema: settlementRunSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settlementKeys.all }),
  })
}

/** The operator issues the month's payment notices and invoices from a run. */
export function useIssueSettlementDocuments() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (runId: string) =>
      apiFetch(`${SETTLEMENTS_PATH}/${encodeURIComponent(runId)}/documents`, {
        method: 'POST',
        body: {},
        schema: settlementIssueResultSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: settlementKeys.all }),
  })
}
