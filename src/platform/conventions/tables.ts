import { integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** A convention version received from the regulator (A10), and the platform's signature of it. */
export const receivedConvention = pgTable('received_convention', {
  /** The regulator's convention id (one per version). */
  id: uuid('id').primaryKey(),
  fromNode: text('from_node').notNull(),
  key: text('key').notNull(),
  version: integer('version').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  textSha256: text('text_sha256').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  signedAt: timestamp('signed_at', { withTimezone: true }),
  signedByName: text('signed_by_name'),
})
