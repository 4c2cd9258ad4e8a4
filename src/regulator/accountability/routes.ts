import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorOf } from '../../server/auth.ts'
import { IdParams, Nullable, problems } from '../../server/schemas.ts'
import {
  concludeAccountability,
  FINDING_KINDS,
  getAccountabilityRecord,
  listAccountabilityRecords,
  MEASURES,
  recordAccountability,
  supervisionView,
} from './accountability.ts'

const Uuid = Type.String({ format: 'uuid' })
const ChinaDate = Type.String({
  pattern: '^\\d{4}-\\d{2}-\\d{2}$',
  description: 'a date in China, YYYY-MM-DD',
})
const Subject = Type.Object({ type: Type.String(), id: Type.String() })
const Counts = Type.Record(Type.String(), Type.Integer())

const FindingSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum([...FINDING_KINDS]),
  ruleId: Nullable(Type.String()),
  staffId: Nullable(Type.String()),
  staffName: Nullable(Type.String()),
  organisationId: Nullable(Type.String()),
  at: Type.String(),
  subject: Nullable(Subject),
  action: Nullable(Type.String()),
  entryIds: Type.Array(Type.String()),
  zh: Type.String(),
  en: Type.String(),
})

const SupervisionSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  truncated: Type.Boolean({
    description: 'the period held more ledger entries than the view reads; later findings may be missing',
  }),
  findings: Type.Array(FindingSchema),
  officers: Type.Array(
    Type.Object({
      staffId: Type.String(),
      name: Type.String(),
      organisationId: Nullable(Type.String()),
      counts: Counts,
      total: Type.Integer(),
    }),
  ),
  departments: Type.Array(
    Type.Object({
      organisationId: Nullable(Type.String()),
      nameZh: Type.String(),
      nameEn: Type.String(),
      counts: Counts,
      total: Type.Integer(),
    }),
  ),
  rules: Type.Array(Type.Record(Type.String(), Type.Unknown())),
})

const RecordSchema = Type.Object({
  id: Type.String(),
  number: Type.String(),
  staffId: Type.String(),
  staffName: Type.String(),
  organisationId: Nullable(Type.String()),
  findings: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      zh: Type.String(),
      en: Type.String(),
      entryIds: Type.Array(Type.String()),
    }),
  ),
  measure: Type.Enum([...MEASURES]),
  note: Type.String(),
  status: Type.Enum(['open', 'concluded']),
  outcome: Nullable(Type.String()),
  createdByName: Type.String(),
  createdAt: Type.String(),
  concludedByName: Nullable(Type.String()),
  concludedAt: Nullable(Type.String()),
})

/** Staff accountability (履职监督, A27): findings per officer and department, accountability records. Regulator only. */
export const accountabilityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'regulator') return

  app.get(
    '/api/accountability',
    {
      config: { access: 'accountability.read' },
      schema: {
        tags: ['accountability'],
        summary:
          'Findings about officers’ and departments’ work in a period, recomputed from the ledger (A27)',
        querystring: Type.Object(
          {
            from: Type.Optional(ChinaDate),
            to: Type.Optional(ChinaDate),
            staffId: Type.Optional(Uuid),
            organisationId: Type.Optional(Uuid),
          },
          { additionalProperties: false },
        ),
        response: { 200: SupervisionSchema, ...problems(400, 401, 403) },
      },
    },
    async (req) => supervisionView(app.database.db, actorOf(req), req.query),
  )

  app.get(
    '/api/accountability/records',
    {
      config: { access: 'accountability.read' },
      schema: {
        tags: ['accountability'],
        summary: 'Accountability records (问责记录), newest first',
        querystring: Type.Object(
          { staffId: Type.Optional(Uuid), status: Type.Optional(Type.Enum(['open', 'concluded'])) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(RecordSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (req) => ({ items: await listAccountabilityRecords(app.database.db, req.query) }),
  )

  app.get(
    '/api/accountability/records/:id',
    {
      config: { access: 'accountability.read' },
      schema: {
        tags: ['accountability'],
        summary: 'One accountability record',
        params: IdParams,
        response: { 200: RecordSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getAccountabilityRecord(app.database.db, req.params.id),
  )

  app.post(
    '/api/accountability/records',
    {
      config: { access: 'accountability.manage' },
      schema: {
        tags: ['accountability'],
        summary: 'Turn findings about one officer into an accountability record (A27)',
        body: Type.Object(
          {
            staffId: Uuid,
            from: ChinaDate,
            to: ChinaDate,
            findingIds: Type.Array(Type.String({ minLength: 1, maxLength: 200 }), {
              minItems: 1,
              maxItems: 50,
            }),
            measure: Type.Enum([...MEASURES]),
            note: Type.String({ minLength: 1, maxLength: 2000 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: RecordSchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (req, reply) => {
      const record = await app.tx((tx) => recordAccountability(tx, actorOf(req), req.body))
      return reply.code(201).send(record)
    },
  )

  app.post(
    '/api/accountability/records/:id/conclude',
    {
      config: { access: 'accountability.manage' },
      schema: {
        tags: ['accountability'],
        summary: 'Conclude an accountability record with its outcome',
        params: IdParams,
        body: Type.Object(
          { outcome: Type.String({ minLength: 1, maxLength: 2000 }) },
          { additionalProperties: false },
        ),
        response: { 200: RecordSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => app.tx((tx) => concludeAccountability(tx, actorOf(req), req.params.id, req.body)),
  )
}
