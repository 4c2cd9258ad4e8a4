// Reports (A15): the queue of reported items by priority, the reports on one item with each reporter's record,
// deciding them all at once, and pausing a reporter who abuses reporting.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  DecideReportsAnswer,
  DecideReportsBody,
  ItemReportsView,
  Items,
  MuteReporterAnswer,
  MuteReporterBody,
  ReportQueueEntry,
} from '../../api/types.ts'
import { get, post } from '../../app/api.ts'
import { disposalKeys } from '../disposal/disposalApi.ts'

export const reportKeys = {
  all: ['reports'] as const,
  queue: ['reports', 'queue'] as const,
  item: (id: string) => ['reports', 'item', id] as const,
}

export function useReportQueue() {
  return useQuery({
    queryKey: reportKeys.queue,
    queryFn: async () => (await get<Items<ReportQueueEntry>>('/api/reports/queue')).items,
    refetchInterval: 30_000,
  })
}

export function useItemReports(id: string | null) {
  return useQuery({
    queryKey: reportKeys.item(id ?? ''),
    queryFn: () => get<ItemReportsView>(`/api/reports/items/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  })
}

export function useDecideReports() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ itemId, body }: { itemId: string; body: DecideReportsBody }) =>
      post<DecideReportsAnswer>(`/api/reports/items/${encodeURIComponent(itemId)}/decision`, body),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: reportKeys.all }),
        client.invalidateQueries({ queryKey: disposalKeys.all }),
      ]),
  })
}

export function useMuteReporter() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ userId, body }: { userId: string; body: MuteReporterBody }) =>
      post<MuteReporterAnswer>(`/api/reporters/${encodeURIComponent(userId)}/mute`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: reportKeys.all }),
  })
}

export function useUnmuteReporter() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (userId: string) => post<void>(`/api/reporters/${encodeURIComponent(userId)}/unmute`),
    onSuccess: () => client.invalidateQueries({ queryKey: reportKeys.all }),
  })
}
