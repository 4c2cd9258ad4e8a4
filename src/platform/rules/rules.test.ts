// Rules and agreements (A13.1) over HTTP: public to read, versioned, accepted before publishing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, signIn, startTestNode, type TestNode } from '../../../test/helpers/node.ts'
import { demoRuleDocuments } from '../../demo/platform-content.ts'
import { requireRulesAccepted } from './index.ts'

let node: TestNode
let user: { cookie: string; csrf: string; id: string }

beforeAll(async () => {
  node = await startTestNode('platform')
  const operator = await signIn(node.app, 'operator')
  for (const doc of demoRuleDocuments('通化同城圈', 'Tonghua Neighbours')) {
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/rules',
      headers: as(operator, 'POST'),
      payload: doc,
    })
    expect(res.statusCode, res.body).toBe(201)
  }
  const reg = await node.app.inject({
    method: 'POST',
    url: '/api/users',
    payload: { phone: '13904351234', password: 'rules-user-pass', displayName: '读规则的人' },
  })
  user = { cookie: `ql_user=${reg.cookies[0]!.value}`, csrf: reg.json().csrfToken, id: reg.json().user.id }
})
afterAll(async () => node?.close())

const asUser = (method = 'GET') =>
  method === 'GET' ? { cookie: user.cookie } : { cookie: user.cookie, 'x-csrf-token': user.csrf }

describe('published rules and agreements (A13.1)', () => {
  it('are public, with a URL per version', async () => {
    const res = await node.app.inject({ url: '/api/rules' })
    expect(
      res
        .json()
        .items.map((d: { kind: string; version: number; url: string }) => `${d.kind}/${d.version} ${d.url}`),
    ).toEqual([
      'management_rules/1 /u/rules/management_rules/1',
      'convention/1 /u/rules/convention/1',
      'user_agreement/1 /u/rules/user_agreement/1',
    ])
    const one = await node.app.inject({ url: '/api/rules/convention/1' })
    expect(one.json().bodyZh).toContain('讲好通化故事')
    expect((await node.app.inject({ url: '/api/rules/convention/9' })).statusCode).toBe(404)
    expect((await node.app.inject({ url: '/api/rules/other/1' })).statusCode).toBe(400)
  })

  it('must be accepted before publishing, naming the documents', async () => {
    const err = await requireRulesAccepted(node.database.db, user.id).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'RULES_NOT_ACCEPTED' })
    expect((err as { details: { documents: string[] } }).details.documents).toEqual([
      'management_rules/1',
      'convention/1',
      'user_agreement/1',
    ])
  })

  it('refuses accepting a version that is not in force, and writes nothing', async () => {
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/users/me/acceptances',
      headers: asUser('POST'),
      payload: {
        documents: [
          { kind: 'convention', version: 1 },
          { kind: 'user_agreement', version: 2 },
        ],
      },
    })
    expect(res.statusCode).toBe(409)
    expect(res.json().code).toBe('RULES_OUTDATED')
    expect(
      (await node.app.inject({ url: '/api/users/me/acceptances', headers: asUser() })).json().items,
    ).toHaveLength(3)
  })

  it('records acceptance, and asks again when a new version is published', async () => {
    const docs = ['management_rules', 'convention', 'user_agreement'].map((kind) => ({ kind, version: 1 }))
    const ok = await node.app.inject({
      method: 'POST',
      url: '/api/users/me/acceptances',
      headers: asUser('POST'),
      payload: { documents: docs },
    })
    expect(ok.json().pending).toEqual([])
    expect(await requireRulesAccepted(node.database.db, user.id)).toHaveLength(3)

    const admin = await signIn(node.app, 'admin')
    const v2 = await node.app.inject({
      method: 'POST',
      url: '/api/rules',
      headers: as(admin, 'POST'),
      payload: {
        ...demoRuleDocuments('通化同城圈', 'Tonghua Neighbours')[1],
        changeNote: '补充弹幕文明条款',
      },
    })
    expect(v2.json().version).toBe(2)
    const pending = await node.app.inject({ url: '/api/users/me/acceptances', headers: asUser() })
    expect(
      pending.json().items.map((d: { kind: string; version: number }) => `${d.kind}/${d.version}`),
    ).toEqual(['convention/2'])
    expect(
      (await node.app.inject({ url: '/api/rules/convention' }))
        .json()
        .items.map((d: { version: number }) => d.version),
    ).toEqual([2, 1])

    await node.ledger.sequence()
    const { readLog } = await import('../../ledger/index.ts')
    const actions: string[] = []
    for await (const e of (await readLog(node.database.db)).entries) actions.push(e.entry.action)
    expect(actions.filter((a) => a === 'rules.published')).toHaveLength(4)
    expect(actions.filter((a) => a === 'rules.accepted')).toHaveLength(1)
  })

  it('may be published only by those who manage rules', async () => {
    const reviewer = await signIn(node.app, 'reviewer')
    const res = await node.app.inject({
      method: 'POST',
      url: '/api/rules',
      headers: as(reviewer, 'POST'),
      payload: demoRuleDocuments('通化同城圈', 'Tonghua Neighbours')[0],
    })
    expect(res.statusCode).toBe(403)
  })
})
