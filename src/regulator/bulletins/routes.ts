import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorOf } from '../../server/auth.ts'
import { IdParams, Nullable, problems } from '../../server/schemas.ts'
import { getBulletin, issueBulletin, listBulletins, markBulletinRead } from './bulletins.ts'

const Uuid = Type.String({ format: 'uuid' })
const BulletinSchema = Type.Object({
  id: Type.String(),
  number: Type.String(),
  title: Type.String(),
  body: Type.String(),
  articles: Type.Array(Type.String()),
  caseId: Nullable(Type.String()),
  issuingOrganisationId: Type.String(),
  issuingNameZh: Type.String(),
  issuedAt: Type.String(),
  issuedByName: Type.String(),
  recipients: Type.Array(
    Type.Object({
      kind: Type.String(),
      id: Type.String(),
      nameZh: Type.String(),
      nameEn: Type.String(),
      readAt: Nullable(Type.String()),
      readByName: Nullable(Type.String()),
    }),
  ),
  addressedToMe: Type.Boolean(),
  readByMe: Type.Boolean(),
})

/** Notifications (通报, A5.1) to departments, county offices and platforms. Regulator only. */
export const bulletinRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'regulator') return

  app.get(
    '/api/bulletins',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['bulletins'],
        summary: 'Bulletins the caller’s organisation issued or received (the city CAC: all), newest first',
        querystring: Type.Object(
          {
            caseId: Type.Optional(Uuid),
            unread: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(BulletinSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (req) => ({ items: await listBulletins(app.database.db, actorOf(req), req.query) }),
  )

  app.get(
    '/api/bulletins/:id',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['bulletins'],
        summary:
          'One bulletin with who has read it; 404 to an organisation that neither issued nor received it',
        params: IdParams,
        response: { 200: BulletinSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getBulletin(app.database.db, actorOf(req), req.params.id),
  )

  app.post(
    '/api/bulletins',
    {
      config: { access: 'case.manage' },
      schema: {
        tags: ['bulletins'],
        summary:
          'Issue a bulletin (通报, A5.1) to departments and county offices, and over the protocol to platforms (bulletin.issued)',
        body: Type.Object(
          {
            title: Type.String({ minLength: 1, maxLength: 200 }),
            body: Type.String({ minLength: 1, maxLength: 10_000 }),
            articles: Type.Optional(
              Type.Array(Type.String({ pattern: '^A\\d{1,2}(\\.\\d)?$' }), { maxItems: 10 }),
            ),
            caseId: Type.Optional(Uuid),
            organisationIds: Type.Optional(Type.Array(Uuid, { maxItems: 50 })),
            platformNodeIds: Type.Optional(
              Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: BulletinSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const out = await app.tx((tx) => issueBulletin(tx, actorOf(req), app.protocol, req.body))
      return reply.code(201).send(out)
    },
  )

  app.post(
    '/api/bulletins/:id/read',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['bulletins'],
        summary:
          'Record that the caller’s organisation has read a bulletin addressed to it (once, on the ledger)',
        params: IdParams,
        response: { 200: BulletinSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => app.tx((tx) => markBulletinRead(tx, actorOf(req), req.params.id)),
  )
}
