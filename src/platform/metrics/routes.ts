import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { PERIOD_RE } from '../../core/periods.ts'
import { actorOf } from '../../server/auth.ts'
import { problems } from '../../server/schemas.ts'
import { listMetricsSubmissions, submitMetrics } from './metrics.ts'

const SubmissionSchema = Type.Object({
  id: Type.String(),
  period: Type.String(),
  periodFrom: Type.String(),
  periodTo: Type.String(),
  figures: Type.Record(Type.String(), Type.Unknown()),
  toNodes: Type.Array(Type.String()),
  submittedByName: Type.String(),
  submittedAt: Type.String(),
})

/** The figures this platform sent its regulators for evaluation (A17). Platform nodes only. */
export const platformMetricsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'platform') return

  app.get(
    '/api/metrics/submissions',
    {
      config: { access: 'metrics.read' },
      schema: {
        tags: ['evaluation'],
        summary: 'Evaluation figures this platform sent, newest period first',
        response: { 200: Type.Object({ items: Type.Array(SubmissionSchema) }), ...problems(401, 403) },
      },
    },
    async () => ({ items: await listMetricsSubmissions(app.database.db) }),
  )

  app.post(
    '/api/metrics/submissions',
    {
      config: { access: 'metrics.submit' },
      schema: {
        tags: ['evaluation'],
        summary:
          'Send an ended month’s or quarter’s figures to the regulators now (sent once; a period already sent is answered with what was sent)',
        body: Type.Object(
          { period: Type.String({ pattern: PERIOD_RE.source, description: '2026-10 or 2026-Q4' }) },
          { additionalProperties: false },
        ),
        response: { 200: SubmissionSchema, 201: SubmissionSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const { submission, created } = await app.tx((tx) =>
        submitMetrics(tx, actorOf(req), app.protocol, {
          period: req.body.period,
          itemsPerReviewer: app.config.platform.itemsPerReviewer,
        }),
      )
      return reply.code(created ? 201 : 200).send(submission)
    },
  )
}
