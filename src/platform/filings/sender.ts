// Sends waiting filings as `report.filed` envelopes once the log can prove them: every ledger entry a filing cites,
// and its own `filing.queued` entry, must be sequenced and inside the node's latest signed checkpoint. The envelope
// carries that checkpoint as it is published in `checkpoint.published` (with the proof that it extends the last one
// sent to the same regulator) and an RFC 9162 inclusion proof of each entry. The protocol's outbox then delivers
// it with retries, so a regulator that is down gets it later, once.
import { and, asc, eq } from 'drizzle-orm'
import { type Database, type Tx, transaction } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import {
  append,
  type EntryInclusion,
  type Ledger,
  type SignedCheckpoint,
  systemActor,
} from '../../ledger/index.ts'
import {
  lastPublishedCheckpointSize,
  type ProtocolNode,
  type PublishedCheckpoint,
} from '../../protocol/index.ts'
import { FILING_ARTICLES } from './filings.ts'
import { type FilingSummary, regulatorFiling } from './tables.ts'

/** The body of a `report.filed` envelope (docs/protocol.md). */
export interface ReportFiledBody {
  filingId: string
  subject: { type: string; id: string }
  category: string
  found: FilingSummary['found']
  done: FilingSummary['done']
  items: FilingSummary['items']
  checkpoint: PublishedCheckpoint
  /** The cited entries in the order of the filing's `ledgerEntryIds`, then its own `filing.queued` entry. */
  entries: { id: string; index: number; leafData: string; leafHash: string; proof: string[] }[]
}

export interface FilingSenderOptions {
  database: Database
  ledger: Ledger
  protocol: ProtocolNode
  /** How often waiting filings are looked at; default 2 s. */
  intervalMs?: number
  /** Filings looked at per round. */
  batch?: number
  now?: () => Date
  onError?: (err: unknown) => void
}

const toHex = (h: Uint8Array) => Buffer.from(h).toString('hex')

function waitingNote(n: number, size: number): string {
  return `waiting for ${n} ledger entr${n === 1 ? 'y' : 'ies'} to be sequenced and covered by a signed checkpoint (latest size ${size})`
}

export class FilingSender {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<number> | null = null
  private stopped = false
  private readonly now: () => Date

  constructor(readonly options: FilingSenderOptions) {
    this.now = options.now ?? (() => new Date())
  }

  /** Sends every waiting filing the latest checkpoint can prove; one round at a time in this process. */
  sendDue(): Promise<number> {
    if (this.stopped) return Promise.resolve(0)
    this.running ??= this.round().finally(() => {
      this.running = null
    })
    return this.running
  }

  private async round(): Promise<number> {
    const { database, ledger, protocol } = this.options
    if (protocol.options.node.role !== 'platform') return 0
    const checkpoint = await ledger.latestCheckpoint()
    if (!checkpoint) return 0
    const waiting = await database.db
      .select({ id: regulatorFiling.id })
      .from(regulatorFiling)
      .where(eq(regulatorFiling.status, 'waiting'))
      .orderBy(asc(regulatorFiling.createdAt), asc(regulatorFiling.id))
      .limit(this.options.batch ?? 50)
    let sent = 0
    for (const { id } of waiting) {
      try {
        if (await transaction(database.db, (tx) => this.trySend(tx, id, checkpoint))) sent++
      } catch (err) {
        // A refusal by the protocol (the regulator was suspended or removed): the filing waits, saying why.
        const message =
          err instanceof DomainError ? `${err.code}: ${JSON.stringify(err.details)}` : String(err)
        await database.db
          .update(regulatorFiling)
          .set({ lastError: message.slice(0, 1000) })
          .where(and(eq(regulatorFiling.id, id), eq(regulatorFiling.status, 'waiting')))
        if (!(err instanceof DomainError)) this.options.onError?.(err)
      }
    }
    return sent
  }

  /** Sends one filing when the checkpoint proves all it cites; the filing is `sent` in the same transaction. */
  private async trySend(tx: Tx, id: string, checkpoint: SignedCheckpoint): Promise<boolean> {
    const { ledger, protocol } = this.options
    // Another process of the node may be sending it: skip what it holds, and what it already sent.
    const [row] = await tx
      .select()
      .from(regulatorFiling)
      .where(and(eq(regulatorFiling.id, id), eq(regulatorFiling.status, 'waiting')))
      .for('update', { skipLocked: true })
    if (!row) return false
    const cited = [...row.summary.ledgerEntryIds, row.queuedEntryId]
    const { proofs, waiting } = await ledger.proveInclusion(tx, cited, checkpoint.size)
    if (waiting.length > 0) {
      const note = waitingNote(waiting.length, checkpoint.size)
      if (row.lastError !== note)
        await tx.update(regulatorFiling).set({ lastError: note }).where(eq(regulatorFiling.id, id))
      return false
    }
    const published = await lastPublishedCheckpointSize(tx, row.toNode)
    // A newer checkpoint was published meanwhile: the next round proves against it.
    if (published > checkpoint.size) return false
    const body: ReportFiledBody = {
      filingId: row.id,
      subject: { type: row.subjectType, id: row.subjectId },
      category: row.category,
      found: row.summary.found,
      done: row.summary.done,
      items: row.summary.items,
      checkpoint: {
        note: checkpoint.note,
        size: checkpoint.size,
        root: checkpoint.root,
        fromSize: published,
        consistencyProof:
          published === 0 || published === checkpoint.size
            ? []
            : ledger.tree.consistencyProof(published, checkpoint.size).map(toHex),
      },
      entries: proofs.map((p: EntryInclusion) => ({
        id: p.id,
        index: p.index,
        leafData: p.leafData,
        leafHash: p.leafHash,
        proof: p.proof,
      })),
    }
    const actor = systemActor(protocol.options.node.id, '报告发送 / filing sender')
    const envelopeId = await protocol.send(tx, actor, {
      to: row.toNode,
      type: 'report.filed',
      body: { ...body },
      articles: FILING_ARTICLES,
    })
    const now = this.now()
    await tx
      .update(regulatorFiling)
      .set({ status: 'sent', envelopeId, sentAt: now, lastError: null })
      .where(eq(regulatorFiling.id, id))
    await append(tx, {
      actor,
      action: 'filing.sent',
      subject: { type: 'filing', id },
      articles: FILING_ARTICLES,
      evidence: body,
      details: { to: row.toNode, envelopeId, checkpointSize: checkpoint.size, entries: proofs.length },
      at: now,
    })
    return true
  }

  /** Looks at waiting filings on a timer until stop(). */
  start(): void {
    if (this.timer) return
    const onError = this.options.onError ?? (() => {})
    this.timer = setInterval(() => void this.sendDue().catch(onError), this.options.intervalMs ?? 2000)
    this.timer.unref()
  }

  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearInterval(this.timer)
    this.timer = null
    await this.running?.catch(() => {})
  }
}
