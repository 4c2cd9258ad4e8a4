// Cross-region cooperation (跨区域执法协作, A5.1): the city CAC hands a case to another region's regulator node over
// the protocol (`case.transferred`) with what it holds — what the public reported (never who), consultations, links.
// The receiving CAC accepts it, opening a case of its own, or refuses it with a reason; the answer
// (`case.transfer_answered`) comes back, and the sender's case is closed as transferred or stays open with it. Only
// the CAC transfers and answers: cooperation across regions is its coordination. Every step is on both ledgers.
import { and, desc, eq } from 'drizzle-orm'
import { Type } from 'typebox'
import type { Actor } from '../../core/auth/index.ts'
import type { Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import { append, peerActor } from '../../ledger/index.ts'
import {
  type Envelope,
  getPeer,
  type HandlerContext,
  type MessageHandler,
  type ProtocolNode,
} from '../../protocol/index.ts'
import { publicReportsForTransfer } from '../public-reports/index.ts'
import {
  type CaseDetail,
  type CaseRow,
  type CaseTransferView,
  caseOrganisation,
  detail,
  insertCase,
  mustBeOpen,
  organisationsById,
  peerNames,
  presentTransfer,
  seesAll,
  visibleRow,
} from './cases.ts'
import { caseConsultation, caseFile, caseTransfer, type TransferMaterials } from './tables.ts'

const TRANSFER_ARTICLES = ['A5.1']

async function mustBeCac(tx: Tx, actor: Actor): Promise<void> {
  if (!(await seesAll(tx, actor))) throw new DomainError('CASE_TRANSFER_NOT_CAC', {})
}

function required(s: string, field: string): string {
  const t = s.trim()
  if (t === '') throw new DomainError('VALIDATION_FAILED', { field })
  return t
}

async function materialsOf(tx: Tx, r: CaseRow): Promise<TransferMaterials> {
  const orgs = await organisationsById(tx)
  const cons = await tx.select().from(caseConsultation).where(eq(caseConsultation.caseId, r.id))
  return {
    countyCode: r.countyCode,
    articles: r.conclusionArticles ?? [],
    publicReports: await publicReportsForTransfer(tx, r.publicReportIds),
    consultations: cons.map((c) => ({
      heldOn: c.heldOn,
      participants: c.participantIds.map((id) => orgs.get(id)?.nameZh ?? id),
      conclusions: c.conclusions,
    })),
    clarificationIds: r.clarificationIds,
    platformReportIds: r.platformReportIds,
  }
}

/** Hands an open case to another region's regulator; the case stays open until the answer comes back. */
export async function transferCase(
  tx: Tx,
  actor: Actor,
  protocol: ProtocolNode,
  caseId: string,
  input: { toNode: string; reason: string },
  now: Date = new Date(),
): Promise<CaseDetail> {
  await mustBeCac(tx, actor)
  const r = await visibleRow(tx, actor, caseId, true)
  mustBeOpen(r)
  const reason = required(input.reason, 'reason')
  const peer = await getPeer(tx, input.toNode)
  if (peer.kind !== 'regulator') throw new DomainError('CASE_TRANSFER_TARGET_INVALID', { field: 'toNode' })
  const [pending] = await tx
    .select({ id: caseTransfer.id })
    .from(caseTransfer)
    .where(
      and(
        eq(caseTransfer.caseId, caseId),
        eq(caseTransfer.direction, 'outgoing'),
        eq(caseTransfer.status, 'pending'),
      ),
    )
  if (pending) throw new DomainError('CASE_TRANSFER_PENDING', { id: caseId })
  const id = newId(now.getTime())
  const materials = await materialsOf(tx, r)
  await protocol.send(tx, actor, {
    to: peer.nodeId,
    type: 'case.transferred',
    body: {
      transferId: id,
      caseNumber: r.number,
      title: r.title,
      summary: r.summary,
      reason,
      materials,
      sentAt: now.toISOString(),
      sentByName: actor.name,
    },
    articles: TRANSFER_ARTICLES,
  })
  await tx.insert(caseTransfer).values({
    id,
    direction: 'outgoing',
    peerNodeId: peer.nodeId,
    caseId,
    caseNumber: r.number,
    title: r.title,
    summary: r.summary,
    reason,
    materials,
    status: 'pending',
    sentAt: now,
    sentByName: actor.name,
  })
  await append(tx, {
    actor,
    action: 'case.transfer_sent',
    subject: { type: 'case', id: caseId },
    articles: TRANSFER_ARTICLES,
    evidence: { reason },
    details: { number: r.number, transferId: id, to: peer.nodeId },
    at: now,
  })
  return detail(tx, r, now)
}

export async function listCaseTransfers(
  tx: Tx,
  actor: Actor,
  filter: { direction?: 'outgoing' | 'incoming'; status?: 'pending' | 'accepted' | 'refused' } = {},
): Promise<CaseTransferView[]> {
  // Cooperation across regions is the CAC's: other organisations see a case's transfers on the case itself.
  if (!(await seesAll(tx, actor))) return []
  const rows = await tx
    .select()
    .from(caseTransfer)
    .where(
      and(
        filter.direction ? eq(caseTransfer.direction, filter.direction) : undefined,
        filter.status ? eq(caseTransfer.status, filter.status) : undefined,
      ),
    )
    .orderBy(desc(caseTransfer.sentAt))
    .limit(200)
  const names = await peerNames(tx)
  return rows.map((r) => presentTransfer(r, names))
}

async function pendingIncoming(tx: Tx, id: string): Promise<typeof caseTransfer.$inferSelect> {
  const [row] = await tx.select().from(caseTransfer).where(eq(caseTransfer.id, id)).for('update')
  if (row?.direction !== 'incoming') throw new DomainError('CASE_TRANSFER_NOT_FOUND', { id })
  if (row.status !== 'pending') throw new DomainError('CASE_TRANSFER_ANSWERED', { id })
  return row
}

async function answer(
  tx: Tx,
  actor: Actor,
  protocol: ProtocolNode,
  row: typeof caseTransfer.$inferSelect,
  body: { accepted: boolean; reason: string; caseNumber: string | null },
  now: Date,
): Promise<void> {
  await protocol.send(tx, actor, {
    to: row.peerNodeId,
    type: 'case.transfer_answered',
    body: {
      transferId: row.id,
      accepted: body.accepted,
      reason: body.reason,
      caseNumber: body.caseNumber,
      answeredAt: now.toISOString(),
      answeredByName: actor.name,
    },
    articles: TRANSFER_ARTICLES,
  })
}

/** Accepts a case from another region: a case of this node's own opens, led by the organisation named (the CAC by default). */
export async function acceptCaseTransfer(
  tx: Tx,
  actor: Actor,
  protocol: ProtocolNode,
  id: string,
  input: { leadOrganisationId?: string; note?: string },
  now: Date = new Date(),
): Promise<CaseTransferView> {
  await mustBeCac(tx, actor)
  const row = await pendingIncoming(tx, id)
  const lead = await caseOrganisation(
    tx,
    input.leadOrganisationId ?? actor.organisationId,
    'leadOrganisationId',
  )
  const peer = await getPeer(tx, row.peerNodeId)
  const note = input.note?.trim() ?? ''
  const caseId = newId(now.getTime())
  const opened = await insertCase(
    tx,
    actor,
    {
      id: caseId,
      title: row.title,
      summary: `${peer.nameZh}移交（原案号 ${row.caseNumber}）：${row.summary}`,
      lead,
      countyCode: null,
      publicReportIds: [],
      clarificationIds: [],
      platformReportIds: [],
    },
    TRANSFER_ARTICLES,
    now,
  )
  const [updated] = await tx
    .update(caseTransfer)
    .set({
      status: 'accepted',
      caseId,
      answeredAt: now,
      answeredByName: actor.name,
      answerReason: note === '' ? null : note,
      peerCaseNumber: opened.number,
    })
    .where(eq(caseTransfer.id, id))
    .returning()
  await answer(tx, actor, protocol, row, { accepted: true, reason: note, caseNumber: opened.number }, now)
  await append(tx, {
    actor,
    action: 'case.transfer_accepted',
    subject: { type: 'case', id: caseId },
    articles: TRANSFER_ARTICLES,
    details: { number: opened.number, transferId: id, from: row.peerNodeId, theirNumber: row.caseNumber },
    at: now,
  })
  return presentTransfer(updated as typeof caseTransfer.$inferSelect, await peerNames(tx))
}

/** Refuses a case from another region, with the reason the sender reads; its case stays open there. */
export async function refuseCaseTransfer(
  tx: Tx,
  actor: Actor,
  protocol: ProtocolNode,
  id: string,
  input: { reason: string },
  now: Date = new Date(),
): Promise<CaseTransferView> {
  await mustBeCac(tx, actor)
  const row = await pendingIncoming(tx, id)
  const reason = required(input.reason, 'reason')
  const [updated] = await tx
    .update(caseTransfer)
    .set({ status: 'refused', answeredAt: now, answeredByName: actor.name, answerReason: reason })
    .where(eq(caseTransfer.id, id))
    .returning()
  await answer(tx, actor, protocol, row, { accepted: false, reason, caseNumber: null }, now)
  await append(tx, {
    actor,
    action: 'case.transfer_refused',
    subject: { type: 'case_transfer', id },
    articles: TRANSFER_ARTICLES,
    evidence: { reason },
    details: { from: row.peerNodeId, theirNumber: row.caseNumber },
    at: now,
  })
  return presentTransfer(updated as typeof caseTransfer.$inferSelect, await peerNames(tx))
}

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max })

export const CaseTransferredSchema = Type.Object(
  {
    transferId: Type.String({ format: 'uuid' }),
    caseNumber: Text(64),
    title: Text(500),
    summary: Type.String({ maxLength: 20_000 }),
    reason: Text(2_000),
    materials: Type.Object(
      {
        countyCode: Type.Union([Type.String({ maxLength: 12 }), Type.Null()]),
        articles: Type.Array(Type.String({ maxLength: 12 }), { maxItems: 20 }),
        publicReports: Type.Array(
          Type.Object(
            {
              category: Type.String({ maxLength: 32 }),
              platform: Type.String({ maxLength: 200 }),
              link: Type.Union([Type.String({ maxLength: 2_000 }), Type.Null()]),
              description: Type.String({ maxLength: 10_000 }),
              receivedAt: Type.String({ format: 'date-time' }),
            },
            { additionalProperties: false },
          ),
          { maxItems: 500 },
        ),
        consultations: Type.Array(
          Type.Object(
            {
              heldOn: Type.String({ maxLength: 10 }),
              participants: Type.Array(Type.String({ maxLength: 200 }), { maxItems: 50 }),
              conclusions: Type.String({ maxLength: 10_000 }),
            },
            { additionalProperties: false },
          ),
          { maxItems: 200 },
        ),
        clarificationIds: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 200 }),
        platformReportIds: Type.Array(Type.String({ maxLength: 64 }), { maxItems: 500 }),
      },
      { additionalProperties: false },
    ),
    sentAt: Type.String({ format: 'date-time' }),
    sentByName: Text(200),
  },
  { additionalProperties: false },
)

/** Another region's regulator hands this node a case: kept as a pending transfer for the CAC to answer. */
export const caseTransferredHandler: MessageHandler = {
  type: 'case.transferred',
  body: CaseTransferredSchema,
  articles: TRANSFER_ARTICLES,
  receivers: ['regulator'],
  senders: ['regulator'],
  async handle(tx: Tx, env: Envelope, ctx: HandlerContext): Promise<void> {
    const b = env.body as {
      transferId: string
      caseNumber: string
      title: string
      summary: string
      reason: string
      materials: TransferMaterials
      sentAt: string
      sentByName: string
    }
    const inserted = await tx
      .insert(caseTransfer)
      .values({
        id: b.transferId,
        direction: 'incoming',
        peerNodeId: env.from,
        caseId: null,
        caseNumber: b.caseNumber,
        title: b.title,
        summary: b.summary,
        reason: b.reason,
        materials: b.materials,
        status: 'pending',
        sentAt: new Date(b.sentAt),
        sentByName: b.sentByName,
      })
      .onConflictDoNothing()
      .returning({ id: caseTransfer.id })
    // the same transfer id again (a second envelope for one transfer): refused, nothing stored
    if (inserted.length === 0) throw new DomainError('CASE_TRANSFER_DUPLICATE', { id: b.transferId })
    await append(tx, {
      actor: peerActor(env.from),
      action: 'case.transfer_received',
      subject: { type: 'case_transfer', id: b.transferId },
      articles: TRANSFER_ARTICLES,
      details: { from: env.from, theirNumber: b.caseNumber },
      at: ctx.now,
    })
  },
}

export const CaseTransferAnsweredSchema = Type.Object(
  {
    transferId: Type.String({ format: 'uuid' }),
    accepted: Type.Boolean(),
    reason: Type.String({ maxLength: 2_000 }),
    caseNumber: Type.Union([Type.String({ minLength: 1, maxLength: 64 }), Type.Null()]),
    answeredAt: Type.String({ format: 'date-time' }),
    answeredByName: Text(200),
  },
  { additionalProperties: false },
)

/** The answer to a case this node handed over: accepted closes the case as transferred; refused leaves it open. */
export const caseTransferAnsweredHandler: MessageHandler = {
  type: 'case.transfer_answered',
  body: CaseTransferAnsweredSchema,
  articles: TRANSFER_ARTICLES,
  receivers: ['regulator'],
  senders: ['regulator'],
  async handle(tx: Tx, env: Envelope, ctx: HandlerContext): Promise<void> {
    const b = env.body as {
      transferId: string
      accepted: boolean
      reason: string
      caseNumber: string | null
      answeredAt: string
      answeredByName: string
    }
    const [row] = await tx.select().from(caseTransfer).where(eq(caseTransfer.id, b.transferId)).for('update')
    // an answer about a transfer this node never sent to that peer, or one already answered: refused
    if (row?.direction !== 'outgoing' || row.peerNodeId !== env.from || row.caseId === null) {
      throw new DomainError('CASE_TRANSFER_NOT_FOUND', { id: b.transferId, from: env.from })
    }
    if (row.status !== 'pending') throw new DomainError('CASE_TRANSFER_ANSWERED', { id: b.transferId })
    if (b.accepted && b.caseNumber === null) {
      throw new DomainError('VALIDATION_FAILED', { field: 'caseNumber' })
    }
    const answeredAt = new Date(b.answeredAt)
    const reason = b.reason.trim()
    await tx
      .update(caseTransfer)
      .set({
        status: b.accepted ? 'accepted' : 'refused',
        answeredAt,
        answeredByName: b.answeredByName,
        answerReason: reason === '' ? null : reason,
        peerCaseNumber: b.caseNumber,
      })
      .where(eq(caseTransfer.id, row.id))
    if (b.accepted) {
      const peer = await getPeer(tx, env.from)
      await tx
        .update(caseFile)
        .set({
          status: 'transferred',
          closedAt: ctx.now,
          closedByName: peer.nameZh,
          conclusion: `移交${peer.nameZh}办理（对方案号 ${b.caseNumber}）`,
        })
        .where(and(eq(caseFile.id, row.caseId), eq(caseFile.status, 'open')))
    }
    await append(tx, {
      actor: peerActor(env.from),
      action: b.accepted ? 'case.transfer_accepted' : 'case.transfer_refused',
      subject: { type: 'case', id: row.caseId },
      articles: TRANSFER_ARTICLES,
      evidence: { reason },
      details: { number: row.caseNumber, transferId: row.id, by: env.from, theirNumber: b.caseNumber },
      at: ctx.now,
    })
  },
}
