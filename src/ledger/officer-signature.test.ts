// Officers' signatures (A27): every act of a person is signed with their own key into the ledger; `ledger verify`
// names an entry whose signature fails, whose signed content was changed, or that lacks the signature it should
// carry; a rotated key still verifies what it signed.
import { type SQL, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { as, type Session, signIn, startTestNode, type TestNode } from '../../test/helpers/node.ts'
import type { Actor } from '../core/auth/index.ts'
import { transaction } from '../core/db/index.ts'
import { leafHashOf, signedContentOfLeaf, systemActor, toHex } from './entry.ts'
import { append, appendMany } from './index.ts'
import { signContent, signingKey } from './officer-keys.ts'
import { readLog, verifyStoredLog } from './read-log.ts'
import { type OfficerKeyRecord, verifyLog } from './verify.ts'

let node: TestNode
let admin: Session
let adminActor: Actor

beforeAll(async () => {
  node = await startTestNode('regulator')
  admin = await signIn(node.app, 'cac.admin')
  const me = (await node.app.inject({ url: '/api/auth/me', headers: as(admin) })).json()
  adminActor = {
    kind: 'staff',
    id: me.staff.id,
    staffId: me.staff.id,
    organisationId: me.staff.organisationId,
    roles: me.staff.roles,
    name: me.staff.displayName,
  }
})
afterAll(async () => node?.close())

const key = () => ({ name: node.config.node.id, publicKey: node.ledger.options.keys.publicKey })
const verify = async () => {
  await node.ledger.sequence()
  return verifyStoredLog(node.database.db, key(), undefined, { worker: false })
}
interface Leaf {
  id: string
  actor: { kind: string; staffId: string | null }
  details: Record<string, unknown> & { officerSignature?: { keyId: string; alg: string; sig: string } }
}
const rowsOf = async <T>(q: SQL): Promise<T[]> =>
  ((await node.database.db.execute(q)) as unknown as { rows: T[] }).rows
const sequencedOf = async (id: string) => {
  await node.ledger.sequence()
  const rows = await rowsOf<{ seq: string | number; leaf_data: string }>(
    sql`select seq, leaf_data from ledger_sequence where entry_id = ${id}`,
  )
  const row = rows[0]
  if (!row) throw new Error(`entry ${id} not sequenced`)
  return { seq: Number(row.seq), leaf: JSON.parse(row.leaf_data) as Leaf }
}
const keysOf = async (staffId: string) =>
  (await node.app.inject({ url: `/api/staff/${staffId}/keys`, headers: as(admin) })).json().items as {
    keyId: string
    publicKey: string
    retiredAt: string | null
  }[]

/** Rewrites an entry and its sequenced bytes consistently, as someone with the database but no officer key would. */
async function rewrite(id: string, change: (leaf: Leaf) => void) {
  const { seq, leaf } = await sequencedOf(id)
  change(leaf)
  const data = JSON.stringify(leaf)
  await transaction(node.database.db, async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`)
    await tx.execute(
      sql`UPDATE ledger_entry SET details = ${JSON.stringify(leaf.details)}::jsonb WHERE id = ${id}`,
    )
    await tx.execute(
      sql`UPDATE ledger_sequence SET leaf_data = ${data}, leaf_hash = ${toHex(leafHashOf(data))} WHERE seq = ${seq}`,
    )
  })
  return seq
}

describe('officer signatures', () => {
  it('signs every staff entry with the officer’s published key, and no system entry', async () => {
    const created = await node.app.inject({
      method: 'POST',
      url: '/api/staff',
      headers: as(admin, 'POST'),
      payload: {
        login: 'sig.officer',
        displayName: '签名测试员',
        password: 'a-long-password-1',
        roles: ['officer'],
        organisationId: adminActor.organisationId,
      },
    })
    expect(created.statusCode).toBe(201)
    const newStaff = created.json()
    // The new person's key is made with the account, and named on the record.
    const [newKey] = await keysOf(newStaff.id)
    expect(newKey?.retiredAt).toBeNull()

    const [staffEntry, systemEntry] = await transaction(node.database.db, (tx) =>
      appendMany(tx, [
        { actor: adminActor, action: 'test.signed', subject: { type: 't', id: '1' }, articles: ['A27'] },
        {
          actor: systemActor('test', '测试'),
          action: 'test.unsigned',
          subject: { type: 't', id: '2' },
          articles: ['A27'],
        },
      ]),
    )
    const signed = (await sequencedOf(staffEntry!)).leaf
    const [adminKey] = await keysOf(adminActor.id)
    expect(signed.details.officerSignature).toMatchObject({ keyId: adminKey?.keyId, alg: 'Ed25519' })
    expect((await sequencedOf(systemEntry!)).leaf.details.officerSignature).toBeUndefined()

    const createdEntry = (
      await node.app.inject({
        url: `/api/ledger/entries?action=staff.created&subjectId=${newStaff.id}`,
        headers: as(admin),
      })
    ).json().items[0]
    expect(createdEntry.details).toMatchObject({
      signingKeyId: newKey?.keyId,
      officerSignature: { keyId: adminKey?.keyId },
    })

    const report = await verify()
    expect(report.problems).toEqual([])
    expect(report.ok).toBe(true)
  })

  it('signs a token’s act with the key of the person who answers for it', async () => {
    const token = { ...adminActor, kind: 'token' as const, id: '0193a000-0000-7000-8000-000000000001' }
    const id = await transaction(node.database.db, (tx) =>
      append(tx, {
        actor: token,
        action: 'test.by_token',
        subject: { type: 't', id: '3' },
        articles: ['A27'],
      }),
    )
    const [adminKey] = await keysOf(adminActor.id)
    expect((await sequencedOf(id)).leaf.details.officerSignature?.keyId).toBe(adminKey?.keyId)
    expect((await verify()).ok).toBe(true)
  })

  it('refuses details that bring a signature of their own', async () => {
    await expect(
      transaction(node.database.db, (tx) =>
        append(tx, {
          actor: adminActor,
          action: 'test.forged',
          subject: { type: 't', id: '4' },
          articles: ['A27'],
          details: { officerSignature: { keyId: 'x', alg: 'Ed25519', sig: 'AA==' } },
        }),
      ),
    ).rejects.toThrow(/officerSignature/)
  })

  it('keeps old entries verifiable after the key is rotated; new acts use the new key', async () => {
    const before = await transaction(node.database.db, (tx) =>
      append(tx, {
        actor: adminActor,
        action: 'test.before_rotation',
        subject: { type: 't', id: '5' },
        articles: ['A27'],
      }),
    )
    const rotated = await node.app.inject({
      method: 'POST',
      url: `/api/staff/${adminActor.id}/keys`,
      headers: as(admin, 'POST'),
    })
    expect(rotated.statusCode).toBe(200)
    const keys = rotated.json().items as { keyId: string; retiredAt: string | null }[]
    expect(keys).toHaveLength(2)
    const [old, current] = keys
    expect(old?.retiredAt).not.toBeNull()
    expect(current?.retiredAt).toBeNull()
    const after = await transaction(node.database.db, (tx) =>
      append(tx, {
        actor: adminActor,
        action: 'test.after_rotation',
        subject: { type: 't', id: '6' },
        articles: ['A27'],
      }),
    )
    expect((await sequencedOf(before)).leaf.details.officerSignature?.keyId).toBe(old?.keyId)
    expect((await sequencedOf(after)).leaf.details.officerSignature?.keyId).toBe(current?.keyId)
    // The rotation itself was signed with the new key, and is on the record.
    const entry = (
      await node.app.inject({ url: '/api/ledger/entries?action=staff.key_rotated', headers: as(admin) })
    ).json().items[0]
    expect(entry.details).toMatchObject({ retiredKeyId: old?.keyId, keyId: current?.keyId })
    const report = await verify()
    expect(report.problems).toEqual([])
    // The HTTP path of `ledger verify` checks the same with the published keys.
    const published = (await node.app.inject({ url: '/api/ledger/officer-keys', headers: as(admin) })).json()
      .items
    expect(published.map((k: { keyId: string }) => k.keyId)).toEqual(
      expect.arrayContaining([old?.keyId, current?.keyId]),
    )
    const log = await readLog(node.database.db)
    expect((await verifyLog(log.entries, log.checkpoints, key(), undefined, published)).ok).toBe(true)
  })
})

describe('ledger verify and officer signatures', () => {
  const act = (action: string) =>
    transaction(node.database.db, (tx) =>
      append(tx, {
        actor: adminActor,
        action,
        subject: { type: 't', id: action },
        articles: ['A27'],
        details: { n: 1 },
      }),
    )

  it('names an entry whose details were changed with the log rewritten to match', async () => {
    const id = await act('test.details_rewritten')
    const seq = await rewrite(id, (leaf) => {
      leaf.details.n = 2
    })
    const report = await verify()
    expect(report.ok).toBe(false)
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'signature-invalid', index: seq }))
    expect(report.problems.find((p) => p.index === seq)?.message).toContain(id)
  })

  it('names an entry whose signature was changed', async () => {
    const id = await act('test.signature_rewritten')
    const seq = await rewrite(id, (leaf) => {
      const s = leaf.details.officerSignature
      if (!s) throw new Error('unsigned')
      const bytes = Buffer.from(s.sig, 'base64')
      bytes[0] = (bytes[0] ?? 0) ^ 1
      s.sig = bytes.toString('base64')
    })
    const report = await verify()
    expect(report.problems).toContainEqual(expect.objectContaining({ kind: 'signature-invalid', index: seq }))
    // The same over the entry-by-entry path (as over HTTP) and on the worker thread.
    const log = await readLog(node.database.db)
    const http = await verifyLog(log.entries, log.checkpoints, key(), undefined, log.officerKeys)
    expect(http.problems).toContainEqual(expect.objectContaining({ kind: 'signature-invalid', index: seq }))
    const worker = await verifyStoredLog(node.database.db, key(), undefined, { worker: true })
    expect(worker.problems).toEqual(report.problems)
  })

  it('names an entry that claims another officer’s key', async () => {
    const id = await act('test.key_swapped')
    const other = await keysOf(
      (await rowsOf<{ id: string }>(sql`select id from staff where login = 'sig.officer'`))[0]?.id ?? '',
    )
    const seq = await rewrite(id, (leaf) => {
      if (leaf.details.officerSignature) leaf.details.officerSignature.keyId = other[0]?.keyId ?? ''
    })
    const problem = (await verify()).problems.find((p) => p.index === seq)
    expect(problem).toMatchObject({ kind: 'signature-invalid' })
    expect(problem?.message).toContain('another person')
  })

  it('names an officer’s entry slipped into the log without a signature', async () => {
    const id = await act('test.signature_stripped')
    const seq = await rewrite(id, (leaf) => {
      delete leaf.details.officerSignature
    })
    expect((await verify()).problems).toContainEqual(
      expect.objectContaining({ kind: 'signature-missing', index: seq }),
    )
  })

  it('names an entry signed with a retired key and dated after the rotation; what it signed before still verifies', async () => {
    const before = await act('test.before_retirement')
    // Whoever kept the old private key (a lost device: the reason for rotating) ...
    const old = await transaction(node.database.db, (tx) => signingKey(tx, adminActor.id))
    if (!old) throw new Error('no signer bound')
    const rotated = await node.app.inject({
      method: 'POST',
      url: `/api/staff/${adminActor.id}/keys`,
      headers: as(admin, 'POST'),
    })
    expect(rotated.statusCode).toBe(200)
    // ... writes a new act of the officer with it, dated after the rotation, with a valid signature.
    const forged = await act('test.after_retirement')
    const seq = await rewrite(forged, (leaf) => {
      const s = leaf.details.officerSignature
      if (!s) throw new Error('unsigned')
      s.keyId = old.keyId
      s.sig = signContent(old.privateKey, signedContentOfLeaf({ ...leaf }))
    })
    const beforeSeq = (await sequencedOf(before)).seq
    const report = await verify()
    const problem = report.problems.find((p) => p.index === seq)
    // Nothing else is wrong with it: the content is intact and the signature verifies, only the key was retired.
    expect(report.problems.filter((p) => p.index === seq)).toHaveLength(1)
    expect(problem).toMatchObject({ kind: 'signature-key-retired' })
    expect(problem?.message).toContain(forged)
    expect(problem?.message).toContain(old.keyId)
    expect(report.problems.filter((p) => p.index === beforeSeq)).toEqual([])
    // The same over HTTP (the published keys carry their retirement) and on the worker thread.
    const published = (await node.app.inject({ url: '/api/ledger/officer-keys', headers: as(admin) })).json()
      .items as OfficerKeyRecord[]
    expect(published.find((k) => k.keyId === old.keyId)?.retiredAt).toEqual(expect.any(String))
    const log = await readLog(node.database.db)
    const http = await verifyLog(log.entries, log.checkpoints, key(), undefined, published)
    expect(http.problems).toEqual(report.problems)
    const worker = await verifyStoredLog(node.database.db, key(), undefined, { worker: true })
    expect(worker.problems).toEqual(report.problems)
  })
})
