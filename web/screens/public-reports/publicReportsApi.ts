// Public reports (A18) as staff work them: the list (oldest first, filtered), one report with its cluster and files,
// closing it with feedback, and — for the admins — opening the reporter's sealed identity with a reason. The opened
// identity is never put in the query cache: it lives only in the dialog that asked for it.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  ClosePublicReportBody,
  Items,
  PublicReportDetail,
  PublicReportGuide,
  PublicReportStatus,
  PublicReportView,
  ReportCategoryKey,
  RoutePreview,
  UnsealedIdentity,
} from '../../api/types.ts'
import { get, post } from '../../app/api.ts'

export interface PublicReportFilter {
  status?: PublicReportStatus
  category?: ReportCategoryKey
  county?: string
}

export const publicReportKeys = {
  all: ['public-reports'] as const,
  list: (f: PublicReportFilter) => ['public-reports', 'list', f] as const,
  one: (id: string) => ['public-reports', 'one', id] as const,
}

/** The published categories and counties (the same guide the public reads). */
export function usePublicReportGuide() {
  return useQuery({
    queryKey: ['public-reports', 'guide'],
    queryFn: () => get<PublicReportGuide>('/api/public/reports/guide'),
    staleTime: 10 * 60_000,
  })
}

export function usePublicReports(filter: PublicReportFilter) {
  const q = new URLSearchParams({ limit: '500' })
  for (const [k, v] of Object.entries(filter)) if (v) q.set(k, v)
  return useQuery({
    queryKey: publicReportKeys.list(filter),
    queryFn: async () => (await get<Items<PublicReportView>>(`/api/public-reports?${q}`)).items,
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  })
}

export function usePublicReport(id: string | null) {
  return useQuery({
    queryKey: publicReportKeys.one(id ?? ''),
    queryFn: () => get<PublicReportDetail>(`/api/public-reports/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  })
}

/** Where routing would send a received report now (the open case of its claim, or the rules' organisation). */
export function useRoutePreview(id: string, enabled: boolean) {
  return useQuery({
    queryKey: ['public-reports', 'route-preview', id],
    queryFn: () => get<RoutePreview>(`/api/public-reports/${encodeURIComponent(id)}/route`),
    enabled,
  })
}

export function useClosePublicReport(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: ClosePublicReportBody) =>
      post<PublicReportDetail>(`/api/public-reports/${encodeURIComponent(id)}/close`, body),
    onSuccess: (detail) => {
      client.setQueryData(publicReportKeys.one(id), detail)
      void client.invalidateQueries({ queryKey: publicReportKeys.all })
    },
  })
}

export function useUnsealIdentity(id: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (reason: string) =>
      post<UnsealedIdentity>(`/api/public-reports/${encodeURIComponent(id)}/unseal`, { reason }),
    // The report now lists this opening among its unsealings.
    onSuccess: () => void client.invalidateQueries({ queryKey: publicReportKeys.one(id) }),
  })
}

export const evidenceUrl = (reportId: string, evidenceId: string) =>
  `/api/public-reports/${encodeURIComponent(reportId)}/evidence/${encodeURIComponent(evidenceId)}`
