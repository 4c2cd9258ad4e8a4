import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { platformUser } from '../accounts/tables.ts'

/** The tier → capability table and the event deltas, as versions an operator publishes (A13.3). */
export const creditPolicy = pgTable('credit_policy', {
  version: integer('version').primaryKey(),
  document: jsonb('document').notNull(),
  note: text('note').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  publishedBy: text('published_by').notNull(),
})

/** Every change of an account's credit, with its reason and the decision and rule behind it. Insert-only. */
export const creditEvent = pgTable(
  'credit_event',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => platformUser.id),
    kind: text('kind').notNull(),
    delta: integer('delta').notNull(),
    scoreAfter: integer('score_after').notNull(),
    reason: text('reason').notNull(),
    policyVersion: integer('policy_version').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    /** For an upheld appeal: the event it restores. */
    restoresEventId: uuid('restores_event_id'),
    actorId: text('actor_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('credit_event_user_idx').on(t.userId, t.createdAt)],
)

/** The current score of an account: a projection of its events, locked while an event is added. */
export const creditAccount = pgTable('credit_account', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => platformUser.id),
  score: integer('score').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
})
