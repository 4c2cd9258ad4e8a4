// Cases (案件, A4, A5.1, A5.2), regulator only: the list and one case, every act on a case (each answers with the case
// as it now is, which goes straight into the cache), routing a public report into a case, the routing rules, and the
// working-day calendar the supervision deadlines are counted on.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  AddCaseDepartmentBody,
  CaseDetail,
  CaseStatus,
  CaseTransferView,
  CaseView,
  CloseCaseBody,
  EscalateCaseBody,
  Items,
  OpenCaseBody,
  RecordConsultationBody,
  ReportCategoryKey,
  RoutingRuleInput,
  RoutingRules,
  RoutingRuleView,
  SetCaseDeadlineBody,
  SetWorkingDayBody,
  WorkingDayView,
} from '../../api/types.ts'
import { get, post, put } from '../../app/api.ts'
import { publicReportKeys } from '../public-reports/publicReportsApi.ts'

export interface CaseFilter {
  status?: CaseStatus
  overdue?: boolean
}

export const caseKeys = {
  all: ['cases'] as const,
  list: (f: CaseFilter) => ['cases', 'list', f] as const,
  one: (id: string) => ['cases', 'one', id] as const,
  rules: ['cases', 'routing-rules'] as const,
  days: (year: number) => ['cases', 'working-days', year] as const,
  transfers: (f: TransferFilter) => ['cases', 'transfers', f] as const,
}

export interface TransferFilter {
  direction?: CaseTransferView['direction']
  status?: CaseTransferView['status']
}

/** The server's bounds (src/regulator/cases/routes.ts). */
export const TITLE_MAX = 200
export const SUMMARY_MAX = 4000
export const REASON_MAX = 1000
/** Transfer reasons and answers (src/regulator/cases/routes.ts). */
export const TRANSFER_TEXT_MAX = 2000
export const CONCLUSION_MAX = 4000
export const WORKING_DAYS_MAX = 120
export const NOTE_MAX = 100
export const ARTICLE_PATTERN = /^A\d{1,2}(\.\d)?$/

/** Needs `case.read`. Asked again every 30 s: a deadline passes, or another department acts. */
export function useCases(filter: CaseFilter) {
  const q = new URLSearchParams({ limit: '500' })
  if (filter.status) q.set('status', filter.status)
  if (filter.overdue) q.set('overdue', 'true')
  return useQuery({
    queryKey: caseKeys.list(filter),
    queryFn: async () => (await get<Items<CaseView>>(`/api/cases?${q}`)).items,
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  })
}

export function useCase(id: string | null) {
  return useQuery({
    queryKey: caseKeys.one(id ?? ''),
    queryFn: () => get<CaseDetail>(`/api/cases/${encodeURIComponent(id ?? '')}`),
    enabled: id !== null,
  })
}

/** Every act on a case answers with the case: put it in the cache, and ask the lists again. */
function useCaseAct<B>(id: string, path: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: B) => post<CaseDetail>(`/api/cases/${encodeURIComponent(id)}/${path}`, body),
    onSuccess: (c) => {
      client.setQueryData(caseKeys.one(c.id), c)
      void client.invalidateQueries({ queryKey: caseKeys.all, refetchType: 'active' })
    },
  })
}

export const useAddDepartment = (id: string) => useCaseAct<AddCaseDepartmentBody>(id, 'departments')
export const useRecordConsultation = (id: string) => useCaseAct<RecordConsultationBody>(id, 'consultations')
export const useSetDeadline = (id: string) => useCaseAct<SetCaseDeadlineBody>(id, 'deadline')
export const useEscalateCase = (id: string) => useCaseAct<EscalateCaseBody>(id, 'escalate')
export const useCloseCase = (id: string) => useCaseAct<CloseCaseBody>(id, 'close')
/** The city CAC only: the server refuses anyone else with CASE_TRANSFER_NOT_CAC. */
export const useTransferCase = (id: string) => useCaseAct<{ toNode: string; reason: string }>(id, 'transfer')

/** Needs `case.read`; the city CAC sees the transfers, anyone else an empty list. Asked again while one is pending. */
export function useCaseTransfers(filter: TransferFilter) {
  const q = new URLSearchParams()
  if (filter.direction) q.set('direction', filter.direction)
  if (filter.status) q.set('status', filter.status)
  const query = q.toString()
  return useQuery({
    queryKey: caseKeys.transfers(filter),
    queryFn: async () =>
      (await get<Items<CaseTransferView>>(`/api/case-transfers${query ? `?${query}` : ''}`)).items,
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.some((t) => t.status === 'pending') ? 5000 : 30_000),
  })
}

/** Answering a transfer from another region: accepting opens a case here; either way the sender is told. */
function useAnswerTransfer<B>(path: 'accept' | 'refuse') {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: B }) =>
      post<CaseTransferView>(`/api/case-transfers/${encodeURIComponent(id)}/${path}`, body),
    onSettled: () => client.invalidateQueries({ queryKey: caseKeys.all }),
  })
}

export const useAcceptTransfer = () =>
  useAnswerTransfer<{ leadOrganisationId?: string; note?: string }>('accept')
export const useRefuseTransfer = () => useAnswerTransfer<{ reason: string }>('refuse')

/** Needs `case.manage`. */
export function useOpenCase() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: OpenCaseBody) => post<CaseDetail>('/api/cases', body),
    onSuccess: (c) => {
      client.setQueryData(caseKeys.one(c.id), c)
      void client.invalidateQueries({ queryKey: caseKeys.all })
      void client.invalidateQueries({ queryKey: publicReportKeys.all })
    },
  })
}

/** Needs `case.manage`: routes a received public report to the competent organisation and opens its case (A5.2). */
export function useRoutePublicReport(reportId: string) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => post<CaseDetail>(`/api/public-reports/${encodeURIComponent(reportId)}/route`),
    onSuccess: (c) => {
      client.setQueryData(caseKeys.one(c.id), c)
      void client.invalidateQueries({ queryKey: caseKeys.all })
      void client.invalidateQueries({ queryKey: publicReportKeys.all })
    },
  })
}

/** Needs `case.read`. */
export function useRoutingRules(enabled = true) {
  return useQuery({
    queryKey: caseKeys.rules,
    queryFn: () => get<RoutingRules>('/api/routing-rules'),
    enabled,
  })
}

/** Needs `case.manage`. Replaces every rule at once. */
export function useSaveRoutingRules() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (rules: RoutingRuleInput[]) => put<RoutingRules>('/api/routing-rules', { rules }),
    onSuccess: (r) => client.setQueryData(caseKeys.rules, r),
  })
}

/** The rule a report of this category about this county goes by: the county's own first, then the city-wide one. */
export function ruleFor(
  rules: readonly RoutingRuleView[],
  category: ReportCategoryKey,
  countyCode: string | null,
): RoutingRuleView | undefined {
  return (
    (countyCode !== null
      ? rules.find((r) => r.category === category && r.countyCode === countyCode)
      : undefined) ?? rules.find((r) => r.category === category && r.countyCode === null)
  )
}

/** Needs `case.read`. */
export function useWorkingDays(year: number) {
  return useQuery({
    queryKey: caseKeys.days(year),
    queryFn: async () => (await get<Items<WorkingDayView>>(`/api/working-days?year=${year}`)).items,
    placeholderData: keepPreviousData,
  })
}

/** Needs `case.supervise`. Deadlines counted from now on use the corrected calendar; the case list is asked again. */
export function useSetWorkingDay() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ date, body }: { date: string; body: SetWorkingDayBody }) =>
      put<WorkingDayView>(`/api/working-days/${encodeURIComponent(date)}`, body),
    onSuccess: (d) => {
      void client.invalidateQueries({ queryKey: caseKeys.days(Number(d.date.slice(0, 4))) })
      void client.invalidateQueries({ queryKey: ['cases', 'list'] })
    },
  })
}

/** Monday to Friday: what a date is without an entry in the calendar. */
export function weekdayWorking(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay()
  return d !== 0 && d !== 6
}

export function weekdayOf(date: string): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay()
}

/** Today's date in China (UTC+8), as the server counts deadlines and consultation dates. */
export function chinaToday(now: number = Date.now()): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 10)
}
