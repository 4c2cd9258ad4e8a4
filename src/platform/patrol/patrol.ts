// Patrol (巡查, A12.1): when the screening rules change, what was published in the last days is screened again with
// the new version, chunk by chunk, each chunk one transaction that moves the patrol's cursor — so a patrol resumes
// where it stopped. New hits leave public view and go to review (A16: stop the spread at once). Beside it, a
// sampling patrol hands people random published items and records who looked at what, when (coverage).
import { and, desc, eq, gte, sql } from 'drizzle-orm'
import type { Actor } from '../../core/auth/index.ts'
import type { Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import type { ContentKind, RuleSet, Verdict } from '../../engine/index.ts'
import { append, type LedgerActor, systemActor } from '../../ledger/index.ts'
import { displayNamesOf } from '../accounts/index.ts'
import {
  type ContentRow,
  type ContentView,
  countPublishedInWindow,
  getAnyItem,
  lockContentItem,
  presentItem,
  publishedInWindow,
  samplePublished,
  tonghuaDay,
  withdrawForReview,
} from '../content/index.ts'
import {
  type PublishRuleSetInput,
  publishRuleSet,
  type RuleSetView,
  ruleSetVersionName,
  type ScreeningService,
} from '../screening/index.ts'
import { patrolLook, patrolRun } from './tables.ts'

const DAY_MS = 86_400_000
/** Items screened per transaction. */
export const PATROL_CHUNK = 200

export type PatrolRunRow = typeof patrolRun.$inferSelect

export interface PatrolRunView {
  id: string
  ruleVersion: string
  trigger: string
  windowDays: number
  since: string
  until: string
  total: number
  scanned: number
  hits: number
  /** 0–1. */
  progress: number
  status: string
  startedBy: string
  startedAt: string
  updatedAt: string
  finishedAt: string | null
}

function present(r: PatrolRunRow): PatrolRunView {
  return {
    id: r.id,
    ruleVersion: r.ruleVersion,
    trigger: r.trigger,
    windowDays: r.windowDays,
    since: r.since.toISOString(),
    until: r.until.toISOString(),
    total: r.total,
    scanned: r.scanned,
    hits: r.hits,
    progress: r.total === 0 ? 1 : Math.min(1, r.scanned / r.total),
    status: r.status,
    startedBy: r.startedBy,
    startedAt: r.startedAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    finishedAt: r.finishedAt?.toISOString() ?? null,
  }
}

/**
 * Starts a patrol of the last `windowDays` with a rule set version, in the caller's transaction (a rule set
 * publication starts its patrol in its own). A patrol still running under an older version is superseded: the new
 * one covers the same items.
 */
export async function startPatrol(
  tx: Tx,
  actor: Actor | LedgerActor,
  input: { ruleSetVersion: number; windowDays: number; trigger: 'rule_set' | 'manual' },
  now: Date = new Date(),
): Promise<PatrolRunView> {
  if (input.ruleSetVersion < 1) throw new DomainError('PATROL_NOTHING_TO_DO')
  const superseded = await tx
    .update(patrolRun)
    .set({ status: 'superseded', updatedAt: now, finishedAt: now })
    .where(eq(patrolRun.status, 'running'))
    .returning({ id: patrolRun.id })
  const since = new Date(now.getTime() - input.windowDays * DAY_MS)
  const row: PatrolRunRow = {
    id: newId(now.getTime()),
    ruleVersion: ruleSetVersionName(input.ruleSetVersion),
    ruleSetVersion: input.ruleSetVersion,
    trigger: input.trigger,
    windowDays: input.windowDays,
    since,
    until: now,
    cursorAt: null,
    cursorId: null,
    total: await countPublishedInWindow(tx, since, now),
    scanned: 0,
    hits: 0,
    status: 'running',
    startedBy: actor.name,
    startedAt: now,
    updatedAt: now,
    finishedAt: null,
  }
  await tx.insert(patrolRun).values(row)
  await append(tx, {
    actor,
    action: 'patrol.started',
    subject: { type: 'patrol', id: row.id },
    articles: ['A12.1'],
    ruleVersion: row.ruleVersion,
    details: {
      trigger: input.trigger,
      windowDays: input.windowDays,
      since: since.toISOString(),
      until: now.toISOString(),
      total: row.total,
      superseded: superseded.map((s) => s.id),
    },
    at: now,
  })
  return present(row)
}

/** Publishes a rule set version and, in the same transaction, starts the patrol of what was published before it. */
export async function publishRulesAndPatrol(
  tx: Tx,
  actor: Actor | LedgerActor,
  input: PublishRuleSetInput,
  windowDays: number,
  now: Date = new Date(),
): Promise<{ view: RuleSetView; rules: RuleSet; patrol: PatrolRunView }> {
  const published = await publishRuleSet(tx, actor, input, now)
  const patrol = await startPatrol(
    tx,
    actor,
    { ruleSetVersion: published.view.version, windowDays, trigger: 'rule_set' },
    now,
  )
  return { ...published, patrol }
}

const SYSTEM_ACTOR = systemActor('patrol', '巡查 / patrol')

/** The reasons that make a verdict, as comparable keys. */
function reasonKeys(v: Verdict): string {
  return v.reasons
    .map((r) => (r.type === 'term' ? `t:${r.term}` : r.type === 'claim' ? `c:${r.id}` : r.type))
    .sort()
    .join('|')
}

/** Whether a fresh verdict takes a published item back: it would now be held or blocked, for a new reason. */
function isHit(row: ContentRow, verdict: Verdict): boolean {
  if (verdict.outcome !== 'hold' && verdict.outcome !== 'block') return false
  // A reviewer already let it through for exactly these reasons: not a new finding.
  if (row.decidedBy !== null && reasonKeys(row.verdict as Verdict) === reasonKeys(verdict)) return false
  return true
}

/**
 * Screens the next chunk of a running patrol in one transaction; returns whether the patrol is finished (or not
 * running). The caller's screener must be at the patrol's version or newer.
 */
export async function patrolChunk(
  tx: Tx,
  screening: ScreeningService,
  runId: string,
  now: Date = new Date(),
  chunk = PATROL_CHUNK,
): Promise<{ done: boolean; scanned: number; hits: number }> {
  const [run] = await tx.select().from(patrolRun).where(eq(patrolRun.id, runId)).for('update')
  if (!run) throw new DomainError('PATROL_NOT_FOUND', { id: runId })
  if (run.status !== 'running') return { done: true, scanned: 0, hits: 0 }
  const rows = await publishedInWindow(tx, {
    since: run.since,
    until: run.until,
    after: run.cursorAt && run.cursorId ? { at: run.cursorAt, id: run.cursorId } : null,
    limit: chunk,
  })
  let hits = 0
  for (const row of rows) {
    // Judged on the content alone: the author's credit does not make a published item a hit.
    const verdict = screening.screen({
      id: row.id,
      text: row.text,
      kind: row.kind as ContentKind,
      fictionDeclared: row.fictionDeclared,
      credit: 'normal',
    })
    if (!isHit(row, verdict)) continue
    if (
      !(await withdrawForReview(tx, row.id, {
        verdict,
        ruleVersion: verdict.ruleVersion,
        patrolRunId: runId,
        at: now,
      }))
    )
      continue
    hits++
    await append(tx, {
      actor: SYSTEM_ACTOR,
      action: 'patrol.flagged',
      subject: { type: 'content', id: row.id },
      articles: verdict.reasons.some((r) => r.type === 'claim') ? ['A12.1', 'A16'] : ['A12.1'],
      ruleVersion: verdict.ruleVersion,
      evidence: { text: row.text },
      details: {
        patrol: runId,
        kind: row.kind,
        outcome: verdict.outcome,
        publishedAt: row.createdAt.toISOString(),
        reasons: verdict.reasons.map((r) => ({
          type: r.type,
          outcome: r.outcome,
          ...(r.type === 'term' ? { term: r.term, category: r.category, severity: r.severity } : {}),
          ...(r.type === 'claim' ? { claimId: r.id, similarity: r.similarity } : {}),
        })),
      },
      at: now,
    })
  }
  const last = rows[rows.length - 1]
  const done = rows.length < chunk
  const scanned = run.scanned + rows.length
  await tx
    .update(patrolRun)
    .set({
      cursorAt: last?.createdAt ?? run.cursorAt,
      cursorId: last?.id ?? run.cursorId,
      scanned,
      hits: run.hits + hits,
      updatedAt: now,
      ...(done ? { status: 'done', finishedAt: now } : {}),
    })
    .where(eq(patrolRun.id, runId))
  if (done) {
    await append(tx, {
      actor: SYSTEM_ACTOR,
      action: 'patrol.finished',
      subject: { type: 'patrol', id: runId },
      articles: ['A12.1'],
      ruleVersion: run.ruleVersion,
      details: { scanned, hits: run.hits + hits, total: run.total },
      at: now,
    })
  }
  return { done, scanned: rows.length, hits }
}

export async function getPatrol(tx: Tx, id: string): Promise<PatrolRunView> {
  const [row] = await tx.select().from(patrolRun).where(eq(patrolRun.id, id))
  if (!row) throw new DomainError('PATROL_NOT_FOUND', { id })
  return present(row)
}

export async function listPatrols(tx: Tx, limit = 20): Promise<PatrolRunView[]> {
  return (await tx.select().from(patrolRun).orderBy(desc(patrolRun.startedAt)).limit(limit)).map(present)
}

/** Running patrols with the version each needs (a restarted process resumes them). */
export async function runningPatrols(tx: Tx): Promise<{ id: string; ruleSetVersion: number }[]> {
  return tx
    .select({ id: patrolRun.id, ruleSetVersion: patrolRun.ruleSetVersion })
    .from(patrolRun)
    .where(eq(patrolRun.status, 'running'))
}

// --- the sampling patrol (人工巡查) ---

export interface SampleItem extends ContentView {
  outcome: string
  ruleVersion: string
}

/** Random published items of the last days that nobody has looked at yet. */
export async function samplePatrol(
  tx: Tx,
  opts: { days: number; size: number },
  now: Date = new Date(),
): Promise<SampleItem[]> {
  const rows = await samplePublished(tx, new Date(now.getTime() - opts.days * DAY_MS), opts.size)
  const names = await displayNamesOf(
    tx,
    rows.map((r) => r.authorId),
  )
  return rows.map((r) => ({
    ...presentItem(r, names.get(r.authorId) ?? ''),
    outcome: (r.verdict as Verdict).outcome,
    ruleVersion: r.ruleVersion,
  }))
}

/** Records that a person looked at a published item; `flagged` takes it back for review. */
export async function recordLook(
  tx: Tx,
  actor: Actor,
  input: { itemId: string; outcome: 'ok' | 'flagged'; note: string },
  now: Date = new Date(),
): Promise<{ id: string; itemStatus: string }> {
  const row = await lockContentItem(tx, input.itemId)
  if (row.status !== 'published') {
    throw new DomainError('PATROL_ITEM_NOT_PUBLISHED', { id: input.itemId, itemStatus: row.status })
  }
  const id = newId(now.getTime())
  await tx.insert(patrolLook).values({
    id,
    itemId: input.itemId,
    staffId: actor.staffId,
    staffName: actor.name,
    outcome: input.outcome,
    note: input.note,
    lookedAt: now,
  })
  if (input.outcome === 'flagged') {
    await withdrawForReview(tx, input.itemId, {
      verdict: row.verdict,
      ruleVersion: row.ruleVersion,
      patrolRunId: null,
      at: now,
    })
  }
  await append(tx, {
    actor,
    action: input.outcome === 'flagged' ? 'patrol.item_flagged' : 'patrol.item_looked',
    subject: { type: 'content', id: input.itemId },
    articles: ['A12.1'],
    ruleVersion: row.ruleVersion,
    details: { kind: row.kind, outcome: input.outcome, note: input.note },
    at: now,
  })
  return { id, itemStatus: (await getAnyItem(tx, input.itemId)).status }
}

/** Looks per Tonghua day and person since a moment (A12.2). */
export function lookDailyFigures(
  tx: Tx,
  since: Date,
): Promise<{ day: string; staffId: string; n: number }[]> {
  return tx
    .select({
      day: tonghuaDay(patrolLook.lookedAt),
      staffId: patrolLook.staffId,
      n: sql<number>`count(*)::int`,
    })
    .from(patrolLook)
    .where(gte(patrolLook.lookedAt, since))
    .groupBy(sql`1`, patrolLook.staffId)
}

export interface CoverageView {
  days: number
  published: number
  looked: number
  flagged: number
  /** 0–1: share of the window's published items a person has looked at. */
  coverage: number
  byStaff: { staffId: string; name: string; looks: number; flagged: number }[]
  recent: { itemId: string; name: string; outcome: string; note: string; lookedAt: string }[]
}

/** Who looked at what, when, over the last days, and what share of published items that covers. */
export async function patrolCoverage(tx: Tx, days: number, now: Date = new Date()): Promise<CoverageView> {
  const since = new Date(now.getTime() - days * DAY_MS)
  const published = await countPublishedInWindow(tx, since, now)
  const byStaff = await tx
    .select({
      staffId: patrolLook.staffId,
      name: sql<string>`max(${patrolLook.staffName})`,
      looks: sql<number>`count(*)::int`,
      flagged: sql<number>`count(*) filter (where ${patrolLook.outcome} = 'flagged')::int`,
    })
    .from(patrolLook)
    .where(gte(patrolLook.lookedAt, since))
    .groupBy(patrolLook.staffId)
  const [distinct] = await tx
    .select({ n: sql<number>`count(distinct ${patrolLook.itemId})::int` })
    .from(patrolLook)
    .where(and(gte(patrolLook.lookedAt, since)))
  const recent = await tx
    .select()
    .from(patrolLook)
    .where(gte(patrolLook.lookedAt, since))
    .orderBy(desc(patrolLook.lookedAt))
    .limit(20)
  const looked = distinct?.n ?? 0
  return {
    days,
    published,
    looked,
    flagged: byStaff.reduce((n, s) => n + s.flagged, 0),
    coverage: published === 0 ? 0 : Math.min(1, looked / published),
    byStaff: byStaff.sort((a, b) => b.looks - a.looks),
    recent: recent.map((r) => ({
      itemId: r.itemId,
      name: r.staffName,
      outcome: r.outcome,
      note: r.note,
      lookedAt: r.lookedAt.toISOString(),
    })),
  }
}
