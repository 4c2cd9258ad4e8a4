// The console's copies of the referral API's types (src/regulator/referrals), checked against the server's by
// web/api/contract.check.ts (`npm run typecheck`).

/** Mirrors `ReferralView` in src/regulator/referrals/referrals.ts. */
export interface ReferralView {
  id: string
  number: string
  kind: 'criminal' | 'public_interest'
  caseId: string
  caseNumber: string
  referringOrganisationId: string
  referringNameZh: string
  receivingOrganisationId: string
  receivingNameZh: string
  reason: string
  materials: { kind: string; title: string; ref: string | null; sha256: string | null }[]
  status: string
  steps: {
    step: string
    on: string
    at: string
    byName: string
    byOrganisationId: string
    byNameZh: string
    note: string | null
  }[]
  addresseeName: string | null
  addresseeOrganisationId: string | null
  deadline: {
    clock: string
    step: string
    dueOn: string
    window: boolean
    citation: string
    textZh: string
    overdue: boolean
  } | null
  lateClocks: string[]
  overdueFlagged: string[]
  outcome: string | null
  sentAt: string
  sentByName: string
  closedAt: string | null
}

export interface SendReferralBody {
  caseId: string
  kind: 'criminal' | 'public_interest'
  reason: string
  materials?: {
    kind: 'evidence' | 'ledger_entry' | 'document'
    title: string
    ref?: string
    sha256?: string
  }[]
  reportedOn?: string
  decidedOn?: string
}

export interface StepBody {
  step: string
  on?: string
  note?: string
  addresseeOrganisationId?: string
  addresseeName?: string
  urgent?: boolean
}

/** Mirrors `LawProvision` in src/regulator/referrals/laws.ts. */
export interface LawProvision {
  id: string
  kind: string
  citation: string
  summaryZh: string
  summaryEn: string
  competentOrganZh: string
  verified: boolean
  noteZh: string
}

/** Mirrors `CaseIndividualView` in src/regulator/referrals/individuals.ts. */
export interface CaseIndividualView {
  id: string
  caseId: string
  label: string
  identity: string
  countyCode: string | null
  conduct: string
  outcome: string | null
  laws: LawProvision[]
  competentOrgan: string | null
  outcomeNote: string | null
  referralId: string | null
  outcomeAt: string | null
  outcomeByName: string | null
  addedAt: string
  addedByName: string
}
