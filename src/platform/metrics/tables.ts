import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * A period's figures this platform sent its regulators for evaluation (A17), once per period: at the end of the
 * period by the node's timer, or earlier on demand by staff. Kept as sent.
 */
export const metricsSubmission = pgTable('metrics_submission', {
  id: uuid('id').primaryKey(),
  /** `2026-10` (month) or `2026-Q4` (quarter). */
  period: text('period').notNull().unique(),
  periodFrom: timestamp('period_from', { withTimezone: true }).notNull(),
  periodTo: timestamp('period_to', { withTimezone: true }).notNull(),
  figures: jsonb('figures').notNull(),
  /** The regulator nodes it went to. */
  toNodes: text('to_nodes').array().notNull(),
  submittedBy: text('submitted_by').notNull(),
  submittedByName: text('submitted_by_name').notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
})
