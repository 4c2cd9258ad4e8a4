import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/** What an order names: items by id on the platform, or a claim whose every copy is to go. */
export interface OrderTarget {
  itemIds?: string[]
  claim?: string
}

/**
 * An order to a platform (责令, A19): stop transmission of or remove the items or claim it names, on a legal basis,
 * by a deadline. Sent as `order.issued`; the platform acknowledges, executes, answers `order.executed` and files the
 * proof (`report.filed` about the order). Not executed by the deadline: flagged, and proposed as an A25 case.
 */
export const platformOrder = pgTable(
  'platform_order',
  {
    id: uuid('id').primaryKey(),
    toNode: text('to_node').notNull(),
    /** `stop` (停止传输) or `remove` (删除). */
    kind: text('kind').notNull(),
    target: jsonb('target').$type<OrderTarget>().notNull(),
    /** The legal basis as written in the order. */
    basis: text('basis').notNull(),
    articles: text('articles').array().notNull(),
    reason: text('reason').notNull(),
    deadlineAt: timestamp('deadline_at', { withTimezone: true }).notNull(),
    issuedBy: text('issued_by').notNull(),
    issuedByName: text('issued_by_name').notNull(),
    issuedAt: timestamp('issued_at', { withTimezone: true }).notNull(),
    envelopeId: uuid('envelope_id').notNull(),
    /** `issued`, `acknowledged`, `executed`, `overdue`. */
    status: text('status').notNull(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    executedAt: timestamp('executed_at', { withTimezone: true }),
    /** What the platform said it did: `{ stopped, missing, disposalIds, filingId, executedAt }`. */
    execution: jsonb('execution'),
    overdueAt: timestamp('overdue_at', { withTimezone: true }),
  },
  (t) => [index('platform_order_status_idx').on(t.status, t.deadlineAt)],
)
