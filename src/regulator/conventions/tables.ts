import { index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core'

/**
 * A version of an industry self-discipline convention (行业自律公约, A10), published by the regulator and sent to every
 * platform over the protocol (`convention.published`). A new version of the same convention has the same key.
 */
export const convention = pgTable(
  'convention',
  {
    id: uuid('id').primaryKey(),
    key: text('key').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** SHA-256 of the body: what a platform signs. */
    textSha256: text('text_sha256').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedByName: text('published_by_name').notNull(),
    sentTo: text('sent_to').array().notNull(),
  },
  (t) => [
    unique('convention_key_version_uq').on(t.key, t.version),
    index('convention_published_idx').on(t.publishedAt),
  ],
)

/** A platform's signature of a version (`convention.signed`, its envelope signed by the platform's node key). */
export const conventionSignature = pgTable(
  'convention_signature',
  {
    conventionId: uuid('convention_id')
      .notNull()
      .references(() => convention.id),
    platformNodeId: text('platform_node_id').notNull(),
    signedAt: timestamp('signed_at', { withTimezone: true }).notNull(),
    signedByName: text('signed_by_name').notNull(),
    envelopeId: text('envelope_id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.conventionId, t.platformNodeId] })],
)
