import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * An organisation on this node: the city cyberspace administration, a partner department (A5.2), a county-level
 * unit (A4), the procuratorate (A20), or the platform itself.
 */
export const organisation = pgTable(
  'organisation',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind').notNull(),
    /** Stable key, e.g. `cac`, `public-security`, `county-220521`, `platform`. */
    key: text('key').notNull().unique(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    divisionCode: text('division_code'),
    parentId: uuid('parent_id'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('organisation_parent_idx').on(t.parentId)],
)
