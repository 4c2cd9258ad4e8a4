import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorOf } from '../../server/auth.ts'
import { IdParams, problems } from '../../server/schemas.ts'
import { claimItem, decideItem, itemHistory, reviewQueue } from './review.ts'

const ReasonSchema = Type.Object({
  type: Type.String(),
  outcome: Type.String(),
  zh: Type.String(),
  en: Type.String(),
  basis: Type.Array(Type.String()),
  start: Type.Integer(),
  end: Type.Integer(),
  term: Type.Optional(Type.String()),
  category: Type.Optional(Type.String()),
  severity: Type.Optional(Type.Integer()),
  claimId: Type.Optional(Type.String()),
  similarity: Type.Optional(Type.Number()),
})
const Nullable = (t: ReturnType<typeof Type.String>) => Type.Union([t, Type.Null()])
const HeldFields = {
  id: Type.String(),
  kind: Type.String(),
  authorId: Type.String(),
  authorName: Type.String(),
  postId: Nullable(Type.String()),
  parentId: Nullable(Type.String()),
  text: Type.String(),
  danmakuMs: Type.Union([Type.Integer(), Type.Null()]),
  fictionDeclared: Type.Boolean(),
  fictionLabel: Type.Boolean(),
  label: Type.Union([Type.Object({ zh: Type.String(), en: Type.String() }), Type.Null()]),
  status: Type.String(),
  createdAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  outcome: Type.String(),
  reasons: Type.Array(ReasonSchema),
  ruleVersion: Type.String(),
  decisionReason: Nullable(Type.String()),
  claimedBy: Nullable(Type.String()),
  claimedByName: Nullable(Type.String()),
  claimExpiresAt: Nullable(Type.String()),
}
const HeldSchema = Type.Object(HeldFields)
const QueueSchema = Type.Object({
  ...HeldFields,
  deadline: Type.String(),
  overdue: Type.Boolean(),
  severity: Type.Integer(),
  claimLive: Type.Boolean(),
})

/** Review of held items (A12.1). Platform nodes only. */
export const reviewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'platform') return

  app.get(
    '/api/review/queue',
    {
      config: { access: 'review.read' },
      schema: {
        tags: ['review'],
        summary: 'Held items, oldest first, with their reasons and deadline (posts 2 h, others 30 min)',
        querystring: Type.Object(
          {
            kind: Type.Optional(Type.Enum(['post', 'comment', 'reply', 'danmaku'])),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(QueueSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (req) => ({
      items: await reviewQueue(app.database.db, { kind: req.query.kind, limit: req.query.limit ?? 100 }),
    }),
  )

  app.post(
    '/api/review/:id/claim',
    {
      config: { access: 'review.act' },
      schema: {
        tags: ['review'],
        summary: 'Claim a held item for 15 minutes',
        params: IdParams,
        response: { 200: HeldSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => app.tx((tx) => claimItem(tx, actorOf(req), req.params.id)),
  )

  app.post(
    '/api/review/:id/decision',
    {
      config: { access: 'review.act' },
      schema: {
        tags: ['review'],
        summary: 'Approve, reject (a violation: credit is lowered) or publish with the fiction label',
        params: IdParams,
        body: Type.Object(
          {
            decision: Type.Enum(['approve', 'reject', 'label']),
            reason: Type.String({ minLength: 2, maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: HeldSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => app.tx((tx) => decideItem(tx, actorOf(req), req.params.id, req.body)),
  )

  app.get(
    '/api/review/:id/history',
    {
      config: { access: 'review.read' },
      schema: {
        tags: ['review'],
        summary: "An item's verdicts and decisions, from the ledger",
        params: IdParams,
        response: {
          200: Type.Object({
            item: HeldSchema,
            entries: Type.Array(
              Type.Object({
                seq: Type.Union([Type.Integer(), Type.Null()]),
                recordedAt: Type.String(),
                action: Type.String(),
                actor: Type.Object({ kind: Type.String(), name: Type.String() }),
                articles: Type.Array(Type.String()),
                ruleVersion: Type.Union([Type.String(), Type.Null()]),
                details: Type.Record(Type.String(), Type.Unknown()),
              }),
            ),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req) => itemHistory(app.database.db, req.params.id),
  )
}
