import { bigint, boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { platformUser } from '../accounts/tables.ts'

/**
 * Everything a user publishes (A8.1): posts, comments on posts, replies to comments and bullet comments (弹幕) at a
 * position of a post's timeline. Each carries the verdict that decided it and the rule versions behind it.
 */
export const contentItem = pgTable(
  'content_item',
  {
    id: uuid('id').primaryKey(),
    /** `post`, `comment`, `reply` or `danmaku`. */
    kind: text('kind').notNull(),
    authorId: uuid('author_id')
      .notNull()
      .references(() => platformUser.id),
    /** The root post; null for a post. */
    postId: uuid('post_id'),
    /** The post of a comment or danmaku, the comment of a reply; null for a post. */
    parentId: uuid('parent_id'),
    text: text('text').notNull(),
    fictionDeclared: boolean('fiction_declared').notNull(),
    /** The fiction / dramatisation label shown with the item (A11.2). */
    fictionLabel: boolean('fiction_label').notNull(),
    /** Timeline position of a danmaku in milliseconds; null for other kinds. */
    danmakuMs: integer('danmaku_ms'),
    /** `published`, `held` (先审后发, waiting for a reviewer), `rejected` or `removed` (by a disposal, A16). */
    status: text('status').notNull(),
    /** The engine's verdict at publishing. */
    verdict: jsonb('verdict').notNull(),
    ruleVersion: text('rule_version').notNull(),
    /** The rule documents (A13.1) the author had accepted, `kind/version`. */
    rulesAccepted: jsonb('rules_accepted').notNull(),
    /** Whether pre-review was required by the author's credit tier (A13.3). */
    creditPreReview: boolean('credit_pre_review').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The reviewer who decided a held item, and their reason. */
    decidedBy: text('decided_by'),
    decisionReason: text('decision_reason'),
    /** A reviewer's claim on a held item, until it expires. */
    claimedBy: text('claimed_by'),
    claimedByName: text('claimed_by_name'),
    claimExpiresAt: timestamp('claim_expires_at', { withTimezone: true }),
    /** When the item went to review: at publishing (先审后发) or when a patrol or a person took it back. */
    heldAt: timestamp('held_at', { withTimezone: true }),
    /** The patrol that took a published item back for review (A12.1), if one did. */
    patrolRunId: uuid('patrol_run_id'),
    /** Sent up to a lead reviewer: only they decide it now. */
    escalatedAt: timestamp('escalated_at', { withTimezone: true }),
    escalatedBy: text('escalated_by'),
    escalationNote: text('escalation_note'),
    /**
     * A disposal's limit on a published item (A16): `stopped` (out of every public view at once) or `limited` (shown
     * by its own link, never in lists or recommendations); null when none.
     */
    restriction: text('restriction'),
    /** Labelled as false information with the clarification it links to (A16): `{ rumorId, url, title }`. */
    falseLabel: jsonb('false_label'),
    /** The disposal that last acted on the item. */
    disposalId: uuid('disposal_id'),
    /** Insertion order, for the in-memory index of items that catches up with what other processes stored. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity().notNull(),
  },
  (t) => [
    index('content_item_author_idx').on(t.authorId, t.createdAt),
    index('content_item_post_idx').on(t.postId, t.createdAt),
    index('content_item_status_idx').on(t.status, t.createdAt),
    index('content_item_seq_idx').on(t.seq),
  ],
)

/**
 * Every decision a person made on a held item (A12.1), kept even when the item is taken back later: the staffing
 * figures (A12.2) count reviews from here. Insert-only.
 */
export const reviewDecision = pgTable(
  'review_decision',
  {
    id: uuid('id').primaryKey(),
    itemId: uuid('item_id').notNull(),
    staffId: text('staff_id').notNull(),
    /** `approve`, `reject` or `label`. */
    decision: text('decision').notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('review_decision_time_idx').on(t.decidedAt)],
)
