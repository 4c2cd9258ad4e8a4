import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorOf } from '../../server/auth.ts'
import { Nullable, problems } from '../../server/schemas.ts'
import { listConventions, publishConvention } from './conventions.ts'

const ConventionSchema = Type.Object({
  id: Type.String(),
  key: Type.String(),
  version: Type.Integer(),
  title: Type.String(),
  body: Type.String(),
  textSha256: Type.String(),
  publishedAt: Type.String(),
  publishedByName: Type.String(),
  platforms: Type.Array(
    Type.Object({
      platformNodeId: Type.String(),
      nameZh: Type.String(),
      nameEn: Type.String(),
      signedAt: Nullable(Type.String()),
      signedByName: Nullable(Type.String()),
    }),
  ),
})

/** Industry conventions (A10): published to platforms, signed back; listed publicly. Regulator only. */
export const conventionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'regulator') return

  app.get(
    '/api/conventions',
    {
      config: { access: 'convention.read' },
      schema: {
        tags: ['conventions'],
        summary: 'Every version of every convention, with which platforms signed it',
        response: { 200: Type.Object({ items: Type.Array(ConventionSchema) }), ...problems(401, 403) },
      },
    },
    async () => ({ items: await listConventions(app.database.db) }),
  )

  app.post(
    '/api/conventions',
    {
      config: { access: 'convention.publish' },
      schema: {
        tags: ['conventions'],
        summary:
          'Publish a convention or its next version, and send it to every active platform (convention.published)',
        body: Type.Object(
          {
            key: Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,63}$' }),
            title: Type.String({ minLength: 1, maxLength: 200 }),
            body: Type.String({ minLength: 1, maxLength: 20_000 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: ConventionSchema, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const out = await app.tx((tx) => publishConvention(tx, actorOf(req), app.protocol, req.body))
      return reply.code(201).send(out)
    },
  )

  app.get(
    '/api/public/conventions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['conventions'],
        summary: 'Published conventions and the platforms that signed each version (A10)',
        response: { 200: Type.Object({ items: Type.Array(ConventionSchema) }) },
      },
    },
    async () => ({ items: await listConventions(app.database.db) }),
  )
}
