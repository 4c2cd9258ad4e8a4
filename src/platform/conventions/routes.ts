import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorOf } from '../../server/auth.ts'
import { IdParams, Nullable, problems } from '../../server/schemas.ts'
import { listReceivedConventions, signConvention } from './conventions.ts'

const ReceivedConventionSchema = Type.Object({
  id: Type.String(),
  fromNode: Type.String(),
  key: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  body: Type.String(),
  textSha256: Type.String(),
  publishedAt: Type.String(),
  receivedAt: Type.String(),
  signedAt: Nullable(Type.String()),
  signedByName: Nullable(Type.String()),
})

/** Industry conventions (A10) received from the regulator, and the platform's signature. Platform only. */
export const platformConventionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'platform') return

  app.get(
    '/api/received-conventions',
    {
      config: { access: 'convention.read' },
      schema: {
        tags: ['conventions'],
        summary: 'Conventions received from the regulator, newest first, with the platform’s signature',
        response: {
          200: Type.Object({ items: Type.Array(ReceivedConventionSchema) }),
          ...problems(401, 403),
        },
      },
    },
    async () => ({ items: await listReceivedConventions(app.database.db) }),
  )

  app.post(
    '/api/received-conventions/:id/sign',
    {
      config: { access: 'convention.sign' },
      schema: {
        tags: ['conventions'],
        summary:
          'Sign a convention version for the platform: once, on the ledger; the regulator is told (convention.signed)',
        params: IdParams,
        response: { 200: ReceivedConventionSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const out = await app.tx((tx) => signConvention(tx, actorOf(req), app.protocol, req.params.id))
      return out
    },
  )
}
