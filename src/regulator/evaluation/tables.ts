import { sql } from 'drizzle-orm'
import { integer, jsonb, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core'

/** A platform's figures for a period (A17), verified and kept as received, once per platform × period. */
export const platformMetrics = pgTable(
  'platform_metrics',
  {
    id: uuid('id').primaryKey(),
    platformNode: text('platform_node').notNull(),
    /** `2026-10` or `2026-Q4`. */
    period: text('period').notNull(),
    periodFrom: timestamp('period_from', { withTimezone: true }).notNull(),
    periodTo: timestamp('period_to', { withTimezone: true }).notNull(),
    figures: jsonb('figures').notNull(),
    envelopeId: uuid('envelope_id').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [unique('platform_metrics_once').on(t.platformNode, t.period)],
)

/** The evaluation's indicators and weights (A17) as editable data: each edit is a new version, none is changed. */
export const evaluationIndicatorSet = pgTable('evaluation_indicator_set', {
  version: integer('version').primaryKey(),
  indicators: jsonb('indicators').notNull(),
  note: text('note').notNull(),
  createdByName: text('created_by_name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
})

/** An evaluation run for a period under one indicator version: scorecards per platform and per county. */
export const evaluationRun = pgTable(
  'evaluation_run',
  {
    id: uuid('id').primaryKey(),
    period: text('period').notNull(),
    periodFrom: timestamp('period_from', { withTimezone: true }).notNull(),
    periodTo: timestamp('period_to', { withTimezone: true }).notNull(),
    indicatorVersion: integer('indicator_version').notNull(),
    /** `{ platforms: Scorecard[], counties: Scorecard[] }` */
    result: jsonb('result').notNull(),
    /** `draft` or `published`. */
    status: text('status').notNull(),
    runByName: text('run_by_name').notNull(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull(),
    publishedByName: text('published_by_name'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
  },
  // one published run per period, whatever two people do at once
  (t) => [uniqueIndex('evaluation_run_published_uq').on(t.period).where(sql`${t.status} = 'published'`)],
)

/** An anonymous answer to the public survey: scores only, no name, contact, address or free text. */
export const surveyResponse = pgTable('survey_response', {
  id: uuid('id').primaryKey(),
  /** The platform the answer is about (a peer node id). */
  platformNode: text('platform_node').notNull(),
  /** A county code, when the person chose one. */
  countyCode: text('county_code'),
  /** 1–5 each: rumour handling on the platform, speed of clarifications, ease of reporting. */
  handling: integer('handling').notNull(),
  clarificationSpeed: integer('clarification_speed').notNull(),
  reporting: integer('reporting').notNull(),
  submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
})

/** A department's or an enterprise's (platform representative's) score of a platform for a period, with comment. */
export const stakeholderInput = pgTable('stakeholder_input', {
  id: uuid('id').primaryKey(),
  platformNode: text('platform_node').notNull(),
  period: text('period').notNull(),
  /** `department` or `enterprise`. */
  source: text('source').notNull(),
  sourceName: text('source_name').notNull(),
  score: integer('score').notNull(),
  comment: text('comment').notNull(),
  recordedByName: text('recorded_by_name').notNull(),
  recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull(),
})
