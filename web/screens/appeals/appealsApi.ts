// Appeals (A15, A13.3): the appeals by status with their items, and deciding one.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { AppealQueueEntry, AppealView, DecideAppealBody, Items } from '../../api/types.ts'
import { get, post } from '../../app/api.ts'

export type AppealStatus = AppealView['status']

export const appealKeys = {
  all: ['appeals'] as const,
  list: (status: AppealStatus) => ['appeals', status] as const,
}

/** The server's bound on a decision's reason (src/platform/appeals/routes.ts). */
export const DECISION_REASON_MAX = 500

export function useAppeals(status: AppealStatus) {
  return useQuery({
    queryKey: appealKeys.list(status),
    queryFn: async () => (await get<Items<AppealQueueEntry>>(`/api/appeals?status=${status}`)).items,
    refetchInterval: 30_000,
  })
}

export function useDecideAppeal() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: DecideAppealBody }) =>
      post<AppealView>(`/api/appeals/${encodeURIComponent(id)}/decision`, body),
    onSettled: () => client.invalidateQueries({ queryKey: appealKeys.all }),
  })
}
