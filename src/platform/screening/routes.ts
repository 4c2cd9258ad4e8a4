import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import type { LexiconEntry, PolicyRow } from '../../engine/index.ts'
import { actorOf } from '../../server/auth.ts'
import { problems } from '../../server/schemas.ts'
import { publishRulesAndPatrol } from '../patrol/index.ts'
import { addFalseClaim, listFalseClaims, listRuleSets } from './screening.ts'

const Phrases = Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 })
const LexiconEntrySchema = Type.Object(
  {
    term: Type.String({ minLength: 1, maxLength: 100 }),
    category: Type.Enum(['prohibit', 'prevent', 'encourage']),
    severity: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)]),
    basis: Type.Array(Type.String({ minLength: 1, maxLength: 40 }), { minItems: 1, maxItems: 10 }),
    sound: Type.Optional(Type.Boolean()),
    except: Type.Optional(Phrases),
    requires: Type.Optional(Phrases),
    window: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
    fiction: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
)
const PolicyRowSchema = Type.Object(
  {
    category: Type.Enum(['prohibit', 'prevent', 'encourage', 'claim', 'label']),
    severity: Type.Optional(Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)])),
    kind: Type.Optional(Type.Enum(['post', 'comment', 'reply', 'danmaku'])),
    credit: Type.Optional(Type.Enum(['high', 'normal', 'low', 'restricted'])),
    outcome: Type.Enum(['allow', 'label', 'hold', 'block']),
  },
  { additionalProperties: false },
)
const RuleSetSchema = Type.Object({
  version: Type.Integer(),
  ruleVersion: Type.String(),
  label: Type.String(),
  note: Type.String(),
  lexicon: Type.Array(LexiconEntrySchema),
  policy: Type.Union([Type.Array(PolicyRowSchema), Type.Null()]),
  terms: Type.Integer(),
  publishedAt: Type.String(),
  publishedBy: Type.String(),
})
const ClaimSchema = Type.Object({
  id: Type.String(),
  text: Type.String(),
  source: Type.String(),
  createdAt: Type.String(),
})

/** Screening rule sets and known false claims (A12.1, A16). Platform nodes only. */
export const screeningRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'platform') return

  app.get(
    '/api/screening/rule-sets',
    {
      config: { access: 'screening.read' },
      schema: {
        tags: ['screening'],
        summary: 'Rule set versions, newest first, and the version in force on this process',
        response: {
          200: Type.Object({
            current: Type.Integer(),
            claims: Type.Integer(),
            items: Type.Array(RuleSetSchema),
          }),
          ...problems(401, 403),
        },
      },
    },
    async () => ({
      current: app.screening.version,
      claims: app.screening.claimCount,
      items: await listRuleSets(app.database.db),
    }),
  )

  app.post(
    '/api/screening/rule-sets',
    {
      config: { access: 'screening.manage' },
      schema: {
        tags: ['screening'],
        summary:
          'Publish a new rule set version: compiled, stored, recorded and swapped in at once; a patrol re-screens recent items',
        body: Type.Object(
          {
            label: Type.String({ minLength: 1, maxLength: 100 }),
            note: Type.String({ minLength: 1, maxLength: 500 }),
            lexicon: Type.Array(LexiconEntrySchema, { maxItems: 100_000 }),
            policy: Type.Optional(Type.Union([Type.Array(PolicyRowSchema, { maxItems: 1000 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ ...RuleSetSchema.properties, patrolId: Type.String() }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req, reply) => {
      const { view, rules, patrol } = await app.tx((tx) =>
        publishRulesAndPatrol(
          tx,
          actorOf(req),
          {
            label: req.body.label,
            note: req.body.note,
            lexicon: req.body.lexicon as LexiconEntry[],
            policy: (req.body.policy as PolicyRow[] | null | undefined) ?? null,
            origin: app.screening.instance,
          },
          app.config.platform.patrolWindowDays,
        ),
      )
      app.screening.install(view.version, rules)
      await app.patrol.kick(patrol.id)
      return reply.code(201).send({ ...view, patrolId: patrol.id })
    },
  )

  app.get(
    '/api/screening/claims',
    {
      config: { access: 'screening.read' },
      schema: {
        tags: ['screening'],
        summary: 'Known false claims, newest first',
        response: { 200: Type.Object({ items: Type.Array(ClaimSchema) }), ...problems(401, 403) },
      },
    },
    async () => ({ items: await listFalseClaims(app.database.db) }),
  )

  app.post(
    '/api/screening/claims',
    {
      config: { access: 'screening.manage' },
      schema: {
        tags: ['screening'],
        summary: 'Add a known false claim to the bank (no rebuild)',
        body: Type.Object(
          {
            text: Type.String({ minLength: 1, maxLength: 2000 }),
            source: Type.String({ minLength: 1, maxLength: 300 }),
          },
          { additionalProperties: false },
        ),
        response: { 201: ClaimSchema, ...problems(400, 401, 403) },
      },
    },
    async (req, reply) => {
      const claim = await app.tx((tx) => addFalseClaim(tx, actorOf(req), app.screening, req.body))
      return reply.code(201).send(claim)
    },
  )
}
