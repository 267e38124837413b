import { keepPreviousData, queryOptions, type QueryClient } from '@tanstack/react-query'
import { auditEntrySchema, pageSchema } from '@yoryo/contracts'
import { apiFetch } from '@yoryo/ui'

/** The audit log (`/api/v1/audit-log`): the operator's all, an administrator's own participant's. */

export const AUDIT_LOG_PATH = '/api/v1/audit-log'

export interface AuditLogParams {
  page: number
  pageSize: number
  sort?: string
  from?: string
  to?: string
  action?: string
  entityType?: string
  entityId?: string
  actor?: string
  participantCode?: string
  requestId?: string
}

export const auditLogKeys = {
  all: ['auditLog'] as const,
  lists: () => [...auditLogKeys.all, 'list'] as const,
  list: (params: AuditLogParams) => [...auditLogKeys.lists(), params] as const,
}

const auditPageSchema = pageSchema(auditEntrySchema)

export const auditLogQueries = {
  list: (params: AuditLogParams) =>
    queryOptions({
      queryKey: auditLogKeys.list(params),
      queryFn: ({ signal }) =>
        apiFetch(AUDIT_LOG_PATH, { signal, query: { ...params }, schema: auditPageSchema }),
      placeholderData: keepPreviousData,
    }),
}

export function invalidateAuditLog(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: auditLogKeys.all })
}
