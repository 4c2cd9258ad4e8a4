import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorOf } from '../../server/auth.ts'
import { IdParams, Nullable, problems } from '../../server/schemas.ts'
import {
  addCaseIndividual,
  individualIdentityKey,
  individualLaws,
  listCaseIndividuals,
  recordIndividualOutcome,
  unsealIndividualIdentity,
} from './individuals.ts'
import { INDIVIDUAL_OUTCOMES } from './laws.ts'
import {
  getReferral,
  listReferrals,
  MANAGE_STEPS,
  PROCURATE_STEPS,
  recordReferralStep,
  referralClocks,
  sendReferral,
} from './referrals.ts'

const Uuid = Type.String({ format: 'uuid' })
const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })
const Kind = Type.Union([Type.Literal('criminal'), Type.Literal('public_interest')])
const Note = Type.String({ maxLength: 4000 })

const Material = Type.Object({
  kind: Type.String(),
  title: Type.String(),
  ref: Nullable(Type.String()),
  sha256: Nullable(Type.String()),
})
const ReferralSchema = Type.Object({
  id: Type.String(),
  number: Type.String(),
  kind: Type.String(),
  caseId: Type.String(),
  caseNumber: Type.String(),
  referringOrganisationId: Type.String(),
  referringNameZh: Type.String(),
  receivingOrganisationId: Type.String(),
  receivingNameZh: Type.String(),
  reason: Type.String(),
  materials: Type.Array(Material),
  status: Type.String(),
  steps: Type.Array(
    Type.Object({
      step: Type.String(),
      on: Type.String(),
      at: Type.String(),
      byName: Type.String(),
      byOrganisationId: Type.String(),
      byNameZh: Type.String(),
      note: Nullable(Type.String()),
    }),
  ),
  addresseeName: Nullable(Type.String()),
  addresseeOrganisationId: Nullable(Type.String()),
  deadline: Nullable(
    Type.Object({
      clock: Type.String(),
      step: Type.String(),
      dueOn: Type.String(),
      window: Type.Boolean(),
      citation: Type.String(),
      textZh: Type.String(),
      overdue: Type.Boolean(),
    }),
  ),
  lateClocks: Type.Array(Type.String()),
  overdueFlagged: Type.Array(Type.String()),
  outcome: Nullable(Type.String()),
  sentAt: Type.String(),
  sentByName: Type.String(),
  closedAt: Nullable(Type.String()),
})
const LawSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  citation: Type.String(),
  summaryZh: Type.String(),
  summaryEn: Type.String(),
  competentOrganZh: Type.String(),
  verified: Type.Boolean(),
  noteZh: Type.String(),
})
const IndividualSchema = Type.Object({
  id: Type.String(),
  caseId: Type.String(),
  label: Type.String(),
  identity: Type.String(),
  countyCode: Nullable(Type.String()),
  conduct: Type.String(),
  outcome: Nullable(Type.String()),
  laws: Type.Array(LawSchema),
  competentOrgan: Nullable(Type.String()),
  outcomeNote: Nullable(Type.String()),
  referralId: Nullable(Type.String()),
  outcomeAt: Nullable(Type.String()),
  outcomeByName: Nullable(Type.String()),
  addedAt: Type.String(),
  addedByName: Type.String(),
})
const IndividualParams = Type.Object({ id: Uuid, individualId: Uuid }, { additionalProperties: false })
const literals = (xs: readonly string[]) => Type.Union(xs.map((x) => Type.Literal(x)))

/** Referrals to public security and the procuratorate (A20), and individuals as parties to cases (A21). Regulator only. */
export const referralRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'regulator') return
  const key = individualIdentityKey(app.secrets.masterKey)

  app.get(
    '/api/referrals',
    {
      config: { access: 'referral.read' },
      schema: {
        tags: ['referrals'],
        summary: 'Referrals the caller’s organisation sent, received or was drawn into (the city CAC: all)',
        querystring: Type.Object(
          {
            caseId: Type.Optional(Uuid),
            kind: Type.Optional(Kind),
            open: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(ReferralSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (req) => ({ items: await listReferrals(app.database.db, actorOf(req), req.query) }),
  )

  app.get(
    '/api/referrals/:id',
    {
      config: { access: 'referral.read' },
      schema: {
        tags: ['referrals'],
        summary:
          'One referral with its steps, materials and next statutory deadline; 404 to those not party to it',
        params: IdParams,
        response: { 200: ReferralSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getReferral(app.database.db, actorOf(req), req.params.id),
  )

  app.get(
    '/api/referral-clocks',
    {
      config: { access: 'referral.read' },
      schema: {
        tags: ['referrals'],
        summary: 'The statutory clocks of referrals, each with its citation',
        response: { 200: Type.Object({ items: Type.Array(Type.Record(Type.String(), Type.Unknown())) }) },
      },
    },
    async () => ({ items: referralClocks().map((c) => ({ ...c })) }),
  )

  app.post(
    '/api/referrals',
    {
      config: { access: 'referral.manage' },
      schema: {
        tags: ['referrals'],
        summary:
          'Refer a case: to public security for a suspected crime (行刑衔接) or to the procuratorate for public-interest litigation',
        body: Type.Object(
          {
            caseId: Uuid,
            kind: Kind,
            reason: Type.String({ minLength: 1, maxLength: 4000 }),
            materials: Type.Optional(
              Type.Array(
                Type.Object(
                  {
                    kind: Type.Union([
                      Type.Literal('evidence'),
                      Type.Literal('ledger_entry'),
                      Type.Literal('document'),
                    ]),
                    title: Type.String({ minLength: 1, maxLength: 200 }),
                    ref: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
                    sha256: Type.Optional(Type.String({ pattern: '^[0-9a-f]{64}$' })),
                  },
                  { additionalProperties: false },
                ),
                { maxItems: 50 },
              ),
            ),
            reportedOn: Type.Optional(DateStr),
            decidedOn: Type.Optional(DateStr),
          },
          { additionalProperties: false },
        ),
        response: { 201: ReferralSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) =>
      reply.code(201).send(await app.tx((tx) => sendReferral(tx, actorOf(req), req.body))),
  )

  const stepBody = (steps: readonly string[]) =>
    Type.Object(
      {
        step: literals(steps),
        on: Type.Optional(DateStr),
        note: Type.Optional(Note),
        addresseeOrganisationId: Type.Optional(Uuid),
        addresseeName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
        urgent: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: false },
    )

  app.post(
    '/api/referrals/:id/steps',
    {
      config: { access: 'referral.manage' },
      schema: {
        tags: ['referrals'],
        summary:
          'Record a step that falls to one’s organisation: receipt and filing decision (public security), reconsideration or supervision request and closing (the referring organ), a reply to a procuratorial suggestion (its addressee)',
        params: IdParams,
        body: stepBody(MANAGE_STEPS),
        response: { 200: ReferralSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => app.tx((tx) => recordReferralStep(tx, actorOf(req), req.params.id, 'manage', req.body)),
  )

  app.post(
    '/api/referrals/:id/procuratorate-steps',
    {
      config: { access: 'referral.procurate' },
      schema: {
        tags: ['referrals'],
        summary:
          'Record a step of the procuratorate: receipt, procuratorial suggestion (检察建议), the addressee’s reply, supervision of a non-filing, closing or litigation',
        params: IdParams,
        body: stepBody(PROCURATE_STEPS),
        response: { 200: ReferralSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => app.tx((tx) => recordReferralStep(tx, actorOf(req), req.params.id, 'procurate', req.body)),
  )

  app.get(
    '/api/individual-laws',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['referrals'],
        summary:
          'The provisions applied to individuals (A21), each with its citation and whether it was verified',
        response: { 200: Type.Object({ items: Type.Array(LawSchema) }) },
      },
    },
    async () => ({ items: [...individualLaws()] }),
  )

  app.get(
    '/api/cases/:id/individuals',
    {
      config: { access: 'case.read' },
      schema: {
        tags: ['referrals'],
        summary:
          'Individuals who are parties to a case, identity sealed, with the law applied and the outcome (A21)',
        params: IdParams,
        response: {
          200: Type.Object({ items: Type.Array(IndividualSchema) }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req) => ({ items: await listCaseIndividuals(app.database.db, actorOf(req), req.params.id) }),
  )

  app.post(
    '/api/cases/:id/individuals',
    {
      config: { access: 'case.manage' },
      schema: {
        tags: ['referrals'],
        summary:
          'Add an individual party to a case: a label to show, the real name and ID number sealed (A21)',
        params: IdParams,
        body: Type.Object(
          {
            label: Type.String({ minLength: 1, maxLength: 50 }),
            realName: Type.String({ minLength: 1, maxLength: 100 }),
            idNumber: Type.Optional(Type.String({ pattern: '^[0-9]{17}[0-9Xx]$' })),
            countyCode: Type.Optional(Type.String({ pattern: '^2205\\d{2}$' })),
            conduct: Type.String({ minLength: 1, maxLength: 4000 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: IndividualSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req, reply) =>
      reply
        .code(201)
        .send(await app.tx((tx) => addCaseIndividual(tx, actorOf(req), key, req.params.id, req.body))),
  )

  app.post(
    '/api/cases/:id/individuals/:individualId/outcome',
    {
      config: { access: 'case.manage' },
      schema: {
        tags: ['referrals'],
        summary:
          'Record the law applied and the outcome for an individual, linked to the referral when referred (A21)',
        params: IndividualParams,
        body: Type.Object(
          {
            outcome: literals(INDIVIDUAL_OUTCOMES),
            lawIds: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 10 }),
            competentOrgan: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            note: Type.Optional(Note),
            referralId: Type.Optional(Uuid),
          },
          { additionalProperties: false },
        ),
        response: { 200: IndividualSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) =>
      app.tx((tx) =>
        recordIndividualOutcome(tx, actorOf(req), key, req.params.id, req.params.individualId, req.body),
      ),
  )

  app.post(
    '/api/cases/:id/individuals/:individualId/unseal',
    {
      config: { access: 'individual_identity.unseal' },
      schema: {
        tags: ['referrals'],
        summary:
          'Open an individual’s sealed real name and ID number, with a reason recorded on the ledger (A21)',
        params: IndividualParams,
        body: Type.Object(
          { reason: Type.String({ minLength: 1, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({
            id: Type.String(),
            realName: Type.String(),
            idNumber: Nullable(Type.String()),
            reason: Type.String(),
            unsealedAt: Type.String(),
          }),
          ...problems(400, 401, 403, 404),
        },
      },
    },
    async (req) =>
      app.tx((tx) =>
        unsealIndividualIdentity(
          tx,
          actorOf(req),
          key,
          req.params.id,
          req.params.individualId,
          req.body.reason,
        ),
      ),
  )
}
