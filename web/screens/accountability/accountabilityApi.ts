// 履职监督 (A27): findings per officer and department for a period, and accountability records. Supervisors and
// regulator admins read; supervisors keep records. Types mirror src/regulator/accountability/accountability.ts.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Items } from '../../api/types.ts'
import { get, post } from '../../app/api.ts'

import type { AccountabilityRecordView, Measure, RecordBody, SupervisionView } from './types.ts'

export type * from './types.ts'

export const MEASURES: readonly Measure[] = ['interview_reminder', 'criticism', 'disciplinary_proposal']

export const accountabilityKeys = {
  view: (from: string, to: string) => ['accountability', 'view', from, to] as const,
  records: ['accountability', 'records'] as const,
}

/** Needs `accountability.read`. */
export function useSupervision(from: string, to: string) {
  return useQuery({
    queryKey: accountabilityKeys.view(from, to),
    queryFn: () => get<SupervisionView>(`/api/accountability?${new URLSearchParams({ from, to })}`),
    placeholderData: keepPreviousData,
  })
}

/** Needs `accountability.read`. Newest first. */
export function useAccountabilityRecords() {
  return useQuery({
    queryKey: accountabilityKeys.records,
    queryFn: async () => (await get<Items<AccountabilityRecordView>>('/api/accountability/records')).items,
  })
}

/** Needs `accountability.manage`. */
export function useRecordAccountability() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: RecordBody) => post<AccountabilityRecordView>('/api/accountability/records', body),
    onSuccess: () => client.invalidateQueries({ queryKey: accountabilityKeys.records }),
  })
}

/** Needs `accountability.manage`. */
export function useConcludeAccountability() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, outcome }: { id: string; outcome: string }) =>
      post<AccountabilityRecordView>(`/api/accountability/records/${encodeURIComponent(id)}/conclude`, {
        outcome,
      }),
    onSettled: () => client.invalidateQueries({ queryKey: accountabilityKeys.records }),
  })
}
