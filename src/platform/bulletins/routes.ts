import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorOf } from '../../server/auth.ts'
import { IdParams, Nullable, problems } from '../../server/schemas.ts'
import { acknowledgeBulletin, listReceivedBulletins } from './bulletins.ts'

const ReceivedBulletinSchema = Type.Object({
  id: Type.String(),
  fromNode: Type.String(),
  number: Type.String(),
  title: Type.String(),
  body: Type.String(),
  articles: Type.Array(Type.String()),
  issuedByOrganisation: Type.String(),
  issuedAt: Type.String(),
  receivedAt: Type.String(),
  acknowledgedAt: Nullable(Type.String()),
  acknowledgedByName: Nullable(Type.String()),
})

/** Bulletins (通报, A5.1) received from the regulator. Platform only. */
export const platformBulletinRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'platform') return

  app.get(
    '/api/received-bulletins',
    {
      config: { access: 'order.read' },
      schema: {
        tags: ['bulletins'],
        summary: 'Bulletins received from the regulator, newest first, with who acknowledged each',
        response: { 200: Type.Object({ items: Type.Array(ReceivedBulletinSchema) }), ...problems(401, 403) },
      },
    },
    async () => ({ items: await listReceivedBulletins(app.database.db) }),
  )

  app.post(
    '/api/received-bulletins/:id/acknowledge',
    {
      config: { access: 'order.execute' },
      schema: {
        tags: ['bulletins'],
        summary: 'Acknowledge a bulletin: once, on the ledger; the regulator is told (bulletin.acknowledged)',
        params: IdParams,
        response: { 200: ReceivedBulletinSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const out = await app.tx((tx) => acknowledgeBulletin(tx, actorOf(req), app.protocol, req.params.id))
      return out
    },
  )
}
