// Cross-region cooperation (A5.1): the Tonghua CAC hands a case to a neighbouring region's regulator over the
// protocol; the receiver accepts it (a case of its own opens, the sender's closes as transferred) or refuses it (the
// sender's stays open with the reason). What travels is what was reported, never who reported it. Only the CAC
// transfers and answers; transfers to platforms, answers from the wrong node and replays are refused, nothing stored.
import { randomUUID } from 'node:crypto'
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  as,
  problem,
  type Session,
  signIn,
  startTestNode,
  type TestNode,
} from '../../../test/helpers/node.ts'
import { connect, listen } from '../../../test/helpers/peers.ts'
import { transaction } from '../../core/db/index.ts'
import { entriesAbout } from '../../ledger/index.ts'
import type { Envelope } from '../../protocol/index.ts'
import { caseTransferAnsweredHandler } from './transfers.ts'

let tonghua: TestNode
let baishan: TestNode
let platform: TestNode
let cac: Session
let police: Session
let neighbour: Session
let policeOrg: string

const REPORTER = { name: '韩雪梅', phone: '13904351188' }

async function rows<T>(n: TestNode, q: ReturnType<typeof sql>): Promise<T[]> {
  return ((await n.database.db.execute(q)) as unknown as { rows: T[] }).rows
}
const get = (n: TestNode, who: Session, url: string) => n.app.inject({ url, headers: as(who) })
const post = (n: TestNode, who: Session, url: string, payload: Record<string, unknown> = {}) =>
  n.app.inject({ method: 'POST', url, headers: as(who, 'POST'), payload })

async function exchange(): Promise<void> {
  await tonghua.protocol.deliverDue()
  await baishan.protocol.deliverDue()
}

/** A case opened from a public report with a sealed identity, and a consultation on it. */
async function caseWithReport(description: string): Promise<{ id: string; number: string }> {
  const filed = await tonghua.app.inject({
    method: 'POST',
    url: '/api/public/reports',
    payload: {
      category: 'rumor',
      platform: '白山微生活',
      description,
      reporterName: REPORTER.name,
      reporterContact: REPORTER.phone,
    },
    remoteAddress: `10.7.0.${Math.floor(Math.random() * 200) + 1}`,
  })
  expect(filed.statusCode, filed.body).toBe(201)
  const [r] = await rows<{ id: string }>(
    tonghua,
    sql`select id from public_report where description = ${description}`,
  )
  const routed = await post(tonghua, cac, `/api/public-reports/${r!.id}/route`)
  expect(routed.statusCode, routed.body).toBe(201)
  const c = routed.json()
  const consulted = await post(tonghua, cac, `/api/cases/${c.id}/consultations`, {
    heldOn: '2026-11-27',
    participantIds: [c.leadOrganisationId, policeOrg],
    conclusions: '信息源头账号注册地在白山市，建议移交白山市网信办办理。',
  })
  expect(consulted.statusCode, consulted.body).toBe(200)
  return { id: c.id, number: c.number }
}

beforeAll(async () => {
  tonghua = await startTestNode('regulator')
  baishan = await startTestNode('regulator', {}, { id: 'baishan-cac' })
  platform = await startTestNode('platform')
  for (const n of [tonghua, baishan, platform]) await listen(n)
  await connect(tonghua, baishan)
  await connect(baishan, tonghua)
  await connect(tonghua, platform)
  cac = await signIn(tonghua.app, 'cac.officer')
  police = await signIn(tonghua.app, 'police.officer')
  neighbour = await signIn(baishan.app, 'cac.officer')
  const [p] = await rows<{ id: string }>(
    tonghua,
    sql`select id from organisation where key = 'public-security'`,
  )
  policeOrg = p!.id
})
afterAll(async () => {
  for (const n of [tonghua, baishan, platform]) await n?.close()
})

describe('a case handed to another region', () => {
  it('is accepted there: a case opens on that node and the sender’s closes as transferred', async () => {
    const c = await caseWithReport('网传“浑江大桥夜间封闭三个月”，来源账号在白山，已在通化多个群转发。')
    const sent = await post(tonghua, cac, `/api/cases/${c.id}/transfer`, {
      toNode: 'baishan-cac',
      reason: '信息源头及发布者均在白山市辖区，依属地管理移交。',
    })
    expect(sent.statusCode, sent.body).toBe(200)
    expect(sent.json().status).toBe('open')
    expect(sent.json().transfers).toMatchObject([{ direction: 'outgoing', status: 'pending' }])
    // a second transfer while the first waits is refused
    const again = await post(tonghua, cac, `/api/cases/${c.id}/transfer`, {
      toNode: 'baishan-cac',
      reason: '再次',
    })
    expect(problem(again)).toMatchObject({ status: 409, code: 'CASE_TRANSFER_PENDING' })

    await exchange()
    const incoming = (await get(baishan, neighbour, '/api/case-transfers?direction=incoming')).json().items
    expect(incoming).toHaveLength(1)
    const t = incoming[0]
    expect(t).toMatchObject({ status: 'pending', caseNumber: c.number, peerNodeId: tonghua.config.node.id })
    expect(t.materials.publicReports[0].description).toContain('浑江大桥')
    expect(t.materials.consultations[0].conclusions).toContain('移交白山市')
    // what travelled carries what was reported, never who reported it
    const wire = JSON.stringify([
      ...(await rows(baishan, sql`select type, body from envelope_in`)),
      ...(await rows(tonghua, sql`select envelope from outbox`)),
    ])
    expect(wire).toContain('浑江大桥')
    for (const s of [JSON.stringify(t), wire]) {
      expect(s).not.toContain(REPORTER.name)
      expect(s).not.toContain(REPORTER.phone)
    }

    const accepted = await post(baishan, neighbour, `/api/case-transfers/${t.id}/accept`, {
      note: '已接收，由我办办理。',
    })
    expect(accepted.statusCode, accepted.body).toBe(200)
    expect(accepted.json()).toMatchObject({ status: 'accepted' })
    const theirCase = (await get(baishan, neighbour, `/api/cases/${accepted.json().caseId}`)).json()
    expect(theirCase.summary).toContain(c.number)
    expect(theirCase.transfers).toMatchObject([{ direction: 'incoming', status: 'accepted' }])
    expect(accepted.json().peerCaseNumber).toBe(theirCase.number)
    const answerTwice = await post(baishan, neighbour, `/api/case-transfers/${t.id}/refuse`, { reason: '不' })
    expect(problem(answerTwice)).toMatchObject({ status: 409, code: 'CASE_TRANSFER_ANSWERED' })

    await exchange()
    const ours = (await get(tonghua, cac, `/api/cases/${c.id}`)).json()
    expect(ours.status).toBe('transferred')
    expect(ours.conclusion).toContain(theirCase.number)
    expect(ours.transfers).toMatchObject([{ status: 'accepted', peerCaseNumber: theirCase.number }])
    // a transferred case takes no further acts
    const late = await post(tonghua, cac, `/api/cases/${c.id}/consultations`, {
      heldOn: '2026-11-28',
      participantIds: [ours.leadOrganisationId, policeOrg],
      conclusions: '补充',
    })
    expect(problem(late)).toMatchObject({ status: 409, code: 'CASE_CLOSED' })

    // both ledgers tell the story
    const here = await transaction(tonghua.database.db, (tx) => entriesAbout(tx, { type: 'case', id: c.id }))
    expect(here.map((e) => e.entry.action)).toEqual(
      expect.arrayContaining(['case.opened', 'case.transfer_sent', 'case.transfer_accepted']),
    )
    expect(here.find((e) => e.entry.action === 'case.transfer_sent')?.entry.articles).toContain('A5.1')
    const there = await transaction(baishan.database.db, (tx) =>
      entriesAbout(tx, { type: 'case', id: theirCase.id }),
    )
    expect(there.map((e) => e.entry.action)).toEqual(
      expect.arrayContaining(['case.opened', 'case.transfer_accepted']),
    )
  })

  it('is refused there with a reason: the sender’s case stays open and may be sent again', async () => {
    const c = await caseWithReport('网传“白山至通化高速全线封闭”，实为通化境内路段施工。')
    expect(
      (
        await post(tonghua, cac, `/api/cases/${c.id}/transfer`, {
          toNode: 'baishan-cac',
          reason: '涉及白山路段',
        })
      ).statusCode,
    ).toBe(200)
    await exchange()
    const [t] = (
      await get(baishan, neighbour, '/api/case-transfers?direction=incoming&status=pending')
    ).json().items
    const empty = await post(baishan, neighbour, `/api/case-transfers/${t.id}/refuse`, { reason: '  ' })
    expect(problem(empty)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' })
    const refused = await post(baishan, neighbour, `/api/case-transfers/${t.id}/refuse`, {
      reason: '施工路段位于通化境内，不属我市管辖。',
    })
    expect(refused.statusCode, refused.body).toBe(200)
    await exchange()
    const ours = (await get(tonghua, cac, `/api/cases/${c.id}`)).json()
    expect(ours.status).toBe('open')
    expect(ours.transfers).toMatchObject([
      { status: 'refused', answerReason: '施工路段位于通化境内，不属我市管辖。' },
    ])
    const resent = await post(tonghua, cac, `/api/cases/${c.id}/transfer`, {
      toNode: 'baishan-cac',
      reason: '补充材料后再次移交',
    })
    expect(resent.statusCode, resent.body).toBe(200)
  })
})

describe('transfers refused', () => {
  it('refuses a department, a platform as target, an unknown peer, an empty reason; stores nothing', async () => {
    const c = await caseWithReport('网传“通化火车站停运一周”。')
    const before = await rows<{ n: number }>(tonghua, sql`select count(*)::int as n from case_transfer`)
    const byPolice = await post(tonghua, police, `/api/cases/${c.id}/transfer`, {
      toNode: 'baishan-cac',
      reason: '移交',
    })
    expect(byPolice.statusCode).toBeGreaterThanOrEqual(403)
    const toPlatform = await post(tonghua, cac, `/api/cases/${c.id}/transfer`, {
      toNode: platform.config.node.id,
      reason: '移交',
    })
    expect(problem(toPlatform)).toMatchObject({ status: 400, code: 'CASE_TRANSFER_TARGET_INVALID' })
    const unknown = await post(tonghua, cac, `/api/cases/${c.id}/transfer`, {
      toNode: 'nowhere',
      reason: '移交',
    })
    expect(unknown.statusCode).toBe(404)
    const blank = await post(tonghua, cac, `/api/cases/${c.id}/transfer`, {
      toNode: 'baishan-cac',
      reason: ' ',
    })
    expect(problem(blank)).toMatchObject({ status: 400, code: 'VALIDATION_FAILED' })
    const after = await rows<{ n: number }>(tonghua, sql`select count(*)::int as n from case_transfer`)
    expect(after[0]!.n).toBe(before[0]!.n)
    // a department sees no cross-region transfers; answering one is the CAC's
    expect((await get(tonghua, police, '/api/case-transfers')).json().items).toEqual([])
  })

  it('refuses an answer about a transfer never sent to that node, and a second answer', async () => {
    const c = await caseWithReport('网传“集安口岸暂停通关”。')
    const sent = await post(tonghua, cac, `/api/cases/${c.id}/transfer`, {
      toNode: 'baishan-cac',
      reason: '移交',
    })
    const transferId = sent.json().transfers[0].id
    const answer = (from: string, id: string): Envelope => ({
      id: randomUUID(),
      type: 'case.transfer_answered',
      from,
      to: tonghua.config.node.id,
      issuedAt: new Date().toISOString(),
      body: {
        transferId: id,
        accepted: true,
        reason: '',
        caseNumber: 'BS-2026-0099',
        answeredAt: new Date().toISOString(),
        answeredByName: '某人',
      },
    })
    const peer = { nodeId: 'platform-a' } as never
    const ctx = { nodeId: tonghua.config.node.id, peer, now: new Date(), afterCommit: () => {} }
    await expect(
      transaction(tonghua.database.db, (tx) =>
        caseTransferAnsweredHandler.handle(tx, answer('platform-a', transferId), ctx),
      ),
    ).rejects.toMatchObject({ code: 'CASE_TRANSFER_NOT_FOUND' })
    await expect(
      transaction(tonghua.database.db, (tx) =>
        caseTransferAnsweredHandler.handle(tx, answer('baishan-cac', randomUUID()), ctx),
      ),
    ).rejects.toMatchObject({ code: 'CASE_TRANSFER_NOT_FOUND' })
    const still = (await get(tonghua, cac, `/api/cases/${c.id}`)).json()
    expect(still).toMatchObject({ status: 'open', transfers: [{ status: 'pending' }] })
  })
})
