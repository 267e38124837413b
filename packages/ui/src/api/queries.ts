import { queryOptions, type QueryClient } from '@tanstack/react-query'
import {
  messages,
  type Attachment,
  type AttachmentOwnerType,
  type MessageDefinition,
  type MessageId,
} from '@yoryo/contracts'
import { isApiError } from './api-error.ts'
import { apiFetch } from './api-fetch.ts'
import { lazySchema } from './lazy-schema.ts'

/**
 * Query-option factories with hierarchical keys (architecture.md): `all` → narrower keys, so
 * invalidating `all` refreshes every query of the entity. One invalidation helper per entity.
 */

// ── auth (session) ──────────────────────────────────────────────────────────────────────────
export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
}

export const authQueries = {
  /** The logged-in user (`GET /api/v1/auth/me`); 401 when there is no session. */
  me: () =>
    queryOptions({
      queryKey: authKeys.me(),
      queryFn: ({ signal }) =>
        apiFetch('/api/v1/auth/me', { signal, schema: lazySchema('sessionUserSchema') }),
      staleTime: 60_000,
      retry: false,
    }),
}

export function invalidateAuth(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: authKeys.all })
}

// ── portal ──────────────────────────────────────────────────────────────────────────────────
export const portalKeys = {
  all: ['portal'] as const,
  top: () => [...portalKeys.all, 'top'] as const,
}

export const portalQueries = {
  top: () =>
    queryOptions({
      queryKey: portalKeys.top(),
      queryFn: ({ signal }) =>
        apiFetch('/api/v1/portal', { signal, schema: lazySchema('portalSchema') }),
      staleTime: 30_000,
      refetchInterval: 5 * 60_000,
    }),
}

export function invalidatePortal(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: portalKeys.all })
}

// ── maintenance ─────────────────────────────────────────────────────────────────────────────
export const maintenanceKeys = {
  all: ['maintenance'] as const,
  status: () => [...maintenanceKeys.all, 'status'] as const,
}

export const maintenanceQueries = {
  /** Needs no login; the maintenance screen and the login page read it. */
  status: () =>
    queryOptions({
      queryKey: maintenanceKeys.status(),
      queryFn: ({ signal }) =>
        apiFetch('/api/v1/system/maintenance', {
          signal,
          schema: lazySchema('maintenanceStatusSchema'),
        }),
      staleTime: 15_000,
    }),
}

export function invalidateMaintenance(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: maintenanceKeys.all })
}

// ── messages (600 / G30) ────────────────────────────────────────────────────────────────────
export interface CatalogueEntry extends MessageDefinition {
  id: MessageId
}

export const messageKeys = {
  all: ['messages'] as const,
  catalogue: () => [...messageKeys.all, 'catalogue'] as const,
}

/** The catalogue bundled with @yoryo/contracts (the same source the API serves). */
export function bundledCatalogue(): CatalogueEntry[] {
  return (Object.keys(messages) as MessageId[]).map((id) => ({ id, ...messages[id] }))
}

export const messageQueries = {
  /**
   * The message catalogue from `GET /api/v1/messages` (public), so the list matches the running
   * API; the bundled copy shows at once and stands in if the endpoint is missing.
   */
  catalogue: () =>
    queryOptions({
      queryKey: messageKeys.catalogue(),
      queryFn: async ({ signal }): Promise<CatalogueEntry[]> => {
        try {
          return await apiFetch<CatalogueEntry[]>('/api/v1/messages', { signal })
        } catch (error) {
          if (isApiError(error) && error.status === 404) return bundledCatalogue()
          throw error
        }
      },
      placeholderData: bundledCatalogue(),
      staleTime: Infinity,
    }),
}

export function invalidateMessages(queryClient: QueryClient) {
  return queryClient.invalidateQueries({ queryKey: messageKeys.all })
}

// ── attachments ─────────────────────────────────────────────────────────────────────────────
export interface AttachmentOwner {
  ownerType: AttachmentOwnerType
  ownerId: string
}

export const attachmentKeys = {
  all: ['attachments'] as const,
  lists: () => [...attachmentKeys.all, 'list'] as const,
  list: (owner: AttachmentOwner) =>
    [...attachmentKeys.lists(), { ownerType: owner.ownerType, ownerId: owner.ownerId }] as const,
}

export const attachmentQueries = {
  list: (owner: AttachmentOwner) =>
    queryOptions({
      queryKey: attachmentKeys.list(owner),
      queryFn: ({ signal }): Promise<Attachment[]> =>
        apiFetch('/api/v1/attachments', {
          signal,
          query: { ownerType: owner.ownerType, ownerId: owner.ownerId },
          schema: lazySchema('attachmentListSchema'),
        }),
    }),
}

/** Refreshes one owner's attachments, or all lists when no owner is given. */
export function invalidateAttachments(queryClient: QueryClient, owner?: AttachmentOwner) {
  return queryClient.invalidateQueries({
    queryKey: owner ? attachmentKeys.list(owner) : attachmentKeys.all,
  })
}

export function attachmentContentUrl(id: string): string {
  return `/api/v1/attachments/${encodeURIComponent(id)}/content`
}
