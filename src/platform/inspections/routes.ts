import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { problems } from '../../server/schemas.ts'
import { listReceivedInspections } from './inspections.ts'

/** Inspections this platform answered (A19.2), with the figures as it sent them. Platform nodes only. */
export const platformInspectionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'platform') return
  app.get(
    '/api/inspections',
    {
      config: { access: 'inspection.read' },
      schema: {
        tags: ['inspections'],
        summary: 'Inspections the regulator asked for and what this platform answered, newest first',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                fromNode: Type.String(),
                kind: Type.String(),
                periodFrom: Type.String(),
                periodTo: Type.String(),
                reason: Type.String(),
                receivedAt: Type.String(),
                figures: Type.Record(Type.String(), Type.Unknown()),
                filingId: Type.Union([Type.String(), Type.Null()]),
              }),
            ),
          }),
          ...problems(401, 403),
        },
      },
    },
    async () => ({ items: await listReceivedInspections(app.database.db) }),
  )
}
