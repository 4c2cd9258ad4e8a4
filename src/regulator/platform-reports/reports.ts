// The regulator's side of `report.filed` (A16: platforms report prohibited information they found and handled):
// the handler verifies the report against the platform's signed checkpoint and, where it can, against the
// checkpoints this regulator witnessed of the platform's log, then keeps it; officers read it in the console.
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm'
import { Type } from 'typebox'
import type { Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import { publicKeyFromBase64 } from '../../core/node/index.ts'
import { append, peerActor, verifyConsistency } from '../../ledger/index.ts'
import {
  CheckpointPublishedBody,
  type Envelope,
  findWitnessedCheckpoint,
  type HandlerContext,
  type MessageHandler,
  witnessReportedCheckpoint,
} from '../../protocol/index.ts'
import { type PlatformReportSummary, platformReport } from './tables.ts'
import { entryVerifies, type ReportFiled, verifyReport } from './verify.ts'

const Hex64 = Type.String({ pattern: '^[0-9a-f]{64}$' })
const Text = (maxLength: number) => Type.String({ minLength: 1, maxLength })
const Instant = Type.String({ format: 'date-time' })
const Closed = { additionalProperties: false } as const

/** The body of `report.filed`; checked before anything is stored. */
export const ReportFiledSchema = Type.Object(
  {
    filingId: Type.String({ format: 'uuid' }),
    subject: Type.Object({ type: Text(100), id: Text(200) }, Closed),
    category: Type.String({ pattern: '^[a-z][a-z0-9_.-]{0,49}$' }),
    found: Type.Object({ what: Type.Object({ zh: Text(500), en: Text(500) }, Closed), at: Instant }, Closed),
    done: Type.Object(
      { measures: Type.Array(Text(100), { minItems: 1, maxItems: 50 }), at: Instant },
      Closed,
    ),
    items: Type.Array(Type.Object({ id: Text(200), kind: Text(50), digest: Hex64 }, Closed), {
      maxItems: 1000,
    }),
    checkpoint: CheckpointPublishedBody,
    entries: Type.Array(
      Type.Object(
        {
          id: Type.String({ format: 'uuid' }),
          index: Type.Integer({ minimum: 0 }),
          leafData: Type.String({ minLength: 2, maxLength: 65_536 }),
          leafHash: Hex64,
          proof: Type.Array(Hex64, { maxItems: 64 }),
        },
        Closed,
      ),
      { minItems: 1, maxItems: 201 },
    ),
  },
  Closed,
)

const ARTICLES = ['A16']

export type WitnessCheck = 'witnessed' | 'consistent' | 'not-cross-checked'

/**
 * Sets the report's checkpoint against the platform's checkpoints this node witnessed: the same size must have the
 * same root, and when the checkpoint it says it extends was witnessed, the consistency proof must hold. A conflict
 * refuses the report; with nothing witnessed to compare, it is kept as not cross-checked.
 */
async function crossCheck(
  tx: Tx,
  platformId: string,
  body: ReportFiled,
  root: string,
): Promise<WitnessCheck> {
  const cp = body.checkpoint
  const same = await findWitnessedCheckpoint(tx, platformId, cp.size)
  if (same) {
    if (same.root !== root) {
      throw new DomainError('PLATFORM_REPORT_CHECKPOINT_CONFLICT', {
        size: cp.size,
        witnessedRoot: same.root,
        reportRoot: root,
      })
    }
    return 'witnessed'
  }
  if (cp.fromSize > 0 && cp.fromSize < cp.size) {
    const earlier = await findWitnessedCheckpoint(tx, platformId, cp.fromSize)
    if (earlier) {
      const proof = cp.consistencyProof.map((h) => new Uint8Array(Buffer.from(h, 'hex')))
      const ok = verifyConsistency(
        cp.fromSize,
        cp.size,
        new Uint8Array(Buffer.from(earlier.root, 'hex')),
        new Uint8Array(Buffer.from(root, 'hex')),
        proof,
      )
      if (!ok) {
        throw new DomainError('PLATFORM_REPORT_CHECKPOINT_CONFLICT', {
          size: cp.size,
          witnessedSize: cp.fromSize,
          reason: 'the checkpoint is not proven to extend the one witnessed',
        })
      }
      return 'consistent'
    }
  }
  return 'not-cross-checked'
}

/** Verifies a `report.filed` from a platform and keeps it, in the transaction that stores the envelope. */
export async function receiveReport(tx: Tx, env: Envelope, ctx: HandlerContext): Promise<string> {
  const body = env.body as unknown as ReportFiled
  const platformId = ctx.peer.nodeId
  const verified = verifyReport(body, platformId, publicKeyFromBase64(ctx.peer.publicKey), ctx.nodeId)
  const witnessCheck = await crossCheck(tx, platformId, body, verified.root)
  const [seen] = await tx
    .select({ id: platformReport.id, envelopeId: platformReport.envelopeId })
    .from(platformReport)
    .where(and(eq(platformReport.fromNode, platformId), eq(platformReport.filingId, body.filingId)))
  if (seen) {
    throw new DomainError('PLATFORM_REPORT_DUPLICATE', {
      filingId: body.filingId,
      envelopeId: seen.envelopeId,
    })
  }
  // A checkpoint not yet witnessed joins the witnessed ones, to be checked against the rest (SYSTEM.md §5).
  if (witnessCheck !== 'witnessed') {
    await witnessReportedCheckpoint(
      tx,
      platformId,
      { note: body.checkpoint.note, size: verified.size, root: verified.root, timestamp: verified.timestamp },
      env.id,
      witnessCheck === 'consistent',
    )
  }
  const id = newId(ctx.now.getTime())
  await tx.insert(platformReport).values({
    id,
    fromNode: platformId,
    filingId: body.filingId,
    envelopeId: env.id,
    subjectType: body.subject.type,
    subjectId: body.subject.id,
    category: body.category,
    summary: { found: body.found, done: body.done, items: body.items },
    entries: body.entries.map((e) => ({
      id: e.id,
      index: e.index,
      leafData: e.leafData,
      leafHash: e.leafHash,
      proof: e.proof,
    })),
    queuedEntryId: verified.queuedEntryId,
    checkpointSize: verified.size,
    checkpointRoot: verified.root,
    checkpointNote: body.checkpoint.note,
    proofsVerified: true,
    witnessCheck,
    receivedAt: ctx.now,
  })
  await append(tx, {
    actor: peerActor(platformId),
    action: 'platform_report.received',
    subject: { type: 'platform_report', id },
    articles: ARTICLES,
    evidence: body,
    details: {
      from: platformId,
      filingId: body.filingId,
      envelopeId: env.id,
      category: body.category,
      items: body.items.length,
      entries: body.entries.length,
      checkpointSize: verified.size,
      witnessCheck,
    },
    at: ctx.now,
  })
  return id
}

export const reportFiledHandler: MessageHandler = {
  type: 'report.filed',
  body: ReportFiledSchema,
  articles: ARTICLES,
  receivers: ['regulator'],
  senders: ['platform'],
  async handle(tx: Tx, env: Envelope, ctx: HandlerContext): Promise<void> {
    await receiveReport(tx, env, ctx)
  },
}

export interface PlatformReportView {
  id: string
  fromNode: string
  filingId: string
  envelopeId: string
  subject: { type: string; id: string }
  category: string
  found: PlatformReportSummary['found']
  done: PlatformReportSummary['done']
  itemCount: number
  entryCount: number
  checkpointSize: number
  checkpointRoot: string
  proofsVerified: boolean
  witnessCheck: WitnessCheck
  receivedAt: string
}

export interface PlatformReportEntryView {
  id: string
  index: number
  /** The platform's canonical entry bytes, for anyone to hash and check again. */
  leafData: string
  leafHash: string
  proof: string[]
  /** What the entry records, read from its canonical bytes. */
  action: string | null
  recordedAt: string | null
  subject: { type: string; id: string } | null
  /** The report's own `filing.queued` entry. */
  isFilingRecord: boolean
  /** The inclusion proof checked again against the checkpoint root as this answer was made. */
  verified: boolean
}

export interface PlatformReportDetail extends PlatformReportView {
  items: PlatformReportSummary['items']
  checkpointNote: string
  entries: PlatformReportEntryView[]
}

type Row = typeof platformReport.$inferSelect

function present(r: Row): PlatformReportView {
  return {
    id: r.id,
    fromNode: r.fromNode,
    filingId: r.filingId,
    envelopeId: r.envelopeId,
    subject: { type: r.subjectType, id: r.subjectId },
    category: r.category,
    found: r.summary.found,
    done: r.summary.done,
    itemCount: r.summary.items.length,
    entryCount: r.entries.length,
    checkpointSize: r.checkpointSize,
    checkpointRoot: r.checkpointRoot,
    proofsVerified: r.proofsVerified,
    witnessCheck: r.witnessCheck as WitnessCheck,
    receivedAt: r.receivedAt.toISOString(),
  }
}

function leafFields(leafData: string): Pick<PlatformReportEntryView, 'action' | 'recordedAt' | 'subject'> {
  try {
    const v = JSON.parse(leafData) as {
      action?: unknown
      recordedAt?: unknown
      subject?: { type?: unknown; id?: unknown }
    }
    return {
      action: typeof v.action === 'string' ? v.action : null,
      recordedAt: typeof v.recordedAt === 'string' ? v.recordedAt : null,
      subject:
        typeof v.subject?.type === 'string' && typeof v.subject.id === 'string'
          ? { type: v.subject.type, id: v.subject.id }
          : null,
    }
  } catch {
    return { action: null, recordedAt: null, subject: null }
  }
}

/** Reports received, newest first, of one platform or all. */
export async function listPlatformReports(
  tx: Tx,
  filter: { fromNode?: string },
  limit: number,
): Promise<PlatformReportView[]> {
  const where: SQL[] = []
  if (filter.fromNode) where.push(eq(platformReport.fromNode, filter.fromNode))
  const rows = await tx
    .select()
    .from(platformReport)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(platformReport.receivedAt), desc(platformReport.id))
    .limit(limit)
  return rows.map(present)
}

/** One report with its items, measures and entries, each entry's proof checked again. */
export async function getPlatformReport(tx: Tx, id: string): Promise<PlatformReportDetail> {
  const [r] = await tx.select().from(platformReport).where(eq(platformReport.id, id))
  if (!r) throw new DomainError('PLATFORM_REPORT_NOT_FOUND', { id })
  return {
    ...present(r),
    items: r.summary.items,
    checkpointNote: r.checkpointNote,
    entries: r.entries.map((e) => ({
      id: e.id,
      index: e.index,
      leafData: e.leafData,
      leafHash: e.leafHash,
      proof: e.proof,
      ...leafFields(e.leafData),
      isFilingRecord: e.id === r.queuedEntryId,
      verified: entryVerifies(e, r.checkpointSize, r.checkpointRoot),
    })),
  }
}

/** Reports about these subjects (e.g. orders), newest first: who filed each, and whether its proofs verified. */
export async function reportsAbout(
  tx: Tx,
  subjectType: string,
  subjectIds: string[],
): Promise<{ id: string; fromNode: string; subjectId: string; proofsVerified: boolean; receivedAt: Date }[]> {
  if (subjectIds.length === 0) return []
  return tx
    .select({
      id: platformReport.id,
      fromNode: platformReport.fromNode,
      subjectId: platformReport.subjectId,
      proofsVerified: platformReport.proofsVerified,
      receivedAt: platformReport.receivedAt,
    })
    .from(platformReport)
    .where(and(eq(platformReport.subjectType, subjectType), inArray(platformReport.subjectId, subjectIds)))
    .orderBy(desc(platformReport.receivedAt))
}

/** Which of these ids are reports platforms filed (a case's links). */
export async function platformReportIdsAmong(tx: Tx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await tx
    .select({ id: platformReport.id })
    .from(platformReport)
    .where(inArray(platformReport.id, ids))
  return rows.map((r) => r.id)
}
