import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorOf, userOf } from '../../server/auth.ts'
import { IdParams, Nullable, problems } from '../../server/schemas.ts'
import { OwnFields } from '../content/index.ts'
import { appealQueue, decideAppeal, fileAppeal, myAppeals } from './appeals.ts'

const AppealFields = {
  id: Type.String(),
  itemId: Type.String(),
  decisionKind: Type.String(),
  decisionRef: Type.String(),
  decisionAt: Type.String(),
  reason: Type.String(),
  status: Type.String(),
  createdAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  decidedByName: Nullable(Type.String()),
  outcomeReason: Nullable(Type.String()),
}
const AppealSchema = Type.Object(AppealFields)
const Reason = Type.String({ minLength: 1, maxLength: 1000 })

/** Appeals against decisions on an author's items (A15, A13.3). Platform nodes only. */
export const appealRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'platform') return

  app.post(
    '/api/appeals',
    {
      config: { access: 'user' },
      schema: {
        tags: ['appeals'],
        summary:
          'Appeal a decision on one of my items (rejected, removed, stopped or labelled) within the window',
        body: Type.Object(
          { itemId: Type.String({ format: 'uuid' }), reason: Reason },
          { additionalProperties: false },
        ),
        response: { 201: AppealSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await app.tx((tx) =>
            fileAppeal(tx, userOf(req).id, req.body, app.config.platform.appealWindowDays),
          ),
        ),
  )

  app.get(
    '/api/users/me/appeals',
    {
      config: { access: 'user' },
      schema: {
        tags: ['appeals'],
        summary: 'My appeals and their outcomes',
        response: { 200: Type.Object({ items: Type.Array(AppealSchema) }), ...problems(401) },
      },
    },
    async (req) => ({ items: await myAppeals(app.database.db, userOf(req).id) }),
  )

  app.get(
    '/api/appeals',
    {
      config: { access: 'appeal.decide' },
      schema: {
        tags: ['appeals'],
        summary: 'Appeals waiting for a decision (or decided ones), oldest first, with their items',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Enum(['open', 'upheld', 'dismissed'])),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                ...AppealFields,
                appellantName: Type.String(),
                ownDecision: Type.Boolean(),
                item: Type.Union([Type.Object(OwnFields), Type.Null()]),
              }),
            ),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req) => ({
      items: await appealQueue(app.database.db, actorOf(req), {
        status: req.query.status as 'open' | 'upheld' | 'dismissed' | undefined,
        limit: req.query.limit ?? 100,
      }),
    }),
  )

  app.post(
    '/api/appeals/:id/decision',
    {
      config: { access: 'appeal.decide' },
      schema: {
        tags: ['appeals'],
        summary: 'Decide an appeal (not by who made the decision): upheld restores the item and the credit',
        params: IdParams,
        body: Type.Object(
          {
            outcome: Type.Enum(['uphold', 'dismiss']),
            reason: Type.String({ minLength: 1, maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: AppealSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => app.tx((tx) => decideAppeal(tx, actorOf(req), app.disposal.ctx, req.params.id, req.body)),
  )
}
