// The console's copies of the penalty API's types (src/regulator/penalties), checked against the server's by
// web/api/contract.check.ts (`npm run typecheck`).

export type Step =
  | 'opened'
  | 'investigated'
  | 'notified'
  | 'legal_reviewed'
  | 'decided'
  | 'served'
  | 'executed'
  | 'published'

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
