import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorOf } from '../../server/auth.ts'
import { IdParams, problems } from '../../server/schemas.ts'
import { ItemFields } from '../content/index.ts'
import { getPatrol, listPatrols, patrolCoverage, recordLook, samplePatrol, startPatrol } from './patrol.ts'

const PatrolSchema = Type.Object({
  id: Type.String(),
  ruleVersion: Type.String(),
  trigger: Type.String(),
  windowDays: Type.Integer(),
  since: Type.String(),
  until: Type.String(),
  total: Type.Integer(),
  scanned: Type.Integer(),
  hits: Type.Integer(),
  progress: Type.Number(),
  status: Type.String(),
  startedBy: Type.String(),
  startedAt: Type.String(),
  updatedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
})
const SampleSchema = Type.Object({ ...ItemFields, outcome: Type.String(), ruleVersion: Type.String() })
const Days = Type.Optional(Type.Integer({ minimum: 1, maximum: 365 }))

/** Patrols (A12.1): re-screening when the rules change, and the sampling patrol by people. Platform nodes only. */
export const patrolRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'platform') return

  app.get(
    '/api/patrol/runs',
    {
      config: { access: 'screening.read' },
      schema: {
        tags: ['patrol'],
        summary: 'Patrols, newest first, with their progress',
        response: { 200: Type.Object({ items: Type.Array(PatrolSchema) }), ...problems(401, 403) },
      },
    },
    async () => ({ items: await listPatrols(app.database.db) }),
  )

  app.get(
    '/api/patrol/runs/:id',
    {
      config: { access: 'screening.read' },
      schema: {
        tags: ['patrol'],
        summary: 'One patrol and its progress',
        params: IdParams,
        response: { 200: PatrolSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => getPatrol(app.database.db, req.params.id),
  )

  app.post(
    '/api/patrol/runs',
    {
      config: { access: 'screening.manage' },
      schema: {
        tags: ['patrol'],
        summary: 'Start a patrol of recent published items with the rule set version in force',
        body: Type.Object({ windowDays: Days }, { additionalProperties: false }),
        response: { 201: PatrolSchema, ...problems(400, 401, 403, 409) },
      },
    },
    async (req, reply) => {
      const run = await app.tx((tx) =>
        startPatrol(tx, actorOf(req), {
          ruleSetVersion: app.screening.version,
          windowDays: req.body.windowDays ?? app.config.platform.patrolWindowDays,
          trigger: 'manual',
        }),
      )
      await app.patrol.kick(run.id)
      return reply.code(201).send(run)
    },
  )

  app.get(
    '/api/patrol/sample',
    {
      config: { access: 'patrol.act' },
      schema: {
        tags: ['patrol'],
        summary: 'Random published items of the last days that nobody has looked at yet (sampling patrol)',
        querystring: Type.Object(
          { days: Days, size: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(SampleSchema) }), ...problems(400, 401, 403) },
      },
    },
    async (req) => ({
      items: await samplePatrol(app.database.db, { days: req.query.days ?? 7, size: req.query.size ?? 10 }),
    }),
  )

  app.post(
    '/api/patrol/looks',
    {
      config: { access: 'patrol.act' },
      schema: {
        tags: ['patrol'],
        summary: 'Record a look at a published item; "flagged" takes it back for review',
        body: Type.Object(
          {
            itemId: Type.String({ format: 'uuid' }),
            outcome: Type.Enum(['ok', 'flagged']),
            note: Type.String({ maxLength: 500 }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ id: Type.String(), itemStatus: Type.String() }),
          ...problems(400, 401, 403, 404, 409),
        },
      },
    },
    async (req, reply) =>
      reply.code(201).send(
        await app.tx((tx) =>
          recordLook(tx, actorOf(req), {
            itemId: req.body.itemId,
            outcome: req.body.outcome as 'ok' | 'flagged',
            note: req.body.note,
          }),
        ),
      ),
  )

  app.get(
    '/api/patrol/coverage',
    {
      config: { access: 'screening.read' },
      schema: {
        tags: ['patrol'],
        summary: 'Who looked at what, when, and what share of published items that covers',
        querystring: Type.Object({ days: Days }, { additionalProperties: false }),
        response: {
          200: Type.Object({
            days: Type.Integer(),
            published: Type.Integer(),
            looked: Type.Integer(),
            flagged: Type.Integer(),
            coverage: Type.Number(),
            byStaff: Type.Array(
              Type.Object({
                staffId: Type.String(),
                name: Type.String(),
                looks: Type.Integer(),
                flagged: Type.Integer(),
              }),
            ),
            recent: Type.Array(
              Type.Object({
                itemId: Type.String(),
                name: Type.String(),
                outcome: Type.String(),
                note: Type.String(),
                lookedAt: Type.String(),
              }),
            ),
          }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req) => patrolCoverage(app.database.db, req.query.days ?? 7),
  )
}
