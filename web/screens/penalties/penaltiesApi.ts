// Penalty cases (行政处罚, A22–A25) on a regulator node: the list with each case's step and clock, one case, the
// measures its article allows with their bounds, and every step of the procedure. The types mirror
// src/regulator/penalties (routes.ts schemas).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { Items } from '../../api/types.ts'
import { get, post } from '../../app/api.ts'

export type Step =
  | 'opened'
  | 'investigated'
  | 'notified'
  | 'legal_reviewed'
  | 'decided'
  | 'served'
  | 'executed'
  | 'published'
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

export interface PenaltyMeasure {
  kind: string
  amountYuan?: number
  personName?: string
  deadline?: string
}

export interface PenaltyCaseView {
  id: string
  number: string
  title: string
  partyKind: 'platform'
  partyNodeId: string | null
  partyName: string
  violated: string[]
  article: string
  orderId: string | null
  facts: string
  leadOrganisationId: string
  step: Step
  openedAt: string
  openedByName: string
  investigatedAt: string | null
  findings: string | null
  aggravated: boolean
  aggravationReason: string | null
  notifiedAt: string | null
  notice: {
    facts: string
    reasons: string
    basis: string
    aggravated: boolean
    measures: PenaltyMeasure[]
    hearingRight: boolean
    windowEnds: string
  } | null
  statements: { at: string; text: string; waivesHearing: boolean }[]
  hearingWaived: boolean
  hearingRequestedAt: string | null
  hearingNoticedAt: string | null
  hearingOn: string | null
  hearingPlace: string | null
  hearingHeldAt: string | null
  hearingRecord: string | null
  legalReviewedAt: string | null
  legalReviewerName: string | null
  legalOpinion: string | null
  decidedAt: string | null
  decisionNumber: string | null
  measures: PenaltyMeasure[] | null
  boundsVersion: string | null
  performance: string | null
  decidedByName: string | null
  servedAt: string | null
  serviceMethod: string | null
  executedAt: string | null
  executionNote: string | null
  publishedAt: string | null
  revokedAt: string | null
  revokeReason: string | null
  clock: { id: string; citation: string; due: string; overdue: boolean } | null
}

export interface MeasureRule {
  kind: string
  aggravatedOnly: boolean
  required: boolean
  minYuan?: number
  maxYuan?: number
}

export interface AllowedMeasures {
  version: string
  effectiveFrom: string
  article: string
  textZh: string
  aggravated: boolean
  measures: MeasureRule[]
  labels: Record<string, { zh: string; en: string }>
}

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

export type StepPath =
  | 'investigate'
  | 'notify'
  | 'statement'
  | 'hearing-request'
  | 'hearing-schedule'
  | 'hearing'
  | 'legal-review'
  | 'decide'
  | 'serve'
  | 'execute'
  | 'publish'
  | 'revoke'

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

export interface CreditRecordView {
  id: string
  partyKind: string
  partyNodeId: string | null
  partyName: string
  penaltyCaseId: string
  decisionNumber: string
  article: string
  violated: string[]
  measures: PenaltyMeasure[]
  enteredAt: string
  withdrawnAt: string | null
  withdrawReason: string | null
}

/** Needs `penalty.read`: the parties' credit files (A26), newest first. */
export function useCreditRecords() {
  return useQuery({
    queryKey: ['penalties', 'credit'] as const,
    queryFn: async () => (await get<Items<CreditRecordView>>('/api/credit-records')).items,
  })
}
