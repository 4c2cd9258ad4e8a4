// Clarifications (辟谣, A7), regulator only: the list (by status), one clarification, drafting, co-signing,
// approving and publishing. A published clarification waits for each platform to answer what it stopped, so the
// list and the detail ask again every 2 s while any delivery is still waiting.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { ClarificationView, DraftClarificationBody, Items } from '../../api/types.ts'
import { get, post } from '../../app/api.ts'

export type ClarificationStatus = ClarificationView['status']

export const clarificationKeys = {
  all: ['clarifications'] as const,
  list: (status: ClarificationStatus | null) => ['clarifications', 'list', status ?? 'all'] as const,
  one: (id: string) => ['clarifications', 'one', id] as const,
}

/** How often a page showing a delivery still waiting for the platform's answer asks again. */
export const DELIVERY_POLL_MS = 2000
const IDLE_REFRESH_MS = 30_000

/** The server's bounds on a draft (src/regulator/clarifications/routes.ts). */
export const CLAIM_MAX = 2000
export const TITLE_MAX = 200
export const BODY_MAX = 20_000

/** Whether a platform has yet to answer what it did about a published clarification. */
export const waiting = (c: ClarificationView): boolean =>
  c.status === 'published' && c.deliveries.some((d) => d.actedAt === null)

export function useClarifications(status: ClarificationStatus | null) {
  return useQuery({
    queryKey: clarificationKeys.list(status),
    queryFn: async () =>
      (await get<Items<ClarificationView>>(`/api/clarifications${status ? `?status=${status}` : ''}`)).items,
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.some(waiting) ? DELIVERY_POLL_MS : IDLE_REFRESH_MS),
  })
}

export function useClarification(id: string | null) {
  return useQuery({
    queryKey: clarificationKeys.one(id ?? ''),
    queryFn: () => get<ClarificationView>(`/api/clarifications/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
    refetchInterval: (q) => (q.state.data && waiting(q.state.data) ? DELIVERY_POLL_MS : false),
  })
}

export function useDraftClarification() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: DraftClarificationBody) => post<ClarificationView>('/api/clarifications', body),
    onSuccess: () => client.invalidateQueries({ queryKey: clarificationKeys.all }),
  })
}

export type Step = 'cosign' | 'approve' | 'publish'

/** Co-signs, approves or publishes; the answer is the clarification as it now is. */
export function useClarificationStep() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, step }: { id: string; step: Step }) =>
      post<ClarificationView>(`/api/clarifications/${encodeURIComponent(id)}/${step}`),
    onSuccess: (c) => client.setQueryData(clarificationKeys.one(c.id), c),
    // a refusal often means someone else moved the clarification on: show it as it now is
    onSettled: () => client.invalidateQueries({ queryKey: clarificationKeys.all }),
  })
}
