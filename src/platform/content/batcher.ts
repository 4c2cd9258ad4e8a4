// Group commit for the publish path: requests that arrive while a transaction is under way wait for the next one
// and go in together (`publishMany`), so under load a few statements serve many publications, and with no load a
// request goes at once, alone. A refusal concerns its own request only; should a whole batch fail (a database
// error), each of its requests is tried again alone so that one cannot sink the others.
import { type Database, transaction } from '../../core/db/index.ts'
import type { ScreeningService } from '../screening/index.ts'
import { type OwnContentView, type PublishInput, type PublishRequest, publishMany } from './content.ts'

interface Waiting {
  request: PublishRequest
  resolve: (item: OwnContentView) => void
  reject: (err: unknown) => void
}

export interface PublishBatcherOptions {
  database: Database
  screening: ScreeningService
  /** Most requests in one transaction. */
  maxBatch?: number
  /** Most transactions under way at once (PGlite has one connection: 1). */
  maxInFlight?: number
}

export class PublishBatcher {
  private queue: Waiting[] = []
  private inFlight = 0
  private readonly maxBatch: number
  private readonly maxInFlight: number
  /** Sizes of the batches run so far, for the metrics. */
  batches = 0
  published = 0
  /**
   * Told, after the transaction commits, of each item that was published at once (recommendation counts a comment or
   * reply as its author's interaction with the post). It must not throw; its work is its own.
   */
  onPublished: ((userId: string, item: OwnContentView) => void) | null = null

  constructor(private readonly options: PublishBatcherOptions) {
    this.maxBatch = options.maxBatch ?? 64
    this.maxInFlight = options.maxInFlight ?? (options.database.kind === 'pglite' ? 1 : 4)
  }

  publish(userId: string, input: PublishInput): Promise<OwnContentView> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { userId, input }, resolve, reject })
      this.pump()
    })
  }

  private pump(): void {
    while (this.inFlight < this.maxInFlight && this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatch)
      this.inFlight++
      this.run(batch).finally(() => {
        this.inFlight--
        this.pump()
      })
    }
  }

  private async run(batch: Waiting[]): Promise<void> {
    let outcomes: Awaited<ReturnType<typeof publishMany>>
    try {
      outcomes = await transaction(this.options.database.db, (tx) =>
        publishMany(
          tx,
          this.options.screening,
          batch.map((w) => w.request),
        ),
      )
    } catch (err) {
      if (batch.length === 1) {
        batch[0]?.reject(err)
        return
      }
      for (const w of batch) await this.run([w])
      return
    }
    this.batches++
    this.published += batch.length
    for (const [i, w] of batch.entries()) {
      const o = outcomes[i]
      if (!o) w.reject(new Error('no outcome'))
      else if (o.ok) {
        w.resolve(o.item)
        if (o.item.status === 'published') this.onPublished?.(w.request.userId, o.item)
      } else w.reject(o.error)
    }
  }
}
