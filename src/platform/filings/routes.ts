import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { IdParams, Nullable, problems } from '../../server/schemas.ts'
import { getFiling, listFilings } from './filings.ts'

const FilingSchema = Type.Object({
  id: Type.String(),
  subject: Type.Object({ type: Type.String(), id: Type.String() }),
  category: Type.String(),
  toNode: Type.String(),
  status: Type.Union([Type.Literal('waiting'), Type.Literal('sent')]),
  found: Type.Object({
    what: Type.Object({ zh: Type.String(), en: Type.String() }),
    at: Type.String(),
  }),
  done: Type.Object({ measures: Type.Array(Type.String()), at: Type.String() }),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      digest: Type.String({
        description: 'SHA-256 (hex) of the item text; the text never leaves the platform',
      }),
    }),
  ),
  ledgerEntryIds: Type.Array(Type.String()),
  queuedEntryId: Type.String(),
  envelopeId: Nullable(Type.String()),
  delivery: Type.Union([
    Type.Object({
      status: Type.String(),
      attempts: Type.Integer(),
      deliveredAt: Nullable(Type.String()),
      lastError: Nullable(Type.String()),
    }),
    Type.Null(),
  ]),
  createdAt: Type.String(),
  sentAt: Nullable(Type.String()),
  lastError: Nullable(Type.String()),
})

/** Reports to the regulator of prohibited information found and handled (A16). Platform nodes only. */
export const filingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'platform') return

  app.get(
    '/api/filings',
    {
      config: { access: 'filing.read' },
      schema: {
        tags: ['filings'],
        summary: 'Reports to the regulator (A16), newest first, waiting or sent, with their delivery',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Union([Type.Literal('waiting'), Type.Literal('sent')])),
            subjectType: Type.Optional(Type.String({ maxLength: 100 })),
            subjectId: Type.Optional(Type.String({ maxLength: 200 })),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(FilingSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (req) => {
      const { limit, ...filter } = req.query
      return { items: await listFilings(app.database.db, filter, limit ?? 50) }
    },
  )

  app.get(
    '/api/filings/:id',
    {
      config: { access: 'filing.read' },
      schema: {
        tags: ['filings'],
        summary: 'One report to the regulator',
        params: IdParams,
        response: { 200: FilingSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getFiling(app.database.db, req.params.id),
  )
}
