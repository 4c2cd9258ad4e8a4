import { integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * A clarification (辟谣, A7): the false claim, the authorities' account of the facts, the department that drafted it
 * and, when asked, a second department's co-signature; approved by someone other than its drafter, then published on
 * the public portal and pushed to every platform.
 */
export const clarification = pgTable('clarification', {
  id: uuid('id').primaryKey(),
  /** The false claim as it circulates (what platforms match). */
  claim: text('claim').notNull(),
  title: text('title').notNull(),
  /** The facts, as published. */
  body: text('body').notNull(),
  /** `false` (虚假) or `misleading` (误导). */
  verdict: text('verdict').notNull(),
  authorOrgId: uuid('author_org_id').notNull(),
  draftedBy: text('drafted_by').notNull(),
  draftedByName: text('drafted_by_name').notNull(),
  draftedAt: timestamp('drafted_at', { withTimezone: true }).notNull(),
  /** The department asked to co-sign, if any. */
  cosignOrgId: uuid('cosign_org_id'),
  cosignedBy: text('cosigned_by'),
  cosignedByName: text('cosigned_by_name'),
  cosignedAt: timestamp('cosigned_at', { withTimezone: true }),
  approvedBy: text('approved_by'),
  approvedByName: text('approved_by_name'),
  approvedAt: timestamp('approved_at', { withTimezone: true }),
  /** `draft`, `approved`, `published`. */
  status: text('status').notNull(),
  publishedAt: timestamp('published_at', { withTimezone: true }),
  /** When the matter was first reported, to measure the time from report to clarification. */
  reportedAt: timestamp('reported_at', { withTimezone: true }),
  /** The public reports this clarification answers: told of it when it is published (A18 feedback). */
  publicReportIds: text('public_report_ids').array().notNull().default([]),
})

/** A published clarification's delivery to one platform, and what that platform answered it did. */
export const clarificationDelivery = pgTable(
  'clarification_delivery',
  {
    clarificationId: uuid('clarification_id').notNull(),
    platformNode: text('platform_node').notNull(),
    envelopeId: uuid('envelope_id').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull(),
    /** Set when the platform's `clarification.acted` arrives. */
    actedAt: timestamp('acted_at', { withTimezone: true }),
    disposalId: text('disposal_id'),
    stopped: integer('stopped'),
    toReview: integer('to_review'),
    /** The platform's own clock: when its disposal started and finished. */
    platformStartedAt: timestamp('platform_started_at', { withTimezone: true }),
    platformFinishedAt: timestamp('platform_finished_at', { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.clarificationId, t.platformNode] })],
)
