import { sql } from 'drizzle-orm'
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { platformUser } from '../accounts/tables.ts'

/**
 * An author's appeal (申诉) against a decision on their item: a reviewer's rejection, the engine's block at publish,
 * or a disposal (A16). Decided by someone other than who made the decision; upheld, the item is restored and the
 * credit given back (A13.3). One open appeal per item.
 */
export const appeal = pgTable(
  'appeal',
  {
    id: uuid('id').primaryKey(),
    itemId: uuid('item_id').notNull(),
    appellantId: uuid('appellant_id')
      .notNull()
      .references(() => platformUser.id),
    /** `review` (a reviewer rejected it), `screening` (blocked at publish), `disposal`. */
    decisionKind: text('decision_kind').notNull(),
    /** The disposal id, or the item id for a review or screening decision. */
    decisionRef: text('decision_ref').notNull(),
    /** Who made the decision appealed (staff id), if a person did; they may not decide the appeal. */
    originalBy: text('original_by'),
    decisionAt: timestamp('decision_at', { withTimezone: true }).notNull(),
    reason: text('reason').notNull(),
    /** `open`, `upheld`, `dismissed`. */
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
    decidedByName: text('decided_by_name'),
    outcomeReason: text('outcome_reason'),
  },
  (t) => [
    index('appeal_status_idx').on(t.status, t.createdAt),
    index('appeal_appellant_idx').on(t.appellantId, t.createdAt),
    uniqueIndex('appeal_one_open_idx').on(t.itemId).where(sql`status = 'open'`),
  ],
)
