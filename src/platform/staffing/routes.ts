import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { Nullable, problems } from '../../server/schemas.ts'
import { staffingFigures } from './staffing.ts'

const DaySchema = Type.Object({
  day: Type.String(),
  screened: Type.Integer(),
  held: Type.Integer(),
  reviewed: Type.Integer(),
  looks: Type.Integer(),
  onDuty: Type.Integer(),
  required: Type.Integer(),
  belowRatio: Type.Boolean(),
  perReviewer: Type.Array(
    Type.Object({
      staffId: Type.String(),
      name: Type.String(),
      reviews: Type.Integer(),
      looks: Type.Integer(),
    }),
  ),
})

/** Reviewer staffing figures (A12.2). Platform nodes only. */
export const staffingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'platform') return

  app.get(
    '/api/staffing',
    {
      config: { access: 'staffing.read' },
      schema: {
        tags: ['staffing'],
        summary:
          'Daily items screened, held and reviewed, backlog, reviews per reviewer and reviewers on duty against the ratio (A12.2)',
        querystring: Type.Object(
          { days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            itemsPerReviewer: Type.Integer(),
            reviewersOnRoster: Type.Integer(),
            backlog: Type.Integer(),
            oldestHeldAt: Nullable(Type.String()),
            oldestAgeMinutes: Nullable(Type.Integer()),
            days: Type.Array(DaySchema),
            alerts: Type.Array(
              Type.Object({
                kind: Type.String(),
                day: Nullable(Type.String()),
                zh: Type.String(),
                en: Type.String(),
              }),
            ),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req) =>
      staffingFigures(app.database.db, {
        days: req.query.days ?? 14,
        itemsPerReviewer: app.config.platform.itemsPerReviewer,
      }),
  )
}
