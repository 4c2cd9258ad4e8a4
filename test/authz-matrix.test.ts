// Every route × every role × anonymous, on both node kinds. The expected answers are written out here by hand,
// not derived from the code under test, so a route that grants too much or too little fails this test, and so
// does a new route that nobody added to the table.
import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NodeRole } from '../src/core/config.ts'
import {
  as,
  loginsFor,
  type Session,
  signIn,
  startTestNode,
  TEST_PASSWORD,
  type TestNode,
} from './helpers/node.ts'

type Allowed = 'public' | 'anyone-signed-in' | string[]

interface RouteCase {
  allowed: Allowed
  /** Builds the request; `n` makes each call's input unique. */
  request: (
    n: number,
    ctx: { reviewerId: string; orgId: string; roles: string[]; login: string },
  ) => { url: string; payload?: unknown }
}

const PLATFORM_STAFF_READERS = ['platform_admin', 'inspector']
const REGULATOR_STAFF_READERS = ['regulator_admin', 'supervisor']

function matrix(kind: NodeRole): Record<string, RouteCase> {
  const admins = kind === 'platform' ? ['platform_admin'] : ['regulator_admin']
  const orgReaders =
    kind === 'platform'
      ? ['platform_admin', 'operator', 'inspector']
      : ['regulator_admin', 'officer', 'supervisor', 'procurator']
  const staffReaders = kind === 'platform' ? PLATFORM_STAFF_READERS : REGULATOR_STAFF_READERS
  const protocolReaders =
    kind === 'platform' ? ['platform_admin', 'inspector'] : ['regulator_admin', 'supervisor']
  const witnessReaders = ['regulator_admin', 'officer', 'supervisor']
  const ledgerReaders =
    kind === 'platform'
      ? ['platform_admin', 'inspector']
      : ['regulator_admin', 'officer', 'supervisor', 'procurator']
  return {
    'GET /healthz': { allowed: 'public', request: () => ({ url: '/healthz' }) },
    'GET /readyz': { allowed: 'public', request: () => ({ url: '/readyz' }) },
    'GET /metrics': { allowed: 'public', request: () => ({ url: '/metrics' }) },
    'GET /openapi.json': { allowed: 'public', request: () => ({ url: '/openapi.json' }) },
    'GET /*': { allowed: 'public', request: () => ({ url: '/staff' }) },
    'GET /api/node': { allowed: 'public', request: () => ({ url: '/api/node' }) },
    'POST /api/auth/login': {
      allowed: 'public',
      request: (_n, c) => ({ url: '/api/auth/login', payload: { login: c.login, password: TEST_PASSWORD } }),
    },
    'GET /api/auth/me': { allowed: 'anyone-signed-in', request: () => ({ url: '/api/auth/me' }) },
    'POST /api/auth/logout': { allowed: 'anyone-signed-in', request: () => ({ url: '/api/auth/logout' }) },
    'GET /api/organisations': { allowed: orgReaders, request: () => ({ url: '/api/organisations' }) },
    'GET /api/roles': { allowed: staffReaders, request: () => ({ url: '/api/roles' }) },
    'GET /api/staff': { allowed: staffReaders, request: () => ({ url: '/api/staff' }) },
    'POST /api/staff': {
      allowed: admins,
      request: (n, c) => ({
        url: '/api/staff',
        payload: {
          login: `matrix.${n}`,
          displayName: `矩阵测试 ${n}`,
          password: 'matrix-password-1',
          roles: [kind === 'platform' ? 'reviewer' : 'officer'],
          organisationId: c.orgId,
        },
      }),
    },
    'PATCH /api/staff/:id': {
      allowed: admins,
      request: (n, c) => ({ url: `/api/staff/${c.reviewerId}`, payload: { displayName: `改名 ${n}` } }),
    },
    'GET /api/tokens': { allowed: admins, request: () => ({ url: '/api/tokens' }) },
    'POST /api/tokens': {
      allowed: admins,
      request: (n, c) => ({ url: '/api/tokens', payload: { name: `token ${n}`, roles: c.roles } }),
    },
    'DELETE /api/tokens/:id': { allowed: admins, request: () => ({ url: `/api/tokens/${randomUUID()}` }) },
    'GET /api/ledger/checkpoint': { allowed: 'public', request: () => ({ url: '/api/ledger/checkpoint' }) },
    'POST /api/protocol/inbox': {
      // Public, because a peer's signature, not a session, admits an envelope: an unsigned one is refused.
      allowed: 'public',
      request: () => ({
        url: '/api/protocol/inbox',
        payload: {
          envelope: {
            id: randomUUID(),
            type: 'ping',
            from: 'nobody',
            to: 'x',
            issuedAt: new Date().toISOString(),
            body: {},
          },
          signature: `${'A'.repeat(86)}==`,
        },
      }),
    },
    'GET /api/protocol/peers': { allowed: protocolReaders, request: () => ({ url: '/api/protocol/peers' }) },
    'POST /api/protocol/peers': {
      allowed: admins,
      request: (n) => ({
        url: '/api/protocol/peers',
        payload: {
          nodeId: `peer-${n}`,
          kind: kind === 'platform' ? 'regulator' : 'platform',
          nameZh: '对端',
          nameEn: 'Peer',
          baseUrl: 'http://127.0.0.1:9',
          publicKey: Buffer.alloc(32, n % 250).toString('base64'),
        },
      }),
    },
    'PATCH /api/protocol/peers/:nodeId': {
      allowed: admins,
      request: () => ({ url: '/api/protocol/peers/no-such-peer', payload: { nameZh: '改名' } }),
    },
    'POST /api/protocol/peers/:nodeId/ping': {
      allowed: admins,
      request: () => ({ url: '/api/protocol/peers/no-such-peer/ping' }),
    },
    'GET /api/protocol/outbox': {
      allowed: protocolReaders,
      request: () => ({ url: '/api/protocol/outbox' }),
    },
    'POST /api/protocol/outbox/:id/retry': {
      allowed: admins,
      request: () => ({ url: `/api/protocol/outbox/${randomUUID()}/retry` }),
    },
    'GET /api/protocol/inbox': { allowed: protocolReaders, request: () => ({ url: '/api/protocol/inbox' }) },
    ...(kind === 'regulator'
      ? {
          'GET /api/witness/checkpoints': {
            allowed: witnessReaders,
            request: () => ({ url: '/api/witness/checkpoints' }),
          },
          'GET /api/witness/alerts': {
            allowed: witnessReaders,
            request: () => ({ url: '/api/witness/alerts' }),
          },
        }
      : {}),
    'GET /api/ledger/checkpoints': { allowed: 'public', request: () => ({ url: '/api/ledger/checkpoints' }) },
    'POST /api/ledger/checkpoints': { allowed: admins, request: () => ({ url: '/api/ledger/checkpoints' }) },
    'GET /api/ledger/entries': {
      allowed: ledgerReaders,
      request: () => ({ url: '/api/ledger/entries?limit=5' }),
    },
    'GET /api/ledger/proofs/inclusion': {
      allowed: 'public',
      request: () => ({ url: '/api/ledger/proofs/inclusion?index=0' }),
    },
    'GET /api/ledger/proofs/consistency': {
      allowed: 'public',
      request: () => ({ url: '/api/ledger/proofs/consistency?from=0' }),
    },
  }
}

for (const kind of ['platform', 'regulator'] as const) {
  describe(`authorisation matrix on a ${kind} node`, () => {
    let node: TestNode
    const sessions = new Map<string, Session>()
    let ctx: { reviewerId: string; orgId: string; roles: string[]; login: string }
    const cases = matrix(kind)
    // One signed-in person per role (the demo staff cover every role of the node kind).
    const people = loginsFor(kind).filter(
      (p, i, all) => all.findIndex((q) => q.roles[0] === p.roles[0]) === i,
    )

    beforeAll(async () => {
      node = await startTestNode(kind)
      for (const p of people) sessions.set(p.login, await signIn(node.app, p.login))
      const admin = people.find((p) => p.roles[0]?.endsWith('admin'))!
      const staff = await node.app.inject({ url: '/api/staff', headers: as(sessions.get(admin.login)!) })
      const target = staff
        .json()
        .items.find((s: { roles: string[] }) =>
          s.roles.includes(kind === 'platform' ? 'reviewer' : 'officer'),
        )
      ctx = { reviewerId: target.id, orgId: target.organisationId, roles: [], login: '' }
    })
    afterAll(async () => node?.close())

    it('lists every route the app serves', () => {
      const served = node.app.routeTable
        .filter((r) => !r.url.startsWith('/docs'))
        .map((r) => `${r.method} ${r.url}`)
        .sort()
      expect(served).toEqual(Object.keys(cases).sort())
      // Swagger UI's own routes are public documentation, nothing else lives under /docs.
      expect(
        node.app.routeTable.filter((r) => r.url.startsWith('/docs')).every((r) => r.access === 'public'),
      ).toBe(true)
    })

    let n = 0
    for (const [route, c] of Object.entries(cases)) {
      const [method, _path] = route.split(' ') as [string, string]
      it(`${route}: anonymous`, async () => {
        const r = c.request(++n, { ...ctx, roles: [], login: people[0]!.login })
        const res = await node.app.inject({
          method: method as 'GET',
          url: r.url,
          payload: r.payload as object,
        })
        if (c.allowed === 'public') {
          expect([401, 403]).not.toContain(res.statusCode)
          expect(res.statusCode).toBeLessThan(500)
        } else {
          expect(res.statusCode).toBe(401)
          expect(res.json().code).toBe('AUTH_REQUIRED')
        }
      })
      for (const p of people) {
        const role = p.roles[0]!
        it(`${route}: ${role}`, async () => {
          // Logging out ends the session, so that case signs in afresh.
          const s =
            route === 'POST /api/auth/logout' ? await signIn(node.app, p.login) : sessions.get(p.login)!
          const r = c.request(++n, { ...ctx, roles: p.roles, login: p.login })
          const res = await node.app.inject({
            method: method as 'GET',
            url: r.url,
            payload: r.payload as object,
            headers: as(s, method),
          })
          const allowed =
            c.allowed === 'public' || c.allowed === 'anyone-signed-in' || c.allowed.includes(role)
          if (allowed) {
            expect([401, 403], `${role} should pass: ${res.body}`).not.toContain(res.statusCode)
            expect(res.statusCode).toBeLessThan(500)
          } else {
            expect(res.statusCode, res.body).toBe(403)
            expect(res.json().code).toBe('FORBIDDEN')
          }
        })
      }
    }
  })
}
