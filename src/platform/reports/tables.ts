import { sql } from 'drizzle-orm'
import { index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { platformUser } from '../accounts/tables.ts'

/**
 * A user's report of an item (投诉举报, A15, A8.2): a tracking number, a deadline by category, and the outcome the
 * reporter is told. One open report per reporter and item.
 */
export const contentReport = pgTable(
  'content_report',
  {
    id: uuid('id').primaryKey(),
    trackingNo: text('tracking_no').notNull().unique(),
    itemId: uuid('item_id').notNull(),
    reporterId: uuid('reporter_id')
      .notNull()
      .references(() => platformUser.id),
    /** `rumor`, `fiction`, `reputation`, `privacy`, `illegal`. */
    category: text('category').notNull(),
    note: text('note').notNull(),
    /** `open`, `upheld`, `dismissed`. */
    status: text('status').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    decidedBy: text('decided_by'),
    outcomeReason: text('outcome_reason'),
    outcomeArticles: text('outcome_articles').array(),
    disposalId: uuid('disposal_id'),
  },
  (t) => [
    index('content_report_item_idx').on(t.itemId, t.status),
    index('content_report_reporter_idx').on(t.reporterId, t.createdAt),
    index('content_report_open_idx').on(t.status, t.deadlineAt),
    uniqueIndex('content_report_one_open_idx').on(t.itemId, t.reporterId).where(sql`status = 'open'`),
  ],
)

/** How a reporter's reports turned out (accuracy, as Discourse keeps it) and whether their reports are paused. */
export const reporterStanding = pgTable('reporter_standing', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => platformUser.id),
  upheld: integer('upheld').notNull().default(0),
  dismissed: integer('dismissed').notNull().default(0),
  mutedUntil: timestamp('muted_until', { withTimezone: true }),
  mutedReason: text('muted_reason'),
  mutedBy: text('muted_by'),
})
