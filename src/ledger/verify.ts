// Verifies a whole log from its entries and checkpoints: every entry against the bytes fixed when it was
// sequenced, the tree recomputed from scratch, every checkpoint's signature and root, and consistency between
// consecutive checkpoints. Used by `qinglang ledger verify` over a data folder or over HTTP.
import * as crypto from 'node:crypto'
import { CheckpointError, openCheckpoint } from './checkpoint.ts'
import {
  type EntryFields,
  fromHex,
  isoOfPgTime,
  leafData,
  leafDataFast,
  leafDataFastAt,
  OFFICER_SIGNATURE_KEY,
  officerPublicKey,
  signedContentOfLeaf,
  toHex,
} from './entry.ts'
import { MerkleTree, verifyConsistency } from './merkle.ts'

export interface SequencedEntry {
  seq: number
  entry: EntryFields
  leafData: string
  leafHash: string
}

export interface VerifyProblem {
  kind:
    | 'sequence-gap'
    | 'entry-altered'
    | 'leaf-altered'
    | 'checkpoint-signature'
    | 'checkpoint-root'
    | 'checkpoint-size'
    | 'checkpoint-inconsistent'
    | 'signature-invalid'
    | 'signature-missing'
    | 'signature-key-retired'
  index?: number
  checkpointSize?: number
  message: string
  /** For an altered entry: each field that differs from what was sequenced. */
  differences?: { field: string; sequenced: unknown; now: unknown }[]
}

/** A published officer key as the verifier needs it (`OfficerKeyView` of officer-keys.ts fits). */
export interface OfficerKeyRecord {
  keyId: string
  staffId: string
  /** Raw 32-byte Ed25519 public key, base64. */
  publicKey: string
  createdAt: string
  /** When the key was retired (rotated out); it signs nothing recorded after. Absent from nodes of before. */
  retiredAt?: string | null
}

export interface VerifyReport {
  ok: boolean
  entries: number
  checkpoints: number
  root: string
  problems: VerifyProblem[]
}

const LEAF_PREFIX = Buffer.of(0)
// crypto.hash (Node ≥ 20.12) hashes a string without a Hash object; 20.11 falls back to createHash.
const leafDigest: (data: string) => Buffer =
  typeof crypto.hash === 'function'
    ? (data) => crypto.hash('sha256', `\0${data}`, 'buffer')
    : (data) => crypto.createHash('sha256').update(LEAF_PREFIX).update(data, 'utf8').digest()
/** A recorded leaf hash as bytes; one that is not 32 bytes of hex stands as zeros (already reported as altered). */
function recordedHash(hex: string): Uint8Array {
  const bytes = fromHex(hex)
  return bytes.length === 32 && toHex(bytes) === hex.toLowerCase() ? bytes : new Uint8Array(32)
}

function differences(sequenced: string, now: string): { field: string; sequenced: unknown; now: unknown }[] {
  const a = JSON.parse(sequenced) as Record<string, unknown>
  const b = JSON.parse(now) as Record<string, unknown>
  const out: { field: string; sequenced: unknown; now: unknown }[] = []
  const walk = (x: unknown, y: unknown, p: string) => {
    if (
      x !== null &&
      y !== null &&
      typeof x === 'object' &&
      typeof y === 'object' &&
      !Array.isArray(x) &&
      !Array.isArray(y)
    ) {
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
        walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], p ? `${p}.${k}` : k)
      }
    } else if (JSON.stringify(x) !== JSON.stringify(y)) out.push({ field: p, sequenced: x, now: y })
  }
  walk(a, b, '')
  return out
}

/** A nullable field of a text page: '' for null, '=' and the value when set. */
const nullable = (v: string) => (v === '' ? null : v.slice(1))

/** The fields of one row of a text page (store.logTextPage), in order. */
const PAGE_FIELDS = 17
export const FIELD_SEPARATOR = '\x1f'
export const ROW_SEPARATOR = '\x1e'

/**
 * The checks of one whole log, fed in order: every entry as plain fields (`entry`) or a page of the fast reader's
 * text (`page`), then `finish` with the checkpoints. Entries whose fast check is inconclusive (the fixed-order form
 * differs from the sequenced bytes, or declines) are left in `recheck` for the canonical comparison, which only the
 * caller's database can feed (`altered`).
 */
export class LogChecker {
  readonly tree = new MerkleTree()
  readonly problems: VerifyProblem[] = []
  readonly recheck: number[] = []
  /** True after a gap in the indexes: nothing after it is checked. */
  stopped = false
  private readonly keys: Map<
    string,
    { staffId: string; publicKey: crypto.KeyObject; retiredAt: number | null; retiredIso: string | null }
  > | null
  /** When each person's first key was made: from then on every act of theirs must be signed. */
  private readonly firstKeyAt = new Map<string, number>()

  /** With `officerKeys` (every key the node ever published), officers' signatures are checked too. */
  constructor(officerKeys: readonly OfficerKeyRecord[] | null = null) {
    this.keys = officerKeys === null ? null : new Map()
    for (const k of officerKeys ?? []) {
      const retired = k.retiredAt ? Date.parse(k.retiredAt) : Number.NaN
      this.keys?.set(k.keyId, {
        staffId: k.staffId,
        publicKey: officerPublicKey(k.publicKey),
        retiredAt: Number.isNaN(retired) ? null : retired,
        retiredIso: Number.isNaN(retired) ? null : new Date(retired).toISOString(),
      })
      const at = Date.parse(k.createdAt)
      if (!(at >= (this.firstKeyAt.get(k.staffId) ?? Number.POSITIVE_INFINITY)))
        this.firstKeyAt.set(k.staffId, at)
    }
  }

  /** An entry in plain fields: the whole check, canonical form included. */
  entry(s: SequencedEntry): void {
    if (!this.leaf(s.seq, s.leafData, s.leafHash)) return
    this.signature(s.seq, s.leafData, s.entry.actorStaffId)
    if (leafDataFast(s.entry, s.seq) !== s.leafData) this.altered(s)
  }

  /**
   * The officer's signature in the sequenced bytes (what the tree commits to): present on every act of a person
   * who had a key by then, made by a key of that very person, and valid over the entry's content. `staffId` is the
   * stored row's (a row changed behind the log is reported as altered anyway); the leaf is parsed only for
   * officers' entries and for entries that claim a signature.
   */
  private signature(seq: number, leafData: string, staffId: string | null): void {
    if (this.keys === null) return
    if (staffId === null && !leafData.includes(`"${OFFICER_SIGNATURE_KEY}"`)) return
    let leaf: {
      id?: string
      recordedAt?: string
      actor?: { kind?: string; staffId?: string | null }
      details?: Record<string, unknown>
    }
    try {
      leaf = JSON.parse(leafData)
    } catch {
      return // not JSON: the leaf hash or the entry comparison reports it
    }
    const who = leaf.actor?.staffId ?? null
    const kind = leaf.actor?.kind
    const sig = leaf.details?.[OFFICER_SIGNATURE_KEY] as
      | { keyId?: unknown; alg?: unknown; sig?: unknown }
      | undefined
    const name = `entry ${seq} (${leaf.id ?? '?'})`
    const bad = (message: string): void => {
      this.problems.push({ kind: 'signature-invalid', index: seq, message })
    }
    if (who === null || (kind !== 'staff' && kind !== 'token')) {
      if (sig !== undefined) bad(`${name} carries an officer signature but was not acted by an officer`)
      return
    }
    if (sig === undefined) {
      const first = this.firstKeyAt.get(who)
      const at = Date.parse(leaf.recordedAt ?? '')
      if (first !== undefined && at >= first) {
        this.problems.push({
          kind: 'signature-missing',
          index: seq,
          message: `${name} was acted by staff ${who}, who had a signing key, but carries no officer signature`,
        })
      }
      return
    }
    const key = typeof sig.keyId === 'string' ? this.keys.get(sig.keyId) : undefined
    if (!key) {
      bad(`${name}: signed with key ${String(sig.keyId)}, which this node never published`)
      return
    }
    if (key.staffId !== who) {
      bad(`${name}: signed with key ${String(sig.keyId)} of another person`)
      return
    }
    let ok = false
    try {
      ok =
        sig.alg === 'Ed25519' &&
        typeof sig.sig === 'string' &&
        crypto.verify(
          null,
          Buffer.from(signedContentOfLeaf(leaf), 'utf8'),
          key.publicKey,
          Buffer.from(sig.sig, 'base64'),
        )
    } catch {
      ok = false
    }
    if (!ok) {
      bad(`${name}: the officer signature of staff ${who} does not verify over the entry`)
      return
    }
    // A retired key signs nothing after its retirement: whoever holds it (a key rotated because it was lost)
    // cannot date a new act of the officer after the rotation. Entries it signed before still verify.
    const at = Date.parse(leaf.recordedAt ?? '')
    if (key.retiredAt !== null && !(at <= key.retiredAt)) {
      this.problems.push({
        kind: 'signature-key-retired',
        index: seq,
        message: `${name}: signed with key ${String(sig.keyId)} of staff ${who}, retired at ${key.retiredIso}, but recorded at ${leaf.recordedAt ?? '?'}`,
      })
    }
  }

  /**
   * A page of the fast reader: `count` rows of PAGE_FIELDS fields. Returns false, having checked nothing, when the
   * text does not split into exactly that (a stored value holds a separator): the caller then feeds the page's
   * entries one by one. Stored values can only add separators, so exact counts mean every field is whole.
   */
  page(text: string, count: number): boolean {
    if (count === 0) return text === ''
    const rows = text.split(ROW_SEPARATOR)
    if (rows.length !== count) return false
    const split: string[][] = new Array(count)
    for (let r = 0; r < count; r++) {
      const f = (rows[r] as string).split(FIELD_SEPARATOR)
      if (f.length !== PAGE_FIELDS) return false
      split[r] = f
    }
    for (const f of split) {
      const seq = Number(f[0])
      const leafData = f[2] as string
      if (!this.leaf(seq, leafData, f[1] as string)) return true
      this.signature(seq, leafData, nullable(f[7] as string))
      let fast: string | null = null
      const at = isoOfPgTime(f[4] as string)
      try {
        if (at !== null) {
          fast = leafDataFastAt(
            {
              id: f[3] as string,
              actorKind: f[5] as string,
              actorId: f[6] as string,
              actorStaffId: nullable(f[7] as string),
              actorOrganisationId: nullable(f[8] as string),
              actorName: f[9] as string,
              action: f[10] as string,
              subjectType: f[11] as string,
              subjectId: f[12] as string,
              articles: JSON.parse(f[13] as string) as string[],
              ruleVersion: nullable(f[14] as string),
              evidenceDigest: f[15] as string,
              details: JSON.parse(f[16] as string) as Record<string, unknown>,
            },
            at,
            seq,
          )
        }
      } catch {
        fast = null
      }
      if (fast !== leafData) this.recheck.push(seq)
    }
    return true
  }

  /** The canonical comparison of one entry, for what `page` left in `recheck` or the fast form declined. */
  altered(s: SequencedEntry): void {
    let now: string | null
    try {
      now = leafData(s.entry, s.seq)
    } catch {
      now = null
    }
    if (now === s.leafData) return
    this.problems.push({
      kind: 'entry-altered',
      index: s.seq,
      message: `entry ${s.seq} (${s.entry.id}) was changed after it was sequenced`,
      differences: now === null ? [] : differences(s.leafData, now),
    })
  }

  /** Index, leaf hash and tree; false when the log has a gap here (and from here on nothing is checked). */
  private leaf(seq: number, leafData: string, leafHash: string): boolean {
    if (this.stopped) return false
    const index = this.tree.size
    if (seq !== index) {
      this.problems.push({
        kind: 'sequence-gap',
        index,
        message: `entry ${index}: the log jumps to index ${seq}`,
      })
      this.stopped = true
      return false
    }
    // The leaf hash of the sequenced bytes, streamed straight from the string.
    const hash = leafDigest(leafData)
    const hashOk = hash.toString('hex') === leafHash
    if (!hashOk) {
      this.problems.push({
        kind: 'leaf-altered',
        index,
        message: `entry ${index}: its sequenced bytes do not match the leaf hash`,
      })
    }
    // The tree is rebuilt from the recorded leaf hashes: a rewritten leaf shows up against the signed roots.
    this.tree.append(hashOk ? hash : recordedHash(leafHash))
    return true
  }

  /** Every checkpoint's signature and root, and consistency between consecutive ones; then the report. */
  finish(
    checkpoints: readonly { size: number; note: string }[],
    key: { name: string; publicKey: crypto.KeyObject },
  ): VerifyReport {
    const { tree, problems } = this
    let previous: { size: number; root: Uint8Array } | null = null
    for (const c of checkpoints) {
      let opened: ReturnType<typeof openCheckpoint>
      try {
        opened = openCheckpoint(c.note, key.name, key.publicKey)
      } catch (e) {
        const reason = e instanceof CheckpointError ? e.reason : String(e)
        problems.push({
          kind: 'checkpoint-signature',
          checkpointSize: c.size,
          message: `checkpoint ${c.size}: ${reason}`,
        })
        continue
      }
      if (opened.size !== c.size || opened.size > tree.size) {
        problems.push({
          kind: 'checkpoint-size',
          checkpointSize: c.size,
          message: `checkpoint ${c.size}: signed size ${opened.size}, log holds ${tree.size} entries`,
        })
        continue
      }
      if (toHex(tree.root(opened.size)) !== toHex(opened.root)) {
        problems.push({
          kind: 'checkpoint-root',
          checkpointSize: c.size,
          message: `checkpoint ${c.size}: the signed root differs from the root recomputed from the entries`,
        })
      }
      if (previous !== null) {
        const proof = tree.consistencyProof(previous.size, opened.size)
        if (!verifyConsistency(previous.size, opened.size, previous.root, opened.root, proof)) {
          problems.push({
            kind: 'checkpoint-inconsistent',
            checkpointSize: c.size,
            message: `checkpoint ${c.size} does not extend checkpoint ${previous.size}`,
          })
        }
      }
      previous = { size: opened.size, root: opened.root }
    }
    // Entry problems first by index (a gap, a rewritten leaf, a changed entry), then checkpoints by size.
    problems.sort(
      (a, b) => (a.index ?? a.checkpointSize ?? 0) - (b.index ?? b.checkpointSize ?? 0) || rank(a) - rank(b),
    )
    return {
      ok: problems.length === 0,
      entries: tree.size,
      checkpoints: checkpoints.length,
      root: toHex(tree.root()),
      problems,
    }
  }
}

const KIND_ORDER: VerifyProblem['kind'][] = [
  'sequence-gap',
  'entry-altered',
  'leaf-altered',
  'checkpoint-signature',
  'checkpoint-size',
  'checkpoint-root',
  'checkpoint-inconsistent',
  'signature-missing',
  'signature-invalid',
  'signature-key-retired',
]
const rank = (p: VerifyProblem) => KIND_ORDER.indexOf(p.kind)

/** Verifies a log given entry by entry (over HTTP, or any source of plain fields). */
export async function verifyLog(
  entries: AsyncIterable<SequencedEntry>,
  checkpoints: readonly { size: number; note: string }[],
  key: { name: string; publicKey: crypto.KeyObject },
  onProgress?: (done: number) => void,
  officerKeys: readonly OfficerKeyRecord[] | null = null,
): Promise<VerifyReport> {
  const checker = new LogChecker(officerKeys)
  for await (const s of entries) {
    checker.entry(s)
    if (checker.stopped) break
    if (s.seq % 1000 === 999) onProgress?.(s.seq + 1)
  }
  onProgress?.(checker.tree.size)
  return checker.finish(checkpoints, key)
}
