import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { organisation } from '../../core/organisations/tables.ts'
import { caseFile } from '../cases/tables.ts'

/**
 * A notification (通报, A5.1) from one organisation of the regulator to departments, county offices and platforms:
 * a matter to know of or act on, optionally about a case. Platforms receive it over the protocol (`bulletin.issued`).
 */
export const bulletin = pgTable(
  'bulletin',
  {
    id: uuid('id').primaryKey(),
    /** `TB-2026-0003`: the year in China and the bulletin's place in it. */
    number: text('number').notNull().unique(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    articles: text('articles').array().notNull(),
    caseId: uuid('case_id').references(() => caseFile.id),
    issuingOrganisationId: uuid('issuing_organisation_id')
      .notNull()
      .references(() => organisation.id),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    issuedByName: text('issued_by_name').notNull(),
  },
  (t) => [index('bulletin_issued_idx').on(t.issuedAt)],
)

/** Who a bulletin went to, and when each read it (a platform: when its staff acknowledged it over the protocol). */
export const bulletinRecipient = pgTable(
  'bulletin_recipient',
  {
    bulletinId: uuid('bulletin_id')
      .notNull()
      .references(() => bulletin.id),
    /** `organisation`, `platform`. */
    kind: text('kind').notNull(),
    /** An organisation id, or a platform's node id. */
    recipientId: text('recipient_id').notNull(),
    envelopeId: text('envelope_id'),
    readAt: timestamp('read_at', { withTimezone: true }),
    readByName: text('read_by_name'),
  },
  (t) => [
    primaryKey({ columns: [t.bulletinId, t.kind, t.recipientId] }),
    index('bulletin_recipient_idx').on(t.kind, t.recipientId),
  ],
)
