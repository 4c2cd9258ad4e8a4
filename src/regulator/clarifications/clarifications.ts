// Clarifications (辟谣, A7): a department drafts one (the false claim as it circulates, and the facts); a second
// department co-signs when asked; someone other than the drafter approves; publication puts it on the public portal
// (with schema.org ClaimReview) and pushes `clarification.published` to every platform peer in the same transaction.
// Each platform answers `clarification.acted` once its sweep has stopped every copy: the regulator shows, per
// clarification, each platform's time to act and the items it stopped, and the time from report to clarification.
import { and, desc, eq, inArray } from 'drizzle-orm'
import { Type } from 'typebox'
import type { Actor } from '../../core/auth/index.ts'
import type { Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import { getOrganisation } from '../../core/organisations/index.ts'
import { ClaimBank } from '../../engine/index.ts'
import { append } from '../../ledger/index.ts'
import {
  type Envelope,
  type HandlerContext,
  listPeers,
  type MessageHandler,
  type ProtocolNode,
} from '../../protocol/index.ts'
import { closePublicReport, publicReportsByIds } from '../public-reports/index.ts'
import { clarification, clarificationDelivery } from './tables.ts'

type Row = typeof clarification.$inferSelect
type DeliveryRow = typeof clarificationDelivery.$inferSelect

export interface DeliveryView {
  platformNode: string
  sentAt: string
  actedAt: string | null
  disposalId: string | null
  stopped: number | null
  toReview: number | null
  /** From publication to the platform's sweep finishing, by the platform's clock. */
  timeToActMs: number | null
}

export interface ClarificationView {
  id: string
  claim: string
  title: string
  body: string
  verdict: 'false' | 'misleading'
  authorOrgId: string
  /** The drafter's staff id: they may not approve it. */
  draftedBy: string
  draftedByName: string
  draftedAt: string
  cosignOrgId: string | null
  cosignedByName: string | null
  cosignedAt: string | null
  approvedByName: string | null
  approvedAt: string | null
  status: 'draft' | 'approved' | 'published'
  publishedAt: string | null
  reportedAt: string | null
  /** From the first report to publication. */
  reportToClarificationMs: number | null
  /** The public reports it answers. */
  publicReportIds: string[]
  url: string
  deliveries: DeliveryView[]
}

const urlOf = (publicUrl: string, id: string) => `${publicUrl.replace(/\/$/, '')}/p/clarifications/${id}`

function present(r: Row, deliveries: DeliveryRow[], publicUrl: string): ClarificationView {
  return {
    id: r.id,
    claim: r.claim,
    title: r.title,
    body: r.body,
    verdict: r.verdict as ClarificationView['verdict'],
    authorOrgId: r.authorOrgId,
    draftedBy: r.draftedBy,
    draftedByName: r.draftedByName,
    draftedAt: r.draftedAt.toISOString(),
    cosignOrgId: r.cosignOrgId,
    cosignedByName: r.cosignedByName,
    cosignedAt: r.cosignedAt?.toISOString() ?? null,
    approvedByName: r.approvedByName,
    approvedAt: r.approvedAt?.toISOString() ?? null,
    status: r.status as ClarificationView['status'],
    publishedAt: r.publishedAt?.toISOString() ?? null,
    reportedAt: r.reportedAt?.toISOString() ?? null,
    reportToClarificationMs:
      r.publishedAt && r.reportedAt ? r.publishedAt.getTime() - r.reportedAt.getTime() : null,
    publicReportIds: r.publicReportIds,
    url: urlOf(publicUrl, r.id),
    deliveries: deliveries.map((d) => ({
      platformNode: d.platformNode,
      sentAt: d.sentAt.toISOString(),
      actedAt: d.actedAt?.toISOString() ?? null,
      disposalId: d.disposalId,
      stopped: d.stopped,
      toReview: d.toReview,
      timeToActMs:
        d.platformFinishedAt && r.publishedAt
          ? d.platformFinishedAt.getTime() - r.publishedAt.getTime()
          : null,
    })),
  }
}

async function deliveriesOf(tx: Tx, ids: string[]): Promise<Map<string, DeliveryRow[]>> {
  const out = new Map<string, DeliveryRow[]>()
  if (ids.length === 0) return out
  const rows = await tx
    .select()
    .from(clarificationDelivery)
    .where(inArray(clarificationDelivery.clarificationId, ids))
    .orderBy(clarificationDelivery.platformNode)
  for (const d of rows) out.set(d.clarificationId, [...(out.get(d.clarificationId) ?? []), d])
  return out
}

async function lockRow(tx: Tx, id: string): Promise<Row> {
  const [row] = await tx.select().from(clarification).where(eq(clarification.id, id)).for('update')
  if (!row) throw new DomainError('CLARIFICATION_NOT_FOUND', { id })
  return row
}

export interface DraftInput {
  claim: string
  title: string
  body: string
  verdict: 'false' | 'misleading'
  /** Another department asked to co-sign. */
  cosignOrgId?: string
  reportedAt?: string
  /** Public reports about this claim: the first one's arrival is when it was reported; all are told at publication. */
  publicReportIds?: string[]
}

export async function draftClarification(
  tx: Tx,
  actor: Actor,
  input: DraftInput,
  publicUrl: string,
  now: Date = new Date(),
): Promise<ClarificationView> {
  if (!actor.organisationId) throw new DomainError('FORBIDDEN', { reason: 'no organisation' })
  // platforms will match the claim: one too short to match safely is refused here, not at every platform
  const probe = new ClaimBank().add({ id: 'probe', text: input.claim })
  if (!probe.ok) {
    throw new DomainError('FALSE_CLAIM_INVALID', { errors: [{ field: 'claim', zh: probe.zh, en: probe.en }] })
  }
  if (input.cosignOrgId !== undefined) {
    await getOrganisation(tx, input.cosignOrgId)
    if (input.cosignOrgId === actor.organisationId) {
      throw new DomainError('CLARIFICATION_COSIGN_INVALID', { field: 'cosignOrgId' })
    }
  }
  let reportedAt = input.reportedAt ? new Date(input.reportedAt) : null
  if (reportedAt && !(reportedAt.getTime() <= now.getTime())) {
    throw new DomainError('VALIDATION_FAILED', { field: 'reportedAt' })
  }
  const reportIds = [...new Set(input.publicReportIds ?? [])]
  const linked = await publicReportsByIds(tx, reportIds)
  if (linked.length !== reportIds.length) {
    const known = new Set(linked.map((l) => l.id))
    throw new DomainError('PUBLIC_REPORT_NOT_FOUND', {
      field: 'publicReportIds',
      missing: reportIds.filter((x) => !known.has(x)),
    })
  }
  for (const l of linked) if (!reportedAt || l.receivedAt < reportedAt) reportedAt = l.receivedAt
  const row: typeof clarification.$inferInsert = {
    id: newId(now.getTime()),
    claim: input.claim.trim(),
    title: input.title.trim(),
    body: input.body.trim(),
    verdict: input.verdict,
    authorOrgId: actor.organisationId,
    draftedBy: actor.staffId,
    draftedByName: actor.name,
    draftedAt: now,
    cosignOrgId: input.cosignOrgId ?? null,
    status: 'draft',
    reportedAt,
    publicReportIds: reportIds,
  }
  await tx.insert(clarification).values(row)
  await append(tx, {
    actor,
    action: 'clarification.drafted',
    subject: { type: 'clarification', id: row.id },
    articles: ['A7'],
    evidence: { claim: row.claim, title: row.title, body: row.body },
    details: { verdict: input.verdict, cosignOrgId: row.cosignOrgId },
    at: now,
  })
  return getClarification(tx, row.id, publicUrl)
}

/** A second department signs the draft (会签): an officer of the department asked. */
export async function cosignClarification(
  tx: Tx,
  actor: Actor,
  id: string,
  publicUrl: string,
  now: Date = new Date(),
): Promise<ClarificationView> {
  const row = await lockRow(tx, id)
  if (row.status !== 'draft') throw new DomainError('CLARIFICATION_STATE', { id, state: row.status })
  if (!row.cosignOrgId || row.cosignOrgId !== actor.organisationId || row.cosignedAt) {
    throw new DomainError('CLARIFICATION_COSIGN_INVALID', { id })
  }
  await tx
    .update(clarification)
    .set({ cosignedBy: actor.staffId, cosignedByName: actor.name, cosignedAt: now })
    .where(eq(clarification.id, id))
  await append(tx, {
    actor,
    action: 'clarification.cosigned',
    subject: { type: 'clarification', id },
    articles: ['A7', 'A5.1'],
    details: { organisationId: actor.organisationId },
    at: now,
  })
  return getClarification(tx, id, publicUrl)
}

/** Approval by someone other than the drafter, once the co-signature asked for is there. */
export async function approveClarification(
  tx: Tx,
  actor: Actor,
  id: string,
  publicUrl: string,
  now: Date = new Date(),
): Promise<ClarificationView> {
  const row = await lockRow(tx, id)
  if (row.status !== 'draft') throw new DomainError('CLARIFICATION_STATE', { id, state: row.status })
  if (row.draftedBy === actor.staffId) throw new DomainError('CLARIFICATION_SELF_APPROVAL', { id })
  if (row.cosignOrgId && !row.cosignedAt) throw new DomainError('CLARIFICATION_COSIGN_MISSING', { id })
  await tx
    .update(clarification)
    .set({ status: 'approved', approvedBy: actor.staffId, approvedByName: actor.name, approvedAt: now })
    .where(eq(clarification.id, id))
  await append(tx, {
    actor,
    action: 'clarification.approved',
    subject: { type: 'clarification', id },
    articles: ['A7'],
    details: {},
    at: now,
  })
  return getClarification(tx, id, publicUrl)
}

/** schema.org ClaimReview of a published clarification. */
export function claimReview(c: ClarificationView, publisher: { name: string; url: string }) {
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: c.url,
    datePublished: c.publishedAt,
    claimReviewed: c.claim,
    headline: c.title,
    reviewBody: c.body,
    author: { '@type': 'GovernmentOrganization', name: publisher.name, url: publisher.url },
    reviewRating: {
      '@type': 'Rating',
      ratingValue: c.verdict === 'false' ? 1 : 2,
      bestRating: 5,
      worstRating: 1,
      alternateName: c.verdict === 'false' ? '虚假' : '误导',
    },
  }
}

/**
 * Publishes an approved clarification and, in the same transaction, queues `clarification.published` to every
 * active platform peer (the outbox delivers with retries).
 */
export async function publishClarification(
  tx: Tx,
  actor: Actor,
  protocol: ProtocolNode,
  id: string,
  publisher: { name: string; publicUrl: string },
  now: Date = new Date(),
): Promise<ClarificationView> {
  const row = await lockRow(tx, id)
  if (row.status !== 'approved') throw new DomainError('CLARIFICATION_STATE', { id, state: row.status })
  await tx
    .update(clarification)
    .set({ status: 'published', publishedAt: now })
    .where(eq(clarification.id, id))
  const published = await getClarification(tx, id, publisher.publicUrl)
  const platforms = (await listPeers(tx)).filter((p) => p.kind === 'platform' && p.status === 'active')
  const review = claimReview(published, { name: publisher.name, url: publisher.publicUrl })
  for (const p of platforms) {
    const envelopeId = await protocol.send(tx, actor, {
      to: p.nodeId,
      type: 'clarification.published',
      body: {
        clarificationId: id,
        claim: published.claim,
        title: published.title,
        body: published.body,
        verdict: published.verdict,
        url: published.url,
        publishedAt: now.toISOString(),
        claimReview: review,
      },
      articles: ['A7', 'A16'],
    })
    await tx
      .insert(clarificationDelivery)
      .values({ clarificationId: id, platformNode: p.nodeId, envelopeId, sentAt: now })
  }
  // every public report it answers hears of it (A18: feedback); one closed already keeps its feedback
  const open = (await publicReportsByIds(tx, row.publicReportIds)).filter((r) => r.status !== 'closed')
  for (const r of open) {
    await closePublicReport(
      tx,
      actor,
      r.id,
      {
        feedback: `经核实，您举报的信息为虚假信息，已发布辟谣：《${published.title}》${published.url}，并已通知各平台清理。感谢您的举报。`,
        articles: ['A7', 'A18'],
      },
      now,
    )
  }
  await append(tx, {
    actor,
    action: 'clarification.published',
    subject: { type: 'clarification', id },
    articles: ['A7'],
    evidence: { claim: published.claim, title: published.title, body: published.body, claimReview: review },
    details: {
      url: published.url,
      platforms: platforms.map((p) => p.nodeId),
      publicReportsClosed: open.length,
    },
    at: now,
  })
  return getClarification(tx, id, publisher.publicUrl)
}

export async function getClarification(tx: Tx, id: string, publicUrl: string): Promise<ClarificationView> {
  const [row] = await tx.select().from(clarification).where(eq(clarification.id, id))
  if (!row) throw new DomainError('CLARIFICATION_NOT_FOUND', { id })
  return present(row, (await deliveriesOf(tx, [id])).get(id) ?? [], publicUrl)
}

export async function listClarifications(
  tx: Tx,
  publicUrl: string,
  opts: { status?: string; limit?: number } = {},
): Promise<ClarificationView[]> {
  const rows = await tx
    .select()
    .from(clarification)
    .where(opts.status ? eq(clarification.status, opts.status) : undefined)
    .orderBy(desc(clarification.draftedAt))
    .limit(opts.limit ?? 100)
  const ds = await deliveriesOf(
    tx,
    rows.map((r) => r.id),
  )
  return rows.map((r) => present(r, ds.get(r.id) ?? [], publicUrl))
}

/** What the public sees: published clarifications only, without the people who drafted and approved them. */
export interface PublicClarification {
  id: string
  claim: string
  title: string
  body: string
  verdict: string
  publishedAt: string
  url: string
  claimReview: ReturnType<typeof claimReview>
}

export function toPublic(
  c: ClarificationView,
  publisher: { name: string; url: string },
): PublicClarification {
  return {
    id: c.id,
    claim: c.claim,
    title: c.title,
    body: c.body,
    verdict: c.verdict,
    publishedAt: c.publishedAt ?? '',
    url: c.url,
    claimReview: claimReview(c, publisher),
  }
}

export async function publicClarifications(
  tx: Tx,
  publisher: { name: string; publicUrl: string },
  limit = 50,
): Promise<PublicClarification[]> {
  return (await listClarifications(tx, publisher.publicUrl, { status: 'published', limit })).map((c) =>
    toPublic(c, { name: publisher.name, url: publisher.publicUrl }),
  )
}

export async function publicClarification(
  tx: Tx,
  id: string,
  publisher: { name: string; publicUrl: string },
): Promise<PublicClarification> {
  const c = await getClarification(tx, id, publisher.publicUrl)
  if (c.status !== 'published') throw new DomainError('CLARIFICATION_NOT_FOUND', { id })
  return toPublic(c, { name: publisher.name, url: publisher.publicUrl })
}

// --- the platform's answer ---

export const ClarificationActedSchema = Type.Object(
  {
    clarificationId: Type.String({ format: 'uuid' }),
    disposalId: Type.String({ maxLength: 64 }),
    stopped: Type.Integer({ minimum: 0 }),
    toReview: Type.Integer({ minimum: 0 }),
    startedAt: Type.String({ format: 'date-time' }),
    finishedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
)

/** A platform's report of what it did about a clarification (A7, A16). */
export const clarificationActedHandler: MessageHandler = {
  type: 'clarification.acted',
  body: ClarificationActedSchema,
  articles: ['A7', 'A16'],
  receivers: ['regulator'],
  senders: ['platform'],
  async handle(tx: Tx, env: Envelope, ctx: HandlerContext): Promise<void> {
    const b = env.body as {
      clarificationId: string
      disposalId: string
      stopped: number
      toReview: number
      startedAt: string
      finishedAt: string
    }
    const updated = await tx
      .update(clarificationDelivery)
      .set({
        actedAt: ctx.now,
        disposalId: b.disposalId,
        stopped: b.stopped,
        toReview: b.toReview,
        platformStartedAt: new Date(b.startedAt),
        platformFinishedAt: new Date(b.finishedAt),
      })
      .where(
        and(
          eq(clarificationDelivery.clarificationId, b.clarificationId),
          eq(clarificationDelivery.platformNode, env.from),
        ),
      )
      .returning({ id: clarificationDelivery.clarificationId })
    if (updated.length === 0) {
      throw new DomainError('CLARIFICATION_NOT_FOUND', { id: b.clarificationId, from: env.from })
    }
  },
}

/** Which of these ids are clarifications (a case's links). */
export async function clarificationIdsAmong(tx: Tx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await tx
    .select({ id: clarification.id })
    .from(clarification)
    .where(inArray(clarification.id, ids))
  return rows.map((r) => r.id)
}
