import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from 'typebox'
import { actorOf } from '../../server/auth.ts'
import { IdParams, NoContent, problems } from '../../server/schemas.ts'
import { SESSION_COOKIE } from '../../server/types.ts'
import { getOrganisation, OrganisationSchema } from '../organisations/index.ts'
import { permissionsOf, rolesForNode } from './roles.ts'
import { createToken, listTokens, login, logout, resolveSession, revokeToken } from './sessions.ts'
import {
  createStaff,
  getStaff,
  listStaff,
  type Me,
  roleCatalogue,
  type StaffView,
  updateStaff,
} from './staff.ts'
import { listStaffKeys, rotateStaffKey } from './staff-keys.ts'

const LoginName = Type.String({
  pattern: '^[a-z0-9][a-z0-9._-]{2,63}$',
  description: '3–64 lowercase letters, digits, . _ -',
})
const DisplayName = Type.String({ minLength: 1, maxLength: 80 })
const Password = Type.String({ minLength: 10, maxLength: 256 })

const StaffSchema = Type.Object({
  id: Type.String(),
  login: Type.String(),
  displayName: Type.String(),
  organisationId: Type.String(),
  roles: Type.Array(Type.String()),
  disabled: Type.Boolean(),
  createdAt: Type.String(),
  lastLoginAt: Type.Union([Type.String(), Type.Null()]),
})

const StaffKeySchema = Type.Object({
  keyId: Type.String(),
  staffId: Type.String(),
  alg: Type.Literal('Ed25519'),
  publicKey: Type.String({ description: 'raw 32-byte Ed25519 public key, base64' }),
  createdAt: Type.String(),
  retiredAt: Type.Union([Type.String(), Type.Null()]),
})
const StaffKeys = Type.Object({ items: Type.Array(StaffKeySchema) })

const MeSchema = Type.Object({
  staff: StaffSchema,
  organisation: OrganisationSchema,
  permissions: Type.Array(Type.String()),
  csrfToken: Type.String(),
})

const TokenSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  prefix: Type.String(),
  roles: Type.Array(Type.String()),
  organisationId: Type.String(),
  createdBy: Type.String(),
  createdAt: Type.String(),
  lastUsedAt: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
})

export const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const me = async (staff: StaffView, csrfToken: string): Promise<Me> => ({
    staff,
    organisation: await getOrganisation(app.database.db, staff.organisationId),
    permissions: permissionsOf(staff.roles),
    csrfToken,
  })

  app.post(
    '/api/auth/login',
    {
      config: {
        access: 'public',
        // Password guessing is slowed per address and login.
        rateLimit: {
          max: app.config.http.loginAttemptsPerMinute,
          timeWindow: '1 minute',
          keyGenerator: (req: { ip: string; body?: unknown }) =>
            `${req.ip}:${String((req.body as { login?: unknown } | undefined)?.login ?? '')}`,
        },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in to the console; sets the session cookie',
        body: Type.Object(
          {
            login: Type.String({ minLength: 1, maxLength: 64 }),
            password: Type.String({ minLength: 1, maxLength: 256 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: MeSchema, ...problems(400, 401, 403, 429) },
      },
    },
    async (req, reply) => {
      const grant = await app.tx((tx) => login(tx, req.body, app.config.session.ttlHours))
      reply.setCookie(SESSION_COOKIE, grant.sessionToken, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: app.config.http.secureCookies,
        expires: grant.expiresAt,
      })
      return me(grant.staff, grant.csrfToken)
    },
  )

  app.get(
    '/api/auth/me',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in person, permissions and CSRF token',
        response: { 200: MeSchema, ...problems(401) },
      },
    },
    async (req) => {
      if (req.session === null) {
        // An API token has no console session: describe the person who answers for it.
        const actor = actorOf(req)
        const creator = await getStaff(app.database.db, actor.staffId)
        return me({ ...creator, roles: actor.roles }, '')
      }
      const found = await resolveSession(app.database.db, req.session.token)
      return me(found.staff, found.csrfToken)
    },
  )

  app.post(
    '/api/auth/logout',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['auth'],
        summary: 'End the console session',
        response: { 204: NoContent, ...problems(401, 403) },
      },
    },
    async (req, reply) => {
      const session = req.session
      if (session !== null) await app.tx((tx) => logout(tx, session.token))
      reply.clearCookie(SESSION_COOKIE, { path: '/' })
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/roles',
    {
      config: { access: 'staff.read' },
      schema: {
        tags: ['staff'],
        summary: 'Roles of this node kind and the organisations they fit',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                role: Type.String(),
                zh: Type.String(),
                en: Type.String(),
                organisationKinds: Type.Array(Type.String()),
              }),
            ),
          }),
          ...problems(401, 403),
        },
      },
    },
    async () => ({ items: roleCatalogue(app.config.node.role) }),
  )

  app.get(
    '/api/staff',
    {
      config: { access: 'staff.read' },
      schema: {
        tags: ['staff'],
        summary: 'Staff of this node',
        response: { 200: Type.Object({ items: Type.Array(StaffSchema) }), ...problems(401, 403) },
      },
    },
    async () => ({ items: await listStaff(app.database.db) }),
  )

  app.get(
    '/api/staff/:id/keys',
    {
      config: { access: 'staff.read' },
      schema: {
        tags: ['staff'],
        summary: "A staff member's signing keys (A27), retired ones included, for verifying their signatures",
        params: IdParams,
        response: { 200: StaffKeys, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => ({ items: await listStaffKeys(app.database.db, req.params.id) }),
  )

  app.post(
    '/api/staff/:id/keys',
    {
      config: { access: 'staff.manage' },
      schema: {
        tags: ['staff'],
        summary: "Rotate a staff member's signing key: the old one is retired and stays published",
        params: IdParams,
        response: { 200: StaffKeys, ...problems(400, 401, 403, 404) },
      },
    },
    async (req) => ({ items: await app.tx((tx) => rotateStaffKey(tx, actorOf(req), req.params.id)) }),
  )

  const nodeRoles = Type.Array(Type.Enum([...rolesForNode(app.config.node.role)]), {
    minItems: 1,
    maxItems: 8,
    uniqueItems: true,
  })

  app.post(
    '/api/staff',
    {
      config: { access: 'staff.manage' },
      schema: {
        tags: ['staff'],
        summary: 'Add a staff member',
        body: Type.Object(
          {
            login: LoginName,
            displayName: DisplayName,
            password: Password,
            roles: nodeRoles,
            organisationId: Type.String({ format: 'uuid' }),
          },
          { additionalProperties: false },
        ),
        response: { 201: StaffSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req, reply) => {
      const staff = await app.tx((tx) => createStaff(tx, actorOf(req), req.body))
      return reply.code(201).send(staff)
    },
  )

  app.patch(
    '/api/staff/:id',
    {
      config: { access: 'staff.manage' },
      schema: {
        tags: ['staff'],
        summary: 'Change a staff member: name, roles, disabled, password',
        params: IdParams,
        body: Type.Object(
          {
            displayName: Type.Optional(DisplayName),
            roles: Type.Optional(nodeRoles),
            disabled: Type.Optional(Type.Boolean()),
            password: Type.Optional(Password),
          },
          { additionalProperties: false, minProperties: 1 },
        ),
        response: { 200: StaffSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (req) => app.tx((tx) => updateStaff(tx, actorOf(req), req.params.id, req.body)),
  )

  app.get(
    '/api/tokens',
    {
      config: { access: 'token.manage' },
      schema: {
        tags: ['tokens'],
        summary: 'API tokens for machines',
        response: { 200: Type.Object({ items: Type.Array(TokenSchema) }), ...problems(401, 403) },
      },
    },
    async () => ({ items: await listTokens(app.database.db) }),
  )

  app.post(
    '/api/tokens',
    {
      config: { access: 'token.manage' },
      schema: {
        tags: ['tokens'],
        summary: 'Create an API token; the secret is returned once',
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 80 }), roles: nodeRoles },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ token: Type.String(), view: TokenSchema }),
          ...problems(400, 401, 403),
        },
      },
    },
    async (req, reply) => reply.code(201).send(await app.tx((tx) => createToken(tx, actorOf(req), req.body))),
  )

  app.delete(
    '/api/tokens/:id',
    {
      config: { access: 'token.manage' },
      schema: {
        tags: ['tokens'],
        summary: 'Revoke an API token',
        params: IdParams,
        response: { 204: NoContent, ...problems(401, 403, 404) },
      },
    },
    async (req, reply) => {
      await app.tx((tx) => revokeToken(tx, actorOf(req), req.params.id))
      return reply.code(204).send(null)
    },
  )
}
