import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * An inspection of a platform (监督检查, A19.1): routine or special, for a period, asking for figures (staffing,
 * report handling, disposals, appeals) and the records behind them. The platform answers `inspection.answered` with
 * the figures and files the records as `report.filed` about the inspection (ledger inclusion proofs).
 */
export const inspection = pgTable('inspection', {
  id: uuid('id').primaryKey(),
  toNode: text('to_node').notNull(),
  /** `routine` (例行) or `special` (专项). */
  kind: text('kind').notNull(),
  periodFrom: timestamp('period_from', { withTimezone: true }).notNull(),
  periodTo: timestamp('period_to', { withTimezone: true }).notNull(),
  reason: text('reason').notNull(),
  requestedBy: text('requested_by').notNull(),
  requestedByName: text('requested_by_name').notNull(),
  requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
  envelopeId: uuid('envelope_id').notNull(),
  /** `requested` or `answered`. */
  status: text('status').notNull(),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  figures: jsonb('figures'),
  filingId: text('filing_id'),
})
