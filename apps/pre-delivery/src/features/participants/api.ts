import {
  keepPreviousData,
  queryOptions,
  useMutation,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query'
import {
  applicationSchema,
  pageSchema,
  participantSchema,
  type Participant,
  type ParticipantProfile,
} from '@yoryo/contracts'
import { apiFetch, isApiError, applicationKeys } from '@yoryo/ui'

/** Participant information (030): `/api/v1/participants`. */

export const PARTICIPANTS_PATH = '/api/v1/participants'

export interface ParticipantListParams {
  page: number
  pageSize: number
  sort?: string
  q?: string
  status?: 'active' | 'cancelled'
}

export const participantKeys = {
  all: ['participants'] as const,
  lists: () => [...participantKeys.all, 'list'] as const,
  list: (params: ParticipantListParams) => [...participantKeys.lists(), params] as const,
  details: () => [...participantKeys.all, 'detail'] as const,
  detail: (id: string) => [...participantKeys.details(), id] as const,
}

const participantPageSchema = pageSchema(participantSchema)
const participantPath = (id: string) => `${PARTICIPANTS_PATH}/${encodeURIComponent(id)}`

export const participantQueries = {
  list: (params: ParticipantListParams) =>
    queryOptions({
      queryKey: participantKeys.list(params),
      queryFn: ({ signal }) =>
        apiFetch(PARTICIPANTS_PATH, {
          signal,
          query: { ...params },
          schema: participantPageSchema,
        }),
      placeholderData: keepPreviousData,
    }),
  detail: (id: string) =>
    queryOptions({
      queryKey: participantKeys.detail(id),
      queryFn: ({ signal }): Promise<Participant> =>
        apiFetch(participantPath(id), { signal, schema: participantSchema }),
    }),
}

export function invalidateParticipants(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: participantKeys.all })
}

function useFileApplication<P>(kind: 'change' | 'cancel') {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ participant, proposed }: { participant: Participant; proposed: P }) =>
      apiFetch(`${participantPath(participant.id)}/${kind}-applications`, {
        method: 'POST',
        body: { proposed, submit: true, version: participant.version },
        schema: applicationSchema,
      }),
    onSuccess: (application) => {
      queryClient.setQueryData(applicationKeys.detail(application.id), application)
      void queryClient.invalidateQueries({ queryKey: applicationKeys.lists() })
    },
    onError: (error, { participant }) => {
      // Changed meanwhile (E-COMMON-004): show the current information.
      if (isApiError(error) && error.status === 409) {
        void queryClient.invalidateQueries({ queryKey: participantKeys.detail(participant.id) })
      }
    },
  })
}

/** Applies to change the participant information (any field, the bank account included). */
export function useChangeApplication() {
  return useFileApplication<ParticipantProfile>('change')
}

/** Applies to cancel the registration, with a reason. */
export function useCancelApplication() {
  return useFileApplication<{ reason: string }>('cancel')
}
