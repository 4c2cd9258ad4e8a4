import { jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** An order received from a regulator (A19), as the platform's staff see and execute it. */
export const receivedOrder = pgTable('received_order', {
  /** The regulator's order id. */
  id: uuid('id').primaryKey(),
  fromNode: text('from_node').notNull(),
  kind: text('kind').notNull(),
  target: jsonb('target').$type<{ itemIds?: string[]; claim?: string }>().notNull(),
  basis: text('basis').notNull(),
  articles: text('articles').array().notNull(),
  reason: text('reason').notNull(),
  deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
  receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  /** `received`, `executing` (a claim's sweep is running), `executed`. */
  status: text('status').notNull(),
  executedBy: text('executed_by'),
  executedByName: text('executed_by_name'),
  executedAt: timestamp('executed_at', { withTimezone: true }),
  /** `{ stopped, missing, disposalIds, filingId }` */
  execution: jsonb('execution'),
})
