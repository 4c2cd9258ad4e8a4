import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { platformUser } from '../accounts/tables.ts'

/**
 * What the platform tells a user about a decision on their account or content: why a label was added, why an item was
 * withdrawn, why credit changed (A11.2, A13.3). Shown in the user's own pages.
 */
export const userNotice = pgTable(
  'user_notice',
  {
    id: uuid('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => platformUser.id),
    /** e.g. `fiction_labelled`, `content_rejected`, `content_withdrawn`. */
    kind: text('kind').notNull(),
    subjectType: text('subject_type'),
    subjectId: text('subject_id'),
    zh: text('zh').notNull(),
    en: text('en').notNull(),
    /** Requirement ids the decision rests on. */
    articles: text('articles').array().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('user_notice_user_idx').on(t.userId, t.createdAt)],
)
