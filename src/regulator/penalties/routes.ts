import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { type Static, type TObject, Type } from 'typebox'
import type { Actor } from '../../core/auth/index.ts'
import type { Tx } from '../../core/db/index.ts'
import { actorOf } from '../../server/auth.ts'
import { printPdf } from '../../server/pdf.ts'
import { IdParams, Nullable, problems } from '../../server/schemas.ts'
import type { Access } from '../../server/types.ts'
import { BOUNDS_VERSIONS, MEASURE_KINDS, VIOLATIONS } from './bounds.ts'
import {
  allowedForCase,
  decidePenaltyCaseRecorded,
  decisionDocument,
  executePenaltyCase,
  getPenaltyCase,
  holdHearing,
  investigatePenaltyCase,
  legalReview,
  listCreditRecords,
  listPenaltyCases,
  listPublicDisclosures,
  notifyPenaltyCaseRecorded,
  openPenaltyCase,
  type PenaltyCaseView,
  publishPenaltyCase,
  recordStatement,
  requestHearing,
  revokePenaltyCase,
  scheduleHearing,
  servePenaltyCase,
} from './penalties.ts'
import { STEPS } from './procedure.ts'

const DateString = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
const MeasureSchema = Type.Object(
  {
    kind: Type.Enum(MEASURE_KINDS),
    // no minimum: an amount outside the bounds is refused by the bounds check, which records the attempt
    amountYuan: Type.Optional(Type.Number()),
    personName: Type.Optional(Type.String({ maxLength: 50 })),
    deadline: Type.Optional(DateString),
  },
  { additionalProperties: false },
)
const Text = (max = 10_000) => Type.String({ minLength: 1, maxLength: max })
const S = Type.String()
const NS = Nullable(Type.String())
const PenaltyCaseSchema = Type.Object({
  id: S,
  number: S,
  title: S,
  partyKind: Type.Literal('platform'),
  partyNodeId: NS,
  partyName: S,
  violated: Type.Array(S),
  article: S,
  orderId: NS,
  facts: S,
  leadOrganisationId: S,
  step: Type.Enum(STEPS),
  openedAt: S,
  openedByName: S,
  investigatedAt: NS,
  findings: NS,
  aggravated: Type.Boolean(),
  aggravationReason: NS,
  notifiedAt: NS,
  notice: Nullable(
    Type.Object({
      facts: S,
      reasons: S,
      basis: S,
      aggravated: Type.Boolean(),
      measures: Type.Array(MeasureSchema),
      hearingRight: Type.Boolean(),
      windowEnds: S,
    }),
  ),
  statements: Type.Array(Type.Object({ at: S, text: S, waivesHearing: Type.Boolean() })),
  hearingWaived: Type.Boolean(),
  hearingRequestedAt: NS,
  hearingNoticedAt: NS,
  hearingOn: NS,
  hearingPlace: NS,
  hearingHeldAt: NS,
  hearingRecord: NS,
  legalReviewedAt: NS,
  legalReviewerName: NS,
  legalOpinion: NS,
  decidedAt: NS,
  decisionNumber: NS,
  measures: Nullable(Type.Array(MeasureSchema)),
  boundsVersion: NS,
  performance: NS,
  decidedByName: NS,
  servedAt: NS,
  serviceMethod: NS,
  executedAt: NS,
  executionNote: NS,
  publishedAt: NS,
  revokedAt: NS,
  revokeReason: NS,
  clock: Nullable(Type.Object({ id: S, citation: S, due: S, overdue: Type.Boolean() })),
})
const RuleSchema = Type.Object({
  kind: S,
  aggravatedOnly: Type.Boolean(),
  required: Type.Boolean(),
  minYuan: Type.Optional(Type.Number()),
  maxYuan: Type.Optional(Type.Number()),
})
const Body = <T extends Parameters<typeof Type.Object>[0]>(props: T) =>
  Type.Object(props, { additionalProperties: false })
const ok = { 200: PenaltyCaseSchema, ...problems(400, 401, 403, 404, 409) }

/** Penalty cases against platforms (A22–A25): the procedure of the Administrative Penalty Law. Regulator only. */
export const penaltyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'regulator') return

  /** One step of the procedure: a POST on the case, in one transaction, answering with the case as it now is. */
  const stepRoute = <B extends TObject | null>(
    path: string,
    access: Access,
    summary: string,
    body: B,
    run: (
      tx: Tx,
      actor: Actor,
      id: string,
      body: B extends TObject ? Static<B> : undefined,
    ) => Promise<PenaltyCaseView>,
  ) =>
    app.post(
      `/api/penalty-cases/:id/${path}`,
      {
        config: { access },
        schema: { tags: ['penalties'], summary, params: IdParams, ...(body ? { body } : {}), response: ok },
      },
      // the schema above has checked the body against B
      async (req) => app.tx((tx) => run(tx, actorOf(req), req.params.id, req.body as never)),
    )

  app.get(
    '/api/penalty-cases',
    {
      config: { access: 'penalty.read' },
      schema: {
        tags: ['penalties'],
        summary: 'Penalty cases, newest first, each with its step and the clock running on it',
        querystring: Type.Object(
          {
            step: Type.Optional(Type.Enum(STEPS)),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(PenaltyCaseSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (req) => ({ items: await listPenaltyCases(app.database.db, actorOf(req), req.query) }),
  )

  app.get(
    '/api/penalty-bounds',
    {
      config: { access: 'penalty.read' },
      schema: {
        tags: ['penalties'],
        summary: 'The versions of the legal bounds of A22–A25, with their effective dates and article texts',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                version: S,
                effectiveFrom: S,
                source: S,
                articles: Type.Array(
                  Type.Object({
                    article: S,
                    violations: Type.Array(S),
                    textZh: S,
                    measures: Type.Array(RuleSchema),
                  }),
                ),
              }),
            ),
          }),
          ...problems(401, 403),
        },
      },
    },
    async () => ({ items: BOUNDS_VERSIONS.map((v) => ({ ...v, articles: [...v.articles] })) as never }),
  )

  app.get(
    '/api/penalty-cases/:id',
    {
      config: { access: 'penalty.read' },
      schema: { tags: ['penalties'], summary: 'One penalty case', params: IdParams, response: ok },
    },
    async (req) => getPenaltyCase(app.database.db, actorOf(req), req.params.id),
  )

  app.post(
    '/api/penalty-cases',
    {
      config: { access: 'penalty.manage' },
      schema: {
        tags: ['penalties'],
        summary: 'Open a penalty case (立案) against a platform for violated requirements under one article',
        body: Body({
          partyNodeId: Type.String({ minLength: 1, maxLength: 100 }),
          violated: Type.Array(Type.Enum(VIOLATIONS), {
            minItems: 1,
            maxItems: 5,
          }),
          title: Text(200),
          facts: Text(),
        }),
        response: { 201: PenaltyCaseSchema, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await app.tx((tx) => openPenaltyCase(tx, actorOf(req), req.body))),
  )

  stepRoute(
    'investigate',
    'penalty.manage',
    'End the investigation (调查终结): findings, and whether the platform refused to correct or it is serious',
    Body({
      findings: Text(),
      aggravated: Type.Boolean(),
      aggravationReason: Type.Optional(Type.String({ maxLength: 2000 })),
    }),
    investigatePenaltyCase,
  )

  app.post(
    '/api/penalty-cases/:id/notify',
    {
      config: { access: 'penalty.manage' },
      schema: {
        tags: ['penalties'],
        summary:
          'Notify the party (告知) of facts, reasons, basis, the proposed measures within the bounds, and its rights',
        params: IdParams,
        body: Body({
          facts: Text(),
          reasons: Text(),
          basis: Text(2000),
          aggravated: Type.Boolean(),
          measures: Type.Array(MeasureSchema, { maxItems: 20 }),
        }),
        response: ok,
      },
    },
    async (req) => notifyPenaltyCaseRecorded(app.database.db, actorOf(req), req.params.id, req.body),
  )

  stepRoute(
    'statement',
    'penalty.manage',
    'Record the party’s statement and defence (陈述申辩), and whether it waives a hearing',
    Body({ text: Text(), waivesHearing: Type.Boolean() }),
    recordStatement,
  )

  stepRoute(
    'hearing-request',
    'penalty.manage',
    'Record the party’s request for a hearing (within five working days of the notice)',
    null,
    requestHearing,
  )

  stepRoute(
    'hearing-schedule',
    'penalty.manage',
    'Notify the hearing’s date and place, at least seven working days ahead',
    Body({ hearingOn: DateString, place: Text(200) }),
    scheduleHearing,
  )

  stepRoute(
    'hearing',
    'penalty.manage',
    'Record the hearing held (听证笔录)',
    Body({ record: Text() }),
    holdHearing,
  )

  stepRoute(
    'legal-review',
    'penalty.review',
    '法制审核: a reviewer other than the investigator approves the proposed decision or sends it back',
    Body({ opinion: Text(), approved: Type.Boolean() }),
    legalReview,
  )

  app.get(
    '/api/penalty-cases/:id/allowed-measures',
    {
      config: { access: 'penalty.read' },
      schema: {
        tags: ['penalties'],
        summary:
          'The measures the case’s article allows, with their bounds, in force on a date (default today)',
        params: IdParams,
        querystring: Type.Object(
          { aggravated: Type.Optional(Type.Boolean()), date: Type.Optional(DateString) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            version: S,
            effectiveFrom: S,
            article: S,
            textZh: S,
            aggravated: Type.Boolean(),
            measures: Type.Array(RuleSchema),
            labels: Type.Record(S, Type.Object({ zh: S, en: S })),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req) => allowedForCase(app.database.db, actorOf(req), req.params.id, req.query),
  )

  app.post(
    '/api/penalty-cases/:id/decide',
    {
      config: { access: 'penalty.manage' },
      schema: {
        tags: ['penalties'],
        summary:
          'Decide (决定): measures within the bounds in force today, no heavier than notified; numbered',
        params: IdParams,
        body: Body({
          measures: Type.Array(MeasureSchema, { maxItems: 20 }),
          aggravated: Type.Boolean(),
          performance: Text(2000),
        }),
        response: ok,
      },
    },
    async (req) => decidePenaltyCaseRecorded(app.database.db, actorOf(req), req.params.id, req.body),
  )

  app.get(
    '/api/penalty-cases/:id/decision',
    {
      config: { access: 'penalty.read' },
      schema: {
        tags: ['penalties'],
        summary: 'The decision document (行政处罚决定书) as printable HTML',
        params: IdParams,
        response: { 200: Type.String(), ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(await decisionDocument(app.database.db, actorOf(req), req.params.id)),
  )

  app.get(
    '/api/penalty-cases/:id/decision.pdf',
    {
      config: { access: 'penalty.read' },
      schema: {
        tags: ['penalties'],
        summary:
          'The decision document (行政处罚决定书) as PDF, printed from the same HTML by the node’s Chromium',
        params: IdParams,
        response: {
          200: Type.Unsafe<Buffer>({ type: 'string', format: 'binary' }),
          ...problems(400, 401, 403, 404, 409, 503),
        },
      },
    },
    async (req, reply) => {
      const html = await decisionDocument(app.database.db, actorOf(req), req.params.id)
      const pdf = await printPdf(app.config.pdf.chromium, html)
      return reply
        .type('application/pdf')
        .header('content-disposition', `inline; filename="penalty-decision-${req.params.id}.pdf"`)
        .send(pdf)
    },
  )

  stepRoute(
    'serve',
    'penalty.manage',
    'Record service of the decision (送达, within seven working days)',
    Body({ method: Text(200) }),
    servePenaltyCase,
  )

  stepRoute(
    'execute',
    'penalty.manage',
    'Record the decision performed (执行): fine paid, correction made',
    Body({ note: Text(2000) }),
    executePenaltyCase,
  )

  stepRoute('publish', 'penalty.manage', 'Publish the decision (公示, A26)', null, publishPenaltyCase)

  stepRoute(
    'revoke',
    'penalty.review',
    'Revoke a decision (on review, litigation or correction); it leaves disclosure at once',
    Body({ reason: Text(2000) }),
    revokePenaltyCase,
  )

  app.get(
    '/api/credit-records',
    {
      config: { access: 'penalty.read' },
      schema: {
        tags: ['penalties'],
        summary: 'Credit files (信用档案, A26): each decision served on a party, withdrawn when revoked',
        querystring: Type.Object(
          { partyNodeId: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: S,
                partyKind: S,
                partyNodeId: NS,
                partyName: S,
                penaltyCaseId: S,
                decisionNumber: S,
                article: S,
                violated: Type.Array(S),
                measures: Type.Array(MeasureSchema),
                enteredAt: S,
                withdrawnAt: NS,
                withdrawReason: NS,
              }),
            ),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req) => ({ items: await listCreditRecords(app.database.db, req.query) }),
  )

  app.get(
    '/api/public/disclosures',
    {
      config: { access: 'public' },
      schema: {
        tags: ['public'],
        summary:
          'Penalty decisions on public display (A26) with their display period; revoked ones and measures not to be published are kept off; no person is named',
        response: {
          200: Type.Object({
            rulesVersion: S,
            items: Type.Array(
              Type.Object({
                decisionNumber: S,
                partyName: S,
                article: S,
                violated: Type.Array(S),
                measures: Type.Array(
                  Type.Object(
                    { kind: S, amountYuan: Type.Optional(Type.Number()) },
                    { additionalProperties: false },
                  ),
                ),
                personsFined: Type.Integer(),
                months: Type.Integer(),
                from: S,
                until: S,
                decidedOn: S,
                organ: S,
              }),
            ),
          }),
        },
      },
    },
    async () => listPublicDisclosures(app.database.db),
  )
}
