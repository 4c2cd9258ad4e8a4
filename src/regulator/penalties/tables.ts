import { sql } from 'drizzle-orm'
import { boolean, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { organisation } from '../../core/organisations/tables.ts'
import { platformOrder } from '../orders/tables.ts'
import type { Measure } from './bounds.ts'

/** A measure as stored. */
export type StoredMeasure = Measure

/** What the party was told before the decision (告知, 行政处罚法第四十四条). */
export interface PenaltyNotice {
  facts: string
  reasons: string
  basis: string
  aggravated: boolean
  measures: StoredMeasure[]
  hearingRight: boolean
  /** Last China date to state one's case and ask for a hearing. */
  windowEnds: string
}

/**
 * A penalty case (行政处罚案件, A22–A25) against a platform, walked through 立案 → 调查 → 告知 → 陈述申辩/听证 → 法制审核 →
 * 决定 → 送达 → 执行 → 公示. Every step is also on the ledger; these columns are what the checks and the console read.
 */
export const penaltyCase = pgTable(
  'penalty_case',
  {
    id: uuid('id').primaryKey(),
    /** `通网信立〔2026〕4号`. */
    number: text('number').notNull().unique(),
    /** `platform` (A22–A25 punish platforms; A21 individuals are handled by referrals). */
    partyKind: text('party_kind').notNull(),
    partyNodeId: text('party_node_id'),
    partyName: text('party_name').notNull(),
    /** Requirement ids violated, all under one article: `['A19.2']`. */
    violated: text('violated').array().notNull(),
    article: text('article').notNull(),
    /** The act punished, for "one act is fined once": `order:<id>`, or the case's own id. */
    actKey: text('act_key').notNull(),
    /** The order whose non-execution opened the case (A25): one case per order. */
    orderId: uuid('order_id')
      .unique()
      .references(() => platformOrder.id),
    title: text('title').notNull(),
    facts: text('facts').notNull(),
    leadOrganisationId: uuid('lead_organisation_id')
      .notNull()
      .references(() => organisation.id),
    /** `opened` … `published` (procedure.ts STEPS). */
    step: text('step').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    openedByName: text('opened_by_name').notNull(),
    /** The staff member who investigated: the legal reviewer must be someone else. */
    investigatorStaffId: uuid('investigator_staff_id'),
    investigatedAt: timestamp('investigated_at', { withTimezone: true }),
    findings: text('findings'),
    aggravated: boolean('aggravated').notNull().default(false),
    aggravationReason: text('aggravation_reason'),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    notice: jsonb('notice').$type<PenaltyNotice>(),
    statements: jsonb('statements').$type<{ at: string; text: string; waivesHearing: boolean }[]>(),
    hearingWaived: boolean('hearing_waived').notNull().default(false),
    hearingRequestedAt: timestamp('hearing_requested_at', { withTimezone: true }),
    hearingNoticedAt: timestamp('hearing_noticed_at', { withTimezone: true }),
    /** China date of the hearing, and where. */
    hearingOn: text('hearing_on'),
    hearingPlace: text('hearing_place'),
    hearingHeldAt: timestamp('hearing_held_at', { withTimezone: true }),
    hearingRecord: text('hearing_record'),
    legalReviewedAt: timestamp('legal_reviewed_at', { withTimezone: true }),
    legalReviewerName: text('legal_reviewer_name'),
    legalOpinion: text('legal_opinion'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** `通网信罚〔2026〕3号`. */
    decisionNumber: text('decision_number').unique(),
    measures: jsonb('measures').$type<StoredMeasure[]>(),
    boundsVersion: text('bounds_version'),
    performance: text('performance'),
    decidedByName: text('decided_by_name'),
    servedAt: timestamp('served_at', { withTimezone: true }),
    serviceMethod: text('service_method'),
    executedAt: timestamp('executed_at', { withTimezone: true }),
    executionNote: text('execution_note'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokeReason: text('revoke_reason'),
    /** Clocks already flagged overdue, by clock id and due date (`service:2026-03-31`): each flagged once. */
    overdueFlags: text('overdue_flags').array().notNull().default(sql`'{}'::text[]`),
  },
  (t) => [index('penalty_case_step_idx').on(t.step), index('penalty_case_act_idx').on(t.actKey)],
)

/**
 * The party's credit file (信用档案, A26): one record per decision served on it, withdrawn (never deleted) when the
 * decision is revoked.
 */
export const creditRecord = pgTable(
  'credit_record',
  {
    id: uuid('id').primaryKey(),
    partyKind: text('party_kind').notNull(),
    partyNodeId: text('party_node_id'),
    partyName: text('party_name').notNull(),
    penaltyCaseId: uuid('penalty_case_id')
      .notNull()
      .unique()
      .references(() => penaltyCase.id),
    decisionNumber: text('decision_number').notNull(),
    article: text('article').notNull(),
    violated: text('violated').array().notNull(),
    measures: jsonb('measures').$type<StoredMeasure[]>().notNull(),
    enteredAt: timestamp('entered_at', { withTimezone: true }).notNull(),
    withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
    withdrawReason: text('withdraw_reason'),
  },
  (t) => [index('credit_record_party_idx').on(t.partyNodeId)],
)
