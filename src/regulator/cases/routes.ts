import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { REPORT_CATEGORY_KEYS } from '../../core/config.ts'
import { COUNTIES } from '../../core/organisations/index.ts'
import { actorOf } from '../../server/auth.ts'
import { IdParams, Nullable, problems } from '../../server/schemas.ts'
import {
  addCaseDepartment,
  type CaseStatus,
  closeCase,
  escalateCase,
  getCase,
  linkCase,
  listCases,
  listRoutingRules,
  listWorkingDayOverrides,
  openCase,
  previewRoute,
  recordConsultation,
  replaceRoutingRules,
  routePublicReport,
  setCaseDeadline,
  setWorkingDayOverride,
} from './cases.ts'
import {
  acceptCaseTransfer,
  CaseTransferredSchema,
  listCaseTransfers,
  refuseCaseTransfer,
  transferCase,
} from './transfers.ts'

const COUNTY_CODES = COUNTIES.map((c) => c.code)
const Uuid = Type.String({ format: 'uuid' })
const Articles = Type.Array(Type.String({ pattern: '^A\\d{1,2}(\\.\\d)?$' }), { minItems: 1, maxItems: 10 })
const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })

const CaseFields = {
  id: Type.String(),
  number: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  leadOrganisationId: Type.String(),
  leadNameZh: Type.String(),
  countyCode: Nullable(Type.String()),
  status: Type.String(),
  openedAt: Type.String(),
  openedByName: Type.String(),
  deadlineDays: Type.Union([Type.Integer(), Type.Null()]),
  deadlineAt: Nullable(Type.String()),
  workingDaysLeft: Type.Union([Type.Integer(), Type.Null()]),
  overdue: Type.Boolean(),
  dueSoon: Type.Boolean(),
  escalated: Type.Boolean(),
  escalatedAt: Nullable(Type.String()),
  escalationReason: Nullable(Type.String()),
  publicReportIds: Type.Array(Type.String()),
  clarificationIds: Type.Array(Type.String()),
  platformReportIds: Type.Array(Type.String()),
  closedAt: Nullable(Type.String()),
  closedByName: Nullable(Type.String()),
  conclusion: Nullable(Type.String()),
  conclusionArticles: Type.Array(Type.String()),
  departments: Type.Array(
    Type.Object({
      organisationId: Type.String(),
      key: Type.String(),
      nameZh: Type.String(),
      nameEn: Type.String(),
      role: Type.String(),
      addedAt: Type.String(),
    }),
  ),
}
const CaseSchema = Type.Object(CaseFields)
const TransferSchema = Type.Object({
  id: Type.String(),
  direction: Type.String(),
  peerNodeId: Type.String(),
  peerNameZh: Type.String(),
  caseId: Nullable(Type.String()),
  caseNumber: Type.String(),
  title: Type.String(),
  summary: Type.String(),
  reason: Type.String(),
  materials: CaseTransferredSchema.properties.materials,
  status: Type.String(),
  sentAt: Type.String(),
  sentByName: Type.String(),
  answeredAt: Nullable(Type.String()),
  answeredByName: Nullable(Type.String()),
  answerReason: Nullable(Type.String()),
  peerCaseNumber: Nullable(Type.String()),
})
const CaseDetailSchema = Type.Object({
  ...CaseFields,
  transfers: Type.Array(TransferSchema),
  consultations: Type.Array(
    Type.Object({
      id: Type.String(),
      heldOn: Type.String(),
      participants: Type.Array(Type.Object({ organisationId: Type.String(), nameZh: Type.String() })),
      conclusions: Type.String(),
      recordedAt: Type.String(),
      recordedByName: Type.String(),
    }),
  ),
})
const RulesSchema = Type.Object({
  defaults: Type.Boolean(),
  rules: Type.Array(
    Type.Object({
      category: Type.String(),
      countyCode: Nullable(Type.String()),
      organisationId: Type.String(),
      organisationKey: Type.String(),
      organisationNameZh: Type.String(),
    }),
  ),
})
const DaySchema = Type.Object({
  date: Type.String(),
  working: Type.Boolean(),
  note: Type.String(),
  source: Type.String(),
})

/** Cases shared by departments (A5.1), routing of public reports (A5.2), escalation (A4). Regulator only. */
export const caseRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'regulator') return

  app.get(
    '/api/cases',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'Cases the caller’s organisation is on (all of them for the city CAC), newest first',
        querystring: Type.Object(
          {
            status: Type.Optional(Type.Enum(['open', 'closed', 'transferred'])),
            overdue: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(CaseSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (req) => ({
      items: await listCases(app.database.db, actorOf(req), {
        ...req.query,
        status: req.query.status as CaseStatus | undefined,
      }),
    }),
  )

  app.get(
    '/api/cases/:id',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'One case with its departments and consultations; 404 to a department not on it',
        params: IdParams,
        response: { 200: CaseDetailSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getCase(app.database.db, actorOf(req), req.params.id),
  )

  app.post(
    '/api/cases',
    {
      config: { access: 'case.manage' },
      schema: {
        tags: ['cases'],
        summary: 'Open a case by hand, led by one’s own organisation (the CAC may name any lead) (A5.1)',
        body: Type.Object(
          {
            title: Type.String({ minLength: 1, maxLength: 200 }),
            summary: Type.String({ maxLength: 4000 }),
            leadOrganisationId: Uuid,
            countyCode: Type.Optional(Type.Enum([...COUNTY_CODES])),
            publicReportIds: Type.Optional(Type.Array(Uuid, { maxItems: 100 })),
            clarificationIds: Type.Optional(Type.Array(Uuid, { maxItems: 100 })),
            platformReportIds: Type.Optional(Type.Array(Uuid, { maxItems: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 201: CaseDetailSchema, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => reply.code(201).send(await app.tx((tx) => openCase(tx, actorOf(req), req.body))),
  )

  app.get(
    '/api/public-reports/:id/route',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['cases'],
        summary:
          'Where routing would send a received report now: the open case of the same claim it would join, or the organisation the rules name (A5.2)',
        params: IdParams,
        response: {
          200: Type.Object({
            organisationId: Type.String(),
            organisationKey: Type.String(),
            organisationNameZh: Type.String(),
            organisationNameEn: Type.String(),
            joinsCase: Type.Union([Type.Object({ id: Type.String(), number: Type.String() }), Type.Null()]),
          }),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (req) => previewRoute(app.database.db, req.params.id),
  )

  app.post(
    '/api/public-reports/:id/route',
    {
      config: { access: 'case.manage' },
      schema: {
        tags: ['cases'],
        summary:
          'Route a received public report by its category and county to the competent organisation, opening its case (A5.2)',
        params: IdParams,
        response: { 201: CaseDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await app.tx((tx) => routePublicReport(tx, actorOf(req), req.params.id))),
  )

  app.post(
    '/api/cases/:id/links',
    {
      config: { access: 'case.manage' },
      schema: {
        tags: ['cases'],
        summary:
          'Link public reports, clarifications and platform reports to a case (A5.1 information sharing); each once',
        params: IdParams,
        body: Type.Object(
          {
            publicReportIds: Type.Optional(Type.Array(Uuid, { maxItems: 100 })),
            clarificationIds: Type.Optional(Type.Array(Uuid, { maxItems: 100 })),
            platformReportIds: Type.Optional(Type.Array(Uuid, { maxItems: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: CaseDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => app.tx((tx) => linkCase(tx, actorOf(req), req.params.id, req.body)),
  )

  app.post(
    '/api/cases/:id/transfer',
    {
      config: { access: 'case.manage' },
      schema: {
        tags: ['cases'],
        summary:
          'Hand a case to another region’s regulator node over the protocol (case.transferred, A5.1); the city CAC only',
        params: IdParams,
        body: Type.Object(
          { toNode: Type.String({ minLength: 1, maxLength: 100 }), reason: Type.String({ maxLength: 2000 }) },
          { additionalProperties: false },
        ),
        response: { 200: CaseDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const out = await app.tx((tx) => transferCase(tx, actorOf(req), app.protocol, req.params.id, req.body))
      return out
    },
  )

  app.get(
    '/api/case-transfers',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['cases'],
        summary:
          'Cases handed to or received from other regions’ regulators (the city CAC sees them; others none)',
        querystring: Type.Object(
          {
            direction: Type.Optional(Type.Enum(['outgoing', 'incoming'])),
            status: Type.Optional(Type.Enum(['pending', 'accepted', 'refused'])),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(TransferSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (req) => ({
      items: await listCaseTransfers(app.database.db, actorOf(req), {
        direction: req.query.direction as 'outgoing' | 'incoming' | undefined,
        status: req.query.status as 'pending' | 'accepted' | 'refused' | undefined,
      }),
    }),
  )

  app.post(
    '/api/case-transfers/:id/accept',
    {
      config: { access: 'case.manage' },
      schema: {
        tags: ['cases'],
        summary:
          'Accept a case from another region: a case of this node opens, and the sender is told (A5.1)',
        params: IdParams,
        body: Type.Object(
          { leadOrganisationId: Type.Optional(Uuid), note: Type.Optional(Type.String({ maxLength: 2000 })) },
          { additionalProperties: false },
        ),
        response: { 200: TransferSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const out = await app.tx((tx) =>
        acceptCaseTransfer(tx, actorOf(req), app.protocol, req.params.id, req.body),
      )
      return out
    },
  )

  app.post(
    '/api/case-transfers/:id/refuse',
    {
      config: { access: 'case.manage' },
      schema: {
        tags: ['cases'],
        summary: 'Refuse a case from another region, with the reason the sender reads (A5.1)',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ maxLength: 2000 }) }, { additionalProperties: false }),
        response: { 200: TransferSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => {
      const out = await app.tx((tx) =>
        refuseCaseTransfer(tx, actorOf(req), app.protocol, req.params.id, req.body),
      )
      return out
    },
  )

  app.post(
    '/api/cases/:id/departments',
    {
      config: { access: 'case.manage' },
      schema: {
        tags: ['cases'],
        summary:
          'Add a department to a case for joint enforcement (联合执法, A5.1); it sees the case from then on',
        params: IdParams,
        body: Type.Object(
          { organisationId: Uuid, reason: Type.String({ maxLength: 1000 }) },
          { additionalProperties: false },
        ),
        response: { 200: CaseDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => app.tx((tx) => addCaseDepartment(tx, actorOf(req), req.params.id, req.body)),
  )

  app.post(
    '/api/cases/:id/consultations',
    {
      config: { access: 'case.manage' },
      schema: {
        tags: ['cases'],
        summary: 'Record a consultation (会商, A5.1): when, who took part, what was concluded',
        params: IdParams,
        body: Type.Object(
          {
            heldOn: DateString,
            participantIds: Type.Array(Uuid, { minItems: 2, maxItems: 20 }),
            conclusions: Type.String({ minLength: 1, maxLength: 4000 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: CaseDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => app.tx((tx) => recordConsultation(tx, actorOf(req), req.params.id, req.body)),
  )

  app.post(
    '/api/cases/:id/escalate',
    {
      config: { access: 'case.manage' },
      schema: {
        tags: ['cases'],
        summary: 'A county office takes a major matter to the city CAC, which then leads the case (A4)',
        params: IdParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 1000 }) },
          { additionalProperties: false },
        ),
        response: { 200: CaseDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => app.tx((tx) => escalateCase(tx, actorOf(req), req.params.id, req.body)),
  )

  app.post(
    '/api/cases/:id/deadline',
    {
      config: { access: 'case.supervise' },
      schema: {
        tags: ['cases'],
        summary:
          'Supervise a case (督办, A5.1): settle it within this many working days from today, or extend',
        params: IdParams,
        body: Type.Object(
          {
            workingDays: Type.Integer({ minimum: 1, maximum: 120 }),
            reason: Type.String({ maxLength: 1000 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: CaseDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => app.tx((tx) => setCaseDeadline(tx, actorOf(req), req.params.id, req.body)),
  )

  app.post(
    '/api/cases/:id/close',
    {
      config: { access: 'case.manage' },
      schema: {
        tags: ['cases'],
        summary: 'Close a case with its conclusion and the articles it rests on',
        params: IdParams,
        body: Type.Object(
          { conclusion: Type.String({ minLength: 1, maxLength: 4000 }), articles: Articles },
          { additionalProperties: false },
        ),
        response: { 200: CaseDetailSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => app.tx((tx) => closeCase(tx, actorOf(req), req.params.id, req.body)),
  )

  app.get(
    '/api/routing-rules',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['cases'],
        summary: 'Where public reports go by category and county (A5.2); the defaults until rules are saved',
        response: { 200: RulesSchema, ...problems(401, 403) },
      },
    },
    async () => listRoutingRules(app.database.db),
  )

  app.put(
    '/api/routing-rules',
    {
      config: { access: 'case.manage' },
      schema: {
        tags: ['cases'],
        summary:
          'Replace the routing rules: one city-wide rule per category, and county rules over them (A5.2)',
        body: Type.Object(
          {
            rules: Type.Array(
              Type.Object(
                {
                  category: Type.Enum([...REPORT_CATEGORY_KEYS]),
                  countyCode: Type.Union([Type.Enum([...COUNTY_CODES]), Type.Null()]),
                  organisationId: Uuid,
                },
                { additionalProperties: false },
              ),
              { minItems: 1, maxItems: 100 },
            ),
          },
          { additionalProperties: false },
        ),
        response: { 200: RulesSchema, ...problems(400, 401, 403) },
      },
    },
    async (req) =>
      app.tx((tx) =>
        replaceRoutingRules(
          tx,
          actorOf(req),
          req.body.rules.map((r) => ({
            ...r,
            category: r.category as (typeof REPORT_CATEGORY_KEYS)[number],
          })),
        ),
      ),
  )

  app.get(
    '/api/working-days',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['cases'],
        summary:
          'A year’s holidays and make-up working days (调休), built-in and as operators corrected them',
        querystring: Type.Object(
          { year: Type.Integer({ minimum: 2000, maximum: 2100 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(DaySchema) }), ...problems(400, 401, 403) },
      },
    },
    async (req) => ({ items: await listWorkingDayOverrides(app.database.db, req.query.year) }),
  )

  app.put(
    '/api/working-days/:date',
    {
      config: { access: 'case.supervise' },
      schema: {
        tags: ['cases'],
        summary: 'Mark a date a holiday or a working day, over the built-in calendar and the weekday',
        params: Type.Object({ date: DateString }, { additionalProperties: false }),
        body: Type.Object(
          { working: Type.Boolean(), note: Type.String({ minLength: 1, maxLength: 100 }) },
          { additionalProperties: false },
        ),
        response: { 200: DaySchema, ...problems(400, 401, 403) },
      },
    },
    async (req) => app.tx((tx) => setWorkingDayOverride(tx, actorOf(req), req.params.date, req.body)),
  )
}
