// The platform reports page's queries (regulator only, `platform_report.read`): the reports platforms filed here
// (A16), of one platform or all, and one report with its entries. Reports arrive when platforms handle a case, so
// the list refreshes while the page is open.
import { keepPreviousData, useQuery } from '@tanstack/react-query'
import type { Items, PlatformReport, PlatformReportDetail } from '../../api/types.ts'
import { get } from '../../app/api.ts'

export const platformReportKeys = {
  all: ['platform-reports'] as const,
  list: (platform: string | null) => ['platform-reports', 'list', platform ?? 'all'] as const,
  one: (id: string) => ['platform-reports', 'one', id] as const,
}

export const PLATFORM_REPORTS_REFRESH_MS = 5000
/** Reports shown at once (the server allows up to 500). */
export const LIST_LIMIT = 200

export function usePlatformReports(platform: string | null) {
  return useQuery({
    queryKey: platformReportKeys.list(platform),
    queryFn: async () =>
      (
        await get<Items<PlatformReport>>(
          `/api/platform-reports?limit=${LIST_LIMIT}${platform ? `&platform=${encodeURIComponent(platform)}` : ''}`,
        )
      ).items,
    placeholderData: keepPreviousData,
    refetchInterval: PLATFORM_REPORTS_REFRESH_MS,
  })
}

export function usePlatformReport(id: string | null) {
  return useQuery({
    queryKey: platformReportKeys.one(id ?? ''),
    queryFn: () => get<PlatformReportDetail>(`/api/platform-reports/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  })
}
