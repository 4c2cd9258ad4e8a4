import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { userOf } from '../../server/auth.ts'
import { problems } from '../../server/schemas.ts'
import { listNotices, markNoticesRead } from './notices.ts'

const NoticeSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  subject: Type.Union([Type.Object({ type: Type.String(), id: Type.String() }), Type.Null()]),
  zh: Type.String(),
  en: Type.String(),
  articles: Type.Array(Type.String()),
  createdAt: Type.String(),
  read: Type.Boolean(),
})

/** A user's notices about decisions on their content and account. Platform nodes only. */
export const noticeRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'platform') return

  app.get(
    '/api/users/me/notices',
    {
      config: { access: 'user' },
      schema: {
        tags: ['users'],
        summary:
          'My notices: why a label was added, why an item was withdrawn or rejected, why credit changed',
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ unread: Type.Integer(), items: Type.Array(NoticeSchema) }),
          ...problems(400, 401),
        },
      },
    },
    async (req) => listNotices(app.database.db, userOf(req).id, req.query.limit ?? 50),
  )

  app.post(
    '/api/users/me/notices/read',
    {
      config: { access: 'user' },
      schema: {
        tags: ['users'],
        summary: 'Mark all my notices read',
        response: { 200: Type.Object({ marked: Type.Integer() }), ...problems(401, 403) },
      },
    },
    async (req) => ({ marked: await app.tx((tx) => markNoticesRead(tx, userOf(req).id)) }),
  )
}
