import { bigint, boolean, index, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'

/** What a platform reported: what it found, what it did, and the digests of the items (never their text). */
export interface PlatformReportSummary {
  found: { what: { zh: string; en: string }; at: string }
  done: { measures: string[]; at: string }
  items: { id: string; kind: string; digest: string }[]
}

/** A ledger entry of the platform the report cites, with the inclusion proof checked on receipt. */
export interface ReportEntry {
  id: string
  index: number
  /** The platform's canonical entry bytes (docs/ledger.md): SHA-256(0x00 ‖ leafData) is the leaf. */
  leafData: string
  leafHash: string
  proof: string[]
}

/**
 * A report of prohibited information a platform found and handled (A16), received as `report.filed` and stored only
 * after its checkpoint signature and every entry's inclusion proof verified. One per platform and filing.
 */
export const platformReport = pgTable(
  'platform_report',
  {
    id: uuid('id').primaryKey(),
    fromNode: text('from_node').notNull(),
    filingId: uuid('filing_id').notNull(),
    envelopeId: uuid('envelope_id').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    category: text('category').notNull(),
    summary: jsonb('summary').$type<PlatformReportSummary>().notNull(),
    entries: jsonb('entries').$type<ReportEntry[]>().notNull(),
    /** The `filing.queued` entry through which the platform's own log holds this report. */
    queuedEntryId: uuid('queued_entry_id').notNull(),
    checkpointSize: bigint('checkpoint_size', { mode: 'number' }).notNull(),
    checkpointRoot: text('checkpoint_root').notNull(),
    checkpointNote: text('checkpoint_note').notNull(),
    proofsVerified: boolean('proofs_verified').notNull(),
    /**
     * The checkpoint against what this regulator witnessed of the platform's log: `witnessed` (the same checkpoint),
     * `consistent` (proven to extend a witnessed one), or `not-cross-checked` (nothing witnessed to compare with).
     */
    witnessCheck: text('witness_check').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    unique('platform_report_filing_uq').on(t.fromNode, t.filingId),
    index('platform_report_from_idx').on(t.fromNode, t.receivedAt),
  ],
)
