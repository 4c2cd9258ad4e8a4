import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** What a filing tells the regulator; the texts of the items stay on the platform, only their digests leave it. */
export interface FilingSummary {
  /** What was found and when. */
  found: { what: { zh: string; en: string }; at: string }
  /** The measures taken (stop, remove, block copies, …) and when they were done. */
  done: { measures: string[]; at: string }
  /** The items handled, each with the SHA-256 (hex) of its text. */
  items: { id: string; kind: string; digest: string }[]
  /** The ledger entries of the handling; their inclusion proofs travel with the report. */
  ledgerEntryIds: string[]
}

/**
 * A report to a regulator of prohibited information the platform found and handled (A16): one row per regulator,
 * `waiting` until every ledger entry it cites is covered by a signed checkpoint, then `sent` as a `report.filed`
 * envelope with their inclusion proofs.
 */
export const regulatorFiling = pgTable(
  'regulator_filing',
  {
    id: uuid('id').primaryKey(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    category: text('category').notNull(),
    summary: jsonb('summary').$type<FilingSummary>().notNull(),
    /** The `filing.queued` entry that put this filing on the platform's ledger; proven to the regulator too. */
    queuedEntryId: uuid('queued_entry_id').notNull(),
    /** `waiting` or `sent`. */
    status: text('status').notNull(),
    toNode: text('to_node').notNull(),
    envelopeId: uuid('envelope_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
  },
  (t) => [
    index('regulator_filing_status_idx').on(t.status, t.createdAt),
    index('regulator_filing_subject_idx').on(t.subjectType, t.subjectId),
  ],
)
