import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorOf } from '../server/auth.ts'
import { NoContent, problems } from '../server/schemas.ts'
import { addPeer, getPeer, listPeers, retryOutbox, updatePeer } from './peers.ts'
import * as store from './store.ts'

const NodeId = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' })
const Kind = Type.Union([Type.Literal('regulator'), Type.Literal('platform')])
const BaseUrl = Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 300 })
const PublicKey = Type.String({ pattern: '^[A-Za-z0-9+/]{43}=$', description: '32-byte Ed25519 key, base64' })

const PeerSchema = Type.Object({
  nodeId: Type.String(),
  kind: Type.String(),
  nameZh: Type.String(),
  nameEn: Type.String(),
  baseUrl: Type.String(),
  publicKey: Type.String(),
  status: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
})

const OutboxSchema = Type.Object({
  id: Type.String(),
  toNode: Type.String(),
  type: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  nextAttemptAt: Type.String(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  deliveredAt: Type.Union([Type.String(), Type.Null()]),
})

const SignedEnvelopeSchema = Type.Object(
  {
    envelope: Type.Object(
      {
        id: Type.String({ format: 'uuid' }),
        type: Type.String({ pattern: '^[a-z][a-z_]*(\\.[a-z][a-z_]*)*$', maxLength: 64 }),
        from: NodeId,
        to: NodeId,
        issuedAt: Type.String({ format: 'date-time' }),
        body: Type.Record(Type.String(), Type.Unknown()),
      },
      { additionalProperties: false },
    ),
    signature: Type.String({ pattern: '^[A-Za-z0-9+/]{86}==$' }),
  },
  { additionalProperties: false },
)

export const protocolRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/protocol/inbox',
    {
      // Anyone may knock; only an envelope signed by a registered peer and addressed to this node gets in.
      config: { access: 'public' },
      schema: {
        tags: ['protocol'],
        summary: 'Receive a signed envelope from a peer node',
        body: SignedEnvelopeSchema,
        response: {
          202: Type.Object({ status: Type.Union([Type.Literal('accepted'), Type.Literal('duplicate')]) }),
          ...problems(400, 401, 403, 409),
        },
      },
    },
    async (req, reply) => reply.code(202).send(await app.protocol.receive(req.body)),
  )

  app.get(
    '/api/protocol/peers',
    {
      config: { access: 'protocol.read' },
      schema: {
        tags: ['protocol'],
        summary: 'Peer nodes, their addresses and keys',
        response: {
          200: Type.Object({
            items: Type.Array(PeerSchema),
            self: Type.Object({ nodeId: Type.String(), publicKey: Type.String() }),
          }),
          ...problems(401, 403),
        },
      },
    },
    async () => ({
      items: await listPeers(app.database.db),
      self: { nodeId: app.config.node.id, publicKey: app.keys.publicKeyBase64 },
    }),
  )

  app.get(
    '/api/protocol/directory',
    {
      config: { access: 'node.read' },
      schema: {
        tags: ['protocol'],
        summary:
          'The nodes this node works with, by name (no addresses or keys): whom an order, a bulletin or a case transfer can go to',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                nodeId: Type.String(),
                kind: Type.String(),
                nameZh: Type.String(),
                nameEn: Type.String(),
                status: Type.String(),
              }),
            ),
          }),
          ...problems(401, 403),
        },
      },
    },
    async () => ({
      items: (await listPeers(app.database.db)).map((p) => ({
        nodeId: p.nodeId,
        kind: p.kind,
        nameZh: p.nameZh,
        nameEn: p.nameEn,
        status: p.status,
      })),
    }),
  )

  app.post(
    '/api/protocol/peers',
    {
      config: { access: 'protocol.manage' },
      schema: {
        tags: ['protocol'],
        summary: 'Register a peer node',
        body: Type.Object(
          {
            nodeId: NodeId,
            kind: Kind,
            nameZh: Type.String({ minLength: 1, maxLength: 80 }),
            nameEn: Type.String({ minLength: 1, maxLength: 120 }),
            baseUrl: BaseUrl,
            publicKey: PublicKey,
          },
          { additionalProperties: false },
        ),
        response: { 201: PeerSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (req, reply) => reply.code(201).send(await app.tx((tx) => addPeer(tx, actorOf(req), req.body))),
  )

  app.patch(
    '/api/protocol/peers/:nodeId',
    {
      config: { access: 'protocol.manage' },
      schema: {
        tags: ['protocol'],
        summary: 'Change a peer: names, address, key, active or suspended',
        params: Type.Object({ nodeId: NodeId }, { additionalProperties: false }),
        body: Type.Object(
          {
            nameZh: Type.Optional(Type.String({ minLength: 1, maxLength: 80 })),
            nameEn: Type.Optional(Type.String({ minLength: 1, maxLength: 120 })),
            baseUrl: Type.Optional(BaseUrl),
            publicKey: Type.Optional(PublicKey),
            status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('suspended')])),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: PeerSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => app.tx((tx) => updatePeer(tx, actorOf(req), req.params.nodeId, req.body)),
  )

  app.post(
    '/api/protocol/peers/:nodeId/ping',
    {
      config: { access: 'protocol.manage' },
      schema: {
        tags: ['protocol'],
        summary: 'Send a signed ping to a peer through the outbox',
        params: Type.Object({ nodeId: NodeId }, { additionalProperties: false }),
        response: { 202: Type.Object({ envelopeId: Type.String() }), ...problems(401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      await getPeer(app.database.db, req.params.nodeId)
      const envelopeId = await app.tx((tx) =>
        app.protocol.send(tx, actorOf(req), {
          to: req.params.nodeId,
          type: 'ping',
          body: { message: '连通性检查 / connectivity check' },
          articles: ['A19.1', 'A19.2'],
        }),
      )
      return reply.code(202).send({ envelopeId })
    },
  )

  app.get(
    '/api/protocol/outbox',
    {
      config: { access: 'protocol.read' },
      schema: {
        tags: ['protocol'],
        summary: 'Messages to peers: pending, delivered, failed',
        querystring: Type.Object(
          {
            status: Type.Optional(
              Type.Union([Type.Literal('pending'), Type.Literal('delivered'), Type.Literal('failed')]),
            ),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(OutboxSchema),
            counts: Type.Record(Type.String(), Type.Integer()),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req) => {
      const rows = await store.listOutbox(app.database.db, req.query.status, req.query.limit ?? 100)
      return {
        counts: await store.outboxCounts(app.database.db),
        items: rows.map((r) => ({
          id: r.id,
          toNode: r.toNode,
          type: r.type,
          status: r.status,
          attempts: r.attempts,
          nextAttemptAt: r.nextAttemptAt.toISOString(),
          lastError: r.lastError,
          createdAt: r.createdAt.toISOString(),
          deliveredAt: r.deliveredAt?.toISOString() ?? null,
        })),
      }
    },
  )

  app.post(
    '/api/protocol/outbox/:id/retry',
    {
      config: { access: 'protocol.manage' },
      schema: {
        tags: ['protocol'],
        summary: 'Retry a message now',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }, { additionalProperties: false }),
        response: { 204: NoContent, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      await app.tx((tx) => retryOutbox(tx, actorOf(req), req.params.id))
      void app.protocol.deliverDue().catch((err) => req.log.error({ err }, 'delivery failed'))
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/protocol/inbox',
    {
      config: { access: 'protocol.read' },
      schema: {
        tags: ['protocol'],
        summary: 'Envelopes received from peers, newest first',
        querystring: Type.Object(
          { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                type: Type.String(),
                fromNode: Type.String(),
                issuedAt: Type.String(),
                receivedAt: Type.String(),
              }),
            ),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req) => ({
      items: (await store.listEnvelopesIn(app.database.db, req.query.limit ?? 100)).map((r) => ({
        id: r.id,
        type: r.type,
        fromNode: r.fromNode,
        issuedAt: r.issuedAt.toISOString(),
        receivedAt: r.receivedAt.toISOString(),
      })),
    }),
  )

  if (app.config.node.role !== 'regulator') return

  app.get(
    '/api/witness/checkpoints',
    {
      config: { access: 'witness.read' },
      schema: {
        tags: ['witness'],
        summary: "Platforms' checkpoints witnessed by this regulator",
        querystring: Type.Object(
          { nodeId: Type.Optional(NodeId), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                nodeId: Type.String(),
                size: Type.Integer(),
                root: Type.String(),
                timestamp: Type.String(),
                status: Type.String(),
                receivedAt: Type.String(),
              }),
            ),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req) => ({
      items: (await store.listWitness(app.database.db, req.query.nodeId, req.query.limit ?? 100)).map(
        (r) => ({
          nodeId: r.nodeId,
          size: r.size,
          root: r.root,
          timestamp: r.timestamp.toISOString(),
          status: r.status,
          receivedAt: r.receivedAt.toISOString(),
        }),
      ),
    }),
  )

  app.get(
    '/api/witness/alerts',
    {
      config: { access: 'witness.read' },
      schema: {
        tags: ['witness'],
        summary: 'Platforms caught presenting logs that do not extend what they showed before',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                nodeId: Type.String(),
                kind: Type.String(),
                message: Type.String(),
                createdAt: Type.String(),
              }),
            ),
          }),
          ...problems(401, 403),
        },
      },
    },
    async () => ({
      items: (await store.listAlerts(app.database.db, 200)).map((a) => ({
        id: a.id,
        nodeId: a.nodeId,
        kind: a.kind,
        message: a.message,
        createdAt: a.createdAt.toISOString(),
      })),
    }),
  )
}
