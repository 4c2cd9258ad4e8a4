// Appeals (申诉): the author of an item a decision went against may appeal within the configured window; someone
// other than who decided looks at it again. Upheld, the item is restored as it was (a removed text comes back from
// its sealed copy), the credit the decision took is given back once (A13.3), and the author is told either way.
import { and, desc, eq, sql } from 'drizzle-orm'
import type { Actor } from '../../core/auth/index.ts'
import type { Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import { append } from '../../ledger/index.ts'
import { displayNamesOf, getUser, userActor } from '../accounts/index.ts'
import { findContentItems, type OwnContentView, presentOwn, setDisposition } from '../content/index.ts'
import { restoreCreditAbout } from '../credit/index.ts'
import { type DisposalContext, forgetRetained, latestDisposalOf, retainedText } from '../disposal/index.ts'
import { notifyUser } from '../notices/index.ts'
import { appeal } from './tables.ts'

type AppealRow = typeof appeal.$inferSelect

export interface AppealView {
  id: string
  itemId: string
  decisionKind: string
  decisionRef: string
  decisionAt: string
  reason: string
  status: 'open' | 'upheld' | 'dismissed'
  createdAt: string
  decidedAt: string | null
  decidedByName: string | null
  outcomeReason: string | null
}

const present = (r: AppealRow): AppealView => ({
  id: r.id,
  itemId: r.itemId,
  decisionKind: r.decisionKind,
  decisionRef: r.decisionRef,
  decisionAt: r.decisionAt.toISOString(),
  reason: r.reason,
  status: r.status as AppealView['status'],
  createdAt: r.createdAt.toISOString(),
  decidedAt: r.decidedAt?.toISOString() ?? null,
  decidedByName: r.decidedByName,
  outcomeReason: r.outcomeReason,
})

interface Appealable {
  kind: 'review' | 'screening' | 'disposal'
  ref: string
  by: string | null
  at: Date
}

/** The decision an appeal on this item would be against, if there is one. */
async function decisionOn(
  tx: Tx,
  item: Awaited<ReturnType<typeof findContentItems>>[number],
): Promise<Appealable | null> {
  const disposed = item.status === 'removed' || item.restriction !== null || item.falseLabel !== null
  if (disposed) {
    const d = await latestDisposalOf(tx, item.id)
    if (d) return { kind: 'disposal', ref: d.disposalId, by: d.createdBy, at: d.appliedAt }
  }
  if (item.status === 'rejected') {
    return item.decidedBy
      ? { kind: 'review', ref: item.id, by: item.decidedBy, at: item.decidedAt ?? item.createdAt }
      : { kind: 'screening', ref: item.id, by: null, at: item.createdAt }
  }
  return null
}

export async function fileAppeal(
  tx: Tx,
  userId: string,
  input: { itemId: string; reason: string },
  windowDays: number,
  now: Date = new Date(),
): Promise<AppealView> {
  const user = await getUser(tx, userId)
  const [item] = await findContentItems(tx, [input.itemId])
  if (!item) throw new DomainError('CONTENT_NOT_FOUND', { id: input.itemId })
  if (item.authorId !== userId) throw new DomainError('APPEAL_NOT_ALLOWED', { itemId: input.itemId })
  const decision = await decisionOn(tx, item)
  if (!decision) throw new DomainError('APPEAL_NOTHING_TO_APPEAL', { itemId: input.itemId })
  const closes = new Date(decision.at.getTime() + windowDays * 86_400_000)
  if (now > closes) {
    throw new DomainError('APPEAL_WINDOW_CLOSED', { closedAt: closes.toISOString(), windowDays })
  }
  const [open] = await tx
    .select({ id: appeal.id })
    .from(appeal)
    .where(and(eq(appeal.itemId, input.itemId), eq(appeal.status, 'open')))
  if (open) throw new DomainError('APPEAL_DUPLICATE', { itemId: input.itemId })
  const row: typeof appeal.$inferInsert = {
    id: newId(now.getTime()),
    itemId: input.itemId,
    appellantId: userId,
    decisionKind: decision.kind,
    decisionRef: decision.ref,
    originalBy: decision.by,
    decisionAt: decision.at,
    reason: input.reason.trim(),
    status: 'open',
    createdAt: now,
  }
  const [stored] = await tx.insert(appeal).values(row).onConflictDoNothing().returning()
  // two appeals at once: the unique index lets one in
  if (!stored) throw new DomainError('APPEAL_DUPLICATE', { itemId: input.itemId })
  await append(tx, {
    actor: userActor(user),
    action: 'appeal.filed',
    subject: { type: 'appeal', id: stored.id },
    articles: ['A15', 'A13.3'],
    details: { itemId: input.itemId, decisionKind: decision.kind, decisionRef: decision.ref },
    at: now,
  })
  return present(stored)
}

export async function myAppeals(tx: Tx, userId: string, limit = 100): Promise<AppealView[]> {
  const rows = await tx
    .select()
    .from(appeal)
    .where(eq(appeal.appellantId, userId))
    .orderBy(desc(appeal.createdAt))
    .limit(limit)
  return rows.map(present)
}

export interface AppealQueueEntry extends AppealView {
  appellantName: string
  /** True when the person asking made the decision appealed: they may not decide it. */
  ownDecision: boolean
  item: OwnContentView | null
}

export async function appealQueue(
  tx: Tx,
  actor: Actor,
  opts: { status?: 'open' | 'upheld' | 'dismissed'; limit: number },
): Promise<AppealQueueEntry[]> {
  const rows = await tx
    .select()
    .from(appeal)
    .where(eq(appeal.status, opts.status ?? 'open'))
    .orderBy(opts.status && opts.status !== 'open' ? desc(appeal.decidedAt) : appeal.createdAt)
    .limit(opts.limit)
  const items = new Map(
    (
      await findContentItems(
        tx,
        rows.map((r) => r.itemId),
      )
    ).map((i) => [i.id, i]),
  )
  const names = await displayNamesOf(tx, [...new Set(rows.map((r) => r.appellantId))])
  return rows.map((r) => {
    const it = items.get(r.itemId)
    return {
      ...present(r),
      appellantName: names.get(r.appellantId) ?? '',
      ownDecision: r.originalBy !== null && r.originalBy === actor.staffId,
      item: it ? presentOwn(it, names.get(it.authorId) ?? '') : null,
    }
  })
}

export async function decideAppeal(
  tx: Tx,
  actor: Actor,
  ctx: Pick<DisposalContext, 'retentionKey'>,
  id: string,
  input: { outcome: 'uphold' | 'dismiss'; reason: string },
  now: Date = new Date(),
): Promise<AppealView> {
  const [row] = await tx.select().from(appeal).where(eq(appeal.id, id)).for('update')
  if (!row) throw new DomainError('APPEAL_NOT_FOUND', { id })
  if (row.status !== 'open') throw new DomainError('APPEAL_ALREADY_DECIDED', { id, appealStatus: row.status })
  if (row.originalBy !== null && row.originalBy === actor.staffId) {
    throw new DomainError('APPEAL_SAME_REVIEWER', { id })
  }
  const upheld = input.outcome === 'uphold'
  const [item] = await findContentItems(tx, [row.itemId])
  if (!item) throw new DomainError('CONTENT_NOT_FOUND', { id: row.itemId })
  let restoredCredit = 0
  if (upheld) {
    const text = item.status === 'removed' ? await retainedText(tx, ctx, item.id) : null
    await setDisposition(tx, [item.id], {
      status: 'published',
      restriction: null,
      falseLabel: null,
      ...(text !== null ? { text } : {}),
    })
    if (text !== null) await forgetRetained(tx, item.id)
    restoredCredit = (
      await restoreCreditAbout(
        tx,
        actor,
        { type: 'content', id: item.id },
        `申诉成立：${input.reason} / appeal upheld: ${input.reason}`,
      )
    ).length
  }
  await tx
    .update(appeal)
    .set({
      status: upheld ? 'upheld' : 'dismissed',
      decidedAt: now,
      decidedBy: actor.staffId,
      decidedByName: actor.name,
      outcomeReason: input.reason,
    })
    .where(eq(appeal.id, id))
  await append(tx, {
    actor,
    action: upheld ? 'appeal.upheld' : 'appeal.dismissed',
    subject: { type: 'appeal', id },
    articles: ['A15', 'A13.3'],
    details: {
      itemId: item.id,
      decisionKind: row.decisionKind,
      decisionRef: row.decisionRef,
      reason: input.reason,
      restoredCredit,
    },
    at: now,
  })
  await notifyUser(tx, {
    userId: row.appellantId,
    kind: upheld ? 'appeal_upheld' : 'appeal_dismissed',
    subject: { type: 'content', id: item.id },
    zh: upheld
      ? `您的申诉成立：内容已恢复展示，因此扣减的信用分已退还。理由：${input.reason}。`
      : `您的申诉经复核不成立，原处理决定维持。理由：${input.reason}。`,
    en: upheld
      ? `Your appeal was upheld: the item is shown again and the credit it cost you was given back. Reason: ${input.reason}.`
      : `Your appeal was reviewed and dismissed; the decision stands. Reason: ${input.reason}.`,
    articles: ['A15', 'A13.3'],
    at: now,
  })
  const [updated] = await tx.select().from(appeal).where(eq(appeal.id, id))
  if (!updated) throw new Error('appeal vanished')
  return present(updated)
}

/** Appeals filed in [from, to) and how they ended (an inspection's figures, A19). */
export async function appealFigures(
  tx: Tx,
  from: Date,
  to: Date,
): Promise<{ filed: number; upheld: number; dismissed: number; open: number }> {
  const [row] = await tx
    .select({
      filed: sql<number>`count(*)::int`,
      upheld: sql<number>`count(*) filter (where ${appeal.status} = 'upheld')::int`,
      dismissed: sql<number>`count(*) filter (where ${appeal.status} = 'dismissed')::int`,
      open: sql<number>`count(*) filter (where ${appeal.status} = 'open')::int`,
    })
    .from(appeal)
    .where(and(sql`${appeal.createdAt} >= ${from}`, sql`${appeal.createdAt} < ${to}`))
  return {
    filed: row?.filed ?? 0,
    upheld: row?.upheld ?? 0,
    dismissed: row?.dismissed ?? 0,
    open: row?.open ?? 0,
  }
}
