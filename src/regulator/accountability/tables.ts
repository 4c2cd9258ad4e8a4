import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * An accountability record (问责记录, A27): findings about one officer turned into a measure a supervisor
 * considers, open until concluded with its outcome. The findings are kept as they were shown, with the ledger
 * entries they rest on.
 */
export const accountabilityRecord = pgTable(
  'accountability_record',
  {
    id: uuid('id').primaryKey(),
    /** 问责〔2026〕3号 */
    number: text('number').notNull().unique(),
    staffId: uuid('staff_id').notNull(),
    staffName: text('staff_name').notNull(),
    organisationId: uuid('organisation_id'),
    findings: jsonb('findings')
      .$type<{ id: string; kind: string; zh: string; en: string; entryIds: string[] }[]>()
      .notNull(),
    /** `interview_reminder` 约谈提醒, `criticism` 通报批评, `disciplinary_proposal` 处分建议. */
    measure: text('measure').notNull(),
    note: text('note').notNull(),
    /** `open`, `concluded`. */
    status: text('status').notNull(),
    outcome: text('outcome'),
    createdBy: uuid('created_by').notNull(),
    createdByName: text('created_by_name').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    concludedBy: uuid('concluded_by'),
    concludedByName: text('concluded_by_name'),
    concludedAt: timestamp('concluded_at', { withTimezone: true }),
  },
  (t) => [index('accountability_record_staff_idx').on(t.staffId)],
)
