import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query'
import {
  applicationSchema,
  transitionResultSchema,
  type Application,
  type SystemUseApplication,
} from '@yoryo/contracts'
import { apiFetch, downloadFile, isApiError } from '@yoryo/ui'
import { z } from 'zod'

/**
 * The public system use application (700/701), without a login: the applicant holds the receipt
 * number and the access key (header `x-application-key`), shown once when it applies.
 */

const BASE = '/api/v1/applications/system-use'
const KEY_HEADER = 'x-application-key'

export interface SystemUseCredentials {
  receiptNo: string
  accessKey: string
}

const createdSchema = z.object({ application: applicationSchema, accessKey: z.string() })
export type SystemUseCreated = z.infer<typeof createdSchema>

const path = (receiptNo: string) => `${BASE}/${encodeURIComponent(receiptNo)}`
const keyHeaders = (credentials: SystemUseCredentials) => ({
  [KEY_HEADER]: credentials.accessKey,
})

export const systemUseKeys = {
  all: ['systemUse'] as const,
  // The access key is part of the key: another key is another answer (kept in memory only).
  status: (credentials: SystemUseCredentials) =>
    [...systemUseKeys.all, credentials.receiptNo, credentials.accessKey] as const,
}

export const systemUseQueries = {
  status: (credentials: SystemUseCredentials) =>
    queryOptions({
      queryKey: systemUseKeys.status(credentials),
      queryFn: ({ signal }): Promise<Application> =>
        apiFetch(path(credentials.receiptNo), {
          signal,
          headers: keyHeaders(credentials),
          schema: applicationSchema,
        }),
      retry: false,
      gcTime: 0,
    }),
}

export function useCreateSystemUseApplication() {
  return useMutation({
    mutationFn: (body: SystemUseApplication) =>
      apiFetch(BASE, { method: 'POST', body, schema: createdSchema }),
  })
}

/** Corrects a returned application, then resubmits it (the version of the correction). */
export function useCorrectAndResubmit(credentials: SystemUseCredentials) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: async ({
      application,
      proposed,
    }: {
      application: Application
      proposed: SystemUseApplication
    }) => {
      const corrected = await apiFetch(path(credentials.receiptNo), {
        method: 'PUT',
        headers: keyHeaders(credentials),
        body: { proposed, version: application.version },
        schema: applicationSchema,
      })
      queryClient.setQueryData(systemUseKeys.status(credentials), corrected)
      const result = await apiFetch(`${path(credentials.receiptNo)}/transitions/resubmit`, {
        method: 'POST',
        headers: keyHeaders(credentials),
        body: { comment: '', version: corrected.version },
        schema: transitionResultSchema,
      })
      return result.application
    },
    onSuccess: (application) => {
      queryClient.setQueryData(systemUseKeys.status(credentials), application)
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: systemUseKeys.status(credentials) })
      }
    },
  })
}

export function useWithdrawSystemUse(credentials: SystemUseCredentials) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (application: Application) =>
      apiFetch(`${path(credentials.receiptNo)}/transitions/withdraw`, {
        method: 'POST',
        headers: keyHeaders(credentials),
        body: { comment: '', version: application.version },
        schema: transitionResultSchema,
      }),
    onSuccess: (result) => {
      queryClient.setQueryData(systemUseKeys.status(credentials), result.application)
    },
    onError: (error) => {
      if (isApiError(error) && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: systemUseKeys.status(credentials) })
      }
    },
  })
}

/** Saves the application form (PDF, 701) as `<receipt number>.pdf`. */
export function useSystemUsePdf() {
  return useMutation({
    mutationFn: (credentials: SystemUseCredentials) =>
      downloadFile(
        `${path(credentials.receiptNo)}/pdf`,
        `${credentials.receiptNo}.pdf`,
        undefined,
        {
          headers: keyHeaders(credentials),
        },
      ),
  })
}
