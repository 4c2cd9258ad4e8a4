// The public report pages' calls: no session of any kind rides along (no CSRF token, a 401 is nobody's lost
// session), so a staff member who is also signed in files exactly as any member of the public.
import { useMutation, useQuery } from '@tanstack/react-query'
import type {
  FilePublicReportBody,
  PublicReportGuide,
  PublicReportLookup,
  PublicReportReceipt,
} from '../api/types.ts'
import { request } from '../app/api.ts'

const PUBLIC = { csrfToken: null, ignoreUnauthorized: true } as const

export function usePublicReportGuide() {
  return useQuery({
    queryKey: ['public-report', 'guide'],
    queryFn: () => request<PublicReportGuide>('GET', '/api/public/reports/guide', undefined, PUBLIC),
    staleTime: 10 * 60_000,
  })
}

export function useFilePublicReport() {
  return useMutation({
    mutationFn: (body: FilePublicReportBody) =>
      request<PublicReportReceipt>('POST', '/api/public/reports', body, PUBLIC),
  })
}

/** The report behind a code; not kept in the cache, since the code is a secret. */
export function usePublicReportLookup(code: string | null) {
  return useQuery({
    queryKey: ['public-report', 'lookup', code ?? ''],
    queryFn: () =>
      request<PublicReportLookup>(
        'GET',
        `/api/public/reports/${encodeURIComponent(code ?? '')}`,
        undefined,
        PUBLIC,
      ),
    enabled: code !== null,
    retry: false,
    gcTime: 0,
  })
}
