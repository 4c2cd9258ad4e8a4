import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { userOf } from '../../server/auth.ts'
import { IdParams, problems } from '../../server/schemas.ts'
import { getPublished, listOwn, listPublished, MAX_DANMAKU_MS, MAX_TEXT } from './content.ts'
import { ContentKindSchema, ItemFields, OwnFields } from './schemas.ts'

const Kind = ContentKindSchema
const ItemSchema = Type.Object(ItemFields)
const OwnSchema = Type.Object(OwnFields)
const Limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 200 }))

/** Publishing and reading content (A8.1, A11.2, A12.1). Platform nodes only. */
export const contentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'platform') return

  app.post(
    '/api/content',
    {
      config: { access: 'user' },
      schema: {
        tags: ['content'],
        summary:
          'Publish a post, comment, reply or bullet comment: screened, then published, held for review or rejected with reasons',
        body: Type.Object(
          {
            kind: Kind,
            text: Type.String({ minLength: 1, maxLength: MAX_TEXT }),
            parentId: Type.Optional(Type.String({ format: 'uuid' })),
            danmakuMs: Type.Optional(Type.Integer({ minimum: 0, maximum: MAX_DANMAKU_MS })),
            fictionDeclared: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 201: OwnSchema, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (req, reply) => {
      const user = userOf(req)
      // Group commit: concurrent publications share a transaction (src/platform/content/batcher.ts).
      const item = await app.publisher.publish(user.id, req.body)
      return reply.code(201).send(item)
    },
  )

  app.get(
    '/api/content/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['content'],
        summary: 'One published item, with its fiction label',
        params: IdParams,
        response: { 200: ItemSchema, ...problems(400, 404) },
      },
    },
    async (req) => getPublished(app.database.db, req.params.id),
  )

  app.get(
    '/api/content',
    {
      config: { access: 'public' },
      schema: {
        tags: ['content'],
        summary: "A published post's comments, replies and bullet comments; without postId, the newest posts",
        querystring: Type.Object(
          { postId: Type.Optional(Type.String({ format: 'uuid' })), limit: Limit },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(ItemSchema) }), ...problems(400, 404) },
      },
    },
    async (req) => ({
      items: await listPublished(app.database.db, { postId: req.query.postId, limit: req.query.limit ?? 50 }),
    }),
  )

  app.get(
    '/api/users/me/content',
    {
      config: { access: 'user' },
      schema: {
        tags: ['content'],
        summary: 'My items, whatever became of them, with the reasons',
        querystring: Type.Object({ limit: Limit }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(OwnSchema) }), ...problems(400, 401) },
      },
    },
    async (req) => ({ items: await listOwn(app.database.db, userOf(req).id, req.query.limit ?? 50) }),
  )
}
