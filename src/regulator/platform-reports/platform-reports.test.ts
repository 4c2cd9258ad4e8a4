// The regulator keeps a platform's `report.filed` only when the platform's own log proves it: the checkpoint opens
// with the platform's key, every entry's inclusion proof leads to its root, the report is on the log as queued, and
// the checkpoint agrees with what the regulator witnessed. Anything else is refused and nothing is stored.
import { generateKeyPairSync, randomUUID } from 'node:crypto'
import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, signIn, startTestNode, type TestNode } from '../../../test/helpers/node.ts'
import { connect, listen } from '../../../test/helpers/peers.ts'
import { transaction } from '../../core/db/index.ts'
import { append, leafHashOf, signCheckpoint, systemActor } from '../../ledger/index.ts'
import { ledgerEntry } from '../../ledger/tables.ts'
import { FilingSender, queueFiling } from '../../platform/filings/index.ts'
import { regulatorFiling } from '../../platform/filings/tables.ts'
import { type Envelope, ProtocolNode, signEnvelope } from '../../protocol/index.ts'
import { envelopeIn, outbox, witnessCheckpoint } from '../../protocol/tables.ts'
import type { ReportFiled } from './index.ts'
import { platformReport } from './tables.ts'

let regulator: TestNode
let platform: TestNode
/** Sends filings through an outbox that cannot deliver, so a test holds the signed envelope itself. */
let offline: ProtocolNode
let capture: FilingSender
const system = systemActor('test', '测试')

beforeAll(async () => {
  regulator = await startTestNode('regulator')
  platform = await startTestNode('platform')
  await listen(regulator)
  await listen(platform)
  await connect(regulator, platform)
  await connect(platform, regulator)
  offline = new ProtocolNode({
    ...platform.protocol.options,
    maxAttempts: 1,
    fetch: async () => new Response('offline', { status: 503 }),
  })
  capture = new FilingSender({ database: platform.database, ledger: platform.ledger, protocol: offline })
})
afterAll(async () => {
  await capture?.stop()
  await offline?.stop()
  await platform?.protocol.stop()
  await platform?.close()
  await regulator?.close()
})

async function sign(n: TestNode) {
  await n.ledger.sequence()
  const c = await n.ledger.checkpoint()
  if (!c) throw new Error('no checkpoint')
  return c
}

/** Signs a checkpoint, publishes it to the regulator and waits until the regulator witnessed it. */
async function publishAndDeliver() {
  const c = await sign(platform)
  expect(await platform.protocol.publishCheckpoint(c, platform.ledger.tree)).toBe(1)
  await platform.protocol.deliverDue()
  await expect
    .poll(
      async () =>
        (
          await regulator.database.db
            .select()
            .from(witnessCheckpoint)
            .where(and(eq(witnessCheckpoint.nodeId, 'platform-a'), eq(witnessCheckpoint.size, c.size)))
        ).length,
    )
    .toBe(1)
  return c
}

/**
 * Handles a rumour on the platform, files it, signs a checkpoint (published to the regulator first when asked) and
 * returns the signed `report.filed`.
 */
async function filed(opts: { publish?: boolean } = {}): Promise<Envelope & { body: ReportFiled }> {
  const filingId = await transaction(platform.database.db, async (tx) => {
    const disposalId = randomUUID()
    const removed = await append(tx, {
      actor: system,
      action: 'disposal.removed',
      subject: { type: 'disposal', id: disposalId },
      articles: ['A16'],
      details: { items: 1 },
    })
    const [f] = await queueFiling(tx, system, {
      subject: { type: 'disposal', id: disposalId },
      category: 'prohibited',
      found: {
        zh: '发现“通化大桥坍塌”谣言',
        en: 'A rumour that the Tonghua bridge collapsed',
        at: new Date(),
      },
      measures: ['stopped', 'removed'],
      doneAt: new Date(),
      items: [{ id: randomUUID(), kind: 'post', text: '通化大桥塌了！快别走！' }],
      ledgerEntryIds: [removed],
    })
    return f!.id
  })
  if (opts.publish) await publishAndDeliver()
  else await sign(platform)
  expect(await capture.sendDue()).toBe(1)
  await offline.deliverDue()
  const [f] = await platform.database.db
    .select()
    .from(regulatorFiling)
    .where(eq(regulatorFiling.id, filingId))
  const [row] = await platform.database.db.select().from(outbox).where(eq(outbox.id, f!.envelopeId!))
  expect(row?.status).toBe('failed')
  return row!.envelope as Envelope & { body: ReportFiled }
}

/** The same report changed by `mutate`, in a new envelope the platform signs: only the report is at fault. */
function resigned(env: Envelope & { body: ReportFiled }, mutate: (body: ReportFiled) => void) {
  const body = structuredClone(env.body)
  mutate(body)
  const copy: Envelope = {
    ...env,
    id: randomUUID(),
    issuedAt: new Date().toISOString(),
    body: body as unknown as Record<string, unknown>,
  }
  return signEnvelope(copy, platform.protocol.options.keys.privateKey)
}

const post = (payload: unknown) =>
  regulator.app.inject({ method: 'POST', url: '/api/protocol/inbox', payload: payload as object })

async function stored() {
  const n = async (t: typeof envelopeIn | typeof ledgerEntry | typeof platformReport) =>
    (await regulator.database.db.select({ n: count() }).from(t))[0]?.n ?? -1
  return [await n(envelopeIn), await n(ledgerEntry), await n(platformReport)]
}

async function refused(payload: unknown, status: number, code: string) {
  const before = await stored()
  const res = await post(payload)
  expect(res.statusCode, res.body).toBe(status)
  expect(res.json().code).toBe(code)
  expect(res.json().zh).toBeTruthy()
  expect(await stored()).toEqual(before)
}

const flip = (hex: string) => (hex[0] === '0' ? '1' : '0') + hex.slice(1)

async function reportOf(filingId: string) {
  const [r] = await regulator.database.db
    .select()
    .from(platformReport)
    .where(and(eq(platformReport.fromNode, 'platform-a'), eq(platformReport.filingId, filingId)))
  return r
}

describe('report.filed is refused, storing nothing, when', () => {
  let env: Envelope & { body: ReportFiled }
  beforeAll(async () => {
    env = await filed()
  })

  it('an inclusion proof is tampered with', async () => {
    await refused(
      resigned(env, (b) => {
        const e = b.entries[0]!
        e.proof[0] = flip(e.proof[0]!)
      }),
      400,
      'PLATFORM_REPORT_BAD_PROOF',
    )
  })

  it("an entry's bytes are changed (with a matching leaf hash), or its hash or index is wrong", async () => {
    await refused(
      resigned(env, (b) => {
        const e = b.entries[0]!
        e.leafData = e.leafData.replace('"disposal.removed"', '"disposal.reviewed"')
        e.leafHash = Buffer.from(leafHashOf(e.leafData)).toString('hex')
      }),
      400,
      'PLATFORM_REPORT_BAD_PROOF',
    )
    await refused(
      resigned(env, (b) => {
        b.entries[0]!.leafHash = flip(b.entries[0]!.leafHash)
      }),
      400,
      'PLATFORM_REPORT_BAD_PROOF',
    )
    await refused(
      resigned(env, (b) => {
        b.entries[0]!.index += 1
      }),
      400,
      'PLATFORM_REPORT_BAD_PROOF',
    )
  })

  it('the checkpoint is signed with another key, or disagrees with its signed note', async () => {
    const stranger = generateKeyPairSync('ed25519')
    await refused(
      resigned(env, (b) => {
        b.checkpoint.note = signCheckpoint(
          {
            origin: 'platform-a',
            size: b.checkpoint.size,
            root: new Uint8Array(Buffer.from(b.checkpoint.root, 'hex')),
            timestamp: Date.now(),
          },
          'platform-a',
          stranger.privateKey,
        )
      }),
      400,
      'PLATFORM_REPORT_BAD_CHECKPOINT',
    )
    await refused(
      resigned(env, (b) => {
        b.checkpoint.root = flip(b.checkpoint.root)
      }),
      400,
      'PLATFORM_REPORT_BAD_CHECKPOINT',
    )
  })

  it('the report differs from what the platform put on its log, or its own record is missing', async () => {
    await refused(
      resigned(env, (b) => {
        b.found.what.zh = '发现一般性信息'
      }),
      400,
      'PLATFORM_REPORT_UNRECORDED',
    )
    await refused(
      resigned(env, (b) => {
        b.items[0]!.digest = flip(b.items[0]!.digest)
      }),
      400,
      'PLATFORM_REPORT_UNRECORDED',
    )
    await refused(
      resigned(env, (b) => {
        b.entries = b.entries.filter((e) => !e.leafData.includes('"filing.queued"'))
      }),
      400,
      'PLATFORM_REPORT_UNRECORDED',
    )
  })

  it('the body does not fit the schema', async () => {
    await refused(
      resigned(env, (b) => {
        ;(b as unknown as Record<string, unknown>).text = '通化大桥塌了！快别走！'
      }),
      400,
      'PROTOCOL_BODY_INVALID',
    )
  })

  it('— while the genuine report is accepted once, and the same filing in another envelope is refused', async () => {
    const signed = signEnvelope(env, platform.protocol.options.keys.privateKey)
    const res = await post(signed)
    expect(res.json()).toEqual({ status: 'accepted' })
    const r = await reportOf(env.body.filingId)
    expect(r).toMatchObject({ proofsVerified: true, witnessCheck: 'not-cross-checked', envelopeId: env.id })
    // the checkpoint it rests on now stands with the witnessed ones, for the audit to check against the rest
    const [kept] = await regulator.database.db
      .select()
      .from(witnessCheckpoint)
      .where(
        and(eq(witnessCheckpoint.nodeId, 'platform-a'), eq(witnessCheckpoint.size, env.body.checkpoint.size)),
      )
    expect(kept).toMatchObject({ root: env.body.checkpoint.root, envelopeId: env.id })
    expect(['first', 'unverified']).toContain(kept?.status)
    await refused(
      resigned(env, () => {}),
      409,
      'PLATFORM_REPORT_DUPLICATE',
    )
  })
})

describe('the checkpoint is checked against what the regulator witnessed', () => {
  it('the same checkpoint as witnessed: witnessed', async () => {
    const env = await filed({ publish: true })
    expect(env.body.checkpoint.fromSize).toBe(env.body.checkpoint.size)
    expect((await post(signEnvelope(env, platform.protocol.options.keys.privateKey))).statusCode).toBe(202)
    expect(await reportOf(env.body.filingId)).toMatchObject({ witnessCheck: 'witnessed' })
  })

  it('a later checkpoint, proven to extend the witnessed one: consistent; a bad consistency proof is refused', async () => {
    const witnessed = await publishAndDeliver()
    const env = await filed()
    expect(env.body.checkpoint.fromSize).toBe(witnessed.size)
    expect(env.body.checkpoint.size).toBeGreaterThan(witnessed.size)
    expect(env.body.checkpoint.consistencyProof.length).toBeGreaterThan(0)
    await refused(
      resigned(env, (b) => {
        b.checkpoint.consistencyProof[0] = flip(b.checkpoint.consistencyProof[0]!)
      }),
      409,
      'PLATFORM_REPORT_CHECKPOINT_CONFLICT',
    )
    expect((await post(signEnvelope(env, platform.protocol.options.keys.privateKey))).statusCode).toBe(202)
    expect(await reportOf(env.body.filingId)).toMatchObject({ witnessCheck: 'consistent' })
  })

  it('a checkpoint of a size witnessed with another root is refused', async () => {
    const env = await filed()
    const fork = {
      nodeId: 'platform-a',
      size: env.body.checkpoint.size,
      root: flip(env.body.checkpoint.root),
      timestamp: new Date(),
      note: 'a fork',
      status: 'first',
      envelopeId: randomUUID(),
    }
    await regulator.database.db.insert(witnessCheckpoint).values(fork)
    try {
      await refused(
        signEnvelope(env, platform.protocol.options.keys.privateKey),
        409,
        'PLATFORM_REPORT_CHECKPOINT_CONFLICT',
      )
    } finally {
      await regulator.database.db
        .delete(witnessCheckpoint)
        .where(and(eq(witnessCheckpoint.nodeId, 'platform-a'), eq(witnessCheckpoint.size, fork.size)))
    }
  })
})

describe('the platform reports routes', () => {
  it('list by platform, show each entry checked again, and answer 404 for an unknown report', async () => {
    const supervisor = await signIn(regulator.app, 'cac.supervisor')
    const list = await regulator.app.inject({
      url: '/api/platform-reports?platform=platform-a&limit=50',
      headers: as(supervisor),
    })
    expect(list.statusCode, list.body).toBe(200)
    const items = list.json().items as { id: string; receivedAt: string }[]
    expect(items.length).toBeGreaterThanOrEqual(3)
    expect([...items].sort((a, b) => b.receivedAt.localeCompare(a.receivedAt))).toEqual(items)
    const none = await regulator.app.inject({
      url: '/api/platform-reports?platform=platform-x',
      headers: as(supervisor),
    })
    expect(none.json().items).toEqual([])

    // A stored proof altered behind the node's back shows as not verified.
    const id = items[0]!.id
    const [row] = await regulator.database.db.select().from(platformReport).where(eq(platformReport.id, id))
    const entries = structuredClone(row!.entries)
    entries[0]!.proof[0] = flip(entries[0]!.proof[0]!)
    await regulator.database.db.update(platformReport).set({ entries }).where(eq(platformReport.id, id))
    const detail = await regulator.app.inject({ url: `/api/platform-reports/${id}`, headers: as(supervisor) })
    expect(detail.statusCode, detail.body).toBe(200)
    expect(detail.json().entries.map((e: { verified: boolean }) => e.verified)).toEqual([false, true])

    const missing = await regulator.app.inject({
      url: `/api/platform-reports/${randomUUID()}`,
      headers: as(supervisor),
    })
    expect(missing.statusCode).toBe(404)
    expect(missing.json().code).toBe('PLATFORM_REPORT_NOT_FOUND')
  })
})
