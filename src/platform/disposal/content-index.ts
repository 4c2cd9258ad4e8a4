// The platform's index of item fingerprints (A16: prevent spread): every published or held item's winnowed trigram
// fingerprints, held in memory by the engine's ItemIndex, so that a newly confirmed false claim finds every copy at
// once instead of re-reading a million texts. Built in the background when the node starts (progress shown), and
// caught up before every sweep with what any process of the node stored since — read by insertion number, with an
// overlap, so that a transaction that committed late is not missed.
import type { Database } from '../../core/db/index.ts'
import { ItemIndex, type ReverseHit } from '../../engine/index.ts'
import { itemsAfterSeq, maxContentSeq } from '../content/index.ts'

const PAGE = 5000
/** Insertion numbers re-read on every catch-up: a transaction still open at the last one may commit below it. */
const OVERLAP = 2000

export interface IndexStatus {
  state: 'building' | 'ready' | 'failed'
  /** Items indexed so far, and the number there were when the build began. */
  indexed: number
  total: number
  bytes: number
  builtInMs: number | null
  error: string | null
}

export class ContentIndex {
  private readonly index: ItemIndex
  private mark = 0
  private state: IndexStatus['state'] = 'building'
  private total = 0
  private builtInMs: number | null = null
  private error: string | null = null
  private build: Promise<void> | null = null
  private catching: Promise<void> = Promise.resolve()

  constructor(
    private readonly database: Database,
    capacity = 4096,
  ) {
    this.index = new ItemIndex({ capacity })
  }

  status(): IndexStatus {
    return {
      state: this.state,
      indexed: this.index.size,
      total: this.total,
      bytes: this.index.bytes,
      builtInMs: this.builtInMs,
      error: this.error,
    }
  }

  /** Starts the build once; resolves when the index has caught up with the database. */
  ready(): Promise<void> {
    this.build ??= (async () => {
      const started = performance.now()
      try {
        this.total = await maxContentSeq(this.database.db)
        await this.readNew()
        this.state = 'ready'
        this.builtInMs = Math.round(performance.now() - started)
      } catch (e) {
        this.state = 'failed'
        this.error = e instanceof Error ? e.message : String(e)
        this.build = null
        throw e
      }
    })()
    return this.build
  }

  /** Adds what was stored since the last look (one catch-up at a time). */
  catchUp(): Promise<void> {
    this.catching = this.catching.then(
      () => this.readNew(),
      () => this.readNew(),
    )
    return this.catching
  }

  private async readNew(): Promise<void> {
    let from = Math.max(0, this.mark - OVERLAP)
    for (;;) {
      const rows = await itemsAfterSeq(this.database.db, from, PAGE)
      for (const r of rows) this.index.add(r.id, r.text)
      const last = rows.at(-1)
      if (last) {
        from = Number(last.seq)
        if (from > this.mark) this.mark = from
      }
      if (rows.length < PAGE) return
    }
  }

  /** Items whose estimated containment of the claim is at least `minEstimate`, strongest first. */
  candidates(claim: string, minEstimate: number): ReverseHit[] {
    return this.index.reverse(claim, minEstimate)
  }

  get size(): number {
    return this.index.size
  }
}
