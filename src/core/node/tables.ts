import { pgTable, text, timestamp } from 'drizzle-orm/pg-core'

/** What this database belongs to: one row, written on first start, checked on every start after. */
export const nodeMeta = pgTable('node_meta', {
  nodeId: text('node_id').primaryKey(),
  role: text('role').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
})
