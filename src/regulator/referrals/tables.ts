import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { organisation } from '../../core/organisations/tables.ts'
import { caseFile } from '../cases/tables.ts'

/** One document handed over with a referral. */
export interface ReferralMaterial {
  /** `case_file`, `evidence` (a digest), `ledger_entry`, `document`. */
  kind: string
  title: string
  /** A case number, ledger entry id or document number. */
  ref: string | null
  sha256: string | null
}

/** A step of a referral, as recorded: what happened, on which date, by whom. */
export interface ReferralStepRecord {
  step: string
  /** The China date the step took effect (a notice received, a decision made). */
  on: string
  at: string
  byName: string
  byOrganisationId: string
  note: string | null
}

/**
 * A referral (移送, A20) of a case: to public security for a suspected crime (行刑衔接), or to the procuratorate for
 * public-interest litigation (公益诉讼). Steps are kept in order on the row and on the ledger; `due_*` is the next
 * statutory deadline, `overdue_flagged` the clocks already flagged (once each).
 */
export const referral = pgTable(
  'referral',
  {
    id: uuid('id').primaryKey(),
    /** `YS-2026-0003`. */
    number: text('number').notNull().unique(),
    kind: text('kind').notNull(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseFile.id),
    referringOrganisationId: uuid('referring_organisation_id')
      .notNull()
      .references(() => organisation.id),
    receivingOrganisationId: uuid('receiving_organisation_id')
      .notNull()
      .references(() => organisation.id),
    /** Organisations that see the referral besides the CAC: referring, receiving, and any drawn in later. */
    partyOrganisationIds: uuid('party_organisation_ids').array().notNull(),
    reason: text('reason').notNull(),
    materials: jsonb('materials').$type<ReferralMaterial[]>().notNull(),
    status: text('status').notNull(),
    steps: jsonb('steps').$type<ReferralStepRecord[]>().notNull(),
    /** The addressee of a procuratorial suggestion (检察建议), when it is an organisation of this node. */
    addresseeOrganisationId: uuid('addressee_organisation_id').references(() => organisation.id),
    addresseeName: text('addressee_name'),
    dueClock: text('due_clock'),
    dueOn: text('due_on'),
    dueAt: timestamp('due_at', { withTimezone: true }),
    overdueFlagged: text('overdue_flagged').array().notNull(),
    /** Lateness found when the step was recorded (e.g. the transfer decided after its 3 days). */
    lateClocks: text('late_clocks').array().notNull(),
    outcome: text('outcome'),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    sentByName: text('sent_by_name').notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('referral_case_idx').on(t.caseId), index('referral_due_idx').on(t.dueAt)],
)

/**
 * A private person who is a party to a case (A21). Only a label ("当事人甲") is readable; the real name and the
 * identity number are sealed, opened by those who need them, each opening on the ledger.
 */
export const caseIndividual = pgTable(
  'case_individual',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseFile.id),
    label: text('label').notNull(),
    /** AES-256-GCM of `{realName, idNumber}`, bound to this row's id. */
    identitySealed: text('identity_sealed').notNull(),
    countyCode: text('county_code'),
    conduct: text('conduct').notNull(),
    outcome: text('outcome'),
    lawIds: text('law_ids').array().notNull(),
    competentOrgan: text('competent_organ'),
    outcomeNote: text('outcome_note'),
    referralId: uuid('referral_id').references(() => referral.id),
    outcomeAt: timestamp('outcome_at', { withTimezone: true }),
    outcomeByName: text('outcome_by_name'),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    addedByName: text('added_by_name').notNull(),
  },
  (t) => [index('case_individual_case_idx').on(t.caseId)],
)
