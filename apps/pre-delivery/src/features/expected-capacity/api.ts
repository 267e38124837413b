import { keepPreviousData, queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import {
  applicationSchema,
  effectivenessTestSchema,
  expectedCapacityCalculationSchema,
  expectedCapacitySchema,
  expectedCapacityWindowSchema,
  factorTableSchema,
  factorTableSummarySchema,
  pageSchema,
  resourceSchema,
  type EffectivenessTestInput,
  type ExpectedCapacity,
  type ExpectedCapacityChangeInput,
  type ExpectedCapacityOverrides,
  type ExpectedCapacityRegisterInput,
  type FactorTableInput,
  type ResourceKind,
} from '@yoryo/contracts'
import { apiFetch, applicationKeys } from '@yoryo/ui'

/**
 * Expected capacity (070, 841) `/api/v1/expected-capacities`, the factor tables
 * `/api/v1/factor-tables` and effectiveness tests (824) `/api/v1/effectiveness-tests`.
 */
export const EXPECTED_CAPACITIES_PATH = '/api/v1/expected-capacities'
export const FACTOR_TABLES_PATH = '/api/v1/factor-tables'
export const EFFECTIVENESS_TESTS_PATH = '/api/v1/effectiveness-tests'

export interface ListParams {
  page: number
  pageSize: number
  sort?: string
  q?: string
  deliveryYear?: number
  resourceId?: string
}

export const expectedCapacityKeys = {
  all: ['expectedCapacity'] as const,
  list: (params: ListParams) => [...expectedCapacityKeys.all, 'list', params] as const,
  detail: (id: string) => [...expectedCapacityKeys.all, 'detail', id] as const,
  window: (deliveryYear?: number) =>
    [...expectedCapacityKeys.all, 'window', deliveryYear ?? null] as const,
  calculation: (body: object) => [...expectedCapacityKeys.all, 'calculation', body] as const,
  resources: (kind?: ResourceKind) => [...expectedCapacityKeys.all, 'resources', kind] as const,
  factorTables: (params: ListParams) =>
    [...expectedCapacityKeys.all, 'factorTables', params] as const,
  factorTable: (id: string) => [...expectedCapacityKeys.all, 'factorTable', id] as const,
  tests: (params: ListParams) => [...expectedCapacityKeys.all, 'tests', params] as const,
}

const resourceOptionsSchema = pageSchema(resourceSchema)

export const expectedCapacityQueries = {
  list: (params: ListParams) =>
    queryOptions({
      queryKey: expectedCapacityKeys.list(params),
      queryFn: ({ signal }) =>
        apiFetch(EXPECTED_CAPACITIES_PATH, {
          signal,
          query: { ...params },
          schema: pageSchema(expectedCapacitySchema),
        }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: expectedCapacityKeys.detail(id),
      queryFn: ({ signal }) =>
        apiFetch(`${EXPECTED_CAPACITIES_PATH}/${encodeURIComponent(id)}`, {
          signal,
          schema: expectedCapacitySchema,
        }),
    }),
  /** The window of a delivery year (its own, else the one for any year), or of any year. */
  window: (deliveryYear?: number) =>
    queryOptions({
      queryKey: expectedCapacityKeys.window(deliveryYear),
      queryFn: ({ signal }) =>
        apiFetch(
          `${EXPECTED_CAPACITIES_PATH}/window${deliveryYear ? `?deliveryYear=${deliveryYear}` : ''}`,
          {
            signal,
            schema: expectedCapacityWindowSchema,
          },
        ),
    }),
  calculation: (body: {
    resourceId: string
    deliveryYear: number
    overrides: ExpectedCapacityOverrides
  }) =>
    queryOptions({
      queryKey: expectedCapacityKeys.calculation(body),
      queryFn: ({ signal }) =>
        apiFetch(`${EXPECTED_CAPACITIES_PATH}/calculate`, {
          method: 'POST',
          signal,
          body,
          schema: expectedCapacityCalculationSchema,
        }),
      placeholderData: keepPreviousData,
    }),
  /** The participant's active resources (of a kind), to choose from. */
  resources: (kind?: ResourceKind) =>
    queryOptions({
      queryKey: expectedCapacityKeys.resources(kind),
      queryFn: ({ signal }) =>
        apiFetch('/api/v1/resources', {
          signal,
          query: { status: 'active', pageSize: 500, sort: 'code', ...(kind ? { kind } : {}) },
          schema: resourceOptionsSchema,
        }),
    }),
  factorTables: (params: ListParams) =>
    queryOptions({
      queryKey: expectedCapacityKeys.factorTables(params),
      queryFn: ({ signal }) =>
        apiFetch(FACTOR_TABLES_PATH, {
          signal,
          query: { ...params },
          schema: pageSchema(factorTableSummarySchema),
        }),
      placeholderData: keepPreviousData,
    }),
  /** One version, or `current` for the one in force. */
  factorTable: (id: string) =>
    queryOptions({
      queryKey: expectedCapacityKeys.factorTable(id),
      queryFn: ({ signal }) =>
        apiFetch(`${FACTOR_TABLES_PATH}/${encodeURIComponent(id)}`, {
          signal,
          schema: factorTableSchema,
        }),
    }),
  tests: (params: ListParams) =>
    queryOptions({
      queryKey: expectedCapacityKeys.tests(params),
      queryFn: ({ signal }) =>
        apiFetch(EFFECTIVENESS_TESTS_PATH, {
          signal,
          query: { ...params },
          schema: pageSchema(effectivenessTestSchema),
        }),
      placeholderData: keepPreviousData,
    }),
}

type Filing =
  | { kind: 'register'; proposed: ExpectedCapacityRegisterInput }
  | { kind: 'change'; record: ExpectedCapacity; proposed: ExpectedCapacityChangeInput }
  | { kind: 'cancel'; record: ExpectedCapacity; proposed: { reason: string } }

/** Files a registration, change or cancellation application (submitted at once). */
export function useFileExpectedCapacityApplication() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (filing: Filing) =>
      filing.kind === 'register'
        ? apiFetch(`${EXPECTED_CAPACITIES_PATH}/registration-applications`, {
            method: 'POST',
            body: { proposed: filing.proposed, submit: true },
            schema: applicationSchema,
          })
        : apiFetch(
            `${EXPECTED_CAPACITIES_PATH}/${encodeURIComponent(filing.record.id)}/${filing.kind}-applications`,
            {
              method: 'POST',
              body: { proposed: filing.proposed, submit: true, version: filing.record.version },
              schema: applicationSchema,
            },
          ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: applicationKeys.all })
      await queryClient.invalidateQueries({ queryKey: expectedCapacityKeys.all })
    },
  })
}

export function useCreateFactorTable() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: FactorTableInput) =>
      apiFetch(FACTOR_TABLES_PATH, { method: 'POST', body: input, schema: factorTableSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: expectedCapacityKeys.all }),
  })
}

export function useCreateEffectivenessTest() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: EffectivenessTestInput) =>
      apiFetch(EFFECTIVENESS_TESTS_PATH, {
        method: 'POST',
        body: input,
        schema: effectivenessTestSchema,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: expectedCapacityKeys.all }),
  })
}
