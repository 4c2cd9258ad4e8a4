// Patrol (A12.1): a rule set change re-screens what was published in the window, as a resumable background job;
// hits leave public view and go to review; other processes reload the rules (LISTEN/NOTIFY); the sampling patrol
// records who looked at what; staffing figures (A12.2) count it all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, type Session, signIn, startTestNode, type TestNode } from '../../../test/helpers/node.ts'
import { asUser, eventually, newUser, type TestUser } from '../../../test/helpers/platform.ts'
import { transaction } from '../../core/db/index.ts'
import { DEMO_LEXICON } from '../../demo/platform-content.ts'
import type { LexiconEntry } from '../../engine/index.ts'
import { entriesAbout } from '../../ledger/index.ts'
import { buildApp } from '../../server/index.ts'
import { publishContent } from '../content/index.ts'
import { patrolChunk, startPatrol } from './patrol.ts'
import { PatrolWorker } from './worker.ts'

let node: TestNode
let operator: Session
let reviewer: Session
let author: TestUser
const DAY = 86_400_000
const NEW_TERM: LexiconEntry = { term: '自来水有毒', category: 'prohibit', severity: 2, basis: ['A11.1'] }

async function publishRules(lexicon: LexiconEntry[], label: string) {
  const res = await node.app.inject({
    method: 'POST',
    url: '/api/screening/rule-sets',
    headers: as(operator, 'POST'),
    payload: { label, note: '测试巡查', lexicon },
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json() as { version: number; patrolId: string }
}

const post = async (text: string) => {
  const res = await node.app.inject({
    method: 'POST',
    url: '/api/content',
    headers: asUser(author, 'POST'),
    payload: { kind: 'post', text },
  })
  expect(res.json().status, res.body).toBe('published')
  return res.json().id as string
}

/** A post published `daysAgo` days ago, through the real publish path with its clock set back. */
const postAt = (text: string, daysAgo: number) =>
  transaction(node.database.db, (tx) =>
    publishContent(
      tx,
      node.app.screening,
      author.id,
      { kind: 'post', text },
      new Date(Date.now() - daysAgo * DAY),
    ),
  ).then((v) => v.id)

const patrolOf = async (id: string) =>
  (await node.app.inject({ url: `/api/patrol/runs/${id}`, headers: as(operator) })).json()

const finished = (id: string) =>
  eventually(async () => {
    const p = await patrolOf(id)
    return p.status === 'done' ? p : undefined
  })

beforeAll(async () => {
  node = await startTestNode('platform', {
    QINGLANG_PATROL_WINDOW_DAYS: '30',
    QINGLANG_ITEMS_PER_REVIEWER: '3',
  })
  operator = await signIn(node.app, 'operator')
  reviewer = await signIn(node.app, 'reviewer')
  await publishRules(DEMO_LEXICON, '通化词库 第一版')
  author = await newUser(node, '13904358001')
})
afterAll(async () => node?.close())

describe('patrol when the rules change', () => {
  it('re-screens the window in the background, takes hits out of public view into review, on the record', async () => {
    const recent = await post('听说浑江区的自来水有毒，大家别喝了')
    const fine = await post('玉皇山公园的枫叶红了，周末去看看')
    const old = await postAt('早就有人说自来水有毒了', 40)
    const { patrolId, version } = await publishRules([...DEMO_LEXICON, NEW_TERM], '通化词库 第二版')
    const done = await finished(patrolId)
    expect(done).toMatchObject({ ruleVersion: `rule-set/${version}`, trigger: 'rule_set', windowDays: 30 })
    expect(done.scanned).toBe(done.total)
    expect(done.hits).toBe(1)
    expect(done.progress).toBe(1)

    // The hit is held for review with the new verdict; the clean post and the one outside the window are not.
    expect((await node.app.inject({ url: `/api/content/${recent}` })).statusCode).toBe(404)
    expect((await node.app.inject({ url: `/api/content/${fine}` })).statusCode).toBe(200)
    expect((await node.app.inject({ url: `/api/content/${old}` })).statusCode).toBe(200)
    const queue = (await node.app.inject({ url: '/api/review/queue', headers: as(reviewer) })).json()
    const held = queue.items.find((i: { id: string }) => i.id === recent)
    expect(held).toMatchObject({
      patrolRunId: patrolId,
      ruleVersion: `rule-set/${version}+claims.0`,
      overdue: false,
    })
    expect(held.reasons[0]).toMatchObject({ term: '自来水有毒' })

    const entries = await entriesAbout(node.database.db, { type: 'content', id: recent })
    expect(entries.map((e) => e.entry.action)).toEqual(['content.published', 'patrol.flagged'])
    expect(entries[1]!.entry.articles).toEqual(['A12.1'])
    const run = await entriesAbout(node.database.db, { type: 'patrol', id: patrolId })
    expect(run.map((e) => e.entry.action)).toEqual(['patrol.started', 'patrol.finished'])

    // Approved on review: shown again, the author told; the same rules do not take it back a second time.
    const ok = await node.app.inject({
      method: 'POST',
      url: `/api/review/${recent}/decision`,
      headers: as(reviewer, 'POST'),
      payload: { decision: 'approve', reason: '经核实为辟谣转述，恢复展示' },
    })
    expect(ok.json().status, ok.body).toBe('published')
    const notices = (await node.app.inject({ url: '/api/users/me/notices', headers: asUser(author) })).json()
    expect(notices.items[0]).toMatchObject({ kind: 'content_restored', subject: { id: recent } })
    const again = await node.app.inject({
      method: 'POST',
      url: '/api/patrol/runs',
      headers: as(operator, 'POST'),
      payload: { windowDays: 7 },
    })
    expect(again.statusCode, again.body).toBe(201)
    expect((await finished(again.json().id)).hits).toBe(0)
  })

  it('resumes from its cursor after the process stops, screening every item once', async () => {
    for (let i = 0; i < 7; i++) await post(`通化第${i}届葡萄酒节开幕，欢迎市民参加`)
    const run = await transaction(node.database.db, (tx) =>
      startPatrol(
        tx,
        { kind: 'system', id: 'test', staffId: null, organisationId: null, name: 'test' },
        { ruleSetVersion: node.app.screening.version, windowDays: 1, trigger: 'manual' },
      ),
    )
    // Two chunks of three, then the process "stops".
    for (let i = 0; i < 2; i++) {
      const r = await transaction(node.database.db, (tx) =>
        patrolChunk(tx, node.app.screening, run.id, new Date(), 3),
      )
      expect(r).toMatchObject({ done: false, scanned: 3 })
    }
    const part = await patrolOf(run.id)
    expect(part).toMatchObject({ status: 'running', scanned: 6 })
    // A new process (its own worker and queue) picks it up where it stopped.
    const worker = new PatrolWorker({
      database: node.database,
      screening: node.app.screening,
      onError: (e) => {
        throw e
      },
      chunk: 3,
    })
    try {
      expect(await worker.resume()).toBe(1)
      const done = await finished(run.id)
      expect(done.scanned).toBe(done.total)
      expect(done.total).toBeGreaterThan(6)
      const flagged = await entriesAbout(node.database.db, { type: 'patrol', id: run.id })
      expect(flagged.at(-1)!.entry.details).toMatchObject({ scanned: done.total, hits: done.hits })
    } finally {
      await worker.stop()
    }
  })

  it('refuses a patrol before any rule set exists, and 404s an unknown one', async () => {
    const fresh = await startTestNode('platform')
    try {
      const op = await signIn(fresh.app, 'operator')
      const res = await fresh.app.inject({
        method: 'POST',
        url: '/api/patrol/runs',
        headers: as(op, 'POST'),
        payload: {},
      })
      expect(res.statusCode).toBe(409)
      expect(res.json().code).toBe('PATROL_NOTHING_TO_DO')
      const missing = await fresh.app.inject({
        url: '/api/patrol/runs/0190f000-0000-7000-8000-000000000000',
        headers: as(op),
      })
      expect(missing.statusCode).toBe(404)
      const bad = await fresh.app.inject({
        method: 'POST',
        url: '/api/patrol/runs',
        headers: as(op, 'POST'),
        payload: { windowDays: 0 },
      })
      expect(bad.statusCode).toBe(400)
    } finally {
      await fresh.close()
    }
  })
})

describe('every process screens with the same rules', () => {
  it('reloads another process’s screener when a rule set version is published (LISTEN/NOTIFY)', async () => {
    // A second process of the same node: its own app over the same database.
    const other = await buildApp({
      config: node.config,
      secrets: node.secrets,
      database: node.database,
      keys: node.app.keys,
      ledger: node.ledger,
      protocol: node.protocol,
    })
    try {
      await other.ready()
      const before = other.screening.version
      expect(before).toBe(node.app.screening.version)
      const { version } = await publishRules(
        [...DEMO_LEXICON, NEW_TERM, { ...NEW_TERM, term: '通化机场关闭' }],
        '第三版',
      )
      await eventually(async () => (other.screening.version === version ? true : undefined), 5000)
      const verdict = other.screening.screen({ id: 'x', text: '据说通化机场关闭了', kind: 'post' })
      expect(verdict.outcome).not.toBe('allow')
      // A claim added on one process reaches the other's bank too.
      const claims = other.screening.claimCount
      const add = await node.app.inject({
        method: 'POST',
        url: '/api/screening/claims',
        headers: as(operator, 'POST'),
        payload: { text: '通化市明天起全市停止供应自来水三天', source: '通化市水务集团辟谣' },
      })
      expect(add.statusCode, add.body).toBe(201)
      await eventually(async () => (other.screening.claimCount === claims + 1 ? true : undefined), 5000)
    } finally {
      await other.close()
    }
  })
})

describe('the sampling patrol and staffing figures', () => {
  it('hands out unlooked items, records who looked at what, and a flag sends the item to review', async () => {
    const sample = await node.app.inject({ url: '/api/patrol/sample?size=3&days=7', headers: as(reviewer) })
    expect(sample.statusCode).toBe(200)
    const items = sample.json().items as { id: string; status: string }[]
    expect(items.length).toBe(3)
    for (const i of items) expect(i.status).toBe('published')
    const look = (itemId: string, outcome: string, note = '') =>
      node.app.inject({
        method: 'POST',
        url: '/api/patrol/looks',
        headers: as(reviewer, 'POST'),
        payload: { itemId, outcome, note },
      })
    expect((await look(items[0]!.id, 'ok')).json()).toMatchObject({ itemStatus: 'published' })
    expect((await look(items[1]!.id, 'ok')).statusCode).toBe(201)
    const flag = await look(items[2]!.id, 'flagged', '疑似编造，需复核')
    expect(flag.json()).toMatchObject({ itemStatus: 'held' })
    // A held item is not patrolled; bad input is refused.
    expect((await look(items[2]!.id, 'ok')).json().code).toBe('PATROL_ITEM_NOT_PUBLISHED')
    expect((await look('not-a-uuid', 'ok')).statusCode).toBe(400)
    expect((await look(items[0]!.id, 'maybe')).statusCode).toBe(400)
    expect((await look('0190f000-0000-7000-8000-000000000000', 'ok')).statusCode).toBe(404)
    // What was looked at is not handed out again.
    const next = await node.app.inject({ url: '/api/patrol/sample?size=100&days=7', headers: as(reviewer) })
    const seen = new Set(items.map((i) => i.id))
    for (const i of next.json().items as { id: string }[]) expect(seen.has(i.id)).toBe(false)

    const cov = (await node.app.inject({ url: '/api/patrol/coverage?days=7', headers: as(operator) })).json()
    expect(cov).toMatchObject({ looked: 3, flagged: 1 })
    expect(cov.byStaff[0]).toMatchObject({ name: '审核员 高远', looks: 3, flagged: 1 })
    expect(cov.coverage).toBeGreaterThan(0)
    expect(cov.coverage).toBeLessThanOrEqual(1)
  })

  it('counts screened, held and reviewed items per day, reviews per reviewer, and alerts below the ratio (A12.2)', async () => {
    const res = await node.app.inject({ url: '/api/staffing?days=3', headers: as(operator) })
    expect(res.statusCode, res.body).toBe(200)
    const s = res.json()
    expect(s.itemsPerReviewer).toBe(3)
    expect(s.days).toHaveLength(3)
    // Summed over the days, so that a test run across midnight in Tonghua counts the same.
    const sum = (k: 'screened' | 'held' | 'reviewed' | 'looks') =>
      s.days.reduce((n: number, d: Record<string, number>) => n + d[k]!, 0)
    expect(sum('screened')).toBe(9)
    // An item counts on the day it last went to review (the sample may have flagged the approved patrol hit).
    expect(sum('held')).toBeGreaterThanOrEqual(1)
    expect(sum('reviewed')).toBeGreaterThanOrEqual(1)
    expect(sum('looks')).toBe(3)
    const today = s.days[2]
    expect(today.required).toBe(Math.ceil(today.screened / 3))
    expect(today.belowRatio).toBe(today.onDuty < today.required)
    const gao = s.days
      .flatMap((d: { perReviewer: unknown[] }) => d.perReviewer)
      .find((p: { name: string }) => p.name === '审核员 高远')
    expect(gao.looks + gao.reviews).toBeGreaterThanOrEqual(3)
    expect(s.alerts.find((a: { kind: string }) => a.kind === 'below_ratio')).toBeDefined()
    expect(s.backlog).toBeGreaterThanOrEqual(1)
    expect(s.reviewersOnRoster).toBeGreaterThanOrEqual(2)
    expect((await node.app.inject({ url: '/api/staffing?days=0', headers: as(operator) })).statusCode).toBe(
      400,
    )
  })
  it('exposes the backlog, running patrols and group commit to Prometheus', async () => {
    // The third rule set's patrol may still be running in the background: let it finish first.
    await eventually(async () => {
      const runs = (await node.app.inject({ url: '/api/patrol/runs', headers: as(operator) })).json()
      return runs.items.some((r: { status: string }) => r.status === 'running') ? undefined : true
    })
    const text = (await node.app.inject({ url: '/metrics' })).body
    const value = (name: string) => {
      const line = text.split('\n').find((l) => l.startsWith(`${name}{`))
      return Number(line?.split(' ').at(-1) ?? Number.NaN)
    }
    expect(value('qinglang_review_backlog')).toBeGreaterThanOrEqual(1)
    expect(value('qinglang_review_oldest_wait_seconds')).toBeGreaterThanOrEqual(0)
    expect(value('qinglang_patrols_running')).toBe(0)
    expect(value('qinglang_publish_requests')).toBeGreaterThanOrEqual(9)
    expect(value('qinglang_publish_transactions')).toBeGreaterThanOrEqual(1)
    expect(value('qinglang_publish_transactions')).toBeLessThanOrEqual(value('qinglang_publish_requests'))
  })
})
