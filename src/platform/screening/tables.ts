import { integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * A published version of the screening rules (A12.1): the engine's lexicon and, optionally, its policy table.
 * Versions are never edited; the newest is the one in force.
 */
export const ruleSetVersion = pgTable('rule_set_version', {
  version: integer('version').primaryKey(),
  label: text('label').notNull(),
  /** `LexiconEntry[]`, the engine's own format (docs/engine.md). */
  lexicon: jsonb('lexicon').notNull(),
  /** `PolicyRow[]`, or null for the engine's default policy. */
  policy: jsonb('policy'),
  note: text('note').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  publishedBy: text('published_by').notNull(),
})

/** A known false claim (已辟谣的虚假信息, A16), fed to the engine's claim bank. Insert-only. */
export const falseClaim = pgTable('false_claim', {
  id: uuid('id').primaryKey(),
  text: text('text').notNull(),
  /** Where the claim was refuted: a notice, a clarification, an order. */
  source: text('source').notNull(),
  createdBy: text('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
})
