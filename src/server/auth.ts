// Authentication and authorisation for every route: the route's `config.access` says who may call it, and a route
// under /api without one stops the server at start, so no route can be left open by omission.
import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { type Actor, can, resolveSession, resolveToken, TOKEN_PREFIX } from '../core/auth/index.ts'
import { DomainError } from '../core/errors.ts'
import { type PlatformUser, resolveUserSession } from '../platform/accounts/index.ts'
import { type Access, CSRF_HEADER, SESSION_COOKIE, USER_COOKIE } from './types.ts'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a)
  const y = Buffer.from(b)
  return x.length === y.length && timingSafeEqual(x, y)
}

async function authenticate(app: FastifyInstance, req: FastifyRequest): Promise<Actor | null> {
  const header = req.headers.authorization
  if (header !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(header)
    if (!m?.[1]?.startsWith(TOKEN_PREFIX)) throw new DomainError('AUTH_TOKEN_INVALID')
    const token = m[1]
    return app.tx((tx) => resolveToken(tx, token))
  }
  const cookie = req.cookies[SESSION_COOKIE]
  if (cookie === undefined || cookie === '') return null
  const found = await resolveSession(app.database.db, cookie)
  req.session = { token: cookie, csrfToken: found.csrfToken }
  return found.actor
}

// A cookie rides along on cross-site requests; a header with the session's CSRF token cannot.
function checkCsrf(req: FastifyRequest, expected: string): void {
  if (SAFE_METHODS.has(req.method)) return
  const sent = req.headers[CSRF_HEADER]
  if (typeof sent !== 'string' || !sameSecret(sent, expected)) throw new DomainError('CSRF_TOKEN_INVALID')
}

export const authPlugin = fp(async (app: FastifyInstance) => {
  app.decorateRequest('actor', null)
  app.decorateRequest('session', null)
  app.decorateRequest('user', null)
  app.decorateRequest('userSession', null)

  app.decorate('routeTable', [])
  app.addHook('onRoute', (route) => {
    const access = (route.config as { access?: Access } | undefined)?.access
    if (route.url.startsWith('/api') && access === undefined) {
      throw new Error(`route ${route.method} ${route.url} declares no access (config.access)`)
    }
    for (const method of [route.method].flat()) {
      if (method !== 'HEAD') app.routeTable.push({ method, url: route.url, access: access ?? 'public' })
    }
  })

  app.addHook('onRequest', async (req) => {
    const access = req.routeOptions.config.access ?? 'public'
    if (access === 'public') return
    if (access === 'user') {
      // A platform user (网民): their own cookie, separate from staff sessions, with the same CSRF rule.
      const cookie = req.cookies[USER_COOKIE]
      if (cookie === undefined || cookie === '') throw new DomainError('USER_AUTH_REQUIRED')
      const found = await resolveUserSession(app.database.db, cookie)
      req.user = found.user
      req.userSession = { token: cookie, csrfToken: found.csrfToken }
      checkCsrf(req, found.csrfToken)
      return
    }
    const actor = await authenticate(app, req)
    if (actor === null) throw new DomainError('AUTH_REQUIRED')
    req.actor = actor
    if (req.session !== null) checkCsrf(req, req.session.csrfToken)
    if (access !== 'authenticated' && !can(actor.roles, access)) {
      throw new DomainError('FORBIDDEN', { permission: access })
    }
  })
})

/** The signed-in platform user of a route whose access is `user`. */
export function userOf(req: FastifyRequest): PlatformUser {
  if (req.user === null) throw new DomainError('USER_AUTH_REQUIRED')
  return req.user
}

/** The signed-in actor of a route whose access is not public. */
export function actorOf(req: FastifyRequest): Actor {
  if (req.actor === null) throw new DomainError('AUTH_REQUIRED')
  return req.actor
}
