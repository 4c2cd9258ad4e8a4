import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { REPORT_CATEGORY_KEYS } from '../../core/config.ts'
import { actorOf, userOf } from '../../server/auth.ts'
import { IdParams, NoContent, Nullable, problems } from '../../server/schemas.ts'
import { OwnFields } from '../content/index.ts'
import { DisposalSchema, MeasuresSchema, RumorSchema } from '../disposal/index.ts'
import {
  decideReports,
  fileReport,
  itemReports,
  muteReporter,
  myReports,
  reportGuide,
  reportQueue,
  trackReport,
  unmuteReporter,
} from './reports.ts'

const ReportFields = {
  id: Type.String(),
  trackingNo: Type.String(),
  itemId: Type.String(),
  category: Type.String(),
  categoryZh: Type.String(),
  categoryEn: Type.String(),
  note: Type.String(),
  status: Type.String(),
  createdAt: Type.String(),
  deadlineAt: Type.String(),
  overdue: Type.Boolean(),
  decidedAt: Nullable(Type.String()),
  outcomeReason: Nullable(Type.String()),
  outcomeArticles: Type.Array(Type.String()),
  disposalId: Nullable(Type.String()),
  item: Type.Union([
    Type.Object({
      kind: Type.String(),
      excerpt: Nullable(Type.String()),
      postId: Nullable(Type.String()),
      shown: Type.Boolean(),
    }),
    Type.Null(),
  ]),
}
const ReportSchema = Type.Object(ReportFields)
const Reason = Type.String({ minLength: 1, maxLength: 500 })

/** Reports (A15, A8.2): the public side (file, follow, the guide) and the reviewers' queue. Platform nodes only. */
export const reportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'platform') return
  const settings = {
    deadlineHours: app.config.platform.reportDeadlineHours,
    perHour: app.config.platform.reportsPerHour,
  }

  app.get(
    '/api/reports/guide',
    {
      config: { access: 'public' },
      schema: {
        tags: ['reports'],
        summary: 'How to report and how reports are handled: categories, deadlines, steps (published, A15)',
        response: {
          200: Type.Object({
            categories: Type.Array(
              Type.Object({
                key: Type.String(),
                zh: Type.String(),
                en: Type.String(),
                descriptionZh: Type.String(),
                descriptionEn: Type.String(),
                deadlineHours: Type.Integer(),
                articles: Type.Array(Type.String()),
              }),
            ),
            perHour: Type.Integer(),
            stepsZh: Type.Array(Type.String()),
            stepsEn: Type.Array(Type.String()),
          }),
        },
      },
    },
    async () => reportGuide(settings),
  )

  app.post(
    '/api/reports',
    {
      config: { access: 'user' },
      schema: {
        tags: ['reports'],
        summary: 'Report an item: you get a tracking number and the deadline by which it will be handled',
        body: Type.Object(
          {
            itemId: Type.String({ format: 'uuid' }),
            category: Type.Enum([...REPORT_CATEGORY_KEYS]),
            note: Type.Optional(Type.String({ maxLength: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: ReportSchema, ...problems(400, 401, 403, 404, 409, 429) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await app.tx((tx) => fileReport(tx, userOf(req).id, req.body, settings))),
  )

  app.get(
    '/api/users/me/reports',
    {
      config: { access: 'user' },
      schema: {
        tags: ['reports'],
        summary: 'My reports with their status and, once decided, the outcome and its reason',
        response: { 200: Type.Object({ items: Type.Array(ReportSchema) }), ...problems(401) },
      },
    },
    async (req) => ({ items: await myReports(app.database.db, userOf(req).id) }),
  )

  app.get(
    '/api/users/me/reports/:trackingNo',
    {
      config: { access: 'user' },
      schema: {
        tags: ['reports'],
        summary: 'One of my reports by its tracking number',
        params: Type.Object(
          { trackingNo: Type.String({ minLength: 4, maxLength: 40 }) },
          { additionalProperties: false },
        ),
        response: { 200: ReportSchema, ...problems(400, 401, 404) },
      },
    },
    async (req) => trackReport(app.database.db, userOf(req).id, req.params.trackingNo),
  )

  app.get(
    '/api/reports/queue',
    {
      config: { access: 'report.read' },
      schema: {
        tags: ['reports'],
        summary:
          'Items with open reports, by priority: reports, reporter accuracy, severity, age; overdue flagged',
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                itemId: Type.String(),
                kind: Type.String(),
                excerpt: Type.String(),
                itemStatus: Type.String(),
                reports: Type.Integer(),
                categories: Type.Array(Type.String()),
                accuracy: Type.Number(),
                severity: Type.Integer(),
                oldestAt: Type.String(),
                deadlineAt: Type.String(),
                overdue: Type.Boolean(),
                priority: Type.Number(),
              }),
            ),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req) => ({ items: await reportQueue(app.database.db, req.query.limit ?? 100) }),
  )

  app.get(
    '/api/reports/items/:id',
    {
      config: { access: 'report.read' },
      schema: {
        tags: ['reports'],
        summary: 'An item with every report on it and how reliable each reporter has been',
        params: IdParams,
        response: {
          200: Type.Object({
            item: Type.Object(OwnFields),
            reports: Type.Array(
              Type.Object({
                ...ReportFields,
                reporterId: Type.String(),
                reporterName: Type.String(),
                accuracy: Type.Number(),
                muted: Type.Boolean(),
              }),
            ),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req) => itemReports(app.database.db, req.params.id),
  )

  app.post(
    '/api/reports/items/:id/decision',
    {
      config: { access: 'report.handle' },
      schema: {
        tags: ['reports'],
        summary:
          'Decide every open report on an item at once; upheld, dispose of it or confirm it as a false claim (every copy swept); every reporter is told',
        params: IdParams,
        body: Type.Object(
          {
            outcome: Type.Enum(['uphold', 'dismiss']),
            reason: Reason,
            measures: Type.Optional(MeasuresSchema),
            category: Type.Optional(Type.Enum(['false', 'prohibit'])),
            confirm: Type.Optional(
              Type.Object(
                {
                  text: Type.Optional(Type.String({ maxLength: 2000 })),
                  verdict: Type.Enum(['false', 'misleading']),
                  clarificationUrl: Type.Optional(Type.String({ maxLength: 500, pattern: '^https?://' })),
                  clarificationTitle: Type.Optional(Type.String({ maxLength: 200 })),
                },
                { additionalProperties: false },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            closed: Type.Integer(),
            trackingNos: Type.Array(Type.String()),
            disposal: Type.Union([DisposalSchema, Type.Null()]),
            rumor: Type.Union([RumorSchema, Type.Null()]),
          }),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (req) => {
      const r = await app.tx((tx) =>
        decideReports(tx, actorOf(req), app.disposal.ctx, req.params.id, req.body),
      )
      return { closed: r.closed, trackingNos: r.trackingNos, disposal: r.disposal, rumor: r.rumor }
    },
  )

  app.post(
    '/api/reporters/:id/mute',
    {
      config: { access: 'report.handle' },
      schema: {
        tags: ['reports'],
        summary: 'Pause the reports of a user who abuses reporting',
        params: IdParams,
        body: Type.Object(
          { days: Type.Integer({ minimum: 1, maximum: 365 }), reason: Reason },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ userId: Type.String(), mutedUntil: Type.String() }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req) => app.tx((tx) => muteReporter(tx, actorOf(req), req.params.id, req.body)),
  )

  app.post(
    '/api/reporters/:id/unmute',
    {
      config: { access: 'report.handle' },
      schema: {
        tags: ['reports'],
        summary: "Lift the pause on a user's reports",
        params: IdParams,
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await app.tx((tx) => unmuteReporter(tx, actorOf(req), req.params.id))
      return reply.code(204).send(null)
    },
  )
}
