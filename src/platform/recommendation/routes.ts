import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorOf, userOf } from '../../server/auth.ts'
import { IdParams, NoContent, Nullable, problems } from '../../server/schemas.ts'
import { ItemFields } from '../content/index.ts'
import {
  addIntervention,
  deleteInterest,
  feedSettingOf,
  likedAmong,
  listInterventions,
  listModels,
  publishModel,
  recommendationDisclosure,
  resetInterests,
  revokeIntervention,
  setFeedSetting,
} from './feed.ts'

const Topic = Type.Object(
  {
    tag: Type.String({ minLength: 1, maxLength: 20 }),
    terms: Type.Array(Type.String({ minLength: 1, maxLength: 30 }), { minItems: 1, maxItems: 100 }),
    encourage: Type.Boolean(),
    noteZh: Type.Optional(Type.String({ maxLength: 100 })),
    noteEn: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
)

const ModelDocument = Type.Object(
  {
    candidateHours: Type.Number(),
    candidateLimit: Type.Integer(),
    weights: Type.Object(
      {
        freshness: Type.Number(),
        freshnessHalfLifeHours: Type.Number(),
        engagement: Type.Number(),
        personal: Type.Number(),
        interestHalfLifeDays: Type.Optional(Type.Number()),
      },
      { additionalProperties: false },
    ),
    encourageBoost: Type.Number(),
    preventFactor: Type.Number(),
    interventionBound: Type.Number(),
    maxPerAuthor: Type.Optional(Type.Number()),
    creditGate: Type.Literal(true),
    topics: Type.Array(Topic, { maxItems: 200 }),
  },
  { additionalProperties: false },
)

const ModelSchema = Type.Object({
  version: Type.Integer(),
  document: ModelDocument,
  note: Type.String(),
  publishedAt: Nullable(Type.String()),
  publishedByName: Nullable(Type.String()),
})

const InterventionSchema = Type.Object({
  id: Type.String(),
  targetKind: Type.String(),
  target: Type.String(),
  action: Type.String(),
  factor: Nullable(Type.Number()),
  reason: Type.String(),
  expiresAt: Type.String(),
  createdAt: Type.String(),
  createdByName: Type.String(),
  revokedAt: Nullable(Type.String()),
  revokedByName: Nullable(Type.String()),
  active: Type.Boolean(),
})

const Why = Type.Object(
  {
    code: Type.String(),
    tags: Type.Optional(Type.Array(Type.String())),
    topics: Type.Optional(Type.Array(Type.String())),
    reason: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
)

const FeedSchema = Type.Object({
  personalised: Type.Boolean(),
  modelVersion: Type.Integer(),
  items: Type.Array(
    Type.Object({
      ...ItemFields,
      pinned: Type.Boolean(),
      liked: Type.Boolean(),
      category: Type.String(),
      why: Type.Array(Why),
    }),
  ),
})

const FeedQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) },
  { additionalProperties: false },
)

const SettingSchema = Type.Object({ personalised: Type.Boolean(), updatedAt: Nullable(Type.String()) })
const InterestSchema = Type.Object({ tag: Type.String(), weight: Type.Number(), updatedAt: Type.String() })

/** Recommendation under A14 (platform nodes): the feed, users' choice and interests, the model and interventions. */
export const recommendationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'platform') return
  const feeds = app.feeds

  app.get(
    '/api/feed',
    {
      config: { access: 'public' },
      schema: {
        tags: ['recommendation'],
        summary: 'The recommended feed for anyone not signed in: freshness and engagement only (A14)',
        querystring: FeedQuery,
        response: { 200: FeedSchema, ...problems(400) },
      },
    },
    async (req) => feeds.feed(null, { limit: req.query.limit ?? 30 }),
  )

  app.get(
    '/api/users/me/feed',
    {
      config: { access: 'user' },
      schema: {
        tags: ['recommendation'],
        summary:
          "The user's feed: personalised unless they turned it off, each item with why it is shown (A14)",
        querystring: FeedQuery,
        response: { 200: FeedSchema, ...problems(400, 401) },
      },
    },
    async (req) => feeds.feed(userOf(req), { limit: req.query.limit ?? 30 }),
  )

  app.post(
    '/api/content/:id/interactions',
    {
      config: { access: 'user' },
      schema: {
        tags: ['recommendation'],
        summary: 'Record that the user viewed or liked a published item (once each)',
        params: IdParams,
        body: Type.Object({ kind: Type.Enum(['view', 'like']) }, { additionalProperties: false }),
        response: { 200: Type.Object({ recorded: Type.Boolean() }), ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => {
      const user = userOf(req)
      return { recorded: await app.tx((tx) => feeds.interact(tx, user.id, req.params.id, req.body.kind)) }
    },
  )

  app.get(
    '/api/content/:id/interactions/like',
    {
      config: { access: 'user' },
      schema: {
        tags: ['recommendation'],
        summary: 'Whether the user has liked an item (false for any id they have not liked)',
        params: IdParams,
        response: { 200: Type.Object({ liked: Type.Boolean() }), ...problems(400, 401) },
      },
    },
    async (req) => {
      const user = userOf(req)
      const liked = await app.tx((tx) => likedAmong(tx, user.id, [req.params.id]))
      return { liked: liked.has(req.params.id) }
    },
  )

  app.delete(
    '/api/content/:id/interactions/like',
    {
      config: { access: 'user' },
      schema: {
        tags: ['recommendation'],
        summary: "Withdraw the user's like of an item: its count and the user's interests fall back (A14)",
        params: IdParams,
        response: { 200: Type.Object({ withdrawn: Type.Boolean() }), ...problems(400, 401, 403) },
      },
    },
    async (req) => {
      const user = userOf(req)
      return { withdrawn: await app.tx((tx) => feeds.unlike(tx, user.id, req.params.id)) }
    },
  )

  app.get(
    '/api/users/me/feed-settings',
    {
      config: { access: 'user' },
      schema: {
        tags: ['recommendation'],
        summary: 'Whether personalised recommendation is on for the user (A14)',
        response: { 200: SettingSchema, ...problems(401) },
      },
    },
    async (req) => app.tx((tx) => feedSettingOf(tx, userOf(req).id)),
  )

  app.put(
    '/api/users/me/feed-settings',
    {
      config: { access: 'user' },
      schema: {
        tags: ['recommendation'],
        summary: 'Turn personalised recommendation on or off; the next feed request follows it (A14)',
        body: Type.Object({ personalised: Type.Boolean() }, { additionalProperties: false }),
        response: { 200: SettingSchema, ...problems(400, 401, 403) },
      },
    },
    async (req) => app.tx((tx) => setFeedSetting(tx, userOf(req).id, req.body.personalised)),
  )

  app.get(
    '/api/users/me/interests',
    {
      config: { access: 'user' },
      schema: {
        tags: ['recommendation'],
        summary: "The user's interest tags, derived from what they viewed, liked and replied to (A14)",
        response: { 200: Type.Object({ items: Type.Array(InterestSchema) }), ...problems(401) },
      },
    },
    async (req) => ({ items: await app.tx((tx) => feeds.interests(tx, userOf(req).id)) }),
  )

  app.delete(
    '/api/users/me/interests/:tag',
    {
      config: { access: 'user' },
      schema: {
        tags: ['recommendation'],
        summary: 'Delete one interest tag: it no longer influences the feed',
        params: Type.Object(
          { tag: Type.String({ minLength: 1, maxLength: 20 }) },
          { additionalProperties: false },
        ),
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await app.tx((tx) => deleteInterest(tx, userOf(req).id, req.params.tag))
      return reply.code(204).send(null)
    },
  )

  app.delete(
    '/api/users/me/interests',
    {
      config: { access: 'user' },
      schema: {
        tags: ['recommendation'],
        summary: 'Reset: delete every interest tag',
        response: { 200: Type.Object({ deleted: Type.Integer() }), ...problems(401, 403) },
      },
    },
    async (req) => ({ deleted: await app.tx((tx) => resetInterests(tx, userOf(req).id)) }),
  )

  app.get(
    '/api/public/recommendation-model',
    {
      config: { access: 'public' },
      schema: {
        tags: ['recommendation'],
        summary: 'The recommendation model in force, published for transparency (A14)',
        response: { 200: ModelSchema },
      },
    },
    async () => app.tx(async (tx) => (await recommendationDisclosure(tx)).model),
  )

  app.get(
    '/api/recommendation/models',
    {
      config: { access: 'recommendation.read' },
      schema: {
        tags: ['recommendation'],
        summary: 'Every published version of the recommendation model, newest first, and the built-in one',
        response: { 200: Type.Object({ items: Type.Array(ModelSchema) }), ...problems(401, 403) },
      },
    },
    async () => ({ items: await app.tx((tx) => listModels(tx)) }),
  )

  app.post(
    '/api/recommendation/models',
    {
      config: { access: 'recommendation.manage' },
      schema: {
        tags: ['recommendation'],
        summary: 'Publish a new version of the recommendation model (on the ledger, A14)',
        body: Type.Object(
          { document: ModelDocument, note: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 201: ModelSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (req, reply) => {
      const model = await app.tx((tx) => publishModel(tx, actorOf(req), req.body))
      feeds.invalidate()
      return reply.code(201).send(model)
    },
  )

  app.get(
    '/api/recommendation/interventions',
    {
      config: { access: 'recommendation.read' },
      schema: {
        tags: ['recommendation'],
        summary:
          'Human interventions in recommendation, newest first; `active=true` for those in force (A14)',
        querystring: Type.Object({ active: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
        response: { 200: Type.Object({ items: Type.Array(InterventionSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (req) => ({ items: await app.tx((tx) => listInterventions(tx, { active: req.query.active })) }),
  )

  app.post(
    '/api/recommendation/interventions',
    {
      config: { access: 'recommendation.manage' },
      schema: {
        tags: ['recommendation'],
        summary: 'Pin, boost, demote or exclude an item, an author or a topic, with reason and expiry (A14)',
        body: Type.Object(
          {
            targetKind: Type.Enum(['item', 'author', 'topic']),
            target: Type.String({ minLength: 1, maxLength: 64 }),
            action: Type.Enum(['pin', 'boost', 'demote', 'exclude']),
            factor: Type.Optional(Type.Number()),
            reason: Type.String({ minLength: 1, maxLength: 500 }),
            expiresAt: Type.String({ format: 'date-time' }),
          },
          { additionalProperties: false },
        ),
        response: { 201: InterventionSchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const iv = await app.tx((tx) => addIntervention(tx, actorOf(req), req.body))
      feeds.invalidate()
      return reply.code(201).send(iv)
    },
  )

  app.post(
    '/api/recommendation/interventions/:id/revoke',
    {
      config: { access: 'recommendation.manage' },
      schema: {
        tags: ['recommendation'],
        summary: 'End an intervention before its expiry (on the ledger)',
        params: IdParams,
        response: { 200: InterventionSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const iv = await app.tx((tx) => revokeIntervention(tx, actorOf(req), req.params.id))
      feeds.invalidate()
      return iv
    },
  )
}
