import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorOf } from '../../server/auth.ts'
import { IdParams, Nullable, problems } from '../../server/schemas.ts'
import { getInspection, listInspections, requestInspection } from './inspections.ts'

const InspectionSchema = Type.Object({
  id: Type.String(),
  toNode: Type.String(),
  kind: Type.String(),
  periodFrom: Type.String(),
  periodTo: Type.String(),
  reason: Type.String(),
  requestedByName: Type.String(),
  requestedAt: Type.String(),
  status: Type.String(),
  answeredAt: Nullable(Type.String()),
  figures: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  filingId: Nullable(Type.String()),
  proof: Type.Union([
    Type.Object({ reportId: Type.String(), proofsVerified: Type.Boolean(), receivedAt: Type.String() }),
    Type.Null(),
  ]),
})

/** Inspections of platforms (A19.1): requested, answered with figures, records proven. Regulator only. */
export const regulatorInspectionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'regulator') return

  app.get(
    '/api/inspections',
    {
      config: { access: 'inspection.read' },
      schema: {
        tags: ['inspections'],
        summary:
          'Inspections of platforms, newest first, with the figures each platform answered and their proof',
        querystring: Type.Object(
          { platform: Type.Optional(Type.String({ maxLength: 100 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(InspectionSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (req) => ({ items: await listInspections(app.database.db, { toNode: req.query.platform }) }),
  )

  app.get(
    '/api/inspections/:id',
    {
      config: { access: 'inspection.read' },
      schema: {
        tags: ['inspections'],
        summary: 'One inspection and its answer',
        params: IdParams,
        response: { 200: InspectionSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getInspection(app.database.db, req.params.id),
  )

  app.post(
    '/api/inspections',
    {
      config: { access: 'inspection.request' },
      schema: {
        tags: ['inspections'],
        summary: 'Ask a platform for its figures and records for a period (routine or special inspection)',
        body: Type.Object(
          {
            toNode: Type.String({ minLength: 1, maxLength: 100 }),
            kind: Type.Enum(['routine', 'special']),
            periodFrom: Type.String({ format: 'date-time' }),
            periodTo: Type.String({ format: 'date-time' }),
            reason: Type.String({ minLength: 1, maxLength: 1000 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: InspectionSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) => {
      const view = await app.tx((tx) =>
        requestInspection(tx, actorOf(req), app.protocol, {
          ...req.body,
          kind: req.body.kind as 'routine' | 'special',
        }),
      )
      return reply.code(201).send(view)
    },
  )
}
