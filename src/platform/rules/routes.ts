import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorOf, userOf } from '../../server/auth.ts'
import { problems } from '../../server/schemas.ts'
import {
  acceptRules,
  currentRuleDocuments,
  getRuleDocument,
  listVersions,
  pendingAcceptances,
  publishRuleDocument,
  RULE_KINDS,
} from './rules.ts'

const Kind = Type.Enum([...RULE_KINDS])
const DocSchema = Type.Object({
  kind: Type.String(),
  version: Type.Integer(),
  titleZh: Type.String(),
  titleEn: Type.String(),
  bodyZh: Type.String(),
  bodyEn: Type.String(),
  changeNote: Type.String(),
  publishedAt: Type.String(),
  url: Type.String(),
})
const Docs = Type.Object({ items: Type.Array(DocSchema) })

/** Rules and agreements (A13.1): public to read, published by operators, accepted by users. Platform nodes only. */
export const ruleRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'platform') return

  app.get(
    '/api/rules',
    {
      config: { access: 'public' },
      schema: { tags: ['rules'], summary: 'The rules and agreements in force', response: { 200: Docs } },
    },
    async () => ({ items: await currentRuleDocuments(app.database.db) }),
  )

  app.get(
    '/api/rules/:kind',
    {
      config: { access: 'public' },
      schema: {
        tags: ['rules'],
        summary: 'Every version of one document, newest first',
        params: Type.Object({ kind: Kind }, { additionalProperties: false }),
        response: { 200: Docs, ...problems(400) },
      },
    },
    async (req) => ({ items: await listVersions(app.database.db, req.params.kind) }),
  )

  app.get(
    '/api/rules/:kind/:version',
    {
      config: { access: 'public' },
      schema: {
        tags: ['rules'],
        summary: 'One version of one document',
        params: Type.Object(
          { kind: Kind, version: Type.Integer({ minimum: 1 }) },
          { additionalProperties: false },
        ),
        response: { 200: DocSchema, ...problems(400, 404) },
      },
    },
    async (req) => getRuleDocument(app.database.db, req.params.kind, req.params.version),
  )

  app.post(
    '/api/rules',
    {
      config: { access: 'rules.manage' },
      schema: {
        tags: ['rules'],
        summary: 'Publish a new version of a document; users must accept it before they publish again',
        body: Type.Object(
          {
            kind: Kind,
            titleZh: Type.String({ minLength: 1, maxLength: 100 }),
            titleEn: Type.String({ minLength: 1, maxLength: 200 }),
            bodyZh: Type.String({ minLength: 1, maxLength: 100_000 }),
            bodyEn: Type.String({ minLength: 1, maxLength: 200_000 }),
            changeNote: Type.String({ minLength: 1, maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: DocSchema, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await app.tx((tx) => publishRuleDocument(tx, actorOf(req), req.body))),
  )

  app.get(
    '/api/users/me/acceptances',
    {
      config: { access: 'user' },
      schema: {
        tags: ['rules'],
        summary: 'Documents in force that this user has not accepted',
        response: { 200: Docs, ...problems(401) },
      },
    },
    async (req) => ({ items: await pendingAcceptances(app.database.db, userOf(req).id) }),
  )

  app.post(
    '/api/users/me/acceptances',
    {
      config: { access: 'user' },
      schema: {
        tags: ['rules'],
        summary: 'Accept the versions in force',
        body: Type.Object(
          {
            documents: Type.Array(
              Type.Object(
                { kind: Kind, version: Type.Integer({ minimum: 1 }) },
                { additionalProperties: false },
              ),
              {
                minItems: 1,
                maxItems: 10,
              },
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ pending: Type.Array(DocSchema) }),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (req) => app.tx((tx) => acceptRules(tx, userOf(req).id, req.body.documents)),
  )
}
