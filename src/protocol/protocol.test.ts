// Two real nodes over loopback HTTP: a regulator and a platform that know each other as peers.
import { generateKeyPairSync, randomUUID } from 'node:crypto'
import { count } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestNode, type TestNode } from '../../test/helpers/node.ts'
import { transaction } from '../core/db/index.ts'
import { rawPublicKey } from '../core/node/index.ts'
import { append, MerkleTree, signCheckpoint, systemActor } from '../ledger/index.ts'
import { hashLeaf } from '../ledger/merkle.ts'
import { ledgerEntry } from '../ledger/tables.ts'
import { type Envelope, signEnvelope } from './envelope.ts'
import { PROTOCOL_HANDLERS } from './index.ts'
import { addPeer, updatePeer } from './peers.ts'
import { ProtocolNode } from './protocol.ts'
import { envelopeIn, outbox } from './tables.ts'

let regulator: TestNode
let platform: TestNode
const system = systemActor('test', '测试')

const urlOf = (n: TestNode) => {
  const a = n.app.server.address()
  return `http://127.0.0.1:${typeof a === 'object' && a ? a.port : 0}`
}

async function listen(n: TestNode): Promise<void> {
  await n.app.listen({ host: '127.0.0.1', port: 0 })
}

async function connect(a: TestNode, b: TestNode): Promise<void> {
  await transaction(a.database.db, (tx) =>
    addPeer(tx, system, {
      nodeId: b.config.node.id,
      kind: b.config.node.role,
      nameZh: b.config.node.nameZh,
      nameEn: b.config.node.nameEn,
      baseUrl: urlOf(b),
      publicKey: b.protocol.options.keys.publicKeyBase64,
    }),
  )
}

beforeAll(async () => {
  regulator = await startTestNode('regulator')
  platform = await startTestNode('platform')
  await listen(regulator)
  await listen(platform)
  await connect(regulator, platform)
  await connect(platform, regulator)
})
afterAll(async () => {
  await platform?.close()
  await regulator?.close()
})

const rows = async (n: TestNode, table: typeof envelopeIn | typeof ledgerEntry) => {
  const [r] = await n.database.db.select({ n: count() }).from(table)
  return r?.n ?? -1
}

function envelopeFor(over: Partial<Envelope> = {}): Envelope {
  return {
    id: randomUUID(),
    type: 'ping',
    from: platform.config.node.id,
    to: regulator.config.node.id,
    issuedAt: new Date().toISOString(),
    body: { message: '你好' },
    ...over,
  }
}

const post = (n: TestNode, payload: unknown) =>
  n.app.inject({ method: 'POST', url: '/api/protocol/inbox', payload: payload as object })

describe('delivery', () => {
  it('a ping goes through the outbox, is delivered over HTTP, and both sides record it', async () => {
    const id = await transaction(platform.database.db, (tx) =>
      platform.protocol.send(tx, system, {
        to: regulator.config.node.id,
        type: 'ping',
        body: { message: '连通性检查' },
        articles: ['A19.2'],
      }),
    )
    expect(await platform.protocol.deliverDue()).toBe(1)
    const [sent] = await platform.database.db.select().from(outbox)
    expect(sent).toMatchObject({ id, status: 'delivered', attempts: 1 })
    await regulator.ledger.sequence()
    await platform.ledger.sequence()
    const { readLog } = await import('../ledger/index.ts')
    const actions = async (n: TestNode) => {
      const out: string[] = []
      for await (const e of (await readLog(n.database.db)).entries)
        out.push(`${e.entry.action}:${e.entry.subjectId}`)
      return out
    }
    expect(await actions(platform)).toContain(`envelope.sent:${id}`)
    expect(await actions(regulator)).toContain(`envelope.received:${id}`)
  })
})

describe('the inbox refuses, storing nothing', () => {
  const keys = () => platform.protocol.options.keys

  async function refused(payload: unknown, status: number, code: string) {
    const [envBefore, ledBefore] = [await rows(regulator, envelopeIn), await rows(regulator, ledgerEntry)]
    const res = await post(regulator, payload)
    expect(res.statusCode, res.body).toBe(status)
    expect(res.json().code).toBe(code)
    expect(await rows(regulator, envelopeIn)).toBe(envBefore)
    expect(await rows(regulator, ledgerEntry)).toBe(ledBefore)
  }

  it('a bad signature', async () => {
    const signed = signEnvelope(envelopeFor(), keys().privateKey)
    await refused(
      { ...signed, envelope: { ...signed.envelope, body: { message: '被篡改' } } },
      401,
      'PROTOCOL_BAD_SIGNATURE',
    )
  })

  it('an unknown sender', async () => {
    const stranger = generateKeyPairSync('ed25519')
    await refused(
      signEnvelope(envelopeFor({ from: 'platform-x' }), stranger.privateKey),
      403,
      'PROTOCOL_UNKNOWN_SENDER',
    )
  })

  it('a sender signing with a key that is not its registered key', async () => {
    const stranger = generateKeyPairSync('ed25519')
    await refused(signEnvelope(envelopeFor(), stranger.privateKey), 401, 'PROTOCOL_BAD_SIGNATURE')
  })

  it('the wrong recipient', async () => {
    await refused(
      signEnvelope(envelopeFor({ to: 'platform-b' }), keys().privateKey),
      400,
      'PROTOCOL_WRONG_RECIPIENT',
    )
  })

  it('a stale timestamp', async () => {
    const old = new Date(Date.now() - 3_600_000).toISOString()
    await refused(signEnvelope(envelopeFor({ issuedAt: old }), keys().privateKey), 400, 'PROTOCOL_STALE')
  })

  it('a malformed body for its type', async () => {
    await refused(
      signEnvelope(envelopeFor({ body: { message: 7 } }), keys().privateKey),
      400,
      'PROTOCOL_BODY_INVALID',
    )
  })

  it('a type this node does not accept from this sender', async () => {
    await refused(
      signEnvelope(envelopeFor({ type: 'order.issued' }), keys().privateKey),
      400,
      'PROTOCOL_UNKNOWN_TYPE',
    )
  })

  it('a malformed envelope', async () => {
    await refused({ envelope: { id: 'x' } }, 400, 'VALIDATION_FAILED')
  })

  it('a replayed id with other content; the same envelope twice is stored once', async () => {
    const signed = signEnvelope(envelopeFor(), keys().privateKey)
    expect((await post(regulator, signed)).json()).toEqual({ status: 'accepted' })
    const before = await rows(regulator, envelopeIn)
    expect((await post(regulator, signed)).json()).toEqual({ status: 'duplicate' })
    expect(await rows(regulator, envelopeIn)).toBe(before)
    const other = signEnvelope({ ...signed.envelope, body: { message: '另一条' } }, keys().privateKey)
    await refused(other, 409, 'PROTOCOL_REPLAYED')
  })
})

describe('the outbox', () => {
  it('keeps a message for a stopped peer, and delivers it after the sender restarts and the peer is back', async () => {
    const down = await startTestNode('regulator', {}, { id: 'tonghua-cac-2' })
    await listen(down)
    await connect(down, platform)
    await connect(platform, down)
    const addr = urlOf(down)
    await down.app.close()
    const id = await transaction(platform.database.db, (tx) =>
      platform.protocol.send(tx, system, {
        to: 'tonghua-cac-2',
        type: 'ping',
        body: {},
        articles: ['A19.2'],
      }),
    )
    await platform.protocol.deliverDue()
    const { findOutbox } = await import('./store.ts')
    const waiting = await findOutbox(platform.database.db, id)
    expect(waiting).toMatchObject({ status: 'pending', attempts: 1 })
    expect(waiting?.lastError).toBeTruthy()
    expect(waiting!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now())

    // The sender restarts: a new protocol instance over the same database, with the clock past the backoff.
    const restarted = new ProtocolNode({
      ...platform.protocol.options,
      now: () => new Date(Date.now() + 60_000),
    })
    const back = await startTestNode('regulator', {}, { id: 'tonghua-cac-2' })
    await listen(back)
    await connect(back, platform)
    await transaction(platform.database.db, (tx) =>
      updatePeer(tx, system, 'tonghua-cac-2', { baseUrl: urlOf(back) }),
    )
    expect(urlOf(back)).not.toBe(addr)
    expect(await restarted.deliverDue()).toBe(1)
    expect(await findOutbox(platform.database.db, id)).toMatchObject({ status: 'delivered', attempts: 2 })
    expect(await rows(back, envelopeIn)).toBe(1)
    await back.close()
    await down.database.close()
  })

  it('gives up after the last attempt and marks the message failed', async () => {
    const node = new ProtocolNode({
      ...platform.protocol.options,
      maxAttempts: 1,
      fetch: async () => new Response('no', { status: 503 }),
    })
    const id = await transaction(platform.database.db, (tx) =>
      node.send(tx, system, { to: regulator.config.node.id, type: 'ping', body: {}, articles: ['A19.2'] }),
    )
    await node.deliverDue()
    const { findOutbox } = await import('./store.ts')
    expect(await findOutbox(platform.database.db, id)).toMatchObject({
      status: 'failed',
      lastError: 'HTTP 503: no',
    })
  })
})

describe('the regulator witnesses platform checkpoints', () => {
  async function actAndPublish(n: number) {
    for (let i = 0; i < n; i++) {
      await transaction(platform.database.db, (tx) =>
        append(tx, {
          actor: system,
          action: 'post.removed',
          subject: { type: 'post', id: randomUUID() },
          articles: ['A16'],
        }),
      )
    }
    await platform.ledger.sequence()
    const c = await platform.ledger.checkpoint()
    await platform.protocol.publishCheckpoint(c!, platform.ledger.tree)
    await platform.protocol.deliverDue()
    return c!
  }
  const witnessed = async () =>
    (await regulator.database.db.select().from((await import('./tables.ts')).witnessCheckpoint)).filter(
      (w) => w.nodeId === platform.config.node.id,
    )
  const alerts = async () =>
    await regulator.database.db.select().from((await import('./tables.ts')).witnessAlert)

  it('keeps the first checkpoint and checks that each next one extends it', async () => {
    const first = await actAndPublish(3)
    const second = await actAndPublish(4)
    const w = await witnessed()
    expect(w.find((x) => x.size === first.size)?.status).toBe('first')
    expect(w.find((x) => x.size === second.size)?.status).toBe('consistent')
    expect(await alerts()).toEqual([])
  })

  /** A platform that shows the regulator a different history, signed with its real key. */
  function forgedCheckpoint(size: number) {
    const tree = new MerkleTree()
    for (let i = 0; i < size; i++) tree.append(hashLeaf(new TextEncoder().encode(`forged ${i}`)))
    const keys = platform.protocol.options.keys
    const note = signCheckpoint(
      { origin: platform.config.node.id, size, root: tree.root(), timestamp: Date.now() },
      platform.config.node.id,
      keys.privateKey,
    )
    return { tree, note, root: Buffer.from(tree.root()).toString('hex') }
  }

  it('catches a split view: two different logs of the same size', async () => {
    const [latest] = (await witnessed()).sort((a, b) => b.size - a.size)
    const forged = forgedCheckpoint(latest!.size)
    const signed = signEnvelope(
      envelopeFor({
        type: 'checkpoint.published',
        body: { note: forged.note, size: latest!.size, root: forged.root, fromSize: 0, consistencyProof: [] },
      }),
      platform.protocol.options.keys.privateKey,
    )
    expect((await post(regulator, signed)).statusCode).toBe(202)
    expect((await alerts()).map((a) => a.kind)).toEqual(['fork'])
  })

  it('catches a later checkpoint that does not extend the earlier one', async () => {
    const [latest] = (await witnessed()).sort((a, b) => b.size - a.size)
    const forged = forgedCheckpoint(latest!.size + 5)
    const proof = forged.tree
      .consistencyProof(latest!.size, latest!.size + 5)
      .map((h) => Buffer.from(h).toString('hex'))
    const signed = signEnvelope(
      envelopeFor({
        type: 'checkpoint.published',
        body: {
          note: forged.note,
          size: latest!.size + 5,
          root: forged.root,
          fromSize: latest!.size,
          consistencyProof: proof,
        },
      }),
      platform.protocol.options.keys.privateKey,
    )
    expect((await post(regulator, signed)).statusCode).toBe(202)
    expect((await alerts()).map((a) => a.kind).sort()).toEqual(['fork', 'inconsistent'])
    await regulator.ledger.sequence()
    const { readLog } = await import('../ledger/index.ts')
    const recorded: string[] = []
    for await (const e of (await readLog(regulator.database.db)).entries) recorded.push(e.entry.action)
    expect(recorded.filter((a) => a === 'witness.inconsistency_detected')).toHaveLength(2)
  })

  it('settles a checkpoint it could not check on arrival with a proof fetched from the platform', async () => {
    // A fresh pair, so that the forged history above does not stand in the way.
    const reg = await startTestNode('regulator', {}, { id: 'tonghua-cac-3' })
    const plat = await startTestNode('platform', {}, { id: 'platform-c' })
    await listen(reg)
    await listen(plat)
    await connect(reg, plat)
    await connect(plat, reg)
    try {
      const publish = async (acts: number, fromSize?: number) => {
        for (let i = 0; i < acts; i++) {
          await transaction(plat.database.db, (tx) =>
            append(tx, {
              actor: system,
              action: 'post.removed',
              subject: { type: 'post', id: randomUUID() },
              articles: ['A16'],
            }),
          )
        }
        await plat.ledger.sequence()
        const c = (await plat.ledger.checkpoint())!
        const body = {
          note: c.note,
          size: c.size,
          root: c.root,
          fromSize: fromSize ?? 0,
          consistencyProof: [] as string[],
        }
        const env = signEnvelope(
          {
            id: randomUUID(),
            type: 'checkpoint.published',
            from: 'platform-c',
            to: 'tonghua-cac-3',
            issuedAt: new Date().toISOString(),
            body,
          },
          plat.protocol.options.keys.privateKey,
        )
        expect((await post(reg, env)).statusCode).toBe(202)
        return c
      }
      await publish(2)
      const later = await publish(3, 999)
      const { witnessCheckpoint } = await import('./tables.ts')
      const status = async () =>
        (await reg.database.db.select().from(witnessCheckpoint)).find((w) => w.size === later.size)?.status
      expect(await status()).toBe('unverified')
      const proto = new ProtocolNode({
        node: reg.config.node,
        keys: reg.protocol.options.keys,
        database: reg.database,
        handlers: PROTOCOL_HANDLERS,
      })
      expect(await proto.audit()).toBe(1)
      expect(await status()).toBe('consistent')
    } finally {
      await plat.close()
      await reg.close()
    }
  })
})

describe('keys', () => {
  it('the node key published in /api/node is the one that signs', async () => {
    const info = (await platform.app.inject({ url: '/api/node' })).json()
    expect(info.publicKey).toBe(rawPublicKey(platform.protocol.options.keys.publicKey).toString('base64'))
  })
})
