// The stored ledger: acts and their entries commit together, every committed entry gets exactly one index,
// the database refuses changes, checkpoints and proofs verify, and a change made behind the node's back is found.
import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { usingServer } from '../../test/helpers/db.ts'
import { as, type Session, signIn, startTestNode, type TestNode } from '../../test/helpers/node.ts'
import { transaction } from '../core/db/index.ts'
import { publicKeyFromBase64 } from '../core/node/index.ts'
import { openCheckpoint } from './checkpoint.ts'
import { fromHex, leafHashOf, systemActor } from './entry.ts'
import { append, appendMany } from './index.ts'
import { verifyInclusion } from './merkle.ts'
import { readLog, verifyStoredLog } from './read-log.ts'
import { verifyLog } from './verify.ts'

let node: TestNode
let admin: Session

beforeAll(async () => {
  node = await startTestNode('platform')
  admin = await signIn(node.app, 'admin')
  await node.ledger.sequence()
})
afterAll(async () => node?.close())

const system = systemActor('test', '测试')
const entriesOf = async (q: string) =>
  (await node.app.inject({ url: `/api/ledger/entries?${q}`, headers: as(admin) })).json().items as {
    index: number
    action: string
    articles: string[]
    details: Record<string, unknown>
    leafData: string
    leafHash: string
  }[]

describe('recording an act', () => {
  it('puts the entry in the same transaction: a failed act leaves no entry', async () => {
    const before = await node.ledger.status()
    await expect(
      transaction(node.database.db, async (tx) => {
        await append(tx, {
          actor: system,
          action: 'test.rolled_back',
          subject: { type: 'test', id: '1' },
          articles: ['A16'],
        })
        throw new Error('the act failed')
      }),
    ).rejects.toThrow('the act failed')
    expect(await node.ledger.sequence()).toBe(0)
    expect((await node.ledger.status()).size).toBe(before.size)
  })

  it('refuses an action that is not dotted past tense, or no requirement id', async () => {
    await expect(
      transaction(node.database.db, (tx) =>
        append(tx, { actor: system, action: 'Delete', subject: { type: 't', id: '1' }, articles: ['A16'] }),
      ),
    ).rejects.toThrow(/dotted/)
    await expect(
      transaction(node.database.db, (tx) =>
        append(tx, { actor: system, action: 'test.done', subject: { type: 't', id: '1' }, articles: [] }),
      ),
    ).rejects.toThrow(/requirement ids/)
  })

  it('shows pending entries until they are sequenced, then gives each one index', async () => {
    await transaction(node.database.db, (tx) =>
      append(tx, {
        actor: system,
        action: 'test.recorded',
        subject: { type: 'test', id: '2' },
        articles: ['A16'],
      }),
    )
    const pending = await node.ledger.status()
    expect(pending.pending).toBe(1)
    expect(pending.oldestPendingAgeMs).not.toBeNull()
    expect(await node.ledger.sequence()).toBe(1)
    const after = await node.ledger.status()
    expect(after.pending).toBe(0)
    expect(after.size).toBe(pending.size + 1)
  })

  it('records staff acts with the article they serve (A27)', async () => {
    const orgs = await node.app.inject({ url: '/api/organisations', headers: as(admin) })
    const created = await node.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: as(admin, 'POST'),
      payload: {
        login: 'ledger.reviewer',
        displayName: '账本审核员',
        password: 'ledger-pass-12',
        roles: ['reviewer'],
        organisationId: orgs.json().items[0].id,
      },
    })
    expect(created.statusCode).toBe(201)
    await node.ledger.sequence()
    const [entry] = await entriesOf(`action=staff.created&subjectId=${created.json().id}`)
    expect(entry?.articles).toEqual(['A27'])
    expect(entry?.details).toMatchObject({ login: 'ledger.reviewer', roles: ['reviewer'] })
    expect(JSON.stringify(entry)).not.toContain('ledger-pass-12')
    expect((await entriesOf('action=staff.signed_in&article=A27')).length).toBeGreaterThan(0)
    expect((await entriesOf('action=node.initialised'))[0]?.index).toBe(0)
  })

  it('gives every committed entry exactly one index when writers race the sequencer', async () => {
    const start = (await node.ledger.status()).size
    const writers = Array.from({ length: 12 }, (_, w) =>
      transaction(node.database.db, async (tx) => {
        for (let i = 0; i < 5; i++) {
          await append(tx, {
            actor: system,
            action: 'test.raced',
            subject: { type: 'writer', id: `${w}-${i}` },
            articles: ['A16'],
          })
        }
      }),
    )
    const sequencers = [node.ledger.sequence(), node.ledger.sequence()]
    await Promise.all([...writers, ...sequencers])
    await node.ledger.sequence()
    const raced = await entriesOf(`action=test.raced&limit=1000`)
    expect(raced).toHaveLength(60)
    const all = await entriesOf(`from=${start}&limit=1000`)
    expect(all.map((e) => e.index)).toEqual(Array.from({ length: all.length }, (_, i) => start + i))
    expect((await node.ledger.status()).size).toBe(start + all.length)
  })
})

describe('recording many acts at once', () => {
  const many = (n: number, tag: string) =>
    Array.from({ length: n }, (_, i) => ({
      actor: system,
      action: 'test.batched',
      subject: { type: tag, id: String(i) },
      articles: ['A16', 'A16', 'A27'],
      evidence: { i, text: `通化 ${i}` },
      details: { i, nested: { b: [1, 'x', null], a: '引号"与\\反斜杠' } },
    }))

  it('writes the same entries as append, in order, and the sequencer gives them consecutive indexes', async () => {
    await node.ledger.sequence()
    const start = (await node.ledger.status()).size
    const inputs = many(25, 'batch-a')
    const ids = await transaction(node.database.db, (tx) => appendMany(tx, inputs))
    expect(ids).toHaveLength(25)
    expect([...ids].sort()).toEqual(ids)
    expect((await node.ledger.status()).pending).toBe(25)
    expect(await node.ledger.sequence()).toBe(25)
    const entries = await entriesOf(`action=test.batched&subjectType=batch-a&limit=100`)
    expect(entries.map((e) => e.index)).toEqual(Array.from({ length: 25 }, (_, i) => start + i))
    const first = entries[0]
    expect(first?.articles).toEqual(['A16', 'A27'])
    expect(first?.details).toEqual(inputs[0]?.details)
    // The same act through append() gives the same canonical entry, apart from id, time and index.
    const single = await transaction(node.database.db, (tx) => append(tx, inputs[0]!))
    await node.ledger.sequence()
    const [again] = await entriesOf(`action=test.batched&subjectType=batch-a&subjectId=0&order=desc&limit=1`)
    const strip = (leaf: string) => {
      const { id: _id, recordedAt: _at, seq: _seq, ...rest } = JSON.parse(leaf) as Record<string, unknown>
      return rest
    }
    expect(JSON.parse(again!.leafData).id).toBe(single)
    expect(strip(again!.leafData)).toEqual(strip(first!.leafData))
  })

  it('refuses the whole batch before writing when one entry is invalid, and rolls back with the act', async () => {
    const before = await node.ledger.status()
    const bad = [...many(3, 'batch-b'), { ...many(1, 'batch-b')[0]!, action: 'Bad' }]
    await expect(transaction(node.database.db, (tx) => appendMany(tx, bad))).rejects.toThrow(/dotted/)
    await expect(
      transaction(node.database.db, async (tx) => {
        await appendMany(tx, many(3, 'batch-b'))
        throw new Error('the act failed')
      }),
    ).rejects.toThrow('the act failed')
    expect(await transaction(node.database.db, (tx) => appendMany(tx, []))).toEqual([])
    expect(await node.ledger.sequence()).toBe(0)
    expect(await node.ledger.status()).toMatchObject({ size: before.size, pending: 0 })
  })
})

describe('the queue of entries awaiting sequencing', () => {
  const queued = async () =>
    Number(
      (
        (await node.database.db.execute(sql`select count(*)::int as n from ledger_pending`)) as unknown as {
          rows: { n: number }[]
        }
      ).rows[0]?.n,
    )

  it('holds each committed entry until it is sequenced, and is drained exactly once by racing passes', async () => {
    await node.ledger.sequence()
    expect(await queued()).toBe(0)
    const start = (await node.ledger.status()).size
    await Promise.all(
      Array.from({ length: 6 }, (_, w) =>
        transaction(node.database.db, async (tx) => {
          await appendMany(
            tx,
            Array.from({ length: 40 }, (_, i) => ({
              actor: system,
              action: 'test.queued',
              subject: { type: 'queue', id: `${w}-${i}` },
              articles: ['A16'],
            })),
          )
          await append(tx, {
            actor: system,
            action: 'test.queued',
            subject: { type: 'queue', id: `${w}-single` },
            articles: ['A16'],
          })
        }),
      ),
    )
    expect(await queued()).toBe(246)
    expect((await node.ledger.status()).pending).toBe(246)
    const { Ledger } = await import('./service.ts')
    const other = new Ledger(node.database, { ...node.ledger.options })
    await other.load()
    const counts = await Promise.all([node.ledger.sequence(), other.sequence(), node.ledger.sequence()])
    await other.sequence()
    expect(counts.reduce((a, b) => a + b, 0) + (await node.ledger.sequence())).toBe(246)
    expect(await queued()).toBe(0)
    const all = await entriesOf(`from=${start}&limit=1000`)
    expect(all.map((e) => e.index)).toEqual(Array.from({ length: 246 }, (_, i) => start + i))
    expect(new Set(all.map((e) => JSON.parse(e.leafData).id)).size).toBe(246)
  })

  it('lets an entry leave only once it is sequenced; a stray queued entry is not sequenced twice', async () => {
    const id = await transaction(node.database.db, (tx) =>
      append(tx, {
        actor: system,
        action: 'test.queued',
        subject: { type: 'q', id: 'x' },
        articles: ['A16'],
      }),
    )
    for (const statement of [
      sql`delete from ledger_pending where entry_id = ${id}`,
      sql`update ledger_pending set recorded_at = now()`,
      sql`truncate ledger_pending`,
    ]) {
      const err = await node.database.db.execute(statement).catch((e: unknown) => e)
      expect(String((err as Error)?.cause ?? err)).toMatch(/refused/)
    }
    expect(await node.ledger.sequence()).toBe(1)
    const size = (await node.ledger.status()).size
    // Queued again by hand after it was sequenced: the sequencer only takes it off the queue.
    await node.database.db.execute(sql`insert into ledger_pending values (${id}, now())`)
    expect(await node.ledger.sequence()).toBe(0)
    expect(await queued()).toBe(0)
    expect((await node.ledger.status()).size).toBe(size)
  })
})

describe('the database', () => {
  it.each([
    ["UPDATE ledger_entry SET action = 'x.y'", 'UPDATE'],
    ['DELETE FROM ledger_entry', 'DELETE'],
    ['TRUNCATE ledger_entry CASCADE', 'TRUNCATE'],
    ['DELETE FROM ledger_sequence', 'DELETE'],
    ["UPDATE ledger_checkpoint SET root = '00'", 'UPDATE'],
  ])('refuses %s', async (statement, op) => {
    await node.ledger.checkpoint()
    const err = await node.database.db.execute(sql.raw(statement)).catch((e: unknown) => e)
    expect(String((err as Error)?.cause ?? err)).toContain(`append-only: ${op}`)
  })
})

describe('checkpoints and proofs', () => {
  it('a signed checkpoint opens with the node key and every entry proves its inclusion', async () => {
    await node.ledger.sequence()
    const signed = await node.app.inject({
      method: 'POST',
      url: '/api/ledger/checkpoints',
      headers: as(admin, 'POST'),
    })
    expect(signed.statusCode).toBe(200)
    const state = (await node.app.inject({ url: '/api/ledger/checkpoint' })).json()
    expect(state.checkpoint.size).toBe(state.size)
    const c = openCheckpoint(state.checkpoint.note, state.keyName, publicKeyFromBase64(state.publicKey))
    expect(Buffer.from(c.root).toString('hex')).toBe(state.checkpoint.root)
    for (const e of await entriesOf(`limit=1000&to=${c.size}`)) {
      expect(Buffer.from(leafHashOf(e.leafData)).toString('hex')).toBe(e.leafHash)
      const p = (
        await node.app.inject({ url: `/api/ledger/proofs/inclusion?index=${e.index}&size=${c.size}` })
      ).json()
      expect(verifyInclusion(fromHex(e.leafHash), e.index, c.size, p.proof.map(fromHex), c.root)).toBe(true)
    }
  })

  it('refuses proofs beyond the log with a 400', async () => {
    const size = (await node.ledger.status()).size
    const res = await node.app.inject({ url: `/api/ledger/proofs/inclusion?index=${size}&size=${size}` })
    expect(res.statusCode).toBe(400)
    expect(res.json().code).toBe('LEDGER_RANGE_INVALID')
    expect(
      (await node.app.inject({ url: `/api/ledger/proofs/consistency?from=2&to=${size + 5}` })).statusCode,
    ).toBe(400)
    expect((await node.app.inject({ url: '/api/ledger/proofs/inclusion?index=-1' })).statusCode).toBe(400)
  })
})

describe('verification', () => {
  const key = () => ({ name: node.config.node.id, publicKey: node.ledger.options.keys.publicKey })
  /** Every way of verifying the stored log; they must agree exactly. */
  const reports = async () => {
    const log = await readLog(node.database.db)
    const generic = await verifyLog(log.entries, log.checkpoints, key())
    const progress: number[] = []
    const worker = await verifyStoredLog(node.database.db, key(), (n) => progress.push(n), {
      worker: true,
    })
    const local = await verifyStoredLog(node.database.db, key(), undefined, { worker: false })
    expect(worker).toEqual(generic)
    expect(local).toEqual(generic)
    expect(progress.at(-1)).toBe(generic.entries)
    return generic
  }

  it('passes on an untouched log', async () => {
    await node.ledger.sequence()
    await node.ledger.checkpoint()
    const report = await reports()
    expect(report.problems).toEqual([])
    expect(report.ok).toBe(true)
    expect(report.entries).toBe((await node.ledger.status()).size)
  })

  it('finds an entry changed directly in the database, with its index and the field that differs', async () => {
    const target = (await entriesOf('action=staff.created'))[0]!
    // Behind the node's back: a superuser switches the append-only triggers off.
    await transaction(node.database.db, async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`)
      await tx.execute(
        sql`UPDATE ledger_entry SET details = jsonb_set(details, '{login}', '"someone.else"') WHERE action = 'staff.created' AND details->>'login' = ${String(target.details.login)}`,
      )
    })
    const report = await reports()
    expect(report.ok).toBe(false)
    expect(report.problems[0]).toMatchObject({ kind: 'entry-altered', index: target.index })
    expect(report.problems[0]?.differences).toEqual([
      { field: 'details.login', sequenced: target.details.login, now: 'someone.else' },
    ])
  })

  it('finds a change that slips a separator of the fast reader into a value, and a change of time', async () => {
    const [a, b] = await entriesOf('action=test.batched&subjectType=batch-a&limit=2')
    await transaction(node.database.db, async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`)
      await tx.execute(
        sql`UPDATE ledger_entry SET actor_name = ${'测试'} WHERE id = ${JSON.parse(a!.leafData).id}`,
      )
      await tx.execute(
        sql`UPDATE ledger_entry SET recorded_at = recorded_at + interval '1 millisecond' WHERE id = ${JSON.parse(b!.leafData).id}`,
      )
    })
    const report = await reports()
    const altered = report.problems.filter((p) => p.kind === 'entry-altered')
    expect(altered.map((p) => p.index)).toEqual(expect.arrayContaining([a!.index, b!.index]))
    expect(altered.find((p) => p.index === a!.index)?.differences).toEqual([
      { field: 'actor.name', sequenced: '测试', now: '测试' },
    ])
    expect(altered.find((p) => p.index === b!.index)?.differences?.map((d) => d.field)).toEqual([
      'recordedAt',
    ])
  })

  it('finds a rewritten leaf against the signed checkpoint', async () => {
    await transaction(node.database.db, async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`)
      await tx.execute(sql`UPDATE ledger_sequence SET leaf_hash = repeat('0', 64) WHERE seq = 1`)
    })
    const report = await reports()
    expect(report.problems.map((p) => p.kind)).toContain('leaf-altered')
    expect(report.problems.find((p) => p.kind === 'leaf-altered')?.index).toBe(1)
    expect(report.problems.map((p) => p.kind)).toContain('checkpoint-root')
  })

  it('stops at a gap in the indexes and names it', async () => {
    await node.ledger.sequence()
    const size = (await node.ledger.status()).size
    await transaction(node.database.db, async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`)
      await tx.execute(sql`UPDATE ledger_sequence SET seq = seq + 5 WHERE seq = ${size - 1}`)
    })
    const report = await reports()
    expect(report.problems.find((p) => p.kind === 'sequence-gap')).toMatchObject({ index: size - 1 })
    await transaction(node.database.db, async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`)
      await tx.execute(sql`UPDATE ledger_sequence SET seq = seq - 5 WHERE seq = ${size + 4}`)
    })
  })
})

describe.skipIf(!usingServer)('on a PostgreSQL server', () => {
  it('sequencing in two processes never gives an index twice', async () => {
    const { Ledger } = await import('./service.ts')
    // Two fresh processes over the same database (the tests above rewrote a leaf under the first ledger).
    const one = new Ledger(node.database, { ...node.ledger.options })
    const other = new Ledger(node.database, { ...node.ledger.options })
    await one.load()
    await other.load()
    for (let i = 0; i < 20; i++) {
      await transaction(node.database.db, (tx) =>
        append(tx, {
          actor: system,
          action: 'test.two_processes',
          subject: { type: 't', id: String(i) },
          articles: ['A16'],
        }),
      )
    }
    await Promise.all([one.sequence(), other.sequence(), one.sequence(), other.sequence()])
    await one.sequence()
    await other.sequence()
    expect(other.tree.size).toBe(one.tree.size)
    expect(Buffer.from(other.tree.root()).toString('hex')).toBe(Buffer.from(one.tree.root()).toString('hex'))
    const log = await readLog(node.database.db)
    let i = 0
    for await (const e of log.entries) expect(e.seq).toBe(i++)
    expect(i).toBe(one.tree.size)
  })
})

describe('the timers', () => {
  it('skip a tick while the previous pass is still running, so passes never queue up', async () => {
    const { Ledger } = await import('./service.ts')
    const ledger = new Ledger(node.database, {
      ...node.ledger.options,
      sequenceIntervalMs: 5,
      checkpointIntervalMs: 60_000,
    })
    let started = 0
    let running = 0
    let most = 0
    ledger.sequence = async () => {
      started++
      most = Math.max(most, ++running)
      await new Promise((r) => setTimeout(r, 60))
      running--
      return 0
    }
    ledger.start()
    await new Promise((r) => setTimeout(r, 200))
    await ledger.stop()
    expect(most).toBe(1)
    expect(started).toBeLessThanOrEqual(4)
  })
})
