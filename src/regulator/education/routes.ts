import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorOf } from '../../server/auth.ts'
import { IdParams, problems } from '../../server/schemas.ts'
import { EDUCATION_TOPICS, getArticle, listArticles, publishArticle } from './education.ts'

const ArticleSchema = Type.Object({
  id: Type.String(),
  topic: Type.String(),
  titleZh: Type.String(),
  titleEn: Type.String(),
  summaryZh: Type.String(),
  summaryEn: Type.String(),
  bodyZh: Type.String(),
  bodyEn: Type.String(),
  organisationNameZh: Type.String(),
  organisationNameEn: Type.String(),
  publishedAt: Type.String(),
})
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max })

/** Public education (A6): staff publish, anyone reads. Regulator only. */
export const educationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'regulator') return

  app.post(
    '/api/education',
    {
      config: { access: 'education.publish' },
      schema: {
        tags: ['education'],
        summary: 'Publish a public education article in Chinese and English (A6)',
        body: Type.Object(
          {
            topic: Type.Union(EDUCATION_TOPICS.map((t) => Type.Literal(t))),
            titleZh: Text(200),
            titleEn: Text(200),
            summaryZh: Text(500),
            summaryEn: Text(1000),
            bodyZh: Text(20_000),
            bodyEn: Text(40_000),
          },
          { additionalProperties: false },
        ),
        response: { 201: ArticleSchema, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await app.tx((tx) => publishArticle(tx, actorOf(req), req.body))),
  )

  app.get(
    '/api/education',
    {
      config: { access: 'education.publish' },
      schema: {
        tags: ['education'],
        summary: 'Published education articles, newest first, for those who publish them',
        response: { 200: Type.Object({ items: Type.Array(ArticleSchema) }), ...problems(401, 403) },
      },
    },
    async () => ({ items: await listArticles(app.database.db) }),
  )

  app.get(
    '/api/public/education',
    {
      config: { access: 'public' },
      schema: {
        tags: ['education'],
        summary: 'Public education articles (A6), newest first',
        response: { 200: Type.Object({ items: Type.Array(ArticleSchema) }) },
      },
    },
    async () => ({ items: await listArticles(app.database.db) }),
  )

  app.get(
    '/api/public/education/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['education'],
        summary: 'One public education article',
        params: IdParams,
        response: { 200: ArticleSchema, ...problems(400, 404) },
      },
    },
    async (req) => getArticle(app.database.db, req.params.id),
  )
}
