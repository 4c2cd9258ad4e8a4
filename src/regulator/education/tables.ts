import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { organisation } from '../../core/organisations/tables.ts'

/** A public education article (宣传教育, A6): how to spot rumours, how to report, the measures explained. */
export const educationArticle = pgTable(
  'education_article',
  {
    id: uuid('id').primaryKey(),
    /** `spot_rumours`, `how_to_report`, `measures`, `other`. */
    topic: text('topic').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en').notNull(),
    summaryZh: text('summary_zh').notNull(),
    summaryEn: text('summary_en').notNull(),
    bodyZh: text('body_zh').notNull(),
    bodyEn: text('body_en').notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisation.id),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull(),
    publishedByName: text('published_by_name').notNull(),
  },
  (t) => [index('education_article_published_idx').on(t.publishedAt)],
)
