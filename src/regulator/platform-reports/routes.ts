import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { IdParams, Nullable, problems } from '../../server/schemas.ts'
import { getPlatformReport, listPlatformReports } from './reports.ts'

const NodeId = Type.String({ pattern: '^[a-z0-9][a-z0-9-]{1,62}$' })

const ReportFields = {
  id: Type.String(),
  fromNode: Type.String(),
  filingId: Type.String(),
  envelopeId: Type.String(),
  subject: Type.Object({ type: Type.String(), id: Type.String() }),
  category: Type.String(),
  found: Type.Object({ what: Type.Object({ zh: Type.String(), en: Type.String() }), at: Type.String() }),
  done: Type.Object({ measures: Type.Array(Type.String()), at: Type.String() }),
  itemCount: Type.Integer(),
  entryCount: Type.Integer(),
  checkpointSize: Type.Integer(),
  checkpointRoot: Type.String(),
  proofsVerified: Type.Boolean(),
  witnessCheck: Type.Union([
    Type.Literal('witnessed'),
    Type.Literal('consistent'),
    Type.Literal('not-cross-checked'),
  ]),
  receivedAt: Type.String(),
}

const ReportSchema = Type.Object(ReportFields)

const ReportDetailSchema = Type.Object({
  ...ReportFields,
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      kind: Type.String(),
      digest: Type.String({ description: 'SHA-256 (hex) of the item text, which stays on the platform' }),
    }),
  ),
  checkpointNote: Type.String({ description: 'the platform’s C2SP signed note' }),
  entries: Type.Array(
    Type.Object({
      id: Type.String(),
      index: Type.Integer(),
      leafData: Type.String(),
      leafHash: Type.String(),
      proof: Type.Array(Type.String()),
      action: Nullable(Type.String()),
      recordedAt: Nullable(Type.String()),
      subject: Type.Union([Type.Object({ type: Type.String(), id: Type.String() }), Type.Null()]),
      isFilingRecord: Type.Boolean(),
      verified: Type.Boolean(),
    }),
  ),
})

/** Reports platforms filed here of prohibited information they found and handled (A16). Regulator nodes only. */
export const platformReportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'regulator') return

  app.get(
    '/api/platform-reports',
    {
      config: { access: 'platform_report.read' },
      schema: {
        tags: ['platform-reports'],
        summary: 'Reports platforms filed of prohibited information found and handled (A16), newest first',
        querystring: Type.Object(
          {
            platform: Type.Optional(NodeId),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(ReportSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (req) => ({
      items: await listPlatformReports(
        app.database.db,
        { fromNode: req.query.platform },
        req.query.limit ?? 100,
      ),
    }),
  )

  app.get(
    '/api/platform-reports/:id',
    {
      config: { access: 'platform_report.read' },
      schema: {
        tags: ['platform-reports'],
        summary: 'One report with its items, measures and ledger entries, each proof checked again',
        params: IdParams,
        response: { 200: ReportDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getPlatformReport(app.database.db, req.params.id),
  )
}
