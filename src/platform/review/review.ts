// Review of held items (A12.1): queues by content kind with deadlines, claims with a timeout, and decisions that
// exactly one reviewer wins. A rejection is a confirmed violation: the author's credit is lowered by its severity
// (A13.3) in the same transaction. Every claim and decision is on the record, and an item's history is read back
// from the record.
import { type Actor, can } from '../../core/auth/index.ts'
import { type Tx, transaction } from '../../core/db/index.ts'
import { DomainError, ERRORS, isDomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import type { ContentKind, Verdict } from '../../engine/index.ts'
import { append, entriesAbout } from '../../ledger/index.ts'
import { displayNamesOf } from '../accounts/index.ts'
import {
  CONTENT_KINDS,
  type ContentRow,
  claimContentItem,
  decideHeldItem,
  escalateHeldItem,
  getAnyItem,
  type HeldItem,
  heldItems,
  lockContentItem,
  maxSeverity,
  presentHeld,
  recordReviewDecision,
} from '../content/index.ts'
import { recordCreditEvent } from '../credit/index.ts'
import { notifyUser } from '../notices/index.ts'

/** How long a reviewer's claim holds. */
export const CLAIM_MS = 15 * 60_000
/** How soon a held item must be decided: posts within 2 hours, everything else within 30 minutes. */
export const DEADLINE_MS: Record<ContentKind, number> = {
  post: 2 * 3_600_000,
  comment: 30 * 60_000,
  reply: 30 * 60_000,
  danmaku: 30 * 60_000,
}

export type Decision = 'approve' | 'reject' | 'label'

/** Reasons reviewers pick from (they may edit them); each cites what it rests on. */
export const REASON_TEMPLATES: readonly {
  key: string
  decision: Decision
  zh: string
  en: string
  articles: string[]
}[] = [
  {
    key: 'no-issue',
    decision: 'approve',
    zh: '经核实未发现违规内容',
    en: 'Checked: nothing in breach',
    articles: ['A12.1'],
  },
  {
    key: 'false-claim',
    decision: 'reject',
    zh: '与已辟谣的虚假信息一致',
    en: 'Matches a false claim already refuted',
    articles: ['A16', 'A10'],
  },
  {
    key: 'rumor',
    decision: 'reject',
    zh: '编造、传播谣言，扰乱公共秩序',
    en: 'Fabricates or spreads a rumor that disturbs public order',
    articles: ['A10', 'A12.1'],
  },
  {
    key: 'disaster',
    decision: 'reject',
    zh: '编造险情、疫情、灾情、警情',
    en: 'Invents a danger, epidemic, disaster or police incident',
    articles: ['A10'],
  },
  {
    key: 'unverified',
    decision: 'reject',
    zh: '来源不明、未经核实的突发事件信息',
    en: 'Unsourced, unverified news of an emergency',
    articles: ['A10', 'A12.1'],
  },
  {
    key: 'dramatised',
    decision: 'label',
    zh: '含虚构、演绎情节，须标注“虚构/演绎”',
    en: 'Contains fiction or dramatisation: it must carry the label',
    articles: ['A11.2'],
  },
]

export interface QueueItem extends HeldItem {
  deadline: string
  overdue: boolean
  severity: number
  claimLive: boolean
  /** Higher first: escalated, overdue, severity, patrol hits, time left. */
  risk: number
}

export type QueueOrder = 'risk' | 'age'

function claimLive(
  r: { claimedBy: string | null; claimExpiresAt: Date | string | null },
  now: Date,
): boolean {
  return r.claimedBy !== null && r.claimExpiresAt !== null && new Date(r.claimExpiresAt) > now
}

/** How many held items the risk order looks at before it cuts to the page asked for. */
const RISK_WINDOW = 1000

export async function reviewQueue(
  tx: Tx,
  opts: { kind?: ContentKind; limit: number; order?: QueueOrder },
  now: Date = new Date(),
): Promise<QueueItem[]> {
  const order = opts.order ?? 'risk'
  const items = await heldItems(
    tx,
    opts.kind ? [opts.kind] : CONTENT_KINDS,
    order === 'risk' ? Math.max(opts.limit, RISK_WINDOW) : opts.limit,
  )
  const queue = items.map((it): QueueItem => {
    const since = new Date(it.heldAt ?? it.createdAt).getTime()
    const deadline = new Date(since + DEADLINE_MS[it.kind])
    const severity = Math.max(1, ...it.reasons.map((r) => r.severity ?? 1))
    const overdue = deadline <= now
    const left = Math.max(0, deadline.getTime() - now.getTime()) / DEADLINE_MS[it.kind]
    const risk =
      (it.escalatedAt ? 1000 : 0) +
      (overdue ? 100 : 0) +
      severity * 10 +
      (it.outcome === 'block' ? 5 : 0) +
      (it.patrolRunId ? 3 : 0) +
      (1 - left)
    return {
      ...it,
      deadline: deadline.toISOString(),
      overdue,
      severity,
      claimLive: claimLive(it, now),
      risk: Math.round(risk * 100) / 100,
    }
  })
  if (order === 'risk') queue.sort((a, b) => b.risk - a.risk || a.deadline.localeCompare(b.deadline))
  return queue.slice(0, opts.limit)
}

async function authorName(tx: Tx, row: ContentRow): Promise<string> {
  return (await displayNamesOf(tx, [row.authorId])).get(row.authorId) ?? ''
}

function refuseIfTaken(row: ContentRow, reviewer: Actor, now: Date): void {
  if (row.status !== 'held')
    throw new DomainError('REVIEW_ALREADY_DECIDED', { id: row.id, itemStatus: row.status })
  if (row.escalatedAt && !can(reviewer.roles, 'review.lead')) {
    throw new DomainError('REVIEW_ESCALATED', { id: row.id, escalatedBy: row.escalatedBy ?? '' })
  }
  if (claimLive(row, now) && row.claimedBy !== reviewer.staffId) {
    throw new DomainError('REVIEW_CLAIMED_BY_OTHER', {
      id: row.id,
      claimedBy: row.claimedByName ?? '',
      until: row.claimExpiresAt?.toISOString() ?? '',
    })
  }
}

/** Claims a held item for 15 minutes (again by the same reviewer: extends the claim). */
export async function claimItem(tx: Tx, actor: Actor, id: string, now: Date = new Date()): Promise<HeldItem> {
  const row = await lockContentItem(tx, id)
  refuseIfTaken(row, actor, now)
  const until = new Date(now.getTime() + CLAIM_MS)
  await claimContentItem(tx, id, { by: actor.staffId, name: actor.name, until })
  await append(tx, {
    actor,
    action: 'review.claimed',
    subject: { type: 'content', id },
    articles: ['A12.1'],
    details: { kind: row.kind, until: until.toISOString() },
    at: now,
  })
  return presentHeld(await getAnyItem(tx, id), await authorName(tx, row))
}

/**
 * Decides a held item. The row is locked first and updated only while still held, so of two reviewers deciding at
 * once exactly one wins; the other is told it was already decided.
 */
export async function decideItem(
  tx: Tx,
  actor: Actor,
  id: string,
  input: { decision: Decision; reason: string },
  now: Date = new Date(),
): Promise<HeldItem> {
  const row = await lockContentItem(tx, id)
  refuseIfTaken(row, actor, now)
  const status = input.decision === 'reject' ? 'rejected' : 'published'
  const fictionLabel = input.decision === 'label' ? true : row.fictionLabel
  const won = await decideHeldItem(tx, id, {
    status,
    fictionLabel,
    decidedBy: actor.staffId,
    reason: input.reason,
    at: now,
  })
  if (!won) throw new DomainError('REVIEW_ALREADY_DECIDED', { id })
  await recordReviewDecision(tx, {
    id: newId(now.getTime()),
    itemId: id,
    staffId: actor.staffId,
    decision: input.decision,
    decidedAt: now,
  })
  const action = { approve: 'review.approved', reject: 'review.rejected', label: 'review.labelled' }[
    input.decision
  ]
  await append(tx, {
    actor,
    action,
    subject: { type: 'content', id },
    articles: input.decision === 'label' ? ['A12.1', 'A11.2'] : ['A12.1'],
    ruleVersion: row.ruleVersion,
    evidence: { text: row.text, decision: input.decision, reason: input.reason },
    details: { kind: row.kind, decision: input.decision, reason: input.reason, status, fictionLabel },
    at: now,
  })
  const subject = { type: 'content', id }
  if (input.decision === 'reject') {
    await recordCreditEvent(tx, actor, {
      userId: row.authorId,
      kind: 'violation',
      severity: maxSeverity(row.verdict as Verdict),
      reason: `内容经审核不予发布：${input.reason} / content rejected on review: ${input.reason}`,
      subject,
      at: now,
    })
    await notifyUser(tx, {
      userId: row.authorId,
      kind: row.patrolRunId ? 'content_withdrawn' : 'content_rejected',
      subject,
      zh: `您发布的内容“${excerpt(row.text)}”经审核不予发布，理由：${input.reason}。账号信用分已相应扣减，如有异议可提出申诉。`,
      en: `Your item "${excerpt(row.text)}" was rejected on review: ${input.reason}. Your credit was lowered accordingly; you may appeal.`,
      articles: ['A12.1', 'A13.3'],
      at: now,
    })
  } else if (input.decision === 'label' && !row.fictionDeclared) {
    // Dramatised without the author's label (A11.2): published with the label, the author told why, credit lowered.
    await recordCreditEvent(tx, actor, {
      userId: row.authorId,
      kind: 'fiction_unlabelled',
      reason: `虚构、演绎内容未标注：${input.reason} / fiction or dramatisation without its label: ${input.reason}`,
      subject,
      at: now,
    })
    await notifyUser(tx, {
      userId: row.authorId,
      kind: 'fiction_labelled',
      subject,
      zh: `您发布的内容“${excerpt(row.text)}”含有虚构或演绎情节，已由平台加注“虚构/演绎”标识后发布，理由：${input.reason}。发布此类内容时请主动声明，未标注会影响账号信用。`,
      en: `Your item "${excerpt(row.text)}" contains fiction or dramatisation and was published with the label: ${input.reason}. Declare it yourself when publishing; unlabelled dramatisation lowers your credit.`,
      articles: ['A11.2', 'A13.3'],
      at: now,
    })
  } else if (row.patrolRunId) {
    await notifyUser(tx, {
      userId: row.authorId,
      kind: 'content_restored',
      subject,
      zh: `您发布的内容“${excerpt(row.text)}”经复查后恢复展示。`,
      en: `Your item "${excerpt(row.text)}" was checked again and is shown again.`,
      articles: ['A12.1'],
      at: now,
    })
  }
  return presentHeld(await getAnyItem(tx, id), await authorName(tx, row))
}

export interface SelectionResult {
  id: string
  ok: boolean
  status: string | null
  code: string | null
  zh: string | null
  en: string | null
}

/**
 * One decision over a selection: each item decided in its own transaction, so a refusal (claimed by someone else,
 * already decided, escalated) leaves the others decided; every result is reported.
 */
export async function decideSelection(
  db: Tx,
  actor: Actor,
  ids: readonly string[],
  input: { decision: Decision; reason: string },
): Promise<{ decided: number; refused: number; results: SelectionResult[] }> {
  const results: SelectionResult[] = []
  for (const id of ids) {
    try {
      const item = await transaction(db, (tx) => decideItem(tx, actor, id, input))
      results.push({ id, ok: true, status: item.status, code: null, zh: null, en: null })
    } catch (e) {
      if (!isDomainError(e)) throw e
      const spec = ERRORS[e.code]
      results.push({ id, ok: false, status: null, code: e.code, zh: spec.zh, en: spec.en })
    }
  }
  const decided = results.filter((r) => r.ok).length
  return { decided, refused: results.length - decided, results }
}

function excerpt(text: string): string {
  const chars = [...text]
  return chars.length > 24 ? `${chars.slice(0, 24).join('')}…` : text
}

/** Sends a held item up to a lead reviewer (review.lead); until then nobody else decides it. */
export async function escalateItem(
  tx: Tx,
  actor: Actor,
  id: string,
  note: string,
  now: Date = new Date(),
): Promise<HeldItem> {
  const row = await lockContentItem(tx, id)
  refuseIfTaken(row, actor, now)
  if (row.escalatedAt) throw new DomainError('REVIEW_ESCALATED', { id, escalatedBy: row.escalatedBy ?? '' })
  await escalateHeldItem(tx, id, { by: actor.name, note, at: now })
  await append(tx, {
    actor,
    action: 'review.escalated',
    subject: { type: 'content', id },
    articles: ['A12.1'],
    ruleVersion: row.ruleVersion,
    details: { kind: row.kind, note },
    at: now,
  })
  return presentHeld(await getAnyItem(tx, id), await authorName(tx, row))
}

export interface HistoryEntry {
  seq: number | null
  recordedAt: string
  action: string
  actor: { kind: string; name: string }
  articles: string[]
  ruleVersion: string | null
  details: Record<string, unknown>
}

/** An item with every verdict and decision about it, read from the ledger. */
export async function itemHistory(tx: Tx, id: string): Promise<{ item: HeldItem; entries: HistoryEntry[] }> {
  const row = await getAnyItem(tx, id)
  const entries = (await entriesAbout(tx, { type: 'content', id })).map(({ entry, seq }) => ({
    seq,
    recordedAt: entry.recordedAt.toISOString(),
    action: entry.action,
    actor: { kind: entry.actorKind, name: entry.actorName },
    articles: entry.articles,
    ruleVersion: entry.ruleVersion,
    details: entry.details,
  }))
  return { item: presentHeld(row, await authorName(tx, row)), entries }
}
