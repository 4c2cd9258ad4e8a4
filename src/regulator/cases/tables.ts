import { sql } from 'drizzle-orm'
import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core'
import { organisation } from '../../core/organisations/tables.ts'

/**
 * A case file (案件, A5.1) shared by the departments on it: a lead, and others added for joint enforcement. A county
 * case may be escalated to the city (A4). Supervision (督办) sets a deadline counted in working days.
 */
export const caseFile = pgTable(
  'case_file',
  {
    id: uuid('id').primaryKey(),
    /** `TH-2026-0017`: the year in China and the case's place in it. */
    number: text('number').notNull().unique(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    leadOrganisationId: uuid('lead_organisation_id')
      .notNull()
      .references(() => organisation.id),
    /** One of the seven county division codes, or null for a city case. */
    countyCode: text('county_code'),
    /** `open`, `closed`. */
    status: text('status').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    openedByName: text('opened_by_name').notNull(),
    deadlineDays: integer('deadline_days'),
    /** The end of the last working day, in China. */
    deadlineAt: timestamp('deadline_at', { withTimezone: true }),
    overdueAt: timestamp('overdue_at', { withTimezone: true }),
    /** When the lead was reminded that the deadline falls on the next working day or today (once per deadline). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    escalated: boolean('escalated').notNull().default(false),
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    escalationReason: text('escalation_reason'),
    publicReportIds: uuid('public_report_ids').array().notNull(),
    clarificationIds: uuid('clarification_ids').array().notNull(),
    platformReportIds: uuid('platform_report_ids').array().notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedByName: text('closed_by_name'),
    conclusion: text('conclusion'),
    conclusionArticles: text('conclusion_articles').array(),
  },
  (t) => [
    index('case_file_status_idx').on(t.status, t.openedAt),
    index('case_file_deadline_idx').on(t.deadlineAt),
  ],
)

/** A department (or county office, or the CAC) on a case: each sees it, no other does (the CAC sees all). */
export const caseDepartment = pgTable(
  'case_department',
  {
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseFile.id),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    /** `lead`, `joint`. */
    role: text('role').notNull(),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull(),
    addedByName: text('added_by_name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.caseId, t.organisationId] }),
    index('case_department_org_idx').on(t.organisationId),
  ],
)

/** A consultation (会商, A5.1): who took part, when, and what they concluded. */
export const caseConsultation = pgTable(
  'case_consultation',
  {
    id: uuid('id').primaryKey(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => caseFile.id),
    heldOn: text('held_on').notNull(),
    participantIds: uuid('participant_ids').array().notNull(),
    conclusions: text('conclusions').notNull(),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
    recordedByName: text('recorded_by_name').notNull(),
  },
  (t) => [index('case_consultation_case_idx').on(t.caseId, t.recordedAt)],
)

/**
 * Where a public report goes (A5.2): by category, and by county when a rule names one (a null county is the
 * category's rule for the rest). Empty until an officer saves rules; the defaults in code apply until then.
 */
export const routingRule = pgTable(
  'routing_rule',
  {
    id: uuid('id').primaryKey(),
    category: text('category').notNull(),
    countyCode: text('county_code'),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedByName: text('updated_by_name').notNull(),
  },
  (t) => [unique('routing_rule_category_county_uq').on(t.category, t.countyCode).nullsNotDistinct()],
)

/** An operator's correction of the working-day calendar: wins over the built-in list and the weekday. */
export const workingDayOverride = pgTable('working_day_override', {
  date: text('date').primaryKey(),
  working: boolean('working').notNull(),
  note: text('note').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  updatedByName: text('updated_by_name').notNull(),
})

/**
 * A case handed to another region's regulator over the protocol (`case.transferred`), or received from one (A5.1
 * cross-region cooperation). The receiver accepts it (opening a case of its own) or refuses it with a reason; the
 * answer (`case.transfer_answered`) comes back to the sender, whose case is then closed as transferred or stays open.
 */
export const caseTransfer = pgTable(
  'case_transfer',
  {
    /** The sender's id for the transfer; the receiver keeps the same id. */
    id: uuid('id').primaryKey(),
    /** `outgoing`, `incoming`. */
    direction: text('direction').notNull(),
    peerNodeId: text('peer_node_id').notNull(),
    /** Outgoing: the case handed over. Incoming: the case opened on acceptance. */
    caseId: uuid('case_id').references(() => caseFile.id),
    /** The sender's case number. */
    caseNumber: text('case_number').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    reason: text('reason').notNull(),
    /** What goes with the case: public reports (never who made them), consultations, links. */
    materials: jsonb('materials').$type<TransferMaterials>().notNull(),
    /** `pending`, `accepted`, `refused`. */
    status: text('status').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    sentByName: text('sent_by_name').notNull(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    answeredByName: text('answered_by_name'),
    answerReason: text('answer_reason'),
    /** The receiver's case number once it accepted. */
    peerCaseNumber: text('peer_case_number'),
  },
  (t) => [
    index('case_transfer_status_idx').on(t.direction, t.status, t.sentAt),
    uniqueIndex('case_transfer_pending_uq')
      .on(t.caseId)
      .where(sql`direction = 'outgoing' and status = 'pending'`),
  ],
)

export interface TransferMaterials {
  countyCode: string | null
  articles: string[]
  publicReports: {
    category: string
    platform: string
    link: string | null
    description: string
    receivedAt: string
  }[]
  consultations: { heldOn: string; participants: string[]; conclusions: string }[]
  clarificationIds: string[]
  platformReportIds: string[]
}
