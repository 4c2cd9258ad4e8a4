// A platform reports what it found and handled to its regulator (A16): queued in the act's transaction, sent once
// a signed checkpoint proves every entry it cites, verified and kept by a real regulator node over loopback HTTP.
import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, signIn, startTestNode, type TestNode } from '../../../test/helpers/node.ts'
import { connect, listen, urlOf } from '../../../test/helpers/peers.ts'
import { asUser, newUser } from '../../../test/helpers/platform.ts'
import { transaction } from '../../core/db/index.ts'
import { append, entriesAbout, systemActor } from '../../ledger/index.ts'
import { ProtocolNode, updatePeer } from '../../protocol/index.ts'
import { outbox } from '../../protocol/tables.ts'
import { platformReport } from '../../regulator/platform-reports/tables.ts'
import { FilingSender, type FilingView, queueFiling, textDigest } from './index.ts'
import { regulatorFiling } from './tables.ts'

let regulator: TestNode
let platform: TestNode
let sender: FilingSender
const system = systemActor('test', '测试')

beforeAll(async () => {
  regulator = await startTestNode('regulator')
  platform = await startTestNode('platform')
  await listen(regulator)
  await listen(platform)
  await connect(regulator, platform)
  await connect(platform, regulator)
  sender = new FilingSender({
    database: platform.database,
    ledger: platform.ledger,
    protocol: platform.protocol,
  })
  await signCheckpoint(platform)
})
afterAll(async () => {
  await sender?.stop()
  await platform?.protocol.stop()
  await platform?.close()
  await regulator?.close()
})

const RUMOUR = '紧急通知：通化市区自来水明天全天停水，请大家赶紧囤水！'

/** A disposal as the disposal area records it: its acts on the ledger, and the filing, in one transaction. */
async function handled(texts: string[] = [RUMOUR]): Promise<{ filings: FilingView[]; entryIds: string[] }> {
  return transaction(platform.database.db, async (tx) => {
    const disposalId = randomUUID()
    const entryIds = [
      await append(tx, {
        actor: system,
        action: 'disposal.stopped',
        subject: { type: 'disposal', id: disposalId },
        articles: ['A16'],
        details: { items: texts.length },
      }),
      await append(tx, {
        actor: system,
        action: 'disposal.removed',
        subject: { type: 'disposal', id: disposalId },
        articles: ['A16'],
        details: { items: texts.length },
      }),
    ]
    const filings = await queueFiling(tx, system, {
      subject: { type: 'disposal', id: disposalId },
      category: 'prohibited',
      found: {
        zh: '发现冒充官方的停水谣言',
        en: 'A fake official water-cut notice was found',
        at: new Date(),
      },
      measures: ['stopped', 'removed', 'copies_blocked'],
      doneAt: new Date(),
      items: texts.map((text, i) => ({ id: `item-${i}-${disposalId}`, kind: 'post', text })),
      ledgerEntryIds: entryIds,
    })
    return { filings, entryIds }
  })
}

async function signCheckpoint(n: TestNode) {
  await n.ledger.sequence()
  const c = await n.ledger.checkpoint()
  if (!c) throw new Error('no checkpoint')
  return c
}

const filingRow = async (id: string) => {
  const [row] = await platform.database.db.select().from(regulatorFiling).where(eq(regulatorFiling.id, id))
  return row
}

const reportsOf = async (filingId: string) =>
  regulator.database.db
    .select()
    .from(platformReport)
    .where(and(eq(platformReport.fromNode, 'platform-a'), eq(platformReport.filingId, filingId)))

describe('queueing a filing', () => {
  it('stores a waiting filing for every active regulator, with digests of the items and never their text', async () => {
    const { filings, entryIds } = await handled([RUMOUR, '转发：明天全市停水'])
    expect(filings).toHaveLength(1)
    const [f] = filings as [FilingView]
    expect(f).toMatchObject({
      toNode: 'tonghua-cac',
      status: 'waiting',
      category: 'prohibited',
      ledgerEntryIds: entryIds,
      envelopeId: null,
      delivery: null,
    })
    expect(f.items.map((i) => i.digest)).toEqual([textDigest(RUMOUR), textDigest('转发：明天全市停水')])
    expect(f.done.measures).toEqual(['stopped', 'removed', 'copies_blocked'])
    const row = await filingRow(f.id)
    expect(JSON.stringify(row)).not.toContain('赶紧囤水')
    const [queued] = await entriesAbout(platform.database.db, { type: 'filing', id: f.id })
    expect(queued?.entry).toMatchObject({ id: f.queuedEntryId, action: 'filing.queued', articles: ['A16'] })
    expect(JSON.stringify(queued?.entry)).not.toContain('赶紧囤水')
  })

  it('refuses ledger entry ids that are not on the ledger, and writes nothing', async () => {
    const before = await platform.database.db.select().from(regulatorFiling)
    await expect(
      transaction(platform.database.db, (tx) =>
        queueFiling(tx, system, {
          subject: { type: 'disposal', id: randomUUID() },
          category: 'prohibited',
          found: { zh: '发现谣言', en: 'A rumour was found', at: new Date() },
          measures: ['removed'],
          doneAt: new Date(),
          items: [],
          ledgerEntryIds: [randomUUID()],
        }),
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED', details: { field: 'ledgerEntryIds' } })
    expect(await platform.database.db.select().from(regulatorFiling)).toHaveLength(before.length)
  })
})

describe('sending', () => {
  it('waits while its entries are not sequenced, or not yet inside a signed checkpoint', async () => {
    const { filings } = await handled()
    const id = filings[0]!.id
    expect(await sender.sendDue()).toBe(0)
    expect(await filingRow(id)).toMatchObject({ status: 'waiting' })
    expect((await filingRow(id))?.lastError).toContain('waiting for 3 ledger entries')
    // Sequenced, but the latest checkpoint was signed before them.
    await platform.ledger.sequence()
    expect(await sender.sendDue()).toBe(0)
    expect(await filingRow(id)).toMatchObject({ status: 'waiting' })
    await platform.ledger.checkpoint()
    // Every filing still waiting goes now, the earlier tests' too.
    expect(await sender.sendDue()).toBeGreaterThanOrEqual(1)
    expect(await filingRow(id)).toMatchObject({ status: 'sent', lastError: null })
    await platform.protocol.deliverDue()
  })

  it('is sent with inclusion proofs once a checkpoint covers it; the regulator verifies it and lists it', async () => {
    const { filings, entryIds } = await handled()
    const f = filings[0]!
    const c = await signCheckpoint(platform)
    expect(await sender.sendDue()).toBe(1)
    const sent = await filingRow(f.id)
    expect(sent).toMatchObject({ status: 'sent' })
    const [envelope] = await platform.database.db
      .select()
      .from(outbox)
      .where(eq(outbox.id, sent!.envelopeId!))
    expect(envelope?.type).toBe('report.filed')
    const body = (envelope!.envelope as { body: Record<string, unknown> }).body
    expect(body.checkpoint).toMatchObject({ note: c.note, size: c.size, root: c.root })
    expect((body.entries as { id: string }[]).map((e) => e.id)).toEqual([...entryIds, f.queuedEntryId])
    expect(JSON.stringify(body)).not.toContain('赶紧囤水')

    await platform.protocol.deliverDue()
    await expect.poll(async () => (await reportsOf(f.id)).length).toBe(1)

    const officer = await signIn(regulator.app, 'cac.officer')
    const list = await regulator.app.inject({
      url: '/api/platform-reports?platform=platform-a',
      headers: as(officer),
    })
    expect(list.statusCode, list.body).toBe(200)
    const item = list.json().items.find((r: { filingId: string }) => r.filingId === f.id)
    expect(item).toMatchObject({
      fromNode: 'platform-a',
      category: 'prohibited',
      proofsVerified: true,
      checkpointSize: c.size,
      checkpointRoot: c.root,
      itemCount: 1,
      entryCount: 3,
    })
    const detail = await regulator.app.inject({
      url: `/api/platform-reports/${item.id}`,
      headers: as(officer),
    })
    expect(detail.statusCode, detail.body).toBe(200)
    const d = detail.json()
    expect(d.items).toEqual(f.items)
    expect(d.done.measures).toEqual(['stopped', 'removed', 'copies_blocked'])
    expect(d.found.what.zh).toBe('发现冒充官方的停水谣言')
    expect(d.entries.map((e: { action: string }) => e.action)).toEqual([
      'disposal.stopped',
      'disposal.removed',
      'filing.queued',
    ])
    expect(d.entries.every((e: { verified: boolean }) => e.verified)).toBe(true)
    expect(d.entries.filter((e: { isFilingRecord: boolean }) => e.isFilingRecord)).toHaveLength(1)

    // The platform sees it sent and delivered.
    const inspector = await signIn(platform.app, 'inspector')
    const mine = await platform.app.inject({ url: `/api/filings/${f.id}`, headers: as(inspector) })
    expect(mine.statusCode, mine.body).toBe(200)
    expect(mine.json()).toMatchObject({ status: 'sent', delivery: { status: 'delivered' } })
    const all = await platform.app.inject({ url: '/api/filings?status=sent', headers: as(inspector) })
    expect(all.json().items[0].id).toBe(f.id)
  })

  it('a disposal of prohibited information files itself; a disposal of mere false information does not', async () => {
    const author = await newUser(platform, '13904357700')
    const publish = async (text: string) => {
      const res = await platform.app.inject({
        method: 'POST',
        url: '/api/content',
        headers: asUser(author, 'POST'),
        payload: { kind: 'post', text },
      })
      expect(res.statusCode, res.body).toBe(201)
      return res.json().id as string
    }
    const reviewer = await signIn(platform.app, 'reviewer')
    const dispose = (id: string, category: string) =>
      platform.app.inject({
        method: 'POST',
        url: `/api/content/${id}/disposal`,
        headers: as(reviewer, 'POST'),
        payload: { measures: ['stop', 'remove'], reason: '冒充公安机关发布悬赏通告', category },
      })
    const prohibited = '通化市公安局悬赏通告：某小区发生命案，凶手在逃，知情者速报，转发扩散'
    const bad = await dispose(await publish(prohibited), 'prohibit')
    expect(bad.statusCode, bad.body).toBe(201)
    const merely = await dispose(await publish('听说通化明天下大雪，学校全部停课'), 'false')
    expect(merely.statusCode).toBe(201)
    const rows = await platform.database.db.select().from(regulatorFiling)
    const mine = rows.filter((r) => r.subjectId === bad.json().id)
    expect(mine).toHaveLength(1)
    expect(rows.some((r) => r.subjectId === merely.json().id)).toBe(false)
    const summary = mine[0]!.summary as { items: { digest: string }[]; done: { measures: string[] } }
    // the removed text's digest, taken from its sealed copy, never the text itself
    expect(summary.items.map((i) => i.digest)).toEqual([textDigest(prohibited)])
    expect(summary.done.measures).toEqual(['stopped', 'removed', 'records_kept'])
    await signCheckpoint(platform)
    expect(await sender.sendDue()).toBeGreaterThanOrEqual(1)
    await platform.protocol.deliverDue()
    await expect.poll(async () => (await reportsOf(mine[0]!.id)).length).toBe(1)
    const [kept] = await reportsOf(mine[0]!.id)
    expect(kept?.proofsVerified).toBe(true)
  })

  it('waits in the outbox while the regulator is unreachable, and is delivered once when it is back', async () => {
    const address = urlOf(regulator)
    // The regulator cannot be reached: nothing listens at its address any more.
    await transaction(platform.database.db, (tx) =>
      updatePeer(tx, system, 'tonghua-cac', { baseUrl: 'http://127.0.0.1:9' }),
    )
    const { filings } = await handled()
    const f = filings[0]!
    await signCheckpoint(platform)
    expect(await sender.sendDue()).toBe(1)
    await platform.protocol.deliverDue()
    const envelopeId = (await filingRow(f.id))!.envelopeId!
    const [waiting] = await platform.database.db.select().from(outbox).where(eq(outbox.id, envelopeId))
    expect(waiting).toMatchObject({ status: 'pending' })
    expect(waiting!.attempts).toBeGreaterThanOrEqual(1)
    expect(waiting!.lastError).toBeTruthy()
    expect(await reportsOf(f.id)).toHaveLength(0)
    // Nothing is sent twice while it waits.
    expect(await sender.sendDue()).toBe(0)

    // Back: the outbox delivers at its next attempt (the clock moved past the backoff).
    await transaction(platform.database.db, (tx) =>
      updatePeer(tx, system, 'tonghua-cac', { baseUrl: address }),
    )
    const later = new ProtocolNode({
      ...platform.protocol.options,
      now: () => new Date(Date.now() + 3_600_000),
    })
    await later.deliverDue()
    const [delivered] = await platform.database.db.select().from(outbox).where(eq(outbox.id, envelopeId))
    expect(delivered).toMatchObject({ status: 'delivered' })
    expect(await reportsOf(f.id)).toHaveLength(1)

    // Nothing more goes out, and the same envelope again is a duplicate, stored once.
    expect(await sender.sendDue()).toBe(0)
    expect(await later.deliverDue()).toBe(0)
    const again = await regulator.app.inject({
      method: 'POST',
      url: '/api/protocol/inbox',
      payload: { envelope: delivered!.envelope, signature: delivered!.signature },
    })
    expect(again.json()).toEqual({ status: 'duplicate' })
    expect(await reportsOf(f.id)).toHaveLength(1)
    const sentFor = await platform.database.db
      .select()
      .from(outbox)
      .where(and(eq(outbox.type, 'report.filed'), eq(outbox.toNode, 'tonghua-cac')))
    expect(
      sentFor.filter((o) => (o.envelope as { body: { filingId: string } }).body.filingId === f.id),
    ).toHaveLength(1)
  })

  it('keeps a filing waiting, saying why, while its regulator is suspended', async () => {
    const { filings } = await handled()
    const f = filings[0]!
    await transaction(platform.database.db, (tx) =>
      updatePeer(tx, system, 'tonghua-cac', { status: 'suspended' }),
    )
    try {
      await signCheckpoint(platform)
      expect(await sender.sendDue()).toBe(0)
      expect(await filingRow(f.id)).toMatchObject({ status: 'waiting' })
      expect((await filingRow(f.id))?.lastError).toContain('PEER_SUSPENDED')
      // A suspended regulator gets no new filings either.
      expect((await handled()).filings).toEqual([])
    } finally {
      await transaction(platform.database.db, (tx) =>
        updatePeer(tx, system, 'tonghua-cac', { status: 'active' }),
      )
    }
    expect(await sender.sendDue()).toBe(1)
    expect(await filingRow(f.id)).toMatchObject({ status: 'sent' })
    await platform.protocol.deliverDue()
  })
})

describe('the filings routes', () => {
  it('answer 404 for an unknown filing', async () => {
    const admin = await signIn(platform.app, 'admin')
    const res = await platform.app.inject({ url: `/api/filings/${randomUUID()}`, headers: as(admin) })
    expect(res.statusCode).toBe(404)
    expect(res.json().code).toBe('FILING_NOT_FOUND')
  })
})
