// Bad input of every kind gets a clear 4xx that names what was wrong, is logged once, and writes nothing.
import { count, sql } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { staff, staffSession } from '../src/core/auth/tables.ts'
import { as, type Session, signIn, startTestNode, type TestNode } from './helpers/node.ts'

let node: TestNode
let admin: Session
let orgId: string

async function staffCount(): Promise<number> {
  const [row] = await node.database.db.select({ n: count() }).from(staff)
  return row?.n ?? -1
}

function refusals(): Record<string, unknown>[] {
  return node.logs.filter((l) => l.msg === 'request refused' || l.msg === 'request failed')
}

beforeAll(async () => {
  node = await startTestNode('platform', { QINGLANG_BODY_LIMIT: '4096' })
  admin = await signIn(node.app, 'admin')
  const orgs = await node.app.inject({ url: '/api/organisations', headers: as(admin) })
  orgId = orgs.json().items[0].id
})
afterAll(async () => node?.close())
beforeEach(() => {
  node.logs.length = 0
})

const goodStaff = () => ({
  login: 'new.reviewer',
  displayName: '新审核员',
  password: 'long-enough-password',
  roles: ['reviewer'],
  organisationId: orgId,
})

describe('bad input', () => {
  it('malformed JSON: 400 MALFORMED_JSON, nothing written, logged once', async () => {
    const before = await staffCount()
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: { ...as(admin, 'POST'), 'content-type': 'application/json' },
      payload: '{"login": "x",',
    })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toContain('application/problem+json')
    expect(res.json()).toMatchObject({
      code: 'MALFORMED_JSON',
      zh: expect.any(String),
      en: expect.any(String),
    })
    expect(await staffCount()).toBe(before)
    expect(refusals()).toHaveLength(1)
  })

  it('wrong types, unknown fields and missing fields: every bad field is named', async () => {
    const before = await staffCount()
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: as(admin, 'POST'),
      payload: { login: 42, displayName: '', roles: ['nope'], organisationId: orgId, isAdmin: true },
    })
    expect(res.statusCode).toBe(400)
    const body = res.json()
    expect(body.code).toBe('VALIDATION_FAILED')
    const fields = body.errors.map((e: { field: string }) => e.field).sort()
    expect(fields).toEqual([
      'body.displayName',
      'body.isAdmin',
      'body.login',
      'body.password',
      'body.roles.0',
    ])
    for (const e of body.errors) expect(e.zh.length > 0 && e.en.length > 0).toBe(true)
    expect(await staffCount()).toBe(before)
    expect(refusals()).toHaveLength(1)
  })

  it('a number where a string belongs is not coerced', async () => {
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 12345, password: 'whatever-pass' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0].field).toBe('body.login')
  })

  it('an oversized body: 413 BODY_TOO_LARGE', async () => {
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: as(admin, 'POST'),
      payload: { ...goodStaff(), displayName: 'x'.repeat(10_000) },
    })
    expect(res.statusCode).toBe(413)
    expect(res.json().code).toBe('BODY_TOO_LARGE')
  })

  it('an unsupported content type: 415', async () => {
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: { ...as(admin, 'POST'), 'content-type': 'application/xml' },
      payload: '<staff/>',
    })
    expect(res.statusCode).toBe(415)
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE')
  })

  it('HTML and SQL in strings are stored as text and change nothing else', async () => {
    const before = await staffCount()
    const name = `<script>alert(1)</script>'); DROP TABLE staff; --`
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: as(admin, 'POST'),
      payload: { ...goodStaff(), login: 'html.sql', displayName: name },
    })
    expect(res.statusCode).toBe(201)
    expect(res.json().displayName).toBe(name)
    expect(await staffCount()).toBe(before + 1)
  })

  it('a missing or wrong CSRF token: 403 and nothing written', async () => {
    const before = await staffCount()
    for (const headers of [{ cookie: admin.cookie }, { cookie: admin.cookie, 'x-csrf-token': 'forged' }]) {
      const res = await node.app.inject({ method: 'POST', url: '/api/staff', headers, payload: goodStaff() })
      expect(res.statusCode).toBe(403)
      expect(res.json().code).toBe('CSRF_TOKEN_INVALID')
    }
    expect(await staffCount()).toBe(before)
  })

  it('an expired session: 401 AUTH_SESSION_EXPIRED', async () => {
    const s = await signIn(node.app, 'operator')
    await node.database.db.update(staffSession).set({ expiresAt: new Date(Date.now() - 1000) })
    const res = await node.app.inject({ url: '/api/auth/me', headers: as(s) })
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('AUTH_SESSION_EXPIRED')
    admin = await signIn(node.app, 'admin')
  })

  it('an unknown session cookie: 401 AUTH_REQUIRED', async () => {
    const res = await node.app.inject({
      url: '/api/auth/me',
      headers: { cookie: 'ql_session=not-a-session' },
    })
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('AUTH_REQUIRED')
  })

  it('the wrong role: 403 FORBIDDEN, nothing written', async () => {
    const reviewer = await signIn(node.app, 'reviewer')
    const before = await staffCount()
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: as(reviewer, 'POST'),
      payload: goodStaff(),
    })
    expect(res.statusCode).toBe(403)
    expect(res.json()).toMatchObject({ code: 'FORBIDDEN', zh: '当前角色无权执行此操作' })
    expect(await staffCount()).toBe(before)
  })

  it('a malformed id in the path: 400 naming the parameter', async () => {
    const res = await node.app.inject({
      method: 'PATCH',
      url: '/api/staff/1%27%20OR%201=1',
      headers: as(admin, 'PATCH'),
      payload: { displayName: 'x' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0].field).toBe('params.id')
  })

  it('an unknown API route: 404 problem, not the console page', async () => {
    const res = await node.app.inject({ url: '/api/nothing-here' })
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('ROUTE_NOT_FOUND')
  })

  it('a weak password is refused with the field named, nothing written', async () => {
    const before = await staffCount()
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: as(admin, 'POST'),
      payload: { ...goodStaff(), login: 'weak.password', password: 'weak.password' },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'PASSWORD_TOO_WEAK', errors: [{ field: 'password' }] })
    expect(await staffCount()).toBe(before)
  })
})

describe('logs', () => {
  it('never carry passwords, cookies or CSRF tokens', async () => {
    node.logs.length = 0
    await node.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'admin', password: 'wrong-password-zz' },
    })
    await node.app.inject({ url: '/api/auth/me', headers: { ...as(admin, 'POST') } })
    const text = JSON.stringify(node.logs)
    expect(node.logs.length).toBeGreaterThan(0)
    expect(text).not.toContain('wrong-password-zz')
    expect(text).not.toContain(admin.cookie.split('=')[1]!)
    expect(text).not.toContain(admin.csrf)
  })
})

describe('internal failures', () => {
  it('are a 500 without internals, logged once with their cause', async () => {
    // Break the store under a running node: the route fails with an error no one planned for.
    await node.database.db.execute(sql`DROP TABLE api_token`)
    node.logs.length = 0
    const res = await node.app.inject({ url: '/api/tokens', headers: as(admin) })
    expect(res.statusCode).toBe(500)
    expect(res.json().code).toBe('INTERNAL')
    expect(res.body).not.toContain('api_token')
    const failed = node.logs.filter((l) => l.msg === 'request failed')
    expect(failed).toHaveLength(1)
    expect(JSON.stringify(failed[0])).toContain('api_token')
  })
})
