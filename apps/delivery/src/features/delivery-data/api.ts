import { keepPreviousData, queryOptions } from '@tanstack/react-query'
import {
  deliveryResourceSchema,
  deliveryResourceSearchSchema,
  dispatchOrderDetailSchema,
  dispatchOrderPageSchema,
  jstToday,
  meteredDayPageSchema,
  meteredSlotPageSchema,
  reserveNoticePageSchema,
  reserveOfferPageSchema,
  supplyInstructionPageSchema,
  type ResourceKind,
} from '@yoryo/contracts'
import { apiFetch } from '@yoryo/ui'
import type { z } from 'zod'

/** The API of delivery-period data (B60, B70, B80, C10). */
export const DELIVERY_DATA_PATH = '/api/v1/delivery-data'
export const deliveryDataPaths = {
  meteredGeneration: `${DELIVERY_DATA_PATH}/metered-generation`,
  meteredSlots: `${DELIVERY_DATA_PATH}/metered-generation/slots`,
  supplyInstructions: `${DELIVERY_DATA_PATH}/supply-instructions`,
  reserveNotices: `${DELIVERY_DATA_PATH}/reserve-notices`,
  reserveOffers: `${DELIVERY_DATA_PATH}/reserve-notices/offers`,
  dispatchOrders: `${DELIVERY_DATA_PATH}/dispatch-orders`,
  dispatchOrderSlots: (id: string) =>
    `${DELIVERY_DATA_PATH}/dispatch-orders/${encodeURIComponent(id)}/slots`,
} as const

/** The function base paths the resource picker is asked through (each with its own access). */
export type ResourceBase = (typeof deliveryDataPaths)[
  'meteredGeneration' | 'supplyInstructions' | 'reserveNotices' | 'dispatchOrders']

type Params = Record<string, string | number | boolean | null | undefined>

function list<S extends z.ZodType>(path: string, schema: S, params: Params) {
  return queryOptions({
    queryKey: ['deliveryData', path, params],
    queryFn: ({ signal }) => apiFetch<z.output<S>>(path, { signal, query: params, schema }),
    placeholderData: keepPreviousData,
  })
}

export const deliveryDataQueries = {
  resources: (base: ResourceBase, q: string, kind?: ResourceKind) =>
    queryOptions({
      queryKey: ['deliveryData', base, 'resources', q, kind],
      queryFn: ({ signal }) =>
        apiFetch(`${base}/resources`, {
          signal,
          query: { q: q || undefined, kind },
          schema: deliveryResourceSearchSchema,
        }),
      placeholderData: keepPreviousData,
    }),
  resource: (base: ResourceBase, id: string) =>
    queryOptions({
      queryKey: ['deliveryData', base, 'resource', id],
      queryFn: ({ signal }) =>
        apiFetch(`${base}/resources/${encodeURIComponent(id)}`, {
          signal,
          schema: deliveryResourceSchema,
        }),
      staleTime: 5 * 60_000,
    }),
  meteredDays: (params: Params) =>
    list(deliveryDataPaths.meteredGeneration, meteredDayPageSchema, params),
  meteredSlots: (params: Params) =>
    list(deliveryDataPaths.meteredSlots, meteredSlotPageSchema, params),
  supplyInstructions: (params: Params) =>
    list(deliveryDataPaths.supplyInstructions, supplyInstructionPageSchema, params),
  reserveNotices: (params: Params) =>
    list(deliveryDataPaths.reserveNotices, reserveNoticePageSchema, params),
  reserveOffers: (params: Params) =>
    list(deliveryDataPaths.reserveOffers, reserveOfferPageSchema, params),
  dispatchOrders: (params: Params) =>
    list(deliveryDataPaths.dispatchOrders, dispatchOrderPageSchema, params),
  dispatchOrder: (id: string) =>
    queryOptions({
      queryKey: ['deliveryData', 'dispatchOrder', id],
      queryFn: ({ signal }) =>
        apiFetch(`${deliveryDataPaths.dispatchOrders}/${encodeURIComponent(id)}`, {
          signal,
          schema: dispatchOrderDetailSchema,
        }),
    }),
}

/** The last complete JST month (`YYYY-MM`): what the screens open on. */
export function lastCompleteMonth(today: string = jstToday()): string {
  const [y, m] = today.split('-').map(Number) as [number, number]
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
}

/** The months a month field offers: the current JST month and the 23 before it, newest first. */
export function monthChoices(today: string = jstToday()): string[] {
  const [y, m] = today.split('-').map(Number) as [number, number]
  return Array.from({ length: 24 }, (_, i) => {
    const index = y * 12 + (m - 1) - i
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`
  })
}

/** A month param of the URL, if it is one of the choices; else the last complete month. */
export function readMonth(params: URLSearchParams): string {
  const month = params.get('month') ?? ''
  return monthChoices().includes(month) ? month : lastCompleteMonth()
}
