import { customType, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** Raw bytes: PGlite hands back a Uint8Array and node-postgres a Buffer; both are read as a Buffer. */
const bytea = customType<{ data: Buffer; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  toDriver: (value) => value,
  fromDriver: (value) => Buffer.from(value),
})

/**
 * A report from the public to the regulator (举报, A18, A8.2). Found by the public only through its tracking code,
 * of which only the SHA-256 is kept, so neither the table nor a dump of it lets anyone read a report's progress.
 * The reporter's name and contact, when given, are sealed under a key derived from the master key and bound to the
 * report's id; staff see a placeholder, and opening the seal is a recorded act of its own.
 */
export const publicReport = pgTable(
  'public_report',
  {
    id: uuid('id').primaryKey(),
    /** SHA-256 (hex) of the tracking code in its canonical form (no dashes, upper case). */
    codeDigest: text('code_digest').notNull().unique(),
    /** `rumor`, `fiction`, `reputation`, `privacy`, `illegal`. */
    category: text('category').notNull(),
    /** The platform or website where the reporter saw it, as they wrote it. */
    platform: text('platform').notNull(),
    link: text('link'),
    description: text('description').notNull(),
    /** One of the seven division codes of Tonghua's counties and districts, when the reporter named one. */
    countyCode: text('county_code'),
    /** `received`, `routed`, `handling`, `closed`. */
    status: text('status').notNull(),
    /** `{ name, contact }` sealed (AES-256-GCM); null when the reporter stayed anonymous. */
    identitySealed: text('identity_sealed'),
    /** The report this one was first found to repeat (its own id when it repeats none): one claim, one cluster. */
    clusterId: uuid('cluster_id').notNull(),
    /** Where the report was routed (A5.2): the competent organisation and the case it is on. */
    routedOrganisationId: uuid('routed_organisation_id'),
    caseId: uuid('case_id'),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    closedAt: timestamp('closed_at', { withTimezone: true }),
    closedBy: text('closed_by'),
    closedByName: text('closed_by_name'),
    /** What was found and done, as the reporter reads it. */
    feedback: text('feedback'),
    feedbackArticles: text('feedback_articles').array(),
  },
  (t) => [
    index('public_report_status_idx').on(t.status, t.receivedAt),
    index('public_report_cluster_idx').on(t.clusterId),
  ],
)

/** A file the reporter attached (PNG, JPEG or PDF, checked by its bytes), kept with its SHA-256. */
export const publicReportEvidence = pgTable(
  'public_report_evidence',
  {
    id: uuid('id').primaryKey(),
    reportId: uuid('report_id')
      .notNull()
      .references(() => publicReport.id),
    position: integer('position').notNull(),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
  },
  (t) => [index('public_report_evidence_report_idx').on(t.reportId, t.position)],
)
