import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import {
  paymentDetailSchema,
  paymentItemPageSchema,
  paymentPageSchema,
  type AllocationInput,
  type PaymentDirection,
  type PaymentInput,
  type PaymentItemState,
  type PaymentState,
  type SettlementDocumentKind,
} from '@yoryo/contracts'
import { apiFetch } from '@yoryo/ui'

/** F10: payments made and received, and the open items (one per settlement document). */
export const PAYMENTS_PATH = '/api/v1/payments'
export const PAYMENT_ITEMS_PATH = '/api/v1/payment-items'

export interface PaymentItemParams {
  month?: string
  kind?: SettlementDocumentKind
  state?: PaymentItemState
  overdue?: 'true'
  participantId?: string
  page: number
  pageSize: number
  sort?: string
}

export interface PaymentParams {
  direction?: PaymentDirection
  state?: PaymentState
  participantId?: string
  from?: string
  to?: string
  page: number
  pageSize: number
  sort?: string
}

export const paymentKeys = {
  all: ['payments'] as const,
  items: (params: PaymentItemParams) => [...paymentKeys.all, 'items', params] as const,
  list: (params: PaymentParams) => [...paymentKeys.all, 'list', params] as const,
  detail: (id: string) => [...paymentKeys.all, 'detail', id] as const,
}

const paymentPath = (id: string) => `${PAYMENTS_PATH}/${encodeURIComponent(id)}`

export const paymentQueries = {
  items: (params: PaymentItemParams) =>
    queryOptions({
      queryKey: paymentKeys.items(params),
      queryFn: ({ signal }) =>
        apiFetch(PAYMENT_ITEMS_PATH, {
          signal,
          query: { ...params },
          schema: paymentItemPageSchema,
        }),
      placeholderData: keepPreviousData,
    }),
  list: (params: PaymentParams) =>
    queryOptions({
      queryKey: paymentKeys.list(params),
      queryFn: ({ signal }) =>
        apiFetch(PAYMENTS_PATH, { signal, query: { ...params }, schema: paymentPageSchema }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: paymentKeys.detail(id),
      queryFn: ({ signal }) => apiFetch(paymentPath(id), { signal, schema: paymentDetailSchema }),
    }),
}

/** Every write changes payments, open items and the F00 documents' amounts. */
function useInvalidate() {
  const queryClient = useQueryClient()
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: paymentKeys.all }),
      queryClient.invalidateQueries({ queryKey: ['settlement'] }),
    ])
}

export function useRecordPayment() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: PaymentInput) =>
      apiFetch(PAYMENTS_PATH, { method: 'POST', body: input, schema: paymentDetailSchema }),
    onSuccess: invalidate,
  })
}

export function useAllocatePayment(id: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (allocations: AllocationInput[]) =>
      apiFetch(`${paymentPath(id)}/allocations`, {
        method: 'POST',
        body: { allocations },
        schema: paymentDetailSchema,
      }),
    onSuccess: invalidate,
  })
}

export function useReversePayment(id: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (reason: string) =>
      apiFetch(`${paymentPath(id)}/reverse`, {
        method: 'POST',
        body: { reason },
        schema: paymentDetailSchema,
      }),
    onSuccess: invalidate,
  })
}
