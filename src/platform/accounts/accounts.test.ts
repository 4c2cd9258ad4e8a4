// Platform users over HTTP: registration, sign-in, and the real-name gate of A13.2, with the identity sealed.
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestNode, type TestNode } from '../../../test/helpers/node.ts'
import { checkCharacter, requireVerified } from '../identity/index.ts'

let node: TestNode
beforeAll(async () => {
  node = await startTestNode('platform', { QINGLANG_ACCOUNTS_PER_IDENTITY: '1' })
})
afterAll(async () => node?.close())

const idFor = (division: string, birth: string, seq: string) => {
  const first17 = `${division}${birth}${seq}`
  return first17 + checkCharacter(first17)
}
const ID_A = idFor('220502', '19880612', '231')

interface UserSession {
  cookie: string
  csrf: string
  id: string
}

async function register(phone: string, displayName = '通化网友'): Promise<UserSession> {
  const res = await node.app.inject({
    method: 'POST',
    url: '/api/users',
    payload: { phone, password: 'user-password-1', displayName },
  })
  expect(res.statusCode, res.body).toBe(201)
  const c = res.cookies.find((x) => x.name === 'ql_user')!
  return { cookie: `ql_user=${c.value}`, csrf: res.json().csrfToken, id: res.json().user.id }
}
const asUser = (u: UserSession, method = 'GET') =>
  method === 'GET' ? { cookie: u.cookie } : { cookie: u.cookie, 'x-csrf-token': u.csrf }

describe('registration', () => {
  it('registers with a mainland mobile, signs the user in, and records it without the phone', async () => {
    const u = await register('13943512345', '江边的风')
    const me = await node.app.inject({ url: '/api/users/me', headers: asUser(u) })
    expect(me.json()).toMatchObject({
      user: { displayName: '江边的风', status: 'active' },
      identityVerified: false,
    })
    await node.ledger.sequence()
    const { readLog } = await import('../../ledger/index.ts')
    const entries: string[] = []
    for await (const e of (await readLog(node.database.db)).entries) entries.push(e.leafData)
    const registered = entries.find((e) => e.includes('"user.registered"'))
    expect(registered).toContain('"A12.1"')
    expect(registered).not.toContain('13943512345')
  })

  it('refuses a landline and names the field; refuses a taken phone with 409', async () => {
    const landline = await node.app.inject({
      method: 'POST',
      url: '/api/users',
      payload: { phone: '0435-3212345', password: 'user-password-1', displayName: 'x' },
    })
    expect(landline.statusCode).toBe(400)
    expect(landline.json()).toMatchObject({ code: 'USER_PHONE_INVALID', errors: [{ field: 'phone' }] })
    const taken = await node.app.inject({
      method: 'POST',
      url: '/api/users',
      payload: { phone: '+86 139 4351 2345', password: 'user-password-1', displayName: 'y' },
    })
    expect(taken.statusCode).toBe(409)
    expect(taken.json().code).toBe('USER_PHONE_TAKEN')
  })

  it('signs in and out; a wrong password is refused', async () => {
    const wrong = await node.app.inject({
      method: 'POST',
      url: '/api/users/session',
      payload: { phone: '13943512345', password: 'not-it-at-all' },
    })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.json().code).toBe('USER_INVALID_CREDENTIALS')
    const ok = await node.app.inject({
      method: 'POST',
      url: '/api/users/session',
      payload: { phone: '13943512345', password: 'user-password-1' },
    })
    expect(ok.statusCode).toBe(200)
    const u = { cookie: `ql_user=${ok.cookies[0]!.value}`, csrf: ok.json().csrfToken, id: ok.json().user.id }
    expect(
      (
        await node.app.inject({ method: 'DELETE', url: '/api/users/session', headers: { cookie: u.cookie } })
      ).json().code,
    ).toBe('CSRF_TOKEN_INVALID')
    expect(
      (await node.app.inject({ method: 'DELETE', url: '/api/users/session', headers: asUser(u, 'DELETE') }))
        .statusCode,
    ).toBe(204)
    expect((await node.app.inject({ url: '/api/users/me', headers: asUser(u) })).statusCode).toBe(401)
  })

  it('keeps staff and platform users apart: a staff session is no user session', async () => {
    const staffLogin = await node.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'admin', password: 'test-password-123' },
    })
    const res = await node.app.inject({
      url: '/api/users/me',
      headers: { cookie: `ql_session=${staffLogin.cookies[0]!.value}` },
    })
    expect(res.statusCode).toBe(401)
    expect(res.json().code).toBe('USER_AUTH_REQUIRED')
  })
})

describe('real-name verification (A13.2)', () => {
  let u: UserSession
  beforeAll(async () => {
    u = await register('13804351111', '山城旧事')
  })

  it('publishing is refused until verified, with how to verify', async () => {
    const err = await requireVerified(node.database.db, u.id).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'IDENTITY_REQUIRED', details: { verifyAt: '/u/identity' } })
  })

  it('names every failed check of a bad identity number, and writes nothing', async () => {
    const first17 = '99999919900231123'
    const bad = first17 + (checkCharacter(first17) === '0' ? '1' : '0')
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/users/me/identity',
      headers: asUser(u, 'POST'),
      payload: { realName: '张', idNumber: bad },
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('IDENTITY_INVALID')
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'realName',
      'idNumber.division',
      'idNumber.birthDate',
      'idNumber.checkDigit',
    ])
    const me = await node.app.inject({ url: '/api/users/me', headers: asUser(u) })
    expect(me.json().identityVerified).toBe(false)
  })

  it('verifies, seals the identity at rest, and never returns or logs it', async () => {
    node.logs.length = 0
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/users/me/identity',
      headers: asUser(u, 'POST'),
      payload: { realName: '李秀兰', idNumber: ID_A },
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.body).not.toContain(ID_A)
    expect(res.json().adapter).toBe('format-check')
    expect(
      (await node.app.inject({ url: '/api/users/me', headers: asUser(u) })).json().identityVerified,
    ).toBe(true)
    await expect(requireVerified(node.database.db, u.id)).resolves.toBeUndefined()
    // Nothing readable at rest, in the log, or in the ledger.
    const dump = JSON.stringify(
      await node.database.db.execute(
        sql`select * from user_identity, platform_user where user_identity.user_id = platform_user.id`,
      ),
    )
    expect(dump).not.toContain(ID_A)
    expect(dump).not.toContain('李秀兰')
    expect(dump).not.toContain('13804351111')
    expect(JSON.stringify(node.logs)).not.toContain(ID_A)
    await node.ledger.sequence()
    const { readLog } = await import('../../ledger/index.ts')
    for await (const e of (await readLog(node.database.db)).entries) {
      expect(e.leafData).not.toContain(ID_A)
      expect(e.leafData).not.toContain('李秀兰')
    }
  })

  it('refuses a second verification of the same account', async () => {
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/users/me/identity',
      headers: asUser(u, 'POST'),
      payload: { realName: '李秀兰', idNumber: ID_A },
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('IDENTITY_ALREADY_VERIFIED')
  })

  it('limits how many accounts one identity may verify', async () => {
    const other = await register('13604352222', '第二个号')
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/users/me/identity',
      headers: asUser(other, 'POST'),
      payload: { realName: '李秀兰', idNumber: ID_A.toLowerCase() },
    })
    expect(res.statusCode).toBe(409)
    expect(res.json()).toMatchObject({ code: 'IDENTITY_LIMIT_REACHED', limit: 1 })
  })
})
