import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  as,
  type Session,
  signIn,
  startTestNode,
  TEST_PASSWORD,
  type TestNode,
} from '../../../test/helpers/node.ts'

let node: TestNode
let admin: Session

beforeAll(async () => {
  node = await startTestNode('regulator')
  admin = await signIn(node.app, 'cac.admin')
})
afterAll(async () => node?.close())

async function orgId(key: string): Promise<string> {
  const res = await node.app.inject({ url: '/api/organisations', headers: as(admin) })
  return res.json().items.find((o: { key: string }) => o.key === key).id
}

describe('console sessions', () => {
  it('sign in sets an httpOnly SameSite=Strict cookie and returns permissions for the menu', async () => {
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'cac.officer', password: TEST_PASSWORD },
    })
    expect(res.statusCode).toBe(200)
    const cookie = res.cookies.find((c) => c.name === 'ql_session')!
    expect(cookie.httpOnly).toBe(true)
    expect(cookie.sameSite).toBe('Strict')
    expect(res.json().permissions).toEqual([
      'node.read',
      'organisation.read',
      'ledger.read',
      'witness.read',
      'platform_report.read',
      'clarification.read',
      'clarification.draft',
      'order.read',
      'order.issue',
      'public_report.read',
      'public_report.handle',
      'inspection.read',
      'inspection.request',
      'case.read',
      'case.manage',
      'evaluation.read',
      'evaluation.input',
      'referral.read',
      'referral.manage',
      'convention.read',
      'convention.publish',
      'education.publish',
      'penalty.read',
      'penalty.manage',
    ])
    expect(res.json().organisation.key).toBe('cac')
  })

  it('a wrong password and an unknown login give the same answer', async () => {
    const a = await node.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'cac.officer', password: 'not-the-password' },
    })
    const b = await node.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'no.such.person', password: 'not-the-password' },
    })
    expect(a.statusCode).toBe(401)
    expect(b.statusCode).toBe(401)
    expect(a.json().code).toBe('AUTH_INVALID_CREDENTIALS')
    expect(b.json()).toEqual(a.json())
  })

  it('logout ends the session', async () => {
    const s = await signIn(node.app, 'procurator')
    expect((await node.app.inject({ url: '/api/auth/me', headers: as(s) })).statusCode).toBe(200)
    expect(
      (await node.app.inject({ method: 'POST', url: '/api/auth/logout', headers: as(s, 'POST') })).statusCode,
    ).toBe(204)
    expect((await node.app.inject({ url: '/api/auth/me', headers: as(s) })).statusCode).toBe(401)
  })
})

describe('staff', () => {
  it('an admin adds an officer to a department, who can then sign in', async () => {
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: as(admin, 'POST'),
      payload: {
        login: 'culture.officer',
        displayName: '文旅局 韩梅',
        password: 'culture-pass-1',
        roles: ['officer'],
        organisationId: await orgId('culture-tourism'),
      },
    })
    expect(res.statusCode).toBe(201)
    expect(res.json()).not.toHaveProperty('passwordHash')
    const s = await signIn(node.app, 'culture.officer', 'culture-pass-1')
    const me = await node.app.inject({ url: '/api/auth/me', headers: as(s) })
    expect(me.json().organisation.nameZh).toBe('通化市文化广播电视和旅游局')
  })

  it('refuses a role that does not fit the organisation', async () => {
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: as(admin, 'POST'),
      payload: {
        login: 'odd.procurator',
        displayName: '错配',
        password: 'misfit-pass-1',
        roles: ['procurator'],
        organisationId: await orgId('health'),
      },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ code: 'ROLE_NOT_FOR_ORGANISATION', errors: [{ field: 'roles' }] })
  })

  it('refuses a platform role on a regulator node', async () => {
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: as(admin, 'POST'),
      payload: {
        login: 'lost.reviewer',
        displayName: '走错门',
        password: 'misfit-pass-1',
        roles: ['reviewer'],
        organisationId: await orgId('cac'),
      },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().errors[0].field).toBe('body.roles.0')
  })

  it('refuses a taken login with 409', async () => {
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: as(admin, 'POST'),
      payload: {
        login: 'cac.officer',
        displayName: '重名',
        password: 'dup-login-pass',
        roles: ['officer'],
        organisationId: await orgId('cac'),
      },
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('STAFF_LOGIN_TAKEN')
  })

  it('disabling a person ends their sessions and refuses new ones', async () => {
    const s = await signIn(node.app, 'market.officer')
    const list = await node.app.inject({ url: '/api/staff', headers: as(admin) })
    const id = list.json().items.find((x: { login: string }) => x.login === 'market.officer').id
    const res = await node.app.inject({
      method: 'PATCH',
      url: `/api/staff/${id}`,
      headers: as(admin, 'PATCH'),
      payload: { disabled: true },
    })
    expect(res.json().disabled).toBe(true)
    expect((await node.app.inject({ url: '/api/auth/me', headers: as(s) })).statusCode).toBe(401)
    const again = await node.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'market.officer', password: TEST_PASSWORD },
    })
    expect(again.statusCode).toBe(403)
    expect(again.json().code).toBe('AUTH_ACCOUNT_DISABLED')
  })

  it('an admin cannot lock themselves out', async () => {
    const me = await node.app.inject({ url: '/api/auth/me', headers: as(admin) })
    const id = me.json().staff.id
    for (const payload of [{ disabled: true }, { roles: ['officer'] }]) {
      const res = await node.app.inject({
        method: 'PATCH',
        url: `/api/staff/${id}`,
        headers: as(admin, 'PATCH'),
        payload,
      })
      expect(res.statusCode).toBe(409)
      expect(res.json().code).toBe('STAFF_SELF_LOCKOUT')
    }
  })
})

describe('API tokens', () => {
  it('act with their roles over a bearer header, without CSRF, until revoked', async () => {
    const created = await node.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: as(admin, 'POST'),
      payload: { name: '省网信对接', roles: ['regulator_admin'] },
    })
    expect(created.statusCode).toBe(201)
    const { token, view } = created.json()
    expect(token.startsWith('qlt_')).toBe(true)
    expect(view.prefix).toBe(token.slice(0, 10))
    const bearer = { authorization: `Bearer ${token}` }
    expect((await node.app.inject({ url: '/api/staff', headers: bearer })).statusCode).toBe(200)
    const list = await node.app.inject({ url: '/api/tokens', headers: bearer })
    expect(JSON.stringify(list.json())).not.toContain(token)
    const revoke = await node.app.inject({ method: 'DELETE', url: `/api/tokens/${view.id}`, headers: bearer })
    expect(revoke.statusCode).toBe(204)
    const after = await node.app.inject({ url: '/api/staff', headers: bearer })
    expect(after.statusCode).toBe(401)
    expect(after.json().code).toBe('AUTH_TOKEN_INVALID')
  })

  it('never hold more roles than their creator', async () => {
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/tokens',
      headers: as(admin, 'POST'),
      payload: { name: '越权', roles: ['supervisor'] },
    })
    expect(res.statusCode).toBe(403)
    expect(res.json().code).toBe('FORBIDDEN')
  })

  it('a malformed bearer header is refused', async () => {
    const res = await node.app.inject({ url: '/api/staff', headers: { authorization: 'Bearer not-a-token' } })
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('AUTH_TOKEN_INVALID')
  })
})

describe('rate limits', () => {
  it('password guessing on one login is slowed to a 429', async () => {
    const limited = await startTestNode('platform', { QINGLANG_LOGIN_ATTEMPTS_PER_MINUTE: '3' })
    try {
      const codes: number[] = []
      for (let i = 0; i < 5; i++) {
        const r = await limited.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { login: 'admin', password: `guess-number-${i}` },
        })
        codes.push(r.statusCode)
      }
      expect(codes).toEqual([401, 401, 401, 429, 429])
      const last = await limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { login: 'admin', password: 'x-guess-again' },
      })
      expect(last.json().code).toBe('RATE_LIMITED')
    } finally {
      await limited.close()
    }
  })
})
