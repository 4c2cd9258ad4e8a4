// The filings page's query (platform only, `filing.read`): the platform's reports to the regulator (A16), waiting
// or sent, with their delivery. A waiting filing goes out within seconds of the next checkpoint, so the list
// refreshes while the page is open.
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { Filing, FilingStatus, Items } from '../../api/types.ts'
import { get } from '../../app/api.ts'

export const filingKeys = {
  all: ['filings'] as const,
  list: (status: FilingStatus | null) => ['filings', status ?? 'all'] as const,
}

export const FILINGS_REFRESH_MS = 5000
/** Filings shown at once (the server allows up to 200). */
export const LIST_LIMIT = 200

export function useFilings(status: FilingStatus | null) {
  return useQuery({
    queryKey: filingKeys.list(status),
    queryFn: async () =>
      (await get<Items<Filing>>(`/api/filings?limit=${LIST_LIMIT}${status ? `&status=${status}` : ''}`))
        .items,
    placeholderData: keepPreviousData,
    refetchInterval: FILINGS_REFRESH_MS,
  })
}
