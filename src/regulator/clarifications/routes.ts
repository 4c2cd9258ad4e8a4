import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorOf } from '../../server/auth.ts'
import { IdParams, Nullable, problems } from '../../server/schemas.ts'
import {
  approveClarification,
  cosignClarification,
  draftClarification,
  getClarification,
  listClarifications,
  publicClarification,
  publicClarifications,
  publishClarification,
} from './clarifications.ts'

const DeliverySchema = Type.Object({
  platformNode: Type.String(),
  sentAt: Type.String(),
  actedAt: Nullable(Type.String()),
  disposalId: Nullable(Type.String()),
  stopped: Nullable(Type.Integer()),
  toReview: Nullable(Type.Integer()),
  timeToActMs: Nullable(Type.Integer()),
})

const ClarificationSchema = Type.Object({
  id: Type.String(),
  claim: Type.String(),
  title: Type.String(),
  body: Type.String(),
  verdict: Type.String(),
  authorOrgId: Type.String(),
  draftedBy: Type.String(),
  draftedByName: Type.String(),
  draftedAt: Type.String(),
  cosignOrgId: Nullable(Type.String()),
  cosignedByName: Nullable(Type.String()),
  cosignedAt: Nullable(Type.String()),
  approvedByName: Nullable(Type.String()),
  approvedAt: Nullable(Type.String()),
  status: Type.String(),
  publishedAt: Nullable(Type.String()),
  reportedAt: Nullable(Type.String()),
  reportToClarificationMs: Nullable(Type.Integer()),
  publicReportIds: Type.Array(Type.String()),
  url: Type.String(),
  deliveries: Type.Array(DeliverySchema),
})

const PublicSchema = Type.Object({
  id: Type.String(),
  claim: Type.String(),
  title: Type.String(),
  body: Type.String(),
  verdict: Type.String(),
  publishedAt: Type.String(),
  url: Type.String(),
  claimReview: Type.Record(Type.String(), Type.Unknown()),
})

/** Clarifications (辟谣, A7): drafted, co-signed, approved and published, pushed to every platform. Regulator only. */
export const clarificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'regulator') return
  const publicUrl = app.config.http.publicUrl
  const publisher = { name: app.config.node.nameZh, publicUrl }

  app.get(
    '/api/clarifications',
    {
      config: { access: 'clarification.read' },
      schema: {
        tags: ['clarifications'],
        summary: 'Clarifications, drafts included, with what each platform did about each',
        querystring: Type.Object(
          { status: Type.Optional(Type.Enum(['draft', 'approved', 'published'])) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(ClarificationSchema) }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req) => ({
      items: await listClarifications(app.database.db, publicUrl, { status: req.query.status }),
    }),
  )

  app.get(
    '/api/clarifications/:id',
    {
      config: { access: 'clarification.read' },
      schema: {
        tags: ['clarifications'],
        summary: 'One clarification, its signatures and its deliveries',
        params: IdParams,
        response: { 200: ClarificationSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getClarification(app.database.db, req.params.id, publicUrl),
  )

  app.post(
    '/api/clarifications',
    {
      config: { access: 'clarification.draft' },
      schema: {
        tags: ['clarifications'],
        summary:
          "Draft a clarification for one's department, optionally asking a second department to co-sign",
        body: Type.Object(
          {
            claim: Type.String({ minLength: 1, maxLength: 2000 }),
            title: Type.String({ minLength: 1, maxLength: 200 }),
            body: Type.String({ minLength: 1, maxLength: 20_000 }),
            verdict: Type.Enum(['false', 'misleading']),
            cosignOrgId: Type.Optional(Type.String({ format: 'uuid' })),
            reportedAt: Type.Optional(Type.String({ format: 'date-time' })),
            publicReportIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { maxItems: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: ClarificationSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await app.tx((tx) =>
            draftClarification(
              tx,
              actorOf(req),
              { ...req.body, verdict: req.body.verdict as 'false' | 'misleading' },
              publicUrl,
            ),
          ),
        ),
  )

  app.post(
    '/api/clarifications/:id/cosign',
    {
      config: { access: 'clarification.draft' },
      schema: {
        tags: ['clarifications'],
        summary: 'Co-sign a draft for the department asked (会签)',
        params: IdParams,
        response: { 200: ClarificationSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => app.tx((tx) => cosignClarification(tx, actorOf(req), req.params.id, publicUrl)),
  )

  app.post(
    '/api/clarifications/:id/approve',
    {
      config: { access: 'clarification.approve' },
      schema: {
        tags: ['clarifications'],
        summary: 'Approve a draft someone else wrote, once any co-signature asked for is there',
        params: IdParams,
        response: { 200: ClarificationSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => app.tx((tx) => approveClarification(tx, actorOf(req), req.params.id, publicUrl)),
  )

  app.post(
    '/api/clarifications/:id/publish',
    {
      config: { access: 'clarification.approve' },
      schema: {
        tags: ['clarifications'],
        summary: 'Publish an approved clarification on the portal and push it to every platform',
        params: IdParams,
        response: { 200: ClarificationSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const published = await app.tx((tx) =>
        publishClarification(tx, actorOf(req), app.protocol, req.params.id, publisher),
      )
      return published
    },
  )

  app.get(
    '/api/public/clarifications',
    {
      config: { access: 'public' },
      schema: {
        tags: ['clarifications'],
        summary: 'Published clarifications (辟谣), newest first, each with its schema.org ClaimReview',
        response: { 200: Type.Object({ items: Type.Array(PublicSchema) }) },
      },
    },
    async () => ({ items: await publicClarifications(app.database.db, publisher) }),
  )

  app.get(
    '/api/public/clarifications/:id',
    {
      config: { access: 'public' },
      schema: {
        tags: ['clarifications'],
        summary: 'One published clarification with its schema.org ClaimReview',
        params: IdParams,
        response: { 200: PublicSchema, ...problems(400, 404) },
      },
    },
    async (req) => publicClarification(app.database.db, req.params.id, publisher),
  )
}
