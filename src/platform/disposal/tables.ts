import {
  boolean,
  index,
  integer,
  pgTable,
  primaryKey,
  real,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core'

/**
 * The rumor registry (谣言库, A16): false claims this platform has confirmed, with where the confirmation came from
 * and the clarification that refutes them. Each entry feeds the engine's claim bank (its `claim_id`). Insert-only
 * apart from `withdrawn_at`, which an upheld appeal against the confirmation sets.
 */
export const rumor = pgTable('rumor', {
  id: uuid('id').primaryKey(),
  text: text('text').notNull(),
  /** `false` (虚假) or `misleading` (误导). */
  verdict: text('verdict').notNull(),
  /** `review` (our own reviewers), `regulator` (a clarification received from the regulator), `trusted` (another
   * trusted source: an official notice, a fact-checking body). */
  source: text('source').notNull(),
  /** The report tracking number, clarification id or the name of the source. */
  sourceRef: text('source_ref').notNull(),
  clarificationUrl: text('clarification_url'),
  clarificationTitle: text('clarification_title'),
  /** The known false claim in the screening area's bank. */
  claimId: uuid('claim_id').notNull(),
  confirmedBy: text('confirmed_by').notNull(),
  confirmedByName: text('confirmed_by_name').notNull(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }).notNull(),
})

/**
 * A disposal (处置, A16): one per confirmed claim or single item, with its measures. A claim's disposal sweeps every
 * item already published that matches it; `status` is `sweeping` until the sweep has looked at everything.
 */
export const disposal = pgTable(
  'disposal',
  {
    id: uuid('id').primaryKey(),
    rumorId: uuid('rumor_id'),
    /** Set for the disposal of one item. */
    itemId: uuid('item_id'),
    /** Of `stop`, `remove`, `label`, `limit`. */
    measures: text('measures').array().notNull(),
    reason: text('reason').notNull(),
    articles: text('articles').array().notNull(),
    /** `prohibit` (违法信息: reported to the regulator) or `false` (虚假信息). */
    category: text('category').notNull(),
    notifyInteractors: boolean('notify_interactors').notNull(),
    /** `sweeping` or `finished`. */
    status: text('status').notNull(),
    candidates: integer('candidates').notNull().default(0),
    applied: integer('applied').notNull().default(0),
    /** Near matches sent to a reviewer instead of disposed. */
    toReview: integer('to_review').notNull().default(0),
    createdBy: text('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('disposal_created_idx').on(t.createdAt)],
)

/** What a disposal did to each item, once: the primary key is what makes a resumed sweep never apply twice. */
export const disposalItem = pgTable(
  'disposal_item',
  {
    disposalId: uuid('disposal_id').notNull(),
    itemId: uuid('item_id').notNull(),
    kind: text('kind').notNull(),
    authorId: uuid('author_id').notNull(),
    /** Containment of the claim in the item (1 for a single item's disposal). */
    similarity: real('similarity').notNull(),
    /** `applied` or `review` (a near match sent to a reviewer). */
    outcome: text('outcome').notNull(),
    /** The measures applied; under a legal hold an item is stopped but kept as it is. */
    measures: text('measures').array().notNull(),
    legalHold: boolean('legal_hold').notNull().default(false),
    /** The item's status before, for an appeal that restores it. */
    statusBefore: text('status_before').notNull(),
    appliedAt: timestamp('applied_at', { withTimezone: true }).notNull(),
    /** Milliseconds from the disposal's start to this item's. */
    afterMs: integer('after_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.disposalId, t.itemId] }), index('disposal_item_item_idx').on(t.itemId)],
)

/**
 * Removed content, kept sealed (AES-256-GCM under the master key) for the retention period so that appeals,
 * inspections and courts can see it (A16). Every opening is on the ledger. A purge empties `sealed` after
 * `retain_until` unless a legal hold is on.
 */
export const retainedContent = pgTable('retained_content', {
  itemId: uuid('item_id').primaryKey(),
  sealed: text('sealed'),
  /** SHA-256 of the text, so a copy shown later can be checked against what was removed. */
  digest: text('digest').notNull(),
  removedAt: timestamp('removed_at', { withTimezone: true }).notNull(),
  retainUntil: timestamp('retain_until', { withTimezone: true }).notNull(),
  purgedAt: timestamp('purged_at', { withTimezone: true }),
})

/** A legal hold (诉讼保全等): the item is kept exactly as it is, and its retained copy is never purged. */
export const legalHold = pgTable('legal_hold', {
  itemId: uuid('item_id').primaryKey(),
  reason: text('reason').notNull(),
  placedBy: text('placed_by').notNull(),
  placedAt: timestamp('placed_at', { withTimezone: true }).notNull(),
  releasedBy: text('released_by'),
  releasedAt: timestamp('released_at', { withTimezone: true }),
  /** The decision that released it. */
  releaseReason: text('release_reason'),
})
