import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** A notification (通报, A5.1) received from a regulator, as the platform's staff read and acknowledge it. */
export const receivedBulletin = pgTable('received_bulletin', {
  /** The regulator's bulletin id. */
  id: uuid('id').primaryKey(),
  fromNode: text('from_node').notNull(),
  number: text('number').notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  articles: text('articles').array().notNull(),
  issuedByOrganisation: text('issued_by_organisation').notNull(),
  issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
  acknowledgedByName: text('acknowledged_by_name'),
})
