import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import type { FastifyReply } from 'fastify'
import { Type } from 'typebox'
import { userOf } from '../../server/auth.ts'
import { NoContent, problems } from '../../server/schemas.ts'
import { USER_COOKIE } from '../../server/types.ts'
import { isVerified, verifyIdentity } from '../identity/index.ts'
import { registerUser, signInUser, signOutUser } from './accounts.ts'

const UserSchema = Type.Object({
  id: Type.String(),
  displayName: Type.String(),
  status: Type.String(),
  createdAt: Type.String(),
})

const SessionSchema = Type.Object({ user: UserSchema, csrfToken: Type.String() })

const MeSchema = Type.Object({
  user: UserSchema,
  csrfToken: Type.String(),
  identityVerified: Type.Boolean(),
})

const Phone = Type.String({ minLength: 5, maxLength: 24 })
const Password = Type.String({ minLength: 10, maxLength: 256 })

/** The routes of platform users (网民): registration, sign-in, real-name verification. Platform nodes only. */
export const accountRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.config.node.role !== 'platform') return

  const setCookie = (reply: FastifyReply, token: string, expires: Date) =>
    reply.setCookie(USER_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'strict',
      secure: app.config.http.secureCookies,
      expires,
    })
  const loginLimit = {
    max: app.config.http.loginAttemptsPerMinute,
    timeWindow: '1 minute',
    keyGenerator: (req: { ip: string; body?: unknown }) =>
      `user:${req.ip}:${String((req.body as { phone?: unknown } | undefined)?.phone ?? '')}`,
  }

  app.post(
    '/api/users',
    {
      config: { access: 'public', rateLimit: loginLimit },
      schema: {
        tags: ['users'],
        summary: 'Register a platform account with a mainland mobile number, and sign in',
        body: Type.Object(
          { phone: Phone, password: Password, displayName: Type.String({ minLength: 1, maxLength: 40 }) },
          { additionalProperties: false },
        ),
        response: { 201: SessionSchema, ...problems(400, 409, 429) },
      },
    },
    async (req, reply) => {
      const grant = await app.tx(async (tx) => {
        await registerUser(tx, app.accountKeys, req.body)
        return signInUser(tx, app.accountKeys, req.body, app.config.session.ttlHours)
      })
      setCookie(reply, grant.sessionToken, grant.expiresAt)
      return reply.code(201).send({ user: grant.user, csrfToken: grant.csrfToken })
    },
  )

  app.post(
    '/api/users/session',
    {
      config: { access: 'public', rateLimit: loginLimit },
      schema: {
        tags: ['users'],
        summary: 'Sign in to a platform account',
        body: Type.Object(
          { phone: Phone, password: Type.String({ minLength: 1, maxLength: 256 }) },
          { additionalProperties: false },
        ),
        response: { 200: SessionSchema, ...problems(400, 401, 403, 429) },
      },
    },
    async (req, reply) => {
      const grant = await app.tx((tx) =>
        signInUser(tx, app.accountKeys, req.body, app.config.session.ttlHours),
      )
      setCookie(reply, grant.sessionToken, grant.expiresAt)
      return { user: grant.user, csrfToken: grant.csrfToken }
    },
  )

  app.delete(
    '/api/users/session',
    {
      config: { access: 'user' },
      schema: { tags: ['users'], summary: 'Sign out', response: { 204: NoContent, ...problems(401, 403) } },
    },
    async (req, reply) => {
      const session = req.userSession
      if (session) await app.tx((tx) => signOutUser(tx, session.token))
      reply.clearCookie(USER_COOKIE, { path: '/' })
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/api/users/me',
    {
      config: { access: 'user' },
      schema: {
        tags: ['users'],
        summary: 'The signed-in user, CSRF token and verification state',
        response: { 200: MeSchema, ...problems(401) },
      },
    },
    async (req) => {
      const user = userOf(req)
      return {
        user,
        csrfToken: req.userSession?.csrfToken ?? '',
        identityVerified: await isVerified(app.database.db, user.id),
      }
    },
  )

  app.post(
    '/api/users/me/identity',
    {
      config: { access: 'user' },
      schema: {
        tags: ['users'],
        summary:
          'Verify the real identity behind this account (A13.2); the identity is sealed and never shown again',
        body: Type.Object(
          {
            realName: Type.String({ minLength: 1, maxLength: 40 }),
            idNumber: Type.String({ minLength: 1, maxLength: 24 }),
          },
          { additionalProperties: false },
        ),
        response: {
          201: Type.Object({ verifiedAt: Type.String(), adapter: Type.String() }),
          ...problems(400, 401, 403, 409, 422),
        },
      },
    },
    async (req, reply) => {
      const user = userOf(req)
      const result = await app.tx((tx) =>
        verifyIdentity(tx, user.id, req.body, {
          keys: app.accountKeys,
          verifier: app.identityVerifier,
          accountsPerIdentity: app.config.platform.accountsPerIdentity,
        }),
      )
      return reply.code(201).send(result)
    },
  )
}
