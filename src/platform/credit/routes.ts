import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorOf, userOf } from '../../server/auth.ts'
import { problems } from '../../server/schemas.ts'
import { listUsers } from '../accounts/index.ts'
import { verifiedAmong } from '../identity/index.ts'
import {
  currentCreditPolicy,
  getCredit,
  listCreditPolicies,
  publishCreditPolicy,
  recordCreditEvent,
  restoreCredit,
  scoresOf,
} from './credit.ts'
import type { CreditPolicyDocument } from './policy.ts'

const Limits = Type.Object(
  {
    post: Type.Integer({ minimum: 0 }),
    comment: Type.Integer({ minimum: 0 }),
    reply: Type.Integer({ minimum: 0 }),
    danmaku: Type.Integer({ minimum: 0 }),
  },
  { additionalProperties: false },
)
const CapabilitiesSchema = Type.Object(
  {
    publishing: Type.Boolean(),
    preReview: Type.Boolean(),
    recommend: Type.Boolean(),
    messaging: Type.Boolean(),
    dailyLimits: Limits,
  },
  { additionalProperties: false },
)
const TierSchema = Type.Object(
  {
    key: Type.String({ pattern: '^[a-z][a-z_]{1,30}$' }),
    min: Type.Integer({ minimum: 0 }),
    zh: Type.String({ minLength: 1, maxLength: 20 }),
    en: Type.String({ minLength: 1, maxLength: 40 }),
    descriptionZh: Type.String({ maxLength: 200 }),
    descriptionEn: Type.String({ maxLength: 400 }),
    capabilities: CapabilitiesSchema,
  },
  { additionalProperties: false },
)
const PolicyDocumentSchema = Type.Object(
  {
    initial: Type.Integer({ minimum: 0 }),
    max: Type.Integer({ minimum: 1, maximum: 10_000 }),
    tiers: Type.Array(TierSchema, { minItems: 1, maxItems: 12 }),
    deltas: Type.Object(
      {
        identityVerified: Type.Integer(),
        violation: Type.Object(
          { '1': Type.Integer(), '2': Type.Integer(), '3': Type.Integer() },
          { additionalProperties: false },
        ),
        fictionUnlabelled: Type.Integer(),
        recoveryPerDay: Type.Integer(),
        recoveryAfterDays: Type.Integer({ minimum: 0 }),
      },
      { additionalProperties: false },
    ),
  },
  { additionalProperties: false },
)
const PolicySchema = Type.Object({
  version: Type.Integer(),
  document: PolicyDocumentSchema,
  note: Type.String(),
  publishedAt: Type.Union([Type.String(), Type.Null()]),
})
const EventSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  delta: Type.Integer(),
  scoreAfter: Type.Integer(),
  reason: Type.String(),
  policyVersion: Type.Integer(),
  subject: Type.Union([Type.Object({ type: Type.String(), id: Type.String() }), Type.Null()]),
  restoresEventId: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
})
const CreditSchema = Type.Object({
  score: Type.Integer(),
  tier: TierSchema,
  capabilities: CapabilitiesSchema,
  policyVersion: Type.Integer(),
  history: Type.Array(EventSchema),
  tiers: Type.Array(TierSchema),
})
const UserParams = Type.Object({ userId: Type.String({ format: 'uuid' }) }, { additionalProperties: false })

/** Account credit (A13.3): the policy is public; users see their own; operators record and restore. */
export const creditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'platform') return

  app.get(
    '/api/credit/policy',
    {
      config: { access: 'public' },
      schema: {
        tags: ['credit'],
        summary: 'The credit policy in force: tiers, what each may do, how events count',
        response: { 200: PolicySchema },
      },
    },
    async () => currentCreditPolicy(app.database.db),
  )

  app.get(
    '/api/credit/policy/versions',
    {
      config: { access: 'public' },
      schema: {
        tags: ['credit'],
        summary: 'Every published version of the credit policy',
        response: { 200: Type.Object({ items: Type.Array(PolicySchema) }) },
      },
    },
    async () => ({ items: await listCreditPolicies(app.database.db) }),
  )

  app.post(
    '/api/credit/policy',
    {
      config: { access: 'credit.manage' },
      schema: {
        tags: ['credit'],
        summary: 'Publish a new version of the credit policy',
        body: Type.Object(
          { document: PolicyDocumentSchema, note: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 201: PolicySchema, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(
        await app.tx((tx) =>
          publishCreditPolicy(tx, actorOf(req), {
            document: req.body.document as CreditPolicyDocument,
            note: req.body.note,
          }),
        ),
      ),
  )

  app.get(
    '/api/users/me/credit',
    {
      config: { access: 'user' },
      schema: {
        tags: ['credit'],
        summary: 'My credit: score, tier, what I may do, and why it changed',
        response: { 200: CreditSchema, ...problems(401) },
      },
    },
    async (req) => getCredit(app.database.db, userOf(req).id),
  )

  app.get(
    '/api/platform/users',
    {
      config: { access: 'credit.read' },
      schema: {
        tags: ['credit'],
        summary: 'Platform users with verification state and credit (display names only)',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 40 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
            offset: Type.Optional(Type.Integer({ minimum: 0 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                displayName: Type.String(),
                status: Type.String(),
                createdAt: Type.String(),
                identityVerified: Type.Boolean(),
                score: Type.Integer(),
                tier: Type.String(),
              }),
            ),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req) => {
      const db = app.database.db
      const users = await listUsers(db, {
        query: req.query.q,
        limit: req.query.limit ?? 50,
        offset: req.query.offset ?? 0,
      })
      const ids = users.map((u) => u.id)
      const [verified, scores] = [await verifiedAmong(db, ids), await scoresOf(db, ids)]
      return {
        items: users.map((u) => ({
          ...u,
          identityVerified: verified.has(u.id),
          score: scores.get(u.id)?.score ?? 0,
          tier: scores.get(u.id)?.tier.key ?? '',
        })),
      }
    },
  )

  app.get(
    '/api/credit/users/:userId',
    {
      config: { access: 'credit.read' },
      schema: {
        tags: ['credit'],
        summary: "An account's credit and its history",
        params: UserParams,
        response: { 200: CreditSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getCredit(app.database.db, req.params.userId),
  )

  app.post(
    '/api/credit/users/:userId/events',
    {
      config: { access: 'credit.manage' },
      schema: {
        tags: ['credit'],
        summary: 'Record a confirmed violation or a manual adjustment, with its reason',
        params: UserParams,
        body: Type.Union([
          Type.Object(
            {
              kind: Type.Literal('violation'),
              severity: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]),
              reason: Type.String({ minLength: 2, maxLength: 500 }),
              subject: Type.Optional(
                Type.Object(
                  { type: Type.String({ maxLength: 40 }), id: Type.String({ maxLength: 100 }) },
                  { additionalProperties: false },
                ),
              ),
            },
            { additionalProperties: false },
          ),
          Type.Object(
            {
              kind: Type.Literal('adjustment'),
              delta: Type.Integer({ minimum: -100, maximum: 100 }),
              reason: Type.String({ minLength: 2, maxLength: 500 }),
            },
            { additionalProperties: false },
          ),
        ]),
        response: { 201: EventSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(
          await app.tx((tx) =>
            recordCreditEvent(tx, actorOf(req), { userId: req.params.userId, ...req.body }),
          ),
        ),
  )

  app.post(
    '/api/credit/events/:eventId/restore',
    {
      config: { access: 'credit.manage' },
      schema: {
        tags: ['credit'],
        summary: 'Restore a deduction after an upheld appeal',
        params: Type.Object({ eventId: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        body: Type.Object(
          { reason: Type.String({ minLength: 2, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 201: EventSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await app.tx((tx) => restoreCredit(tx, actorOf(req), req.params.eventId, req.body.reason))),
  )
}
