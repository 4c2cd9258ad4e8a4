import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { REPORT_CATEGORY_KEYS } from '../../core/config.ts'
import { actorOf } from '../../server/auth.ts'
import { IdParams, Nullable, problems } from '../../server/schemas.ts'
import { routeOnReceipt } from '../cases/index.ts'
import {
  COUNTY_CODES,
  closePublicReport,
  EVIDENCE_TYPES,
  filePublicReport,
  getEvidenceFile,
  getPublicReport,
  listPublicReports,
  lookupPublicReport,
  MAX_EVIDENCE_FILES,
  type PublicReportStatus,
  publicReportGuide,
  publicReportIdentityKey,
  unsealReporterIdentity,
} from './public-reports.ts'

const STATUSES = ['received', 'routed', 'handling', 'closed']

/** Base64 of a file a little over the 1 MB allowed, so that a file just too big is told so by name. */
const MAX_DATA_CHARS = 2_000_000
const BODY_LIMIT = MAX_EVIDENCE_FILES * MAX_DATA_CHARS + 100_000

const CategoryFields = {
  category: Type.String(),
  categoryZh: Type.String(),
  categoryEn: Type.String(),
}

const ViewFields = {
  id: Type.String(),
  ...CategoryFields,
  platform: Type.String(),
  link: Nullable(Type.String()),
  description: Type.String(),
  countyCode: Nullable(Type.String()),
  status: Type.String(),
  receivedAt: Type.String(),
  deadlineAt: Type.String(),
  overdue: Type.Boolean(),
  identity: Nullable(Type.String()),
  clusterId: Type.String(),
  clusterSize: Type.Integer(),
  evidenceCount: Type.Integer(),
  routedOrganisationId: Nullable(Type.String()),
  caseId: Nullable(Type.String()),
  closedAt: Nullable(Type.String()),
  closedByName: Nullable(Type.String()),
  feedback: Nullable(Type.String()),
  feedbackArticles: Type.Array(Type.String()),
}
const ViewSchema = Type.Object(ViewFields)
const DetailSchema = Type.Object({
  ...ViewFields,
  evidence: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      type: Type.String(),
      size: Type.Integer(),
      sha256: Type.String(),
    }),
  ),
  cluster: Type.Array(
    Type.Object({
      id: Type.String(),
      category: Type.String(),
      description: Type.String(),
      status: Type.String(),
      receivedAt: Type.String(),
    }),
  ),
  unsealings: Type.Array(Type.Object({ at: Type.String(), byName: Type.String(), reason: Type.String() })),
})

/** Public reports to the regulator (A18, A8.2): filed and followed by the public, handled by staff. Regulator only. */
export const publicReportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'regulator') return
  const settings = {
    days: app.config.regulator.publicReportDays,
    identityKey: publicReportIdentityKey(app.secrets.masterKey),
    publicUrl: app.config.http.publicUrl,
    ...(app.config.regulator.routeOnReceipt ? { afterReceipt: routeOnReceipt } : {}),
  }

  app.get(
    '/api/public/reports/guide',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public reports'],
        summary: 'How to report to the regulator and how reports are handled (published, A18)',
        response: {
          200: Type.Object({
            categories: Type.Array(
              Type.Object({
                key: Type.String(),
                zh: Type.String(),
                en: Type.String(),
                descriptionZh: Type.String(),
                descriptionEn: Type.String(),
                articles: Type.Array(Type.String()),
              }),
            ),
            counties: Type.Array(Type.Object({ code: Type.String(), zh: Type.String(), en: Type.String() })),
            days: Type.Integer(),
            maxFiles: Type.Integer(),
            maxFileBytes: Type.Integer(),
            fileTypes: Type.Array(Type.String()),
            stepsZh: Type.Array(Type.String()),
            stepsEn: Type.Array(Type.String()),
          }),
        },
      },
    },
    async () => publicReportGuide(settings.days),
  )

  app.post(
    '/api/public/reports',
    {
      bodyLimit: BODY_LIMIT,
      config: {
        access: 'public',
        // Flooding is slowed per address; the reporter's address is never stored.
        rateLimit: { max: app.config.regulator.publicReportsPerHour, timeWindow: '1 hour' },
      },
      schema: {
        tags: ['public reports'],
        summary:
          'Report false information to the regulator without signing in: a tracking code, the deadline, and where to follow it',
        body: Type.Object(
          {
            category: Type.Enum([...REPORT_CATEGORY_KEYS]),
            platform: Type.String({ minLength: 1, maxLength: 200 }),
            link: Type.Optional(Type.String({ maxLength: 1000 })),
            description: Type.String({ minLength: 1, maxLength: 2000 }),
            county: Type.Optional(Type.Enum([...COUNTY_CODES])),
            reporterName: Type.Optional(Type.String({ maxLength: 50 })),
            reporterContact: Type.Optional(Type.String({ maxLength: 100 })),
            evidence: Type.Optional(
              Type.Array(
                Type.Object(
                  {
                    name: Type.String({ minLength: 1, maxLength: 200 }),
                    type: Type.Enum([...EVIDENCE_TYPES]),
                    data: Type.String({ maxLength: MAX_DATA_CHARS }),
                  },
                  { additionalProperties: false },
                ),
                { maxItems: MAX_EVIDENCE_FILES },
              ),
            ),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({
            code: Type.String(),
            category: Type.String(),
            status: Type.String(),
            receivedAt: Type.String(),
            deadlineAt: Type.String(),
            days: Type.Integer(),
            lookupPage: Type.String(),
            lookupApi: Type.String(),
            noticeZh: Type.String(),
            noticeEn: Type.String(),
          }),
          ...problems(400, 413, 415, 429),
        },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .header('cache-control', 'no-store')
        .send(await app.tx((tx) => filePublicReport(tx, req.body, settings))),
  )

  app.get(
    '/api/public/reports/:code',
    {
      config: {
        access: 'public',
        // The code is a secret: the request log shows the route, not the code.
        logRoute: true,
        rateLimit: { max: app.config.regulator.publicReportLookupsPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['public reports'],
        summary: 'Follow a report by its tracking code: status, dates and, once closed, the feedback',
        params: Type.Object(
          { code: Type.String({ minLength: 1, maxLength: 64 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            ...CategoryFields,
            status: Type.String(),
            receivedAt: Type.String(),
            deadlineAt: Type.String(),
            closedAt: Nullable(Type.String()),
            feedback: Nullable(Type.String()),
            feedbackArticles: Type.Array(Type.String()),
          }),
          ...problems(400, 404, 429),
        },
      },
    },
    async (req, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(await lookupPublicReport(app.database.db, req.params.code)),
  )

  app.get(
    '/api/public-reports',
    {
      config: { access: 'public_report.read' },
      schema: {
        tags: ['public reports'],
        summary:
          'Public reports, oldest first, with cluster sizes and overdue ones flagged; reporters stay sealed',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Enum(STATUSES)),
            category: Type.Optional(Type.Enum([...REPORT_CATEGORY_KEYS])),
            county: Type.Optional(Type.Enum([...COUNTY_CODES])),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(ViewSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (req) => ({
      items: await listPublicReports(app.database.db, {
        ...req.query,
        status: req.query.status as PublicReportStatus | undefined,
      }),
    }),
  )

  app.get(
    '/api/public-reports/:id',
    {
      config: { access: 'public_report.read' },
      schema: {
        tags: ['public reports'],
        summary:
          'One public report: its files, the other reports of its cluster, and who opened its seal and why',
        params: IdParams,
        response: { 200: DetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getPublicReport(app.database.db, req.params.id),
  )

  app.get(
    '/api/public-reports/:id/evidence/:evidenceId',
    {
      config: { access: 'public_report.read' },
      schema: {
        tags: ['public reports'],
        summary: 'A file the reporter attached, as an attachment',
        params: Type.Object(
          { id: Type.String({ format: 'uuid' }), evidenceId: Type.String({ format: 'uuid' }) },
          { additionalProperties: false },
        ),
        response: problems(400, 401, 403, 404),
      },
    },
    async (req, reply) => {
      const f = await getEvidenceFile(app.database.db, req.params.id, req.params.evidenceId)
      return reply
        .type(f.type)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(f.name)}`)
        .header('cache-control', 'no-store')
        .send(f.content)
    },
  )

  app.post(
    '/api/public-reports/:id/close',
    {
      config: { access: 'public_report.handle' },
      schema: {
        tags: ['public reports'],
        summary:
          'Close a report with the feedback the reporter reads: what was found and done, and on what basis',
        params: IdParams,
        body: Type.Object(
          {
            feedback: Type.String({ minLength: 1, maxLength: 2000 }),
            articles: Type.Array(Type.String({ pattern: '^A\\d{1,2}(\\.\\d)?$' }), {
              minItems: 1,
              maxItems: 10,
            }),
          },
          { additionalProperties: false },
        ),
        response: { 200: DetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => app.tx((tx) => closePublicReport(tx, actorOf(req), req.params.id, req.body)),
  )

  app.post(
    '/api/public-reports/:id/unseal',
    {
      config: { access: 'report_identity.unseal' },
      schema: {
        tags: ['public reports'],
        summary:
          "Open the reporter's sealed name and contact, giving a reason; the opening (not the identity) is recorded on the ledger",
        params: IdParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            id: Type.String(),
            name: Nullable(Type.String()),
            contact: Nullable(Type.String()),
            reason: Type.String(),
            unsealedAt: Type.String(),
          }),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (req, reply) =>
      reply
        .header('cache-control', 'no-store')
        .send(
          await app.tx((tx) =>
            unsealReporterIdentity(tx, actorOf(req), req.params.id, req.body, settings.identityKey),
          ),
        ),
  )
}
