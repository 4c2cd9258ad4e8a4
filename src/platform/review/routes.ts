import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorOf } from '../../server/auth.ts'
import { IdParams, problems } from '../../server/schemas.ts'
import { HeldFields } from '../content/index.ts'
import {
  claimItem,
  type Decision,
  decideItem,
  decideSelection,
  escalateItem,
  itemHistory,
  REASON_TEMPLATES,
  reviewQueue,
} from './review.ts'

const HeldSchema = Type.Object(HeldFields)
const QueueSchema = Type.Object({
  ...HeldFields,
  deadline: Type.String(),
  overdue: Type.Boolean(),
  severity: Type.Integer(),
  claimLive: Type.Boolean(),
  risk: Type.Number(),
})
const DecisionBody = {
  decision: Type.Enum(['approve', 'reject', 'label']),
  reason: Type.String({ minLength: 2, maxLength: 500 }),
}

/** Review of held items (A12.1). Platform nodes only. */
export const reviewRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'platform') return

  app.get(
    '/api/review/queue',
    {
      config: { access: 'review.read' },
      schema: {
        tags: ['review'],
        summary:
          'Held items by risk (escalated, overdue, severity, patrol hits) or age, with reasons and deadline (posts 2 h, others 30 min)',
        querystring: Type.Object(
          {
            kind: Type.Optional(Type.Enum(['post', 'comment', 'reply', 'danmaku'])),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
            order: Type.Optional(Type.Enum(['risk', 'age'])),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(QueueSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (req) => ({
      items: await reviewQueue(app.database.db, {
        kind: req.query.kind,
        limit: req.query.limit ?? 100,
        order: req.query.order,
      }),
    }),
  )

  app.get(
    '/api/review/templates',
    {
      config: { access: 'review.read' },
      schema: {
        tags: ['review'],
        summary: 'Reason templates for decisions, with the requirement ids each rests on',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                key: Type.String(),
                decision: Type.String(),
                zh: Type.String(),
                en: Type.String(),
                articles: Type.Array(Type.String()),
              }),
            ),
          }),
          ...problems(401, 403),
        },
      },
    },
    async () => ({ items: REASON_TEMPLATES.map((t) => ({ ...t })) }),
  )

  app.post(
    '/api/review/:id/escalate',
    {
      config: { access: 'review.act' },
      schema: {
        tags: ['review'],
        summary: 'Send a held item up to a lead reviewer, with a note',
        params: IdParams,
        body: Type.Object(
          { note: Type.String({ minLength: 2, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 200: HeldSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => app.tx((tx) => escalateItem(tx, actorOf(req), req.params.id, req.body.note)),
  )

  app.post(
    '/api/review/bulk',
    {
      config: { access: 'review.act' },
      schema: {
        tags: ['review'],
        summary:
          'One decision over a selection: each item decided in its own transaction, each result reported (one refusal does not undo the others)',
        body: Type.Object(
          {
            ids: Type.Array(Type.String({ format: 'uuid' }), {
              minItems: 1,
              maxItems: 100,
              uniqueItems: true,
            }),
            ...DecisionBody,
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            decided: Type.Integer(),
            refused: Type.Integer(),
            results: Type.Array(
              Type.Object({
                id: Type.String(),
                ok: Type.Boolean(),
                status: Type.Union([Type.String(), Type.Null()]),
                code: Type.Union([Type.String(), Type.Null()]),
                zh: Type.Union([Type.String(), Type.Null()]),
                en: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req) =>
      decideSelection(app.database.db, actorOf(req), req.body.ids, {
        decision: req.body.decision as Decision,
        reason: req.body.reason,
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
        body: Type.Object(DecisionBody, { additionalProperties: false }),
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
