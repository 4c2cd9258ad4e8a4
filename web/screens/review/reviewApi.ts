// Review of held items (A12.1): the queue by kind, claiming an item, deciding it, and its history from the ledger.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  ContentKind,
  HeldItem,
  Items,
  QueueItem,
  ReviewDecisionBody,
  ReviewHistory,
} from '../../api/types.ts'
import { get, post } from '../../app/api.ts'

export const reviewKeys = {
  all: ['review'] as const,
  queue: (kind: ContentKind | null) => ['review', 'queue', kind] as const,
  history: (id: string) => ['review', 'history', id] as const,
}

/** The server's bounds for a decision's reason (src/platform/review/routes.ts). */
export const REASON_MIN = 2
export const REASON_MAX = 500

export function useReviewQueue(kind: ContentKind | null) {
  return useQuery({
    queryKey: reviewKeys.queue(kind),
    queryFn: async () =>
      (await get<Items<QueueItem>>(`/api/review/queue${kind ? `?kind=${kind}` : ''}`)).items,
    refetchInterval: 30_000,
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
