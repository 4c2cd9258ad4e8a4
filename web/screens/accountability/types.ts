// The types the 履职监督 page reads, mirroring src/regulator/accountability/accountability.ts (web/api/contract.check.ts
// keeps them equal). No imports: the contract check reads this file without the console's runtime.

export type FindingKind =
  | 'overdue_step'
  | 'public_report_late'
  | 'public_report_no_feedback'
  | 'public_report_open_overdue'
  | 'bounds_refused'
  | 'seal_opened'
  | 'pattern'

export interface Finding {
  id: string
  kind: FindingKind
  ruleId: string | null
  staffId: string | null
  staffName: string | null
  organisationId: string | null
  at: string
  subject: { type: string; id: string } | null
  action: string | null
  entryIds: string[]
  zh: string
  en: string
}

interface Tally {
  counts: Partial<Record<FindingKind, number>>
  total: number
}
export interface OfficerSummary extends Tally {
  staffId: string
  name: string
  organisationId: string | null
}
export interface DepartmentSummary extends Tally {
  organisationId: string | null
  nameZh: string
  nameEn: string
}

export interface SupervisionView {
  from: string
  to: string
  /** More ledger entries in the period than the view reads: later findings may be missing. */
  truncated: boolean
  findings: Finding[]
  officers: OfficerSummary[]
  departments: DepartmentSummary[]
  rules: Record<string, unknown>[]
}

export type Measure = 'interview_reminder' | 'criticism' | 'disciplinary_proposal'

export interface AccountabilityRecordView {
  id: string
  number: string
  staffId: string
  staffName: string
  organisationId: string | null
  findings: { id: string; kind: string; zh: string; en: string; entryIds: string[] }[]
  measure: Measure
  note: string
  status: 'open' | 'concluded'
  outcome: string | null
  createdByName: string
  createdAt: string
  concludedByName: string | null
  concludedAt: string | null
}

export interface RecordBody {
  staffId: string
  from: string
  to: string
  findingIds: string[]
  measure: Measure
  note: string
}
