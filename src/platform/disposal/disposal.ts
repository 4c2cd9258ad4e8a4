// Disposal of false and prohibited information (A16): stop transmission at once, remove, label as false with the
// clarification, limit distribution; prevent spread (the claim joins the bank, so a new upload that matches is
// blocked at publish, and the sweep finds every copy already published); keep records (every act on the ledger,
// removed text kept sealed for the retention period); tell authors why, lower their credit, and tell those who
// commented on a disposed item when the node is so configured.
import type { Actor } from '../../core/auth/index.ts'
import { open, seal, sha256Hex } from '../../core/crypto.ts'
import { afterCommit, type Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import { type AppendInput, append, appendMany, entriesAbout, type LedgerActor } from '../../ledger/index.ts'
import {
  type ContentRow,
  type FalseLabel,
  findContentItems,
  itemsUnder,
  lockContentItem,
  setDisposition,
  withdrawForReview,
} from '../content/index.ts'
import { recordCreditEvents } from '../credit/index.ts'
import { queueFiling } from '../filings/index.ts'
import { type NoticeInput, notifyUsers } from '../notices/index.ts'
import { addFalseClaim, type ScreeningService } from '../screening/index.ts'
import * as store from './store.ts'

export const MEASURES = ['stop', 'remove', 'label', 'limit'] as const
export type Measure = (typeof MEASURES)[number]
export type DisposalCategory = 'prohibit' | 'false'
export const RUMOR_SOURCES = ['review', 'regulator', 'trusted'] as const
export type RumorSource = (typeof RUMOR_SOURCES)[number]

/** What the node gives the disposal use cases: its screener, its sealing key and its settings. */
export interface DisposalContext {
  screening: ScreeningService
  /** Seals removed text at rest. */
  retentionKey: Buffer
  retentionDays: number
  notifyInteractors: boolean
  /**
   * Starts the sweep of a disposal; `confirmRumor` calls it once the transaction that confirmed the rumor has
   * committed (the claim is in every process's bank from then on). Unset, the caller sweeps (tests, tools).
   */
  startSweep?: (disposalId: string) => void
  /** Runs in the transaction that applied a disposal to items: closes the open reports on them. */
  onApplied?: (
    tx: Tx,
    actor: Actor | LedgerActor,
    applied: { disposal: store.DisposalRow; rumor: store.RumorRow | null; itemIds: string[]; at: Date },
  ) => Promise<unknown>
}

const RETENTION_PURPOSE = 'retained-content'

export interface RumorView {
  id: string
  text: string
  verdict: string
  source: string
  sourceRef: string
  clarificationUrl: string | null
  clarificationTitle: string | null
  claimId: string
  confirmedByName: string
  confirmedAt: string
}

export const presentRumor = (r: store.RumorRow): RumorView => ({
  id: r.id,
  text: r.text,
  verdict: r.verdict,
  source: r.source,
  sourceRef: r.sourceRef,
  clarificationUrl: r.clarificationUrl,
  clarificationTitle: r.clarificationTitle,
  claimId: r.claimId,
  confirmedByName: r.confirmedByName,
  confirmedAt: r.confirmedAt.toISOString(),
})

export interface DisposalView {
  id: string
  rumor: RumorView | null
  itemId: string | null
  measures: Measure[]
  reason: string
  articles: string[]
  category: DisposalCategory
  notifyInteractors: boolean
  status: 'sweeping' | 'finished'
  candidates: number
  applied: number
  toReview: number
  createdByName: string
  createdAt: string
  finishedAt: string | null
  /** From the start to the end of the sweep. */
  durationMs: number | null
}

export function presentDisposal(d: store.DisposalRow, rumor: store.RumorRow | null): DisposalView {
  return {
    id: d.id,
    rumor: rumor ? presentRumor(rumor) : null,
    itemId: d.itemId,
    measures: d.measures as Measure[],
    reason: d.reason,
    articles: d.articles,
    category: d.category as DisposalCategory,
    notifyInteractors: d.notifyInteractors,
    status: d.status as DisposalView['status'],
    candidates: d.candidates,
    applied: d.applied,
    toReview: d.toReview,
    createdByName: d.createdByName,
    createdAt: d.createdAt.toISOString(),
    finishedAt: d.finishedAt?.toISOString() ?? null,
    durationMs: d.finishedAt ? d.finishedAt.getTime() - d.createdAt.getTime() : null,
  }
}

export interface DisposalInput {
  measures: Measure[]
  reason: string
  category: DisposalCategory
  notifyInteractors?: boolean
}

function checkMeasures(measures: readonly string[]): Measure[] {
  const set = [...new Set(measures)]
  if (set.length === 0 || set.some((m) => !(MEASURES as readonly string[]).includes(m))) {
    throw new DomainError('DISPOSAL_MEASURES_INVALID', { field: 'measures', measures: set })
  }
  if (set.includes('remove') && !set.includes('stop')) {
    throw new DomainError('DISPOSAL_MEASURES_INVALID', { field: 'measures', measures: set })
  }
  return MEASURES.filter((m) => set.includes(m))
}

const articlesFor = (category: DisposalCategory, rumor: boolean) =>
  category === 'prohibit' ? ['A16', 'A10'] : rumor ? ['A16', 'A7'] : ['A16']

function actorFields(actor: Actor | LedgerActor): { id: string; name: string } {
  return { id: actor.id, name: actor.name }
}

export interface ConfirmRumorInput extends DisposalInput {
  text: string
  verdict: 'false' | 'misleading'
  source: RumorSource
  sourceRef: string
  clarificationUrl?: string | null
  clarificationTitle?: string | null
}

/**
 * Enters a confirmed false claim into the registry, the claim bank (new uploads that match are blocked at publish
 * from the moment this commits; this process's screener gets it then, through addFalseClaim) and starts its
 * disposal; the caller starts the sweep after the commit.
 */
export async function confirmRumor(
  tx: Tx,
  actor: Actor | LedgerActor,
  ctx: DisposalContext,
  input: ConfirmRumorInput,
  now: Date = new Date(),
): Promise<{ rumor: RumorView; disposal: DisposalView; claim: { id: string; text: string } }> {
  const measures = checkMeasures(input.measures)
  const claim = await addFalseClaim(
    tx,
    actor,
    ctx.screening,
    { text: input.text, source: `${input.source}:${input.sourceRef}` },
    now,
  )
  const who = actorFields(actor)
  const rumorRow: store.RumorRow = {
    id: newId(now.getTime()),
    text: claim.text,
    verdict: input.verdict,
    source: input.source,
    sourceRef: input.sourceRef,
    clarificationUrl: input.clarificationUrl ?? null,
    clarificationTitle: input.clarificationTitle ?? null,
    claimId: claim.id,
    confirmedBy: who.id,
    confirmedByName: who.name,
    confirmedAt: now,
  }
  await store.insertRumor(tx, rumorRow)
  const articles = articlesFor(input.category, true)
  const row: typeof import('./tables.ts').disposal.$inferInsert = {
    id: newId(now.getTime()),
    rumorId: rumorRow.id,
    itemId: null,
    measures,
    reason: input.reason,
    articles,
    category: input.category,
    notifyInteractors: input.notifyInteractors ?? ctx.notifyInteractors,
    status: 'sweeping',
    createdBy: who.id,
    createdByName: who.name,
    createdAt: now,
  }
  await store.insertDisposal(tx, row)
  await appendMany(tx, [
    {
      actor,
      action: 'rumor.confirmed',
      subject: { type: 'rumor', id: rumorRow.id },
      articles: input.source === 'regulator' ? ['A16', 'A7'] : ['A16'],
      evidence: { text: rumorRow.text, clarificationUrl: rumorRow.clarificationUrl },
      details: {
        verdict: input.verdict,
        source: input.source,
        sourceRef: input.sourceRef,
        claimId: claim.id,
        clarificationUrl: rumorRow.clarificationUrl,
      },
      at: now,
    },
    {
      actor,
      action: 'disposal.started',
      subject: { type: 'disposal', id: row.id },
      articles,
      details: { rumorId: rumorRow.id, measures, category: input.category, reason: input.reason },
      at: now,
    },
  ])
  const stored = await store.findDisposal(tx, row.id)
  if (!stored) throw new Error('disposal insert lost')
  const start = ctx.startSweep
  if (start) afterCommit(tx, () => start(row.id))
  return {
    rumor: presentRumor(rumorRow),
    disposal: presentDisposal(stored, rumorRow),
    claim: { id: claim.id, text: claim.text },
  }
}

/** Disposes of one item (a report upheld, an order, a reviewer's finding): applied at once, in this transaction. */
export async function disposeItem(
  tx: Tx,
  actor: Actor | LedgerActor,
  ctx: DisposalContext,
  itemId: string,
  input: DisposalInput,
  now: Date = new Date(),
): Promise<DisposalView> {
  const measures = checkMeasures(input.measures)
  const item = await lockContentItem(tx, itemId)
  if (item.status !== 'published' && item.status !== 'held') {
    throw new DomainError('DISPOSAL_ITEM_INVALID', { id: itemId, itemStatus: item.status })
  }
  const who = actorFields(actor)
  const articles = articlesFor(input.category, false)
  const id = newId(now.getTime())
  await store.insertDisposal(tx, {
    id,
    rumorId: null,
    itemId,
    measures,
    reason: input.reason,
    articles,
    category: input.category,
    notifyInteractors: input.notifyInteractors ?? ctx.notifyInteractors,
    status: 'finished',
    createdBy: who.id,
    createdByName: who.name,
    createdAt: now,
    finishedAt: now,
  })
  const started = await append(tx, {
    actor,
    action: 'disposal.started',
    subject: { type: 'disposal', id },
    articles,
    details: { itemId, measures, category: input.category, reason: input.reason },
    at: now,
  })
  const d = await store.findDisposal(tx, id)
  if (!d) throw new Error('disposal insert lost')
  const applied = await applyDisposal(tx, actor, ctx, d, null, [{ row: item, similarity: 1 }], [], now)
  const finishedEntry = await append(tx, {
    actor,
    action: 'disposal.finished',
    subject: { type: 'disposal', id },
    articles,
    details: { itemId, applied: 1, toReview: 0, candidates: 1, durationMs: 0 },
    at: now,
  })
  await fileDisposal(tx, actor, d, null, ctx, [started, ...applied.entryIds, finishedEntry], now)
  const finished = await store.findDisposal(tx, id)
  if (!finished) throw new Error('disposal lost')
  return presentDisposal(finished, null)
}

function excerpt(text: string): string {
  const chars = [...text]
  return chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : text
}

/**
 * Applies a disposal to items that matched (and sends near matches to review), each once: the disposal_item row is
 * written first and only the items it was new for are changed. Under a legal hold an item is stopped but kept as it
 * is (not removed). Returns the ids applied now.
 */
export async function applyDisposal(
  tx: Tx,
  actor: Actor | LedgerActor,
  ctx: DisposalContext,
  d: store.DisposalRow,
  rumor: store.RumorRow | null,
  matched: { row: ContentRow; similarity: number }[],
  nearMatches: { row: ContentRow; similarity: number }[],
  now: Date = new Date(),
): Promise<{ applied: string[]; toReview: string[]; entryIds: string[] }> {
  const measures = d.measures as Measure[]
  const live = (r: ContentRow) => r.status === 'published' || r.status === 'held'
  const targets = matched.filter((m) => live(m.row))
  const reviews = nearMatches.filter((m) => m.row.status === 'published' && m.row.restriction === null)
  const holds = await store.heldByLaw(
    tx,
    targets.map((t) => t.row.id),
  )
  const afterMs = Math.max(0, now.getTime() - d.createdAt.getTime())
  const effective = (id: string): Measure[] =>
    holds.has(id) ? measures.filter((m) => m !== 'remove') : measures
  const fresh = await store.insertDisposalItems(tx, [
    ...targets.map((t) => ({
      disposalId: d.id,
      itemId: t.row.id,
      kind: t.row.kind,
      authorId: t.row.authorId,
      similarity: t.similarity,
      outcome: 'applied',
      measures: effective(t.row.id),
      legalHold: holds.has(t.row.id),
      statusBefore: t.row.status,
      appliedAt: now,
      afterMs,
    })),
    ...reviews.map((t) => ({
      disposalId: d.id,
      itemId: t.row.id,
      kind: t.row.kind,
      authorId: t.row.authorId,
      similarity: t.similarity,
      outcome: 'review',
      measures: [],
      legalHold: false,
      statusBefore: t.row.status,
      appliedAt: now,
      afterMs,
    })),
  ])
  const apply = targets.filter((t) => fresh.has(t.row.id))
  const review = reviews.filter((t) => fresh.has(t.row.id))
  const label: Omit<FalseLabel, 'zh' | 'en'> = rumor
    ? { rumorId: rumor.id, url: rumor.clarificationUrl, title: rumor.clarificationTitle }
    : { rumorId: null, url: null, title: null }
  const restriction = measures.includes('stop') ? 'stopped' : measures.includes('limit') ? 'limited' : null

  // One statement per kind of change: removal (text sealed away), and keeping in place (held by law or not removed).
  const remove = apply.filter((t) => measures.includes('remove') && !holds.has(t.row.id))
  const keep = apply.filter((t) => !remove.includes(t))
  const base = {
    disposalId: d.id,
    ...(restriction ? { restriction } : {}),
    ...(measures.includes('label') ? { falseLabel: label } : {}),
  }
  await setDisposition(
    tx,
    remove.map((t) => t.row.id),
    { ...base, status: 'removed', text: '' },
  )
  // Kept in place: a published item keeps its status; one still waiting for a reviewer is decided by the disposal
  // (rejected) and leaves the review queue, unless a legal hold keeps it exactly as it is.
  const waiting = keep.filter((t) => t.row.status === 'held' && !holds.has(t.row.id))
  await setDisposition(
    tx,
    keep.filter((t) => !waiting.includes(t)).map((t) => t.row.id),
    base,
  )
  await setDisposition(
    tx,
    waiting.map((t) => t.row.id),
    { ...base, status: 'rejected', decidedAt: now, decisionReason: d.reason },
  )
  const retainUntil = new Date(now.getTime() + ctx.retentionDays * 86_400_000)
  await store.insertRetained(
    tx,
    remove.map((t) => ({
      itemId: t.row.id,
      sealed: seal(Buffer.from(t.row.text, 'utf8'), ctx.retentionKey, RETENTION_PURPOSE),
      digest: sha256Hex(t.row.text),
      removedAt: now,
      retainUntil,
      purgedAt: null,
    })),
  )
  // Near matches go to a reviewer, as a patrol's hits do.
  for (const t of review) {
    await withdrawForReview(tx, t.row.id, {
      verdict: {
        ...(t.row.verdict as object),
        outcome: 'hold',
        reasons: [
          {
            type: 'claim',
            outcome: 'hold',
            id: rumor?.claimId ?? '',
            similarity: t.similarity,
            start: 0,
            end: 0,
            basis: ['A16'],
          },
        ],
      },
      ruleVersion: t.row.ruleVersion,
      patrolRunId: null,
      at: now,
    })
  }

  const entries: AppendInput[] = apply.map((t) => ({
    actor,
    action: 'disposal.applied',
    subject: { type: 'content', id: t.row.id },
    articles: d.articles,
    evidence: { text: t.row.text },
    details: {
      disposalId: d.id,
      rumorId: rumor?.id ?? null,
      kind: t.row.kind,
      similarity: Math.round(t.similarity * 1000) / 1000,
      measures: effective(t.row.id),
      legalHold: holds.has(t.row.id),
      statusBefore: t.row.status,
      afterMs,
    },
    at: now,
  }))
  for (const t of review) {
    entries.push({
      actor,
      action: 'disposal.review',
      subject: { type: 'content', id: t.row.id },
      articles: ['A16', 'A12.1'],
      details: { disposalId: d.id, similarity: Math.round(t.similarity * 1000) / 1000 },
      at: now,
    })
  }
  const entryIds = entries.length > 0 ? await appendMany(tx, entries) : []

  const why = rumor
    ? `与经核实的虚假信息一致${rumor.clarificationUrl ? `（辟谣：${rumor.clarificationUrl}）` : ''}`
    : d.reason
  const whyEn = rumor
    ? `it repeats a claim confirmed false${rumor.clarificationUrl ? ` (clarification: ${rumor.clarificationUrl})` : ''}`
    : d.reason
  const doneZh =
    remove.length > 0 || measures.includes('remove')
      ? '已删除'
      : restriction === 'stopped'
        ? '已停止传播'
        : restriction === 'limited'
          ? '已限制传播'
          : '已加注“虚假信息”标识'
  const doneEn = measures.includes('remove')
    ? 'removed'
    : restriction === 'stopped'
      ? 'stopped'
      : restriction === 'limited'
        ? 'limited'
        : 'labelled false'
  await recordCreditEvents(
    tx,
    actor,
    apply.map((t) => ({
      userId: t.row.authorId,
      kind: 'violation' as const,
      severity: d.category === 'prohibit' ? 3 : 2,
      reason: `传播虚假信息，内容${doneZh}：${d.reason} / spreading false information, item ${doneEn}: ${d.reason}`,
      subject: { type: 'content', id: t.row.id },
      at: now,
    })),
  )
  await notifyUsers(
    tx,
    apply.map((t) => ({
      userId: t.row.authorId,
      kind: 'content_disposed',
      subject: { type: 'content', id: t.row.id },
      zh: `您发布的内容“${excerpt(t.row.text)}”${doneZh}，理由：${why}。处置依据：${d.articles.join('、')}。账号信用分已相应扣减，如有异议可在申诉期内提出申诉。`,
      en: `Your item "${excerpt(t.row.text)}" was ${doneEn}: ${whyEn}. Basis: ${d.articles.join(', ')}. Your credit was lowered; you may appeal within the appeal period.`,
      articles: [...d.articles, 'A13.3'],
      at: now,
    })),
  )
  if (d.notifyInteractors && apply.length > 0) {
    const authors = new Map(apply.map((t) => [t.row.id, t.row.authorId]))
    const under = await itemsUnder(tx, [...authors.keys()])
    const told = new Set<string>(authors.values())
    const notices: NoticeInput[] = []
    for (const u of under) {
      if (told.has(u.authorId)) continue
      told.add(u.authorId)
      notices.push({
        userId: u.authorId,
        kind: 'interacted_disposed',
        subject: { type: 'content', id: u.id },
        zh: `您评论或回复过的内容经核实为虚假信息，${doneZh}${rumor?.clarificationUrl ? `。辟谣信息：${rumor.clarificationUrl}` : ''}。请勿继续转发。`,
        en: `An item you commented on or replied to was confirmed false and ${doneEn}${rumor?.clarificationUrl ? `. Clarification: ${rumor.clarificationUrl}` : ''}. Please do not pass it on.`,
        articles: ['A16'],
        at: now,
      })
    }
    await notifyUsers(tx, notices)
  }
  await store.addCounts(tx, d.id, { applied: apply.length, toReview: review.length })
  const applied = apply.map((t) => t.row.id)
  if (ctx.onApplied && applied.length > 0) {
    await ctx.onApplied(tx, actor, { disposal: d, rumor, itemIds: applied, at: now })
  }
  return { applied, toReview: review.map((t) => t.row.id), entryIds }
}

/** How the regulator's console names the measures taken (the filing's `done.measures`). */
const FILED_MEASURE: Record<Measure, string> = {
  stop: 'stopped',
  remove: 'removed',
  label: 'labelled_false',
  limit: 'limited',
}

/**
 * Reports a disposal of prohibited information to the regulator (A16: 向有关主管部门报告), in the transaction that
 * finished it: what was found, when, what was done, each item's digest, and the ledger entries that prove it. A
 * disposal of false information that is not prohibited is not filed. At most 1,000 items are listed; the count of
 * the rest is in the description.
 */
export async function fileDisposal(
  tx: Tx,
  actor: Actor | LedgerActor,
  d: store.DisposalRow,
  rumor: store.RumorRow | null,
  ctx: Pick<DisposalContext, 'retentionKey'>,
  ledgerEntryIds: string[],
  at: Date,
): Promise<number> {
  if (d.category !== 'prohibit') return 0
  const rows = (await store.disposalItems(tx, d.id, 100_000)).filter((r) => r.outcome === 'applied')
  const listed = rows.slice(0, 1000)
  const current = new Map(
    (
      await findContentItems(
        tx,
        listed.map((r) => r.itemId),
      )
    ).map((c) => [c.id, c]),
  )
  const items: { id: string; kind: string; text: string }[] = []
  for (const r of listed) {
    const c = current.get(r.itemId)
    const text = c?.status === 'removed' ? await retainedText(tx, ctx, r.itemId) : (c?.text ?? null)
    if (text !== null) items.push({ id: r.itemId, kind: r.kind, text })
  }
  if (items.length === 0) return 0
  const what = rumor ? `“${excerpt(rumor.text)}”` : `“${excerpt(items[0]?.text ?? '')}”`
  const more = rows.length > listed.length ? `（另有 ${rows.length - listed.length} 条）` : ''
  const moreEn = rows.length > listed.length ? ` (and ${rows.length - listed.length} more)` : ''
  const measures = [
    ...(d.measures as Measure[]).map((m) => FILED_MEASURE[m]),
    ...(rumor ? ['copies_blocked'] : []),
    'records_kept',
  ]
  const filed = await queueFiling(tx, actor, {
    subject: { type: 'disposal', id: d.id },
    category: 'prohibited',
    found: {
      zh: `发现违法信息${what}，共 ${rows.length} 条${more}。处置理由：${d.reason}`,
      en: `Prohibited information found: ${what}, ${rows.length} items${moreEn}. Reason: ${d.reason}`,
      at: d.createdAt,
    },
    measures,
    doneAt: at,
    items,
    ledgerEntryIds: ledgerEntryIds.slice(0, 200),
  })
  return filed.length
}

export async function getDisposal(tx: Tx, id: string): Promise<DisposalView> {
  const d = await store.findDisposal(tx, id)
  if (!d) throw new DomainError('DISPOSAL_NOT_FOUND', { id })
  const rumor = d.rumorId ? ((await store.findRumor(tx, d.rumorId)) ?? null) : null
  return presentDisposal(d, rumor)
}

export interface DisposalItemView {
  itemId: string
  kind: string
  similarity: number
  outcome: 'applied' | 'review'
  measures: string[]
  legalHold: boolean
  statusBefore: string
  appliedAt: string
  afterMs: number
  /** The item as it is now: its status, its restriction and label, and, unless removed, an excerpt. */
  status: string | null
  restriction: string | null
  falseLabelled: boolean
  excerpt: string | null
}

/** A disposal with the items it acted on and when. */
export async function disposalDetail(
  tx: Tx,
  id: string,
  limit = 500,
): Promise<{ disposal: DisposalView; items: DisposalItemView[] }> {
  const disposal = await getDisposal(tx, id)
  const rows = await store.disposalItems(tx, id, limit)
  const now = new Map(
    (
      await findContentItems(
        tx,
        rows.map((r) => r.itemId),
      )
    ).map((c) => [c.id, c]),
  )
  return {
    disposal,
    items: rows.map((r) => {
      const c = now.get(r.itemId)
      return {
        itemId: r.itemId,
        kind: r.kind,
        similarity: Math.round(r.similarity * 1000) / 1000,
        outcome: r.outcome as 'applied' | 'review',
        measures: r.measures,
        legalHold: r.legalHold,
        statusBefore: r.statusBefore,
        appliedAt: r.appliedAt.toISOString(),
        afterMs: r.afterMs,
        status: c?.status ?? null,
        restriction: c?.restriction ?? null,
        falseLabelled: c?.falseLabel != null,
        excerpt: c && c.status !== 'removed' ? excerpt(c.text) : null,
      }
    }),
  }
}

export async function listDisposals(tx: Tx, limit = 100): Promise<DisposalView[]> {
  const rows = await store.listDisposals(tx, limit)
  const rumors = new Map(
    (
      await store.rumorsByIds(
        tx,
        rows.map((r) => r.rumorId).filter((x): x is string => x !== null),
      )
    ).map((r) => [r.id, r]),
  )
  return rows.map((d) => presentDisposal(d, d.rumorId ? (rumors.get(d.rumorId) ?? null) : null))
}

export async function listRumors(tx: Tx, limit = 200): Promise<RumorView[]> {
  return (await store.listRumors(tx, limit)).map(presentRumor)
}

export async function getRumor(tx: Tx, id: string): Promise<RumorView> {
  const r = await store.findRumor(tx, id)
  if (!r) throw new DomainError('RUMOR_NOT_FOUND', { id })
  return presentRumor(r)
}

// --- retention (A16: keep records) ---

export async function openRetained(
  tx: Tx,
  actor: Actor,
  ctx: Pick<DisposalContext, 'retentionKey'>,
  itemId: string,
  reason: string,
  now: Date = new Date(),
): Promise<{
  itemId: string
  text: string
  digest: string
  removedAt: string
  retainUntil: string
  legalHold: boolean
}> {
  const r = await store.findRetained(tx, itemId)
  if (!r?.sealed) throw new DomainError('RETAINED_NOT_FOUND', { itemId })
  const text = open(r.sealed, ctx.retentionKey, RETENTION_PURPOSE).toString('utf8')
  const hold = await store.heldByLaw(tx, [itemId])
  await append(tx, {
    actor,
    action: 'retention.opened',
    subject: { type: 'content', id: itemId },
    articles: ['A16'],
    details: { reason, digest: r.digest },
    at: now,
  })
  return {
    itemId,
    text,
    digest: r.digest,
    removedAt: r.removedAt.toISOString(),
    retainUntil: r.retainUntil.toISOString(),
    legalHold: hold.has(itemId),
  }
}

export interface HoldView {
  itemId: string
  reason: string
  placedBy: string
  placedAt: string
}

export async function placeLegalHold(
  tx: Tx,
  actor: Actor,
  itemId: string,
  reason: string,
  now: Date = new Date(),
): Promise<HoldView> {
  await lockContentItem(tx, itemId)
  const existing = await store.findHold(tx, itemId)
  if (existing && existing.releasedAt === null) throw new DomainError('LEGAL_HOLD_EXISTS', { itemId })
  const row: store.HoldRow = {
    itemId,
    reason,
    placedBy: actor.name,
    placedAt: now,
    releasedBy: null,
    releasedAt: null,
    releaseReason: null,
  }
  await store.upsertHold(tx, row)
  await append(tx, {
    actor,
    action: 'legal_hold.placed',
    subject: { type: 'content', id: itemId },
    articles: ['A16'],
    details: { reason },
    at: now,
  })
  return { itemId, reason, placedBy: row.placedBy, placedAt: now.toISOString() }
}

export async function releaseLegalHold(
  tx: Tx,
  actor: Actor,
  itemId: string,
  reason: string,
  now: Date = new Date(),
): Promise<void> {
  const existing = await store.findHold(tx, itemId)
  if (!existing || existing.releasedAt !== null) throw new DomainError('LEGAL_HOLD_NOT_FOUND', { itemId })
  await store.releaseHold(tx, itemId, { by: actor.name, at: now, reason })
  await append(tx, {
    actor,
    action: 'legal_hold.released',
    subject: { type: 'content', id: itemId },
    articles: ['A16'],
    details: { reason },
    at: now,
  })
}

export async function listLegalHolds(tx: Tx, limit = 200): Promise<HoldView[]> {
  return (await store.liveHolds(tx, limit)).map((h) => ({
    itemId: h.itemId,
    reason: h.reason,
    placedBy: h.placedBy,
    placedAt: h.placedAt.toISOString(),
  }))
}

/** Empties retained copies past their period (never one under a legal hold); each purge is on the ledger. */
export async function purgeExpired(
  tx: Tx,
  actor: LedgerActor,
  now: Date = new Date(),
  limit = 1000,
): Promise<number> {
  const rows = await store.expiredRetained(tx, now, limit)
  if (rows.length === 0) return 0
  await store.markPurged(
    tx,
    rows.map((r) => r.itemId),
    now,
  )
  await appendMany(
    tx,
    rows.map((r) => ({
      actor,
      action: 'retention.purged',
      subject: { type: 'content', id: r.itemId },
      articles: ['A16'],
      details: { digest: r.digest, retainUntil: r.retainUntil.toISOString() },
      at: now,
    })),
  )
  return rows.length
}

/** The retained text of a removed item, for an upheld appeal that restores it. */
export async function retainedText(
  tx: Tx,
  ctx: Pick<DisposalContext, 'retentionKey'>,
  itemId: string,
): Promise<string | null> {
  const r = await store.findRetained(tx, itemId)
  return r?.sealed ? open(r.sealed, ctx.retentionKey, RETENTION_PURPOSE).toString('utf8') : null
}

export const latestDisposalOf = store.latestApplied
export const forgetRetained = store.deleteRetained

/**
 * Applies a claim's disposal to one item at once, in this transaction (the reported item itself, whatever the sweep
 * finds later); the sweep then skips it.
 */
export async function applyDisposalToItem(
  tx: Tx,
  actor: Actor | LedgerActor,
  ctx: DisposalContext,
  disposalId: string,
  itemId: string,
  now: Date = new Date(),
): Promise<boolean> {
  const d = await store.lockDisposal(tx, disposalId)
  if (!d) throw new DomainError('DISPOSAL_NOT_FOUND', { id: disposalId })
  const rumor = d.rumorId ? ((await store.findRumor(tx, d.rumorId)) ?? null) : null
  const item = await lockContentItem(tx, itemId)
  const r = await applyDisposal(tx, actor, ctx, d, rumor, [{ row: item, similarity: 1 }], [], now)
  return r.applied.length === 1
}

/**
 * What proves a set of disposals to a regulator: the items they applied to, each with its text (a removed one's from
 * its sealed copy) for the digest, and the ledger entries that record them — the disposals' own entries first, then
 * the items' `disposal.applied` entries, at most `maxEntries` in all.
 */
export async function disposalEvidence(
  tx: Tx,
  ctx: Pick<DisposalContext, 'retentionKey'>,
  disposalIds: string[],
  maxEntries = 200,
): Promise<{ items: { id: string; kind: string; text: string }[]; entryIds: string[] }> {
  const items: { id: string; kind: string; text: string }[] = []
  const own: string[] = []
  const applied: string[] = []
  for (const id of disposalIds) {
    for (const e of await entriesAbout(tx, { type: 'disposal', id })) own.push(e.entry.id)
    const rows = (await store.disposalItems(tx, id, 1000)).filter((r) => r.outcome === 'applied')
    const current = new Map(
      (
        await findContentItems(
          tx,
          rows.map((r) => r.itemId),
        )
      ).map((c) => [c.id, c]),
    )
    for (const r of rows) {
      const c = current.get(r.itemId)
      const text = c?.status === 'removed' ? await retainedText(tx, ctx, r.itemId) : (c?.text ?? null)
      if (text !== null && items.length < 1000) items.push({ id: r.itemId, kind: r.kind, text })
      if (own.length + applied.length < maxEntries) {
        const entry = (await entriesAbout(tx, { type: 'content', id: r.itemId })).find(
          (e) =>
            e.entry.action === 'disposal.applied' &&
            (e.entry.details as { disposalId?: string }).disposalId === id,
        )
        if (entry) applied.push(entry.entry.id)
      }
    }
  }
  return { items, entryIds: [...own, ...applied].slice(0, maxEntries) }
}
