// Inspections of platforms (A19.1), regulator only: the list (of one platform or all), and requesting one. A platform
// answers at once and its records' proof follows with its next signed checkpoint, so the list asks again every 2 s
// while an inspection waits for either.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { InspectionView, Items, RequestInspectionBody } from '../../api/types.ts'
import { get, post } from '../../app/api.ts'

export const inspectionKeys = {
  all: ['inspections'] as const,
  list: (platform: string | null) => ['inspections', 'list', platform ?? 'all'] as const,
}

export const INSPECTION_POLL_MS = 2000
const IDLE_REFRESH_MS = 30_000
export const REASON_MAX = 1000

/** Whether an inspection still waits for the platform's answer or the proof of its records. */
export function waiting(i: InspectionView): boolean {
  return i.status === 'requested' || (i.filingId !== null && i.proof === null)
}

/** Needs `inspection.read` on a regulator node. */
export function useInspections(platform: string | null) {
  return useQuery({
    queryKey: inspectionKeys.list(platform),
    queryFn: async () =>
      (
        await get<Items<InspectionView>>(
          `/api/inspections${platform ? `?platform=${encodeURIComponent(platform)}` : ''}`,
        )
      ).items,
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.some(waiting) ? INSPECTION_POLL_MS : IDLE_REFRESH_MS),
  })
}

/** Needs `inspection.request`. */
export function useRequestInspection() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: RequestInspectionBody) => post<InspectionView>('/api/inspections', body),
    onSuccess: () => client.invalidateQueries({ queryKey: inspectionKeys.all }),
  })
}

/** A date in China (`YYYY-MM-DD`) as the instant it starts there. */
export function chinaDayStart(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString()
}

/** The date in China `days` days from now (negative: before). */
export function chinaDate(days = 0, now: number = Date.now()): string {
  return new Date(now + days * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10)
}

/** Adds one day to a `YYYY-MM-DD` date. */
export function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
}
