// The rumor registry, disposals and their sweeps, retention and legal holds (A16).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  ConfirmRumorAnswer,
  ConfirmRumorBody,
  DisposalDetail,
  DisposalsAnswer,
  DisposalView,
  DisposeItemBody,
  HoldView,
  Items,
  RetainedCopy,
  RumorView,
} from '../../api/types.ts'
import { get, post } from '../../app/api.ts'

export const disposalKeys = {
  all: ['disposal'] as const,
  rumors: ['disposal', 'rumors'] as const,
  list: ['disposal', 'list'] as const,
  detail: (id: string) => ['disposal', 'detail', id] as const,
  holds: ['disposal', 'holds'] as const,
}

/** How often a page showing a running sweep (or an index still being built) asks again. */
export const SWEEP_POLL_MS = 2000

/** The server's bound on a reason (src/platform/disposal/routes.ts). */
export const REASON_MAX = 500

export function useRumors() {
  return useQuery({
    queryKey: disposalKeys.rumors,
    queryFn: async () => (await get<Items<RumorView>>('/api/rumors')).items,
  })
}

/** Disposals and the index they sweep; every 2 s while a sweep runs or the index is still being built. */
export function useDisposals() {
  return useQuery({
    queryKey: disposalKeys.list,
    queryFn: () => get<DisposalsAnswer>('/api/disposals'),
    refetchInterval: (q) =>
      q.state.data?.items.some((d) => d.status === 'sweeping') || q.state.data?.index.state === 'building'
        ? SWEEP_POLL_MS
        : 30_000,
  })
}

/** One disposal with the items it acted on; every 2 s until its sweep has finished. */
export function useDisposal(id: string) {
  return useQuery({
    queryKey: disposalKeys.detail(id),
    queryFn: () => get<DisposalDetail>(`/api/disposals/${encodeURIComponent(id)}`),
    refetchInterval: (q) => (q.state.data?.disposal.status === 'sweeping' ? SWEEP_POLL_MS : false),
  })
}

export function useConfirmRumor() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: ConfirmRumorBody) => post<ConfirmRumorAnswer>('/api/rumors', body),
    onSuccess: () => client.invalidateQueries({ queryKey: disposalKeys.all }),
  })
}

/** Disposes of one item at once (A16). */
export function useDisposeItem() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: DisposeItemBody }) =>
      post<DisposalView>(`/api/content/${encodeURIComponent(itemId)}/disposal`, body),
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: disposalKeys.all }),
        client.invalidateQueries({ queryKey: ['reports'] }),
      ]),
  })
}

/** Needs `retention.read`. */
export function useLegalHolds(enabled = true) {
  return useQuery({
    queryKey: disposalKeys.holds,
    queryFn: async () => (await get<Items<HoldView>>('/api/legal-holds')).items,
    enabled,
  })
}

export function usePlaceHold() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { itemId: string; reason: string }) => post<HoldView>('/api/legal-holds', body),
    onSuccess: () => client.invalidateQueries({ queryKey: disposalKeys.holds }),
  })
}

export function useReleaseHold() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ itemId, reason }: { itemId: string; reason: string }) =>
      post<void>(`/api/legal-holds/${encodeURIComponent(itemId)}/release`, { reason }),
    onSuccess: () => client.invalidateQueries({ queryKey: disposalKeys.holds }),
  })
}

/** Opens the sealed copy of a removed item; the server records who opened it and why. */
export function useOpenRetained() {
  return useMutation({
    mutationFn: ({ itemId, reason }: { itemId: string; reason: string }) =>
      post<RetainedCopy>(`/api/retention/${encodeURIComponent(itemId)}/open`, { reason }),
  })
}
