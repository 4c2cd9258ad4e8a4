// Penalty cases (行政处罚, A22–A25) on a regulator node: the list with each case's step and clock, one case, the
// measures its article allows with their bounds, and every step of the procedure. The types mirror
// src/regulator/penalties; they are in ./types.ts, checked against the server's.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Items } from '../../api/types.ts'
import { get, post } from '../../app/api.ts'
import type { AllowedMeasures, CreditRecordView, PenaltyCaseView, Step, StepPath } from './types.ts'

export type {
  AllowedMeasures,
  CreditRecordView,
  MeasureRule,
  PenaltyCaseView,
  PenaltyMeasure,
  Step,
  StepPath,
} from './types.ts'

export const STEPS: readonly Step[] = [
  'opened',
  'investigated',
  'notified',
  'legal_reviewed',
  'decided',
  'served',
  'executed',
  'published',
]

const keys = {
  list: ['penalties', 'list'] as const,
  one: (id: string) => ['penalties', 'one', id] as const,
  allowed: (id: string, aggravated: boolean) => ['penalties', 'allowed', id, aggravated] as const,
}

/** Needs `penalty.read`. Newest first. */
export function usePenaltyCases() {
  return useQuery({
    queryKey: keys.list,
    queryFn: async () => (await get<Items<PenaltyCaseView>>('/api/penalty-cases?limit=500')).items,
    refetchInterval: 30_000,
  })
}

export function usePenaltyCase(id: string) {
  return useQuery({
    queryKey: keys.one(id),
    queryFn: () => get<PenaltyCaseView>(`/api/penalty-cases/${encodeURIComponent(id)}`),
  })
}

export function useAllowedMeasures(id: string, aggravated: boolean) {
  return useQuery({
    queryKey: keys.allowed(id, aggravated),
    queryFn: () =>
      get<AllowedMeasures>(
        `/api/penalty-cases/${encodeURIComponent(id)}/allowed-measures?aggravated=${aggravated}`,
      ),
  })
}

export const decisionUrl = (id: string) => `/api/penalty-cases/${encodeURIComponent(id)}/decision`

/** One step of the procedure; the case as it now is goes into the cache. */
export function usePenaltyStep(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ path, body }: { path: StepPath; body?: unknown }) =>
      post<PenaltyCaseView>(`/api/penalty-cases/${encodeURIComponent(id)}/${path}`, body),
    onSuccess: (c) => {
      client.setQueryData(keys.one(c.id), c)
      void client.invalidateQueries({ queryKey: keys.list })
    },
  })
}

/** Needs `penalty.read`: the parties' credit files (A26), newest first. */
export function useCreditRecords() {
  return useQuery({
    queryKey: ['penalties', 'credit'] as const,
    queryFn: async () => (await get<Items<CreditRecordView>>('/api/credit-records')).items,
  })
}
