// Review of held items (A12.1): queues by content kind with deadlines, claims with a timeout, and decisions that
// exactly one reviewer wins. A rejection is a confirmed violation: the author's credit is lowered by its severity
// (A13.3) in the same transaction. Every claim and decision is on the record, and an item's history is read back
// from the record.
import type { Actor } from '../../core/auth/index.ts'
import type { Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import type { ContentKind, Verdict } from '../../engine/index.ts'
import { append, entriesAbout } from '../../ledger/index.ts'
import { displayNamesOf } from '../accounts/index.ts'
import {
  CONTENT_KINDS,
  type ContentRow,
  claimContentItem,
  decideHeldItem,
  getAnyItem,
  type HeldItem,
  heldItems,
  lockContentItem,
  maxSeverity,
  presentHeld,
} from '../content/index.ts'
import { recordCreditEvent } from '../credit/index.ts'

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

export interface QueueItem extends HeldItem {
  deadline: string
  overdue: boolean
  severity: number
  claimLive: boolean
}

function claimLive(
  r: { claimedBy: string | null; claimExpiresAt: Date | string | null },
  now: Date,
): boolean {
  return r.claimedBy !== null && r.claimExpiresAt !== null && new Date(r.claimExpiresAt) > now
}

export async function reviewQueue(
  tx: Tx,
  opts: { kind?: ContentKind; limit: number },
  now: Date = new Date(),
): Promise<QueueItem[]> {
  const items = await heldItems(tx, opts.kind ? [opts.kind] : CONTENT_KINDS, opts.limit)
  return items.map((it) => {
    const deadline = new Date(new Date(it.createdAt).getTime() + DEADLINE_MS[it.kind])
    return {
      ...it,
      deadline: deadline.toISOString(),
      overdue: deadline <= now,
      severity: Math.max(1, ...it.reasons.map((r) => r.severity ?? 1)),
      claimLive: claimLive(it, now),
    }
  })
}

async function authorName(tx: Tx, row: ContentRow): Promise<string> {
  return (await displayNamesOf(tx, [row.authorId])).get(row.authorId) ?? ''
}

function refuseIfTaken(row: ContentRow, reviewer: string, now: Date): void {
  if (row.status !== 'held')
    throw new DomainError('REVIEW_ALREADY_DECIDED', { id: row.id, itemStatus: row.status })
  if (claimLive(row, now) && row.claimedBy !== reviewer) {
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
  refuseIfTaken(row, actor.staffId, now)
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
  refuseIfTaken(row, actor.staffId, now)
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
  if (input.decision === 'reject') {
    await recordCreditEvent(tx, actor, {
      userId: row.authorId,
      kind: 'violation',
      severity: maxSeverity(row.verdict as Verdict),
      reason: `内容经审核不予发布：${input.reason} / content rejected on review: ${input.reason}`,
      subject: { type: 'content', id },
      at: now,
    })
  }
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
