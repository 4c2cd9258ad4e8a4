// A platform user for tests: registered, verified and with the rules in force accepted, ready to publish.
import { expect } from 'vitest'
import { checkCharacter } from '../../src/platform/identity/index.ts'
import type { TestNode } from './node.ts'

export interface TestUser {
  cookie: string
  csrf: string
  id: string
}

export const asUser = (u: TestUser, method = 'GET') =>
  method === 'GET' ? { cookie: u.cookie } : { cookie: u.cookie, 'x-csrf-token': u.csrf }

let serial = 500

/** Registers `phone`; verifies a fresh resident ID and accepts the rules unless told not to. */
export async function newUser(
  node: TestNode,
  phone: string,
  opts: { verify?: boolean; accept?: boolean } = {},
): Promise<TestUser> {
  const reg = await node.app.inject({
    method: 'POST',
    url: '/api/users',
    payload: { phone, password: 'test-user-pass-1', displayName: `通化网友${phone.slice(-4)}` },
  })
  expect(reg.statusCode, reg.body).toBe(201)
  const u = { cookie: `ql_user=${reg.cookies[0]!.value}`, csrf: reg.json().csrfToken, id: reg.json().user.id }
  if (opts.verify !== false) {
    const first17 = `22050219851201${serial++}`
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/users/me/identity',
      headers: asUser(u, 'POST'),
      payload: { realName: '赵东升', idNumber: first17 + checkCharacter(first17) },
    })
    expect(res.statusCode, res.body).toBe(201)
  }
  if (opts.accept !== false) await acceptCurrentRules(node, u)
  return u
}

/** Accepts every rule document in force that the user has not accepted yet. */
export async function acceptCurrentRules(node: TestNode, u: TestUser): Promise<void> {
  const pending = await node.app.inject({ url: '/api/users/me/acceptances', headers: asUser(u) })
  const documents = pending
    .json()
    .items.map((d: { kind: string; version: number }) => ({ kind: d.kind, version: d.version }))
  if (documents.length === 0) return
  const res = await node.app.inject({
    method: 'POST',
    url: '/api/users/me/acceptances',
    headers: asUser(u, 'POST'),
    payload: { documents },
  })
  expect(res.statusCode, res.body).toBe(200)
}

/** Waits until `check` returns a value, polling; fails after `ms`. */
export async function eventually<T>(check: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const until = Date.now() + ms
  for (;;) {
    const v = await check()
    if (v !== undefined) return v
    if (Date.now() > until) throw new Error('timed out waiting')
    await new Promise((r) => setTimeout(r, 100))
  }
}
