import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorOf } from '../../server/auth.ts'
import { IdParams, Nullable, problems } from '../../server/schemas.ts'
import { getOrder, issueOrder, listOrders } from './orders.ts'

const OrderSchema = Type.Object({
  id: Type.String(),
  toNode: Type.String(),
  kind: Type.String(),
  target: Type.Object({
    itemIds: Type.Optional(Type.Array(Type.String())),
    claim: Type.Optional(Type.String()),
  }),
  basis: Type.String(),
  articles: Type.Array(Type.String()),
  reason: Type.String(),
  deadlineAt: Type.String(),
  issuedByName: Type.String(),
  issuedAt: Type.String(),
  status: Type.String(),
  acknowledgedAt: Nullable(Type.String()),
  executedAt: Nullable(Type.String()),
  execution: Type.Union([
    Type.Object({
      stopped: Type.Integer(),
      missing: Type.Array(Type.String()),
      disposalIds: Type.Array(Type.String()),
      filingId: Nullable(Type.String()),
      executedAt: Type.String(),
    }),
    Type.Null(),
  ]),
  overdueAt: Nullable(Type.String()),
  proof: Type.Union([
    Type.Object({ reportId: Type.String(), proofsVerified: Type.Boolean(), receivedAt: Type.String() }),
    Type.Null(),
  ]),
  caseProposed: Type.Boolean(),
})

/** Orders to platforms (A19): issued, acknowledged, executed and proven, or flagged overdue. Regulator only. */
export const regulatorOrderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'regulator') return

  app.get(
    '/api/orders',
    {
      config: { access: 'order.read' },
      schema: {
        tags: ['orders'],
        summary: 'Orders issued to platforms, newest first, with their execution and its verified proof',
        querystring: Type.Object(
          {
            platform: Type.Optional(Type.String({ maxLength: 100 })),
            status: Type.Optional(Type.Enum(['issued', 'acknowledged', 'executed', 'overdue'])),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(OrderSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (req) => ({
      items: await listOrders(app.database.db, { toNode: req.query.platform, status: req.query.status }),
    }),
  )

  app.get(
    '/api/orders/:id',
    {
      config: { access: 'order.read' },
      schema: {
        tags: ['orders'],
        summary: 'One order, its execution and its proof',
        params: IdParams,
        response: { 200: OrderSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getOrder(app.database.db, req.params.id),
  )

  app.post(
    '/api/orders',
    {
      config: { access: 'order.issue' },
      schema: {
        tags: ['orders'],
        summary:
          'Order a platform to stop or remove named items or every copy of a claim, by a deadline (A19)',
        body: Type.Object(
          {
            toNode: Type.String({ minLength: 1, maxLength: 100 }),
            kind: Type.Enum(['stop', 'remove']),
            itemIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 500 })),
            claim: Type.Optional(Type.String({ maxLength: 2000 })),
            basis: Type.String({ minLength: 1, maxLength: 500 }),
            articles: Type.Optional(
              Type.Array(Type.String({ pattern: '^A\\d', maxLength: 20 }), { maxItems: 20 }),
            ),
            reason: Type.String({ minLength: 1, maxLength: 1000 }),
            deadlineAt: Type.String({ format: 'date-time' }),
          },
          { additionalProperties: false },
        ),
        response: { 201: OrderSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const order = await app.tx((tx) =>
        issueOrder(tx, actorOf(req), app.protocol, {
          ...req.body,
          kind: req.body.kind as 'stop' | 'remove',
        }),
      )
      return reply.code(201).send(order)
    },
  )
}
