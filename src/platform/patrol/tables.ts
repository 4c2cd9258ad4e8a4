import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * A patrol (巡查, A12.1): published items of the last days re-screened under a newer rule set version, in chunks, so
 * that it resumes where it stopped after a restart. `cursor` is the last item done, in (created_at, id) order.
 */
export const patrolRun = pgTable(
  'patrol_run',
  {
    id: uuid('id').primaryKey(),
    /** The rule set version it screens with, `rule-set/N`. */
    ruleVersion: text('rule_version').notNull(),
    ruleSetVersion: integer('rule_set_version').notNull(),
    /** `rule_set` (a new version was published) or `manual`. */
    trigger: text('trigger').notNull(),
    windowDays: integer('window_days').notNull(),
    /** Items published from `since` up to `until` (the moment the patrol started) are in scope. */
    since: timestamp('since', { withTimezone: true }).notNull(),
    until: timestamp('until', { withTimezone: true }).notNull(),
    cursorAt: timestamp('cursor_at', { withTimezone: true }),
    cursorId: uuid('cursor_id'),
    total: integer('total').notNull(),
    scanned: integer('scanned').notNull().default(0),
    hits: integer('hits').notNull().default(0),
    /** `running`, `done`. */
    status: text('status').notNull(),
    startedBy: text('started_by').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [index('patrol_run_status_idx').on(t.status, t.startedAt)],
)

/** A person's look at a sampled published item (人工巡查): who looked at what, when, and what they found. */
export const patrolLook = pgTable(
  'patrol_look',
  {
    id: uuid('id').primaryKey(),
    itemId: uuid('item_id').notNull(),
    staffId: text('staff_id').notNull(),
    staffName: text('staff_name').notNull(),
    /** `ok` or `flagged` (sent to review). */
    outcome: text('outcome').notNull(),
    note: text('note').notNull(),
    lookedAt: timestamp('looked_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('patrol_look_item_idx').on(t.itemId), index('patrol_look_time_idx').on(t.lookedAt)],
)
