// Public education (A6): staff publish an article in Chinese and English, on the ledger; anyone reads it on the
// public API; those who may not publish are refused; a platform node has no such pages.
import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, type Session, signIn, startTestNode, type TestNode } from '../../../test/helpers/node.ts'

let regulator: TestNode
let platformA: TestNode
let cac: Session
let supervisor: Session

async function rows<T>(n: TestNode, q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await n.database.db.execute(q)) as unknown as { rows: T[] }).rows
}
const get = (n: TestNode, who: Session | null, url: string) =>
  n.app.inject({ url, ...(who ? { headers: as(who) } : {}) })
const post = (n: TestNode, who: Session, url: string, payload?: Record<string, unknown>) =>
  n.app.inject({ method: 'POST', url, headers: as(who, 'POST'), ...(payload ? { payload } : {}) })

beforeAll(async () => {
  regulator = await startTestNode('regulator')
  platformA = await startTestNode('platform')
  cac = await signIn(regulator.app, 'cac.officer')
  supervisor = await signIn(regulator.app, 'cac.supervisor')
})
afterAll(async () => {
  for (const n of [regulator, platformA]) await n?.close()
})

describe('public education', () => {
  it('is published by staff, on the ledger, and read by anyone', async () => {
    const body = {
      topic: 'spot_rumours',
      titleZh: '三步识别网络谣言',
      titleEn: 'Three steps to spot an online rumour',
      summaryZh: '看来源、查权威、等通报。',
      summaryEn: 'Check the source, look for official word, wait for the bulletin.',
      bodyZh:
        '一看来源：“内部消息”“朋友的朋友说”多不可信。\n二查权威：通化市网信办和各县（市、区）政府网站会发布权威信息。\n三等通报：突发事件以官方通报为准。',
      bodyEn: 'First, the source. Second, official sites. Third, wait for the official bulletin.',
    }
    expect((await post(regulator, supervisor, '/api/education', body)).statusCode).toBe(403)
    const bad = await post(regulator, cac, '/api/education', { ...body, titleZh: '   ' })
    expect(bad.statusCode).toBe(400)
    const res = await post(regulator, cac, '/api/education', body)
    expect(res.statusCode, res.body).toBe(201)
    const a = res.json()
    const list = (await get(regulator, null, '/api/public/education')).json().items
    expect(list.map((x: { id: string }) => x.id)).toEqual([a.id])
    const one = await get(regulator, null, `/api/public/education/${a.id}`)
    expect(one.json()).toMatchObject({
      titleZh: '三步识别网络谣言',
      organisationNameZh: '通化市互联网信息办公室',
    })
    expect((await get(regulator, null, `/api/public/education/${randomUUID()}`)).statusCode).toBe(404)
    const led = await rows<{ articles: string[] }>(
      regulator,
      sql`select articles from ledger_entry where action = 'education.published' and subject_id = ${a.id}`,
    )
    expect(led).toEqual([{ articles: ['A6'] }])
    // a platform node has no such pages
    expect((await get(platformA, null, '/api/public/education')).statusCode).toBe(404)
  })
})
