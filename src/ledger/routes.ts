import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { DomainError } from '../core/errors.ts'
import { problems } from '../server/schemas.ts'
import { toHex } from './entry.ts'
import { listOfficerKeys } from './officer-keys.ts'
import * as store from './store.ts'

const CheckpointSchema = Type.Object({
  origin: Type.String(),
  size: Type.Integer(),
  root: Type.String({ description: 'hex SHA-256' }),
  timestamp: Type.String(),
  note: Type.String({ description: 'C2SP signed note: body, blank line, signature line' }),
})

const EntrySchema = Type.Object({
  index: Type.Integer(),
  id: Type.String(),
  recordedAt: Type.String(),
  actor: Type.Object({
    kind: Type.String(),
    id: Type.String(),
    staffId: Type.Union([Type.String(), Type.Null()]),
    organisationId: Type.Union([Type.String(), Type.Null()]),
    name: Type.String(),
  }),
  action: Type.String(),
  subject: Type.Object({ type: Type.String(), id: Type.String() }),
  articles: Type.Array(Type.String()),
  ruleVersion: Type.Union([Type.String(), Type.Null()]),
  evidenceDigest: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
  leafData: Type.String({ description: 'the canonical bytes that were hashed (RFC 8785 JSON)' }),
  leafHash: Type.String(),
})

const Index = Type.Integer({ minimum: 0 })
const Hashes = Type.Array(Type.String())

export const ledgerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const ledger = app.ledger
  const withinLog = (size: number) => {
    if (size > ledger.tree.size) {
      throw new DomainError('LEDGER_RANGE_INVALID', { field: 'size', size, logSize: ledger.tree.size })
    }
  }

  app.get(
    '/api/ledger/officer-keys',
    {
      config: { access: 'ledger.read' },
      schema: {
        tags: ['ledger'],
        summary:
          "Every officer signing key this node ever published (A27), for checking officers' signatures",
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                keyId: Type.String(),
                staffId: Type.String(),
                alg: Type.Literal('Ed25519'),
                publicKey: Type.String({ description: 'raw 32-byte Ed25519 public key, base64' }),
                createdAt: Type.String(),
                retiredAt: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
          ...problems(401, 403),
        },
      },
    },
    async () => ({ items: await listOfficerKeys(app.database.db) }),
  )

  app.get(
    '/api/ledger/checkpoint',
    {
      config: { access: 'public' },
      schema: {
        tags: ['ledger'],
        summary: 'The latest signed checkpoint, the node key, and how far sequencing lags',
        response: {
          200: Type.Object({
            checkpoint: Type.Union([CheckpointSchema, Type.Null()]),
            publicKey: Type.String(),
            keyName: Type.String(),
            size: Type.Integer({ description: 'entries sequenced so far' }),
            pending: Type.Integer({ description: 'committed entries not yet sequenced' }),
            oldestPendingAgeMs: Type.Union([Type.Number(), Type.Null()]),
            sequenceIntervalMs: Type.Integer(),
          }),
        },
      },
    },
    async () => {
      const s = await ledger.status()
      return {
        checkpoint: s.checkpoint,
        publicKey: app.keys.publicKeyBase64,
        keyName: ledger.options.origin,
        size: s.size,
        pending: s.pending,
        oldestPendingAgeMs: s.oldestPendingAgeMs,
        sequenceIntervalMs: s.sequenceIntervalMs,
      }
    },
  )

  app.post(
    '/api/ledger/checkpoints',
    {
      config: { access: 'ledger.checkpoint' },
      schema: {
        tags: ['ledger'],
        summary: 'Sequence what is pending and sign a checkpoint now',
        response: { 200: CheckpointSchema, ...problems(401, 403) },
      },
    },
    async () => {
      await ledger.sequence()
      const c = await ledger.checkpoint()
      if (c === null) throw new DomainError('NOT_FOUND', { what: 'checkpoint' })
      return c
    },
  )

  app.get(
    '/api/ledger/checkpoints',
    {
      config: { access: 'public' },
      schema: {
        tags: ['ledger'],
        summary: 'Stored checkpoints from a size on, oldest first',
        querystring: Type.Object(
          { from: Type.Optional(Index), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(CheckpointSchema) }), ...problems(400) },
      },
    },
    async (req) => {
      const rows = await store.listCheckpoints(app.database.db, req.query.from ?? 0, req.query.limit ?? 100)
      return {
        items: rows.map((r) => ({
          origin: ledger.options.origin,
          size: r.size,
          root: r.root,
          timestamp: r.timestamp.toISOString(),
          note: r.note,
        })),
      }
    },
  )

  app.get(
    '/api/ledger/entries',
    {
      config: { access: 'ledger.read' },
      schema: {
        tags: ['ledger'],
        summary: 'Sequenced entries in a range, filtered by action, subject, article or actor',
        querystring: Type.Object(
          {
            from: Type.Optional(Index),
            to: Type.Optional(Index),
            action: Type.Optional(Type.String({ maxLength: 100 })),
            subjectType: Type.Optional(Type.String({ maxLength: 100 })),
            subjectId: Type.Optional(Type.String({ maxLength: 200 })),
            article: Type.Optional(Type.String({ pattern: '^A[0-9.–]+$', maxLength: 10 })),
            actorId: Type.Optional(Type.String({ maxLength: 200 })),
            order: Type.Optional(Type.Union([Type.Literal('asc'), Type.Literal('desc')])),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(EntrySchema), size: Type.Integer() }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req) => {
      const q = req.query
      if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
        throw new DomainError('LEDGER_RANGE_INVALID', { field: 'from', from: q.from, to: q.to })
      }
      const rows = await store.listSequenced(app.database.db, q, q.limit ?? 100, q.order === 'desc')
      return {
        size: ledger.tree.size,
        items: rows.map((r) => ({
          index: r.seq,
          id: r.entry.id,
          recordedAt: r.entry.recordedAt.toISOString(),
          actor: {
            kind: r.entry.actorKind,
            id: r.entry.actorId,
            staffId: r.entry.actorStaffId,
            organisationId: r.entry.actorOrganisationId,
            name: r.entry.actorName,
          },
          action: r.entry.action,
          subject: { type: r.entry.subjectType, id: r.entry.subjectId },
          articles: r.entry.articles,
          ruleVersion: r.entry.ruleVersion,
          evidenceDigest: r.entry.evidenceDigest,
          details: r.entry.details,
          leafData: r.leafData,
          leafHash: r.leafHash,
        })),
      }
    },
  )

  app.get(
    '/api/ledger/proofs/inclusion',
    {
      config: { access: 'public' },
      schema: {
        tags: ['ledger'],
        summary: 'RFC 9162 inclusion proof of entry `index` in the tree of `size` entries',
        querystring: Type.Object(
          { index: Index, size: Type.Optional(Index) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            index: Type.Integer(),
            size: Type.Integer(),
            leafHash: Type.String(),
            root: Type.String(),
            proof: Hashes,
          }),
          ...problems(400),
        },
      },
    },
    async (req) => {
      const size = req.query.size ?? ledger.tree.size
      withinLog(size)
      if (req.query.index >= size) {
        throw new DomainError('LEDGER_RANGE_INVALID', { field: 'index', index: req.query.index, size })
      }
      return {
        index: req.query.index,
        size,
        leafHash: toHex(ledger.tree.leaf(req.query.index)),
        root: toHex(ledger.tree.root(size)),
        proof: ledger.tree.inclusionProof(req.query.index, size).map(toHex),
      }
    },
  )

  app.get(
    '/api/ledger/proofs/consistency',
    {
      config: { access: 'public' },
      schema: {
        tags: ['ledger'],
        summary:
          'RFC 9162 consistency proof that the tree of `to` entries extends the tree of `from` entries',
        querystring: Type.Object({ from: Index, to: Type.Optional(Index) }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            from: Type.Integer(),
            to: Type.Integer(),
            fromRoot: Type.String(),
            toRoot: Type.String(),
            proof: Hashes,
          }),
          ...problems(400),
        },
      },
    },
    async (req) => {
      const to = req.query.to ?? ledger.tree.size
      withinLog(to)
      if (req.query.from > to)
        throw new DomainError('LEDGER_RANGE_INVALID', { field: 'from', from: req.query.from, to })
      return {
        from: req.query.from,
        to,
        fromRoot: toHex(ledger.tree.root(req.query.from)),
        toRoot: toHex(ledger.tree.root(to)),
        proof: ledger.tree.consistencyProof(req.query.from, to).map(toHex),
      }
    },
  )
}
