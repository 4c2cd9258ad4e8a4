// The reverse sweep (A16: prevent spread): a confirmed claim is looked up in the index of every item's fingerprints,
// each candidate is verified exactly by the engine (the claim's share found in the item, as at publish), and the
// disposal is applied to every match in chunks, each chunk one transaction. What a chunk applied is recorded per
// item under a primary key, so a sweep that stops half way (a restart) resumes on start and never applies twice.
// Items stored while the sweep runs are caught up and looked at before it finishes.
import { type Database, transaction } from '../../core/db/index.ts'
import { ClaimBank, normalizeCodes } from '../../engine/index.ts'
import { appendMany, entriesAbout, type LedgerActor, systemActor } from '../../ledger/index.ts'
import { findContentItems } from '../content/index.ts'
import type { ContentIndex } from './content-index.ts'
import { applyDisposal, type DisposalContext, fileDisposal } from './disposal.ts'
import * as store from './store.ts'

/** Candidates below this estimated containment are not worth verifying (the bank verifies at 0.4 and 0.5). */
const MIN_ESTIMATE = 0.25
const CHUNK = 500

export interface SweepOptions {
  database: Database
  index: ContentIndex
  ctx: DisposalContext
  onError: (err: unknown) => void
  /** Runs in the transaction that finishes a sweep (e.g. queue the report to the regulator). */
  onFinished?: (
    tx: Parameters<Parameters<typeof transaction>[1]>[0],
    d: store.DisposalRow,
    rumor: store.RumorRow | null,
  ) => Promise<void>
}

export class DisposalSweeper {
  private readonly running = new Map<string, Promise<void>>()
  private stopped = false

  constructor(private readonly opts: SweepOptions) {}

  /** Sweeps a disposal (once at a time per disposal in this process); resolves when it is finished. */
  run(id: string): Promise<void> {
    const existing = this.running.get(id)
    if (existing) return existing
    const p = this.sweep(id)
      .catch((e) => this.opts.onError(e))
      .finally(() => this.running.delete(id))
    this.running.set(id, p)
    return p
  }

  /** Resumes every sweep a stopped process left unfinished. */
  async resume(): Promise<void> {
    const open = await store.sweepingDisposals(this.opts.database.db)
    for (const d of open) void this.run(d.id)
  }

  async stop(): Promise<void> {
    this.stopped = true
    await Promise.allSettled([...this.running.values()])
  }

  /** Resolves when every sweep started so far is done. */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.allSettled([...this.running.values()])
  }

  private async sweep(id: string): Promise<void> {
    const { database, index, ctx } = this.opts
    const db = database.db
    await index.ready()
    const d = await store.findDisposal(db, id)
    if (d?.status !== 'sweeping' || !d.rumorId) return
    const rumor = await store.findRumor(db, d.rumorId)
    if (!rumor) throw new Error(`disposal ${id} names a missing rumor`)
    const verifier = new ClaimBank({ capacity: 16 })
    const added = verifier.add({ id: rumor.claimId, text: rumor.text })
    if (!added.ok) throw new Error(`rumor ${rumor.id} cannot be matched: ${added.en}`)
    const actor: LedgerActor = systemActor('disposal-sweep', '处置清理 / disposal sweep')
    const looked = await store.doneItemIds(db, id)

    // Catch up, look, and again until nothing new arrived: items published while the bank was being reloaded in
    // other processes are found too.
    for (let round = 0; round < 5 && !this.stopped; round++) {
      await index.catchUp()
      const fresh = index.candidates(rumor.text, MIN_ESTIMATE).filter((c) => !looked.has(c.id))
      if (fresh.length === 0 && round > 0) break
      for (let i = 0; i < fresh.length && !this.stopped; i += CHUNK) {
        const ids = fresh.slice(i, i + CHUNK).map((c) => c.id)
        for (const x of ids) looked.add(x)
        const rows = await findContentItems(db, ids)
        const matched: { row: (typeof rows)[number]; similarity: number }[] = []
        const near: typeof matched = []
        for (const row of rows) {
          if (row.status !== 'published' && row.status !== 'held') continue
          const hit = verifier.match(normalizeCodes(row.text))[0]
          if (!hit) continue
          if (hit.similarity >= verifier.threshold) matched.push({ row, similarity: hit.similarity })
          else near.push({ row, similarity: hit.similarity })
        }
        await transaction(db, async (tx) => {
          const locked = await store.lockDisposal(tx, id)
          if (locked?.status !== 'sweeping') return
          await store.addCounts(tx, id, { candidates: ids.length, applied: 0, toReview: 0 })
          if (matched.length + near.length === 0) return
          // Rows may have changed since they were read: apply to what is there now, under the row locks.
          const current = new Map((await findContentItems(tx, ids)).map((r) => [r.id, r]))
          const now = new Date()
          await applyDisposal(
            tx,
            actor,
            ctx,
            locked,
            rumor,
            matched.flatMap((m) => {
              const r = current.get(m.row.id)
              return r && r.text === m.row.text ? [{ row: r, similarity: m.similarity }] : []
            }),
            near.flatMap((m) => {
              const r = current.get(m.row.id)
              return r && r.text === m.row.text ? [{ row: r, similarity: m.similarity }] : []
            }),
            now,
          )
        })
      }
    }
    if (this.stopped) return
    await transaction(db, async (tx) => {
      const locked = await store.lockDisposal(tx, id)
      if (locked?.status !== 'sweeping') return
      const now = new Date()
      await store.finishDisposal(tx, id, now)
      const [finishedEntry] = await appendMany(tx, [
        {
          actor,
          action: 'disposal.finished',
          subject: { type: 'disposal', id },
          articles: locked.articles,
          details: {
            rumorId: rumor.id,
            candidates: locked.candidates,
            applied: locked.applied,
            toReview: locked.toReview,
            durationMs: now.getTime() - locked.createdAt.getTime(),
          },
          at: now,
        },
      ])
      const started = (await entriesAbout(tx, { type: 'disposal', id })).map((e) => e.entry.id)
      await fileDisposal(
        tx,
        actor,
        locked,
        rumor,
        ctx,
        [...started, ...(finishedEntry ? [finishedEntry] : [])],
        now,
      )
      await this.opts.onFinished?.(tx, { ...locked, status: 'finished', finishedAt: now }, rumor)
    })
  }
}
