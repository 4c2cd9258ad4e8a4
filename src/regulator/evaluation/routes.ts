import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { COUNTIES } from '../../core/organisations/index.ts'
import { PERIOD_RE } from '../../core/periods.ts'
import { actorOf } from '../../server/auth.ts'
import { IdParams, Nullable, problems } from '../../server/schemas.ts'
import {
  getEvaluation,
  listEvaluations,
  listIndicatorSets,
  listStakeholderInput,
  publishEvaluation,
  recordStakeholderInput,
  reviseIndicators,
  runEvaluation,
  submitSurvey,
  surveyChoices,
  surveySummary,
} from './evaluation.ts'
import { listPlatformMetrics } from './metrics.ts'
import { INDICATOR_KEYS, type Indicator } from './scoring.ts'

/** Anonymous survey answers an address may send an hour (the address is never stored). */
export const SURVEY_PER_HOUR = 10

const PeriodString = Type.String({ pattern: PERIOD_RE.source, description: '2026-10 or 2026-Q4' })
const Score = Type.Integer({ minimum: 1, maximum: 5 })
const IndicatorSchema = Type.Object(
  {
    key: Type.Enum([...INDICATOR_KEYS.platform, ...INDICATOR_KEYS.county]),
    scope: Type.Enum(['platform', 'county']),
    nameZh: Type.String({ minLength: 1, maxLength: 100 }),
    nameEn: Type.String({ minLength: 1, maxLength: 200 }),
    direction: Type.Enum(['higher', 'lower']),
    best: Type.Number({ minimum: -1_000_000, maximum: 1_000_000 }),
    worst: Type.Number({ minimum: -1_000_000, maximum: 1_000_000 }),
    weight: Type.Number({ minimum: 0, maximum: 1000 }),
  },
  { additionalProperties: false },
)
const IndicatorSetSchema = Type.Object({
  version: Type.Integer(),
  indicators: Type.Array(IndicatorSchema),
  note: Type.String(),
  createdByName: Type.String(),
  createdAt: Type.String(),
})
const Values = Type.Record(Type.String(), Nullable(Type.Number()))
const ScorecardSchema = Type.Object({
  id: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  raw: Values,
  scores: Values,
  total: Nullable(Type.Number()),
})
const RunSchema = Type.Object({
  id: Type.String(),
  period: Type.String(),
  periodFrom: Type.String(),
  periodTo: Type.String(),
  indicatorVersion: Type.Integer(),
  indicators: Type.Array(IndicatorSchema),
  platforms: Type.Array(ScorecardSchema),
  counties: Type.Array(ScorecardSchema),
  status: Type.String(),
  runByName: Type.String(),
  runAt: Type.String(),
  publishedByName: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
})
const InputSchema = Type.Object({
  id: Type.String(),
  platformNode: Type.String(),
  period: Type.String(),
  source: Type.String(),
  sourceName: Type.String(),
  score: Type.Integer(),
  comment: Type.String(),
  recordedByName: Type.String(),
  recordedAt: Type.String(),
})
const Mean = Nullable(Type.Number())

/** Periodic evaluation of platforms and counties (A17), and the public survey that feeds it. Regulator only. */
export const evaluationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'regulator') return
  const db = () => app.database.db

  app.get(
    '/api/platform-metrics',
    {
      config: { access: 'evaluation.read' },
      schema: {
        tags: ['evaluation'],
        summary:
          'Figures platforms submitted for evaluation periods (metrics.submitted), oldest period first',
        querystring: Type.Object(
          { platform: Type.Optional(Type.String({ maxLength: 100 })), period: Type.Optional(PeriodString) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                platformNode: Type.String(),
                period: Type.String(),
                periodFrom: Type.String(),
                periodTo: Type.String(),
                figures: Type.Record(Type.String(), Type.Unknown()),
                receivedAt: Type.String(),
              }),
            ),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req) => ({ items: await listPlatformMetrics(db(), req.query) }),
  )

  app.get(
    '/api/evaluation/indicators',
    {
      config: { access: 'evaluation.read' },
      schema: {
        tags: ['evaluation'],
        summary: 'Every version of the indicators and weights, newest (in force) first',
        response: { 200: Type.Object({ items: Type.Array(IndicatorSetSchema) }), ...problems(401, 403) },
      },
    },
    async () => ({ items: await app.tx((tx) => listIndicatorSets(tx)) }),
  )

  app.post(
    '/api/evaluation/indicators',
    {
      config: { access: 'evaluation.manage' },
      schema: {
        tags: ['evaluation'],
        summary: 'A new version of the indicators and weights (the old stay as they were)',
        body: Type.Object(
          {
            indicators: Type.Array(IndicatorSchema, { minItems: 2, maxItems: 40 }),
            note: Type.String({ minLength: 1, maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: IndicatorSetSchema, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const set = await app.tx((tx) =>
        reviseIndicators(tx, actorOf(req), {
          indicators: req.body.indicators as Indicator[],
          note: req.body.note,
        }),
      )
      return reply.code(201).send(set)
    },
  )

  app.get(
    '/api/evaluations',
    {
      config: { access: 'evaluation.read' },
      schema: {
        tags: ['evaluation'],
        summary: 'Evaluation runs, newest first, with their scorecards',
        response: { 200: Type.Object({ items: Type.Array(RunSchema) }), ...problems(401, 403) },
      },
    },
    async () => ({ items: await listEvaluations(db()) }),
  )

  app.get(
    '/api/evaluations/:id',
    {
      config: { access: 'evaluation.read' },
      schema: {
        tags: ['evaluation'],
        summary: 'One evaluation run',
        params: IdParams,
        response: { 200: RunSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getEvaluation(db(), req.params.id),
  )

  app.post(
    '/api/evaluations',
    {
      config: { access: 'evaluation.manage' },
      schema: {
        tags: ['evaluation'],
        summary: 'Score a period under the indicators in force: a scorecard per platform and per county',
        body: Type.Object({ period: PeriodString }, { additionalProperties: false }),
        response: { 201: RunSchema, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await app.tx((tx) => runEvaluation(tx, actorOf(req), req.body))),
  )

  app.post(
    '/api/evaluations/:id/publish',
    {
      config: { access: 'evaluation.manage' },
      schema: {
        tags: ['evaluation'],
        summary: 'Publish a run as the period’s result (one per period)',
        params: IdParams,
        response: { 200: RunSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => app.tx((tx) => publishEvaluation(tx, actorOf(req), req.params.id)),
  )

  app.get(
    '/api/evaluation/inputs',
    {
      config: { access: 'evaluation.read' },
      schema: {
        tags: ['evaluation'],
        summary: 'Departments’ and enterprises’ scores of platforms, newest first',
        querystring: Type.Object({ period: Type.Optional(PeriodString) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(InputSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (req) => ({ items: await listStakeholderInput(db(), req.query.period) }),
  )

  app.post(
    '/api/evaluation/inputs',
    {
      config: { access: 'evaluation.input' },
      schema: {
        tags: ['evaluation'],
        summary:
          'A department’s score of a platform, or an enterprise’s recorded with its name, with a comment',
        body: Type.Object(
          {
            platform: Type.String({ minLength: 1, maxLength: 100 }),
            period: PeriodString,
            source: Type.Enum(['department', 'enterprise']),
            enterpriseName: Type.Optional(Type.String({ maxLength: 200 })),
            score: Score,
            comment: Type.String({ minLength: 1, maxLength: 2000 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: InputSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(
        await app.tx((tx) =>
          recordStakeholderInput(tx, actorOf(req), {
            ...req.body,
            source: req.body.source as 'department' | 'enterprise',
          }),
        ),
      ),
  )

  app.get(
    '/api/evaluation/survey',
    {
      config: { access: 'evaluation.read' },
      schema: {
        tags: ['evaluation'],
        summary: 'The public survey’s answers in a period, averaged per platform',
        querystring: Type.Object({ period: PeriodString }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            period: Type.String(),
            answers: Type.Integer(),
            byPlatform: Type.Array(
              Type.Object({
                platform: Type.String(),
                answers: Type.Integer(),
                handling: Mean,
                clarificationSpeed: Mean,
                reporting: Mean,
              }),
            ),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req) => surveySummary(db(), req.query.period),
  )

  app.get(
    '/api/public/survey',
    {
      config: { access: 'public' },
      schema: {
        tags: ['evaluation'],
        summary: 'What the public survey asks about: the platforms and the counties to choose from',
        response: {
          200: Type.Object({
            platforms: Type.Array(
              Type.Object({ id: Type.String(), nameZh: Type.String(), nameEn: Type.String() }),
            ),
            counties: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() })),
          }),
        },
      },
    },
    async () => surveyChoices(db()),
  )

  app.post(
    '/api/public/survey',
    {
      config: {
        access: 'public',
        // Slowed per address; the address, like anything else that could name the person, is never stored.
        rateLimit: { max: SURVEY_PER_HOUR, timeWindow: '1 hour' },
      },
      schema: {
        tags: ['evaluation'],
        summary: 'Answer the public survey (scores 1–5 only; nothing that names you is asked or kept)',
        body: Type.Object(
          {
            platform: Type.String({ minLength: 1, maxLength: 100 }),
            county: Type.Optional(Type.Enum(COUNTIES.map((c) => c.code))),
            handling: Score,
            clarificationSpeed: Score,
            reporting: Score,
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ received: Type.Boolean() }), ...problems(400, 429) },
      },
    },
    async (req, reply) => reply.code(201).send(await app.tx((tx) => submitSurvey(tx, req.body))),
  )
}
