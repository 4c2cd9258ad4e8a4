// The sampling patrol (A12.1): random unlooked items, recording a look, and coverage.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Items, PatrolCoverage, SampleItem } from '../../api/types.ts'
import { get, post } from '../../app/api.ts'

export const patrolKeys = {
  all: ['patrol'] as const,
  sample: ['patrol', 'sample'] as const,
  coverage: ['patrol', 'coverage'] as const,
}

export const COVERAGE_DAYS = 7

export function useSample() {
  return useQuery({
    queryKey: patrolKeys.sample,
    queryFn: async () =>
      (await get<Items<SampleItem>>(`/api/patrol/sample?size=8&days=${COVERAGE_DAYS}`)).items,
    refetchOnWindowFocus: false,
  })
}

export function useCoverage() {
  return useQuery({
    queryKey: patrolKeys.coverage,
    queryFn: () => get<PatrolCoverage>(`/api/patrol/coverage?days=${COVERAGE_DAYS}`),
  })
}

export function useLook() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { itemId: string; outcome: 'ok' | 'flagged'; note: string }) =>
      post<{ id: string; itemStatus: string }>('/api/patrol/looks', body),
    onSuccess: () => client.invalidateQueries({ queryKey: patrolKeys.coverage }),
  })
}
