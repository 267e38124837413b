import { useMutation, useQueryClient } from '@tanstack/react-query'
import {
  noticeReadSchema,
  noticeSchema,
  type NoticeChange,
  type NoticeInput,
} from '@yoryo/contracts'
import { NOTICES_PATH, apiFetch, noticeKeys } from '@yoryo/ui'

const noticePath = (id: string) => `${NOTICES_PATH}/${encodeURIComponent(id)}`

function useInvalidate() {
  const queryClient = useQueryClient()
  return () => queryClient.invalidateQueries({ queryKey: noticeKeys.all })
}

export function useCreateNotice() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: NoticeInput) =>
      apiFetch(NOTICES_PATH, { method: 'POST', body: input, schema: noticeSchema }),
    onSuccess: invalidate,
  })
}

export function useChangeNotice(id: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (input: NoticeChange) =>
      apiFetch(noticePath(id), { method: 'PUT', body: input, schema: noticeSchema }),
    onSuccess: invalidate,
  })
}

export function useWithdrawNotice(id: string) {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (version: number) =>
      apiFetch(`${noticePath(id)}/withdraw`, {
        method: 'POST',
        body: { version },
        schema: noticeSchema,
      }),
    onSuccess: invalidate,
  })
}

/** The caller's read mark; the lists and the portal's unread panel follow. */
export function useMarkNoticeRead() {
  const invalidate = useInvalidate()
  return useMutation({
    mutationFn: (id: string) =>
      apiFetch(`${noticePath(id)}/read`, { method: 'POST', schema: noticeReadSchema }),
    onSuccess: invalidate,
  })
}
