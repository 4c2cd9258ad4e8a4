// The console's copies of the evaluation API's types (src/regulator/evaluation), checked against the server's by
// web/api/contract.check.ts (`npm run typecheck`).

export type Values = Record<string, number | null>

/** Mirrors `Indicator` in src/regulator/evaluation/scoring.ts. */
export interface Indicator {
  key: string
  scope: 'platform' | 'county'
  nameZh: string
  nameEn: string
  direction: 'higher' | 'lower'
  best: number
  worst: number
  weight: number
}

export interface IndicatorSetView {
  version: number
  indicators: Indicator[]
  note: string
  createdByName: string
  createdAt: string
}

export interface Scorecard {
  id: string
  nameZh: string
  nameEn: string
  raw: Values
  scores: Values
  total: number | null
}

export interface EvaluationRunView {
  id: string
  period: string
  periodFrom: string
  periodTo: string
  indicatorVersion: number
  indicators: Indicator[]
  platforms: Scorecard[]
  counties: Scorecard[]
  status: 'draft' | 'published'
  runByName: string
  runAt: string
  publishedByName: string | null
  publishedAt: string | null
}

/** Mirrors `MetricsFigures` in src/regulator/evaluation/metrics.ts. */
export interface MetricsFigures {
  reports: {
    received: number
    decided: number
    decidedInTime: number
    overdue: number
    medianHoursToDecision: number | null
  }
  clarifications: { disposals: number; medianMinutesToAct: number | null }
  orders: { received: number; executed: number; executedInTime: number; medianHoursToExecute: number | null }
  staffing: {
    reviewersOnRoster: number
    itemsPerReviewer: number
    days: number
    daysBelowRatio: number
    screened: number
    reviewed: number
    backlog: number
  }
  appeals: { filed: number; overturned: number; dismissed: number }
  disposals: { disposals: number; itemsApplied: number }
}

export interface PlatformMetricsView {
  id: string
  platformNode: string
  period: string
  periodFrom: string
  periodTo: string
  figures: MetricsFigures
  receivedAt: string
}

export interface StakeholderInputView {
  id: string
  platformNode: string
  period: string
  source: 'department' | 'enterprise'
  sourceName: string
  score: number
  comment: string
  recordedByName: string
  recordedAt: string
}

export interface SurveySummary {
  period: string
  answers: number
  byPlatform: {
    platform: string
    answers: number
    handling: number | null
    clarificationSpeed: number | null
    reporting: number | null
  }[]
}

export interface InputBody {
  platform: string
  period: string
  source: 'department' | 'enterprise'
  enterpriseName?: string
  score: number
  comment: string
}
