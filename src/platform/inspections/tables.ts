import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** An inspection the regulator asked this platform for (A19.2), and what the platform answered, as it answered it. */
export const receivedInspection = pgTable('received_inspection', {
  id: uuid('id').primaryKey(),
  fromNode: text('from_node').notNull(),
  kind: text('kind').notNull(),
  periodFrom: timestamp('period_from', { withTimezone: true }).notNull(),
  periodTo: timestamp('period_to', { withTimezone: true }).notNull(),
  reason: text('reason').notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  figures: jsonb('figures').notNull(),
  /** The filing that carries the records with their proofs, if there were records in the period. */
  filingId: text('filing_id'),
})
