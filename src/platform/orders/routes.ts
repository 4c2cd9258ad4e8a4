import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorOf } from '../../server/auth.ts'
import { IdParams, Nullable, problems } from '../../server/schemas.ts'
import { executeOrder, getOrder, listOrders } from './orders.ts'

const ExecutionSchema = Type.Object({
  stopped: Type.Integer(),
  missing: Type.Array(Type.String()),
  disposalIds: Type.Array(Type.String()),
  filingId: Nullable(Type.String()),
})
export const ReceivedOrderSchema = Type.Object({
  id: Type.String(),
  fromNode: Type.String(),
  kind: Type.String(),
  target: Type.Object({
    itemIds: Type.Optional(Type.Array(Type.String())),
    claim: Type.Optional(Type.String()),
  }),
  basis: Type.String(),
  articles: Type.Array(Type.String()),
  reason: Type.String(),
  deadlineAt: Type.String(),
  receivedAt: Type.String(),
  overdue: Type.Boolean(),
  status: Type.String(),
  executedByName: Nullable(Type.String()),
  executedAt: Nullable(Type.String()),
  execution: Type.Union([ExecutionSchema, Type.Null()]),
})

/** Orders received from the regulator (A19): listed with their deadlines, executed by staff. Platform nodes only. */
export const platformOrderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'platform') return

  app.get(
    '/api/orders',
    {
      config: { access: 'order.read' },
      schema: {
        tags: ['orders'],
        summary: "The regulator's orders to this platform, by deadline, overdue flagged",
        response: { 200: Type.Object({ items: Type.Array(ReceivedOrderSchema) }), ...problems(401, 403) },
      },
    },
    async () => ({ items: await listOrders(app.database.db) }),
  )

  app.get(
    '/api/orders/:id',
    {
      config: { access: 'order.read' },
      schema: {
        tags: ['orders'],
        summary: 'One order and what was done about it',
        params: IdParams,
        response: { 200: ReceivedOrderSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getOrder(app.database.db, req.params.id),
  )

  app.post(
    '/api/orders/:id/execute',
    {
      config: { access: 'order.execute' },
      schema: {
        tags: ['orders'],
        summary:
          'Execute an order: stop or remove the named items, sweep a named claim; the regulator is answered with proofs',
        params: IdParams,
        response: { 200: ReceivedOrderSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const r = await app.tx((tx) =>
        executeOrder(tx, actorOf(req), { ctx: app.disposal.ctx, protocol: app.protocol }, req.params.id),
      )
      return r.order
    },
  )
}
