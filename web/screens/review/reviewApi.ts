// Review of held items (A12.1): the queue by kind, claiming an item, deciding it, and its history from the ledger.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  BulkDecisionAnswer,
  ContentKind,
  HeldItem,
  Items,
  QueueItem,
  ReasonTemplate,
  ReviewDecisionBody,
  ReviewHistory,
} from '../../api/types.ts'
import { get, post } from '../../app/api.ts'

export const reviewKeys = {
  all: ['review'] as const,
  queue: (kind: ContentKind | null, order: QueueOrder) => ['review', 'queue', kind, order] as const,
  templates: ['review', 'templates'] as const,
  history: (id: string) => ['review', 'history', id] as const,
}

/** The server's bounds for a decision's reason (src/platform/review/routes.ts). */
export const REASON_MIN = 2
export const REASON_MAX = 500

export type QueueOrder = 'risk' | 'age'

export function useReviewQueue(kind: ContentKind | null, order: QueueOrder = 'risk') {
  return useQuery({
    queryKey: reviewKeys.queue(kind, order),
    queryFn: async () =>
      (await get<Items<QueueItem>>(`/api/review/queue?order=${order}${kind ? `&kind=${kind}` : ''}`)).items,
    refetchInterval: 30_000,
  })
}

export function useTemplates() {
  return useQuery({
    queryKey: reviewKeys.templates,
    queryFn: async () => (await get<Items<ReasonTemplate>>('/api/review/templates')).items,
    staleTime: Number.POSITIVE_INFINITY,
  })
}

export function useEscalate() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, note }: { id: string; note: string }) =>
      post<HeldItem>(`/api/review/${id}/escalate`, { note }),
    onSettled: () => client.invalidateQueries({ queryKey: reviewKeys.all }),
  })
}

export function useBulkDecide() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: ReviewDecisionBody & { ids: string[] }) =>
      post<BulkDecisionAnswer>('/api/review/bulk', body),
    onSettled: () => client.invalidateQueries({ queryKey: reviewKeys.all }),
  })
}

export function useReviewHistory(id: string | null) {
  return useQuery({
    queryKey: reviewKeys.history(id ?? ''),
    queryFn: () => get<ReviewHistory>(`/api/review/${id}/history`),
    enabled: id !== null,
  })
}

export function useClaim() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => post<HeldItem>(`/api/review/${id}/claim`),
    onSettled: () => client.invalidateQueries({ queryKey: reviewKeys.all }),
  })
}

export function useDecide() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: ReviewDecisionBody }) =>
      post<HeldItem>(`/api/review/${id}/decision`, body),
    onSettled: () => client.invalidateQueries({ queryKey: reviewKeys.all }),
  })
}
