import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { platformUser } from '../accounts/tables.ts'

/**
 * A published rule document (A13.1): the platform's management rules, its convention, or its user agreement.
 * Each change is a new version; versions are never edited.
 */
export const ruleDocument = pgTable(
  'rule_document',
  {
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    bodyZh: text('body_zh').notNull(),
    bodyEn: text('body_en').notNull(),
    /** Why this version was made: shown in the version history. */
    changeNote: text('change_note').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedBy: text('published_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.kind, t.version] })],
)

/** A user's acceptance of one version of one document. */
export const ruleAcceptance = pgTable(
  'rule_acceptance',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => platformUser.id),
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.kind, t.version] }),
    index('rule_acceptance_user_idx').on(t.userId),
  ],
)
