import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorOf } from '../../server/auth.ts'
import { IdParams, NoContent, Nullable, problems } from '../../server/schemas.ts'
import {
  confirmRumor,
  disposalDetail,
  disposeItem,
  getRumor,
  listDisposals,
  listLegalHolds,
  listRumors,
  openRetained,
  placeLegalHold,
  RUMOR_SOURCES,
  releaseLegalHold,
} from './disposal.ts'
import { DisposalSchema, MeasuresSchema, RumorSchema } from './schemas.ts'

const IndexSchema = Type.Object({
  state: Type.String(),
  indexed: Type.Integer(),
  total: Type.Integer(),
  bytes: Type.Integer(),
  builtInMs: Type.Union([Type.Integer(), Type.Null()]),
  error: Nullable(Type.String()),
})

const DisposalItemSchema = Type.Object({
  itemId: Type.String(),
  kind: Type.String(),
  similarity: Type.Number(),
  outcome: Type.String(),
  measures: Type.Array(Type.String()),
  legalHold: Type.Boolean(),
  statusBefore: Type.String(),
  appliedAt: Type.String(),
  afterMs: Type.Integer(),
  status: Nullable(Type.String()),
  restriction: Nullable(Type.String()),
  falseLabelled: Type.Boolean(),
  excerpt: Nullable(Type.String()),
})

const HoldSchema = Type.Object({
  itemId: Type.String(),
  reason: Type.String(),
  placedBy: Type.String(),
  placedAt: Type.String(),
})

const Reason = Type.String({ minLength: 1, maxLength: 500 })
const Url = Type.String({ maxLength: 500, pattern: '^https?://' })

/** The rumor registry, disposals and their sweeps, retention and legal holds (A16). Platform nodes only. */
export const disposalRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'platform') return
  const { ctx } = app.disposal

  app.get(
    '/api/rumors',
    {
      config: { access: 'disposal.read' },
      schema: {
        tags: ['disposal'],
        summary: 'The rumor registry: confirmed false claims with their source and clarification',
        response: { 200: Type.Object({ items: Type.Array(RumorSchema) }), ...problems(401, 403) },
      },
    },
    async () => ({ items: await listRumors(app.database.db) }),
  )

  app.get(
    '/api/rumors/:id',
    {
      config: { access: 'disposal.read' },
      schema: {
        tags: ['disposal'],
        summary: 'One entry of the rumor registry',
        params: IdParams,
        response: { 200: RumorSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getRumor(app.database.db, req.params.id),
  )

  app.post(
    '/api/rumors',
    {
      config: { access: 'disposal.act' },
      schema: {
        tags: ['disposal'],
        summary:
          'Confirm a false claim: it enters the registry and the claim bank (new uploads that match are blocked), and every published copy is swept and disposed of',
        body: Type.Object(
          {
            text: Type.String({ minLength: 1, maxLength: 2000 }),
            verdict: Type.Enum(['false', 'misleading']),
            source: Type.Enum([...RUMOR_SOURCES]),
            sourceRef: Type.String({ minLength: 1, maxLength: 200 }),
            clarificationUrl: Type.Optional(Url),
            clarificationTitle: Type.Optional(Type.String({ maxLength: 200 })),
            measures: MeasuresSchema,
            reason: Reason,
            category: Type.Enum(['false', 'prohibit']),
            notifyInteractors: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ rumor: RumorSchema, disposal: DisposalSchema }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req, reply) => {
      // the sweep starts once this commits (DisposalContext.startSweep)
      const r = await app.tx((tx) => confirmRumor(tx, actorOf(req), ctx, req.body))
      return reply.code(201).send({ rumor: r.rumor, disposal: r.disposal })
    },
  )

  app.get(
    '/api/disposals',
    {
      config: { access: 'disposal.read' },
      schema: {
        tags: ['disposal'],
        summary: 'Disposals, newest first, and the state of the index of published items they sweep',
        response: {
          200: Type.Object({ items: Type.Array(DisposalSchema), index: IndexSchema }),
          ...problems(401, 403),
        },
      },
    },
    async () => ({ items: await listDisposals(app.database.db), index: app.disposal.index.status() }),
  )

  app.get(
    '/api/disposals/:id',
    {
      config: { access: 'disposal.read' },
      schema: {
        tags: ['disposal'],
        summary: 'A disposal with every item it acted on and when',
        params: IdParams,
        response: {
          200: Type.Object({ disposal: DisposalSchema, items: Type.Array(DisposalItemSchema) }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req) => disposalDetail(app.database.db, req.params.id),
  )

  app.post(
    '/api/content/:id/disposal',
    {
      config: { access: 'disposal.act' },
      schema: {
        tags: ['disposal'],
        summary: 'Dispose of one item: stop, remove, label as false or limit it (A16)',
        params: IdParams,
        body: Type.Object(
          {
            measures: MeasuresSchema,
            reason: Reason,
            category: Type.Enum(['false', 'prohibit']),
            notifyInteractors: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 201: DisposalSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await app.tx((tx) => disposeItem(tx, actorOf(req), ctx, req.params.id, req.body))),
  )

  app.post(
    '/api/retention/:id/open',
    {
      config: { access: 'retention.read' },
      schema: {
        tags: ['disposal'],
        summary: 'Open the sealed copy of a removed item; the opening and its reason are recorded',
        params: IdParams,
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            itemId: Type.String(),
            text: Type.String(),
            digest: Type.String(),
            removedAt: Type.String(),
            retainUntil: Type.String(),
            legalHold: Type.Boolean(),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req) => app.tx((tx) => openRetained(tx, actorOf(req), ctx, req.params.id, req.body.reason)),
  )

  app.get(
    '/api/legal-holds',
    {
      config: { access: 'retention.read' },
      schema: {
        tags: ['disposal'],
        summary: 'Items under a legal hold',
        response: { 200: Type.Object({ items: Type.Array(HoldSchema) }), ...problems(401, 403) },
      },
    },
    async () => ({ items: await listLegalHolds(app.database.db) }),
  )

  app.post(
    '/api/legal-holds',
    {
      config: { access: 'retention.hold' },
      schema: {
        tags: ['disposal'],
        summary: 'Place a legal hold: the item is kept exactly as it is and its copy is never purged',
        body: Type.Object(
          { itemId: Type.String({ format: 'uuid' }), reason: Reason },
          { additionalProperties: false },
        ),
        response: { 201: HoldSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await app.tx((tx) => placeLegalHold(tx, actorOf(req), req.body.itemId, req.body.reason))),
  )

  app.post(
    '/api/legal-holds/:id/release',
    {
      config: { access: 'retention.hold' },
      schema: {
        tags: ['disposal'],
        summary: 'Release a legal hold',
        params: IdParams,
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await app.tx((tx) => releaseLegalHold(tx, actorOf(req), req.params.id, req.body.reason))
      return reply.code(204).send(null)
    },
  )
}
