import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'
import { platformUser } from '../accounts/tables.ts'

/** Published versions of the recommendation model (A14): weights, lists and rules, readable by anyone. Insert-only. */
export const recommendationModel = pgTable('recommendation_model', {
  version: integer('version').primaryKey(),
  document: jsonb('document').notNull(),
  note: text('note').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
  publishedByName: text('published_by_name').notNull(),
})

/** An operator's human intervention in recommendation (A14): pin, boost, demote or exclude, with reason and expiry. */
export const feedIntervention = pgTable(
  'feed_intervention',
  {
    id: uuid('id').primaryKey(),
    /** `item`, `author` or `topic`. */
    targetKind: text('target_kind').notNull(),
    target: text('target').notNull(),
    /** `pin`, `boost`, `demote`, `exclude`. */
    action: text('action').notNull(),
    factor: real('factor'),
    reason: text('reason').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdByName: text('created_by_name').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedByName: text('revoked_by_name'),
  },
  (t) => [index('feed_intervention_expires_idx').on(t.expiresAt)],
)

/** A user's interactions with items: one row per user, item and kind (`view`, `like`, `reply`). */
export const contentInteraction = pgTable(
  'content_interaction',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => platformUser.id),
    itemId: uuid('item_id').notNull(),
    kind: text('kind').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.itemId, t.kind] }),
    index('content_interaction_item_idx').on(t.itemId),
  ],
)

/** Counts of interactions per item, kept with each interaction so that ranking reads one row per item. */
export const itemEngagement = pgTable('item_engagement', {
  itemId: uuid('item_id').primaryKey(),
  views: integer('views').notNull().default(0),
  likes: integer('likes').notNull().default(0),
  replies: integer('replies').notNull().default(0),
})

/** A user's interest tags, derived from their interactions; the user sees, deletes and resets them (A14). */
export const userInterest = pgTable(
  'user_interest',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => platformUser.id),
    tag: text('tag').notNull(),
    weight: real('weight').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.tag] })],
)

/** A user's own choice (A14): personalised recommendation on or off. No row: on. */
export const feedSetting = pgTable('feed_setting', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => platformUser.id),
  personalised: boolean('personalised').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
})
