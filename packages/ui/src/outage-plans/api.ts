import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import { z } from 'zod'
import {
  applicationSchema,
  outageAllowanceSchema,
  outagePlanDetailSchema,
  outagePlanResourceSchema,
  outagePlanSchema,
  outagePlanWindowSchema,
  pageSchema,
  type OutagePlan,
  type OutagePlanChangeInput,
  type OutagePlanRegisterInput,
} from '@yoryo/contracts'
import { apiFetch } from '../api/api-fetch.ts'
import { applicationKeys } from '../applications/api.ts'

/** Outage plans (180) `/api/v1/outage-plans`. */
export const OUTAGE_PLANS_PATH = '/api/v1/outage-plans'

export interface ListParams {
  page: number
  pageSize: number
  sort?: string
  q?: string
  deliveryYear?: number
  resourceId?: string
  state?: string
  from?: string
  to?: string
  participantId?: string
}

export interface AllowanceParams {
  resourceId: string
  deliveryYear: number
  startAt?: string
  endAt?: string
  reducedKw?: number
  planId?: string
  applicationId?: string
}

export const outagePlanKeys = {
  all: ['outagePlan'] as const,
  list: (params: ListParams) => [...outagePlanKeys.all, 'list', params] as const,
  detail: (id: string) => [...outagePlanKeys.all, 'detail', id] as const,
  window: (deliveryYear: number) => [...outagePlanKeys.all, 'window', deliveryYear] as const,
  resources: (deliveryYear: number) => [...outagePlanKeys.all, 'resources', deliveryYear] as const,
  allowance: (params: AllowanceParams) => [...outagePlanKeys.all, 'allowance', params] as const,
}

export const outagePlanQueries = {
  list: (params: ListParams) =>
    queryOptions({
      queryKey: outagePlanKeys.list(params),
      queryFn: ({ signal }) =>
        apiFetch(OUTAGE_PLANS_PATH, {
          signal,
          query: { ...params },
          schema: pageSchema(outagePlanSchema),
        }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: outagePlanKeys.detail(id),
      queryFn: ({ signal }) =>
        apiFetch(`${OUTAGE_PLANS_PATH}/${encodeURIComponent(id)}`, {
          signal,
          schema: outagePlanDetailSchema,
        }),
    }),
  /** The submission window of a delivery year (its own, else the one for any year). */
  window: (deliveryYear: number) =>
    queryOptions({
      queryKey: outagePlanKeys.window(deliveryYear),
      queryFn: ({ signal }) =>
        apiFetch(`${OUTAGE_PLANS_PATH}/window`, {
          signal,
          query: { deliveryYear },
          schema: outagePlanWindowSchema,
        }),
    }),
  /** The participant's resources with a contract in the year, with the contract kW. */
  resources: (deliveryYear: number) =>
    queryOptions({
      queryKey: outagePlanKeys.resources(deliveryYear),
      queryFn: ({ signal }) =>
        apiFetch(`${OUTAGE_PLANS_PATH}/resources`, {
          signal,
          query: { deliveryYear },
          schema: z.object({ items: z.array(outagePlanResourceSchema) }),
        }),
    }),
  /** The resource-year against the allowance, with the plan being filed when given. */
  allowance: (params: AllowanceParams) =>
    queryOptions({
      queryKey: outagePlanKeys.allowance(params),
      queryFn: ({ signal }) =>
        apiFetch(`${OUTAGE_PLANS_PATH}/allowance`, {
          signal,
          query: { ...params },
          schema: outageAllowanceSchema,
        }),
      placeholderData: keepPreviousData,
    }),
}

type Filing =
  | { kind: 'register'; proposed: OutagePlanRegisterInput }
  | { kind: 'change'; record: OutagePlan; proposed: OutagePlanChangeInput }
  | { kind: 'cancel'; record: OutagePlan; proposed: { reason: string } }

/** Files a registration, change or cancellation application (submitted at once). */
export function useFileOutagePlanApplication() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (filing: Filing) =>
      filing.kind === 'register'
        ? apiFetch(`${OUTAGE_PLANS_PATH}/registration-applications`, {
            method: 'POST',
            body: { proposed: filing.proposed, submit: true },
            schema: applicationSchema,
          })
        : apiFetch(
            `${OUTAGE_PLANS_PATH}/${encodeURIComponent(filing.record.id)}/${filing.kind}-applications`,
            {
              method: 'POST',
              body: { proposed: filing.proposed, submit: true, version: filing.record.version },
              schema: applicationSchema,
            },
          ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: applicationKeys.all })
      await queryClient.invalidateQueries({ queryKey: outagePlanKeys.all })
    },
  })
}
