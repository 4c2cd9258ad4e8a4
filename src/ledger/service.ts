// The node's log in operation: gives committed entries their place (sequencing after commit, as CT logs do),
// keeps the Merkle tree in memory for proofs, and signs checkpoints on a timer and on demand.

import { sql } from 'drizzle-orm'
import type { Database, Tx } from '../core/db/index.ts'
import { transaction } from '../core/db/index.ts'
import type { NodeKeys } from '../core/node/index.ts'
import { type Checkpoint, signCheckpoint } from './checkpoint.ts'
import { fromHex, leafData, leafDataFast, leafHashOf, toHex } from './entry.ts'
import { type Hash, MerkleTree } from './merkle.ts'
import * as store from './store.ts'

export interface LedgerOptions {
  /** The checkpoint origin and signing key name: the node id. */
  origin: string
  keys: NodeKeys
  sequenceIntervalMs: number
  checkpointIntervalMs: number
  now?: () => Date
  onError?: (err: unknown) => void
  /** Called with each newly signed checkpoint (a platform publishes it to its regulators). */
  onCheckpoint?: (checkpoint: SignedCheckpoint) => Promise<unknown>
}

export interface SignedCheckpoint {
  origin: string
  size: number
  root: string
  timestamp: string
  note: string
}

export interface LedgerStatus {
  size: number
  pending: number
  oldestPendingAgeMs: number | null
  sequenceIntervalMs: number
  checkpoint: SignedCheckpoint | null
}

/** An entry with its place in the log and the RFC 9162 inclusion proof of it in a tree of a given size. */
export interface EntryInclusion {
  id: string
  index: number
  /** The canonical bytes that were hashed (RFC 8785 JSON, docs/ledger.md): SHA-256(0x00 ‖ leafData) is the leaf. */
  leafData: string
  leafHash: string
  /** Sibling hashes, leaf side first (hex). */
  proof: string[]
}

const BATCH = 5000
// Entries taken off the queue between two vacuums of it.
const VACUUM_EVERY = 20_000
// Any constant shared by every process of a node: only one sequences at a time.
const LOCK_KEY = 7_117_001

export class Ledger {
  readonly tree = new MerkleTree()
  private chain: Promise<unknown> = Promise.resolve()
  private dequeuedSinceVacuum = 0
  private timers: NodeJS.Timeout[] = []
  private readonly now: () => Date

  constructor(
    private readonly database: Database,
    readonly options: LedgerOptions,
  ) {
    this.now = options.now ?? (() => new Date())
  }

  /** Loads the sequenced log into memory. */
  async load(): Promise<void> {
    await this.exclusive(async () => {
      for (const r of await store.leafHashesFrom(this.database.db, this.tree.size))
        this.tree.append(fromHex(r.leafHash))
    })
  }

  /** Gives every committed, unsequenced entry its index. Returns how many were sequenced. */
  sequence(): Promise<number> {
    return this.exclusive(async () => {
      let total = 0
      for (;;) {
        const added: Hash[] = []
        const synced: Hash[] = []
        let taken = 0
        await transaction(this.database.db, async (tx) => {
          await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_KEY})`)
          // Another process may have sequenced since we last looked.
          for (const r of await store.leafHashesFrom(tx, this.tree.size)) synced.push(fromHex(r.leafHash))
          const base = this.tree.size + synced.length
          const queued = await store.unsequenced(tx, BATCH)
          taken = queued.length
          const rows = queued
            .filter((q) => !q.sequenced)
            .map(({ entry }, i) => {
              // The fixed-order writer is the canonical form wherever it answers (property-tested).
              const data = leafDataFast(entry, base + i) ?? leafData(entry, base + i)
              const hash = leafHashOf(data)
              added.push(hash)
              return { seq: base + i, entryId: entry.id, leafData: data, leafHash: toHex(hash) }
            })
          await store.insertSequences(tx, rows)
          // Off the queue in the same transaction: an entry is either queued or sequenced, never both or neither.
          await store.dequeue(
            tx,
            queued.map((q) => q.entry.id),
          )
        })
        for (const h of synced) this.tree.append(h)
        for (const h of added) this.tree.append(h)
        total += added.length
        this.dequeuedSinceVacuum += taken
        if (taken < BATCH) break
      }
      if (this.dequeuedSinceVacuum >= VACUUM_EVERY) {
        this.dequeuedSinceVacuum = 0
        await store.vacuumQueue(this.database.db)
      }
      return total
    })
  }

  /** Signs a checkpoint over the whole log when it grew since the last one (or when forced and it is empty). */
  checkpoint(): Promise<SignedCheckpoint | null> {
    return this.exclusive(async () => {
      const latest = await store.latestCheckpoint(this.database.db)
      const size = this.tree.size
      if (latest && latest.size >= size) return presentCheckpoint(this.options.origin, latest)
      const c: Checkpoint = {
        origin: this.options.origin,
        size,
        root: this.tree.root(size),
        timestamp: this.now().getTime(),
      }
      const note = signCheckpoint(c, this.options.origin, this.options.keys.privateKey)
      const row = { size, root: toHex(c.root), timestamp: new Date(c.timestamp), note }
      await store.insertCheckpoint(this.database.db, row)
      const stored = await store.latestCheckpoint(this.database.db)
      return stored ? presentCheckpoint(this.options.origin, stored) : null
    })
  }

  /**
   * Inclusion proofs of entries in the tree of `size` entries (a signed checkpoint's size). An entry not yet
   * sequenced, or sequenced at or beyond `size`, is named in `waiting` instead; so is every entry while this
   * process's tree has not yet caught up with `size`.
   */
  async proveInclusion(
    tx: Tx,
    entryIds: readonly string[],
    size: number,
  ): Promise<{ proofs: EntryInclusion[]; waiting: string[] }> {
    if (size > this.tree.size) return { proofs: [], waiting: [...entryIds] }
    const rows = new Map((await store.sequencedByIds(tx, entryIds)).map((r) => [r.entryId, r]))
    const proofs: EntryInclusion[] = []
    const waiting: string[] = []
    for (const id of entryIds) {
      const r = rows.get(id)
      if (!r || r.seq >= size) {
        waiting.push(id)
        continue
      }
      if (toHex(this.tree.leaf(r.seq)) !== r.leafHash) {
        throw new Error(`the tree in memory disagrees with the stored leaf hash of entry ${r.seq}`)
      }
      proofs.push({
        id,
        index: r.seq,
        leafData: r.leafData,
        leafHash: r.leafHash,
        proof: this.tree.inclusionProof(r.seq, size).map(toHex),
      })
    }
    return { proofs, waiting }
  }

  async latestCheckpoint(): Promise<SignedCheckpoint | null> {
    const row = await store.latestCheckpoint(this.database.db)
    return row ? presentCheckpoint(this.options.origin, row) : null
  }

  async status(): Promise<LedgerStatus> {
    const pending = await store.pendingStatus(this.database.db)
    return {
      size: this.tree.size,
      pending: pending.count,
      oldestPendingAgeMs: pending.oldest
        ? Math.max(0, this.now().getTime() - pending.oldest.getTime())
        : null,
      sequenceIntervalMs: this.options.sequenceIntervalMs,
      checkpoint: await this.latestCheckpoint(),
    }
  }

  /** Sequences on a short timer and signs checkpoints on a longer one, until stop(). */
  start(): void {
    const onError = this.options.onError ?? (() => {})
    // A tick that finds the previous pass still running is skipped, so slow passes never queue up.
    const every = (ms: number, fn: () => Promise<unknown>) => {
      let running = false
      const t = setInterval(() => {
        if (running) return
        running = true
        void fn()
          .catch(onError)
          .finally(() => {
            running = false
          })
      }, ms)
      t.unref()
      this.timers.push(t)
    }
    every(this.options.sequenceIntervalMs, () => this.sequence())
    every(this.options.checkpointIntervalMs, async () => {
      await this.sequence()
      const before = (await store.latestCheckpoint(this.database.db))?.size ?? -1
      const c = await this.checkpoint()
      if (c !== null && c.size > before) await this.options.onCheckpoint?.(c)
    })
  }

  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t)
    this.timers = []
    await this.chain.catch(() => {})
  }

  // One sequencing or signing step at a time in this process; the advisory lock covers other processes.
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(fn, fn)
    this.chain = run.catch(() => {})
    return run
  }
}

function presentCheckpoint(origin: string, row: store.CheckpointRow): SignedCheckpoint {
  return { origin, size: row.size, root: row.root, timestamp: row.timestamp.toISOString(), note: row.note }
}
