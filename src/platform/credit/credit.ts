// Account credit (A13.3): every change is an event with its reason, the decision and the policy version behind
// it; the score decides a tier, and the tier decides what the account may do.
import { and, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm'
import type { Actor } from '../../core/auth/index.ts'
import type { Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import { type AppendInput, append, appendMany, type LedgerActor, systemActor } from '../../ledger/index.ts'
import { getUser } from '../accounts/index.ts'
import {
  type Capabilities,
  type CreditPolicyDocument,
  type CreditTier,
  clampScore,
  DEFAULT_CREDIT_POLICY,
  policyProblems,
  tierOf,
} from './policy.ts'
import { creditAccount, creditEvent, creditPolicy } from './tables.ts'

export interface CreditPolicy {
  version: number
  document: CreditPolicyDocument
  note: string
  publishedAt: string | null
}

/** The policy in force: the newest published version, or the built-in default (version 0) before any. */
export async function currentCreditPolicy(tx: Tx): Promise<CreditPolicy> {
  const [row] = await tx.select().from(creditPolicy).orderBy(desc(creditPolicy.version)).limit(1)
  if (!row)
    return {
      version: 0,
      document: DEFAULT_CREDIT_POLICY,
      note: '内置默认 / built-in default',
      publishedAt: null,
    }
  return {
    version: row.version,
    document: row.document as CreditPolicyDocument,
    note: row.note,
    publishedAt: row.publishedAt.toISOString(),
  }
}

export async function listCreditPolicies(tx: Tx): Promise<CreditPolicy[]> {
  const rows = await tx.select().from(creditPolicy).orderBy(desc(creditPolicy.version))
  return rows.map((r) => ({
    version: r.version,
    document: r.document as CreditPolicyDocument,
    note: r.note,
    publishedAt: r.publishedAt.toISOString(),
  }))
}

export async function publishCreditPolicy(
  tx: Tx,
  actor: Actor | LedgerActor,
  input: { document: CreditPolicyDocument; note: string },
): Promise<CreditPolicy> {
  const problems = policyProblems(input.document)
  if (problems.length > 0) {
    throw new DomainError('CREDIT_POLICY_INVALID', {
      errors: problems.map((p) => ({ field: 'document', ...p })),
    })
  }
  const current = await currentCreditPolicy(tx)
  const version = current.version + 1
  const now = new Date()
  await tx
    .insert(creditPolicy)
    .values({ version, document: input.document, note: input.note, publishedAt: now, publishedBy: actor.id })
  await append(tx, {
    actor,
    action: 'credit_policy.published',
    subject: { type: 'credit_policy', id: String(version) },
    articles: ['A13.3'],
    ruleVersion: `credit-policy/${version}`,
    evidence: input.document,
    details: { version, note: input.note, tiers: input.document.tiers.map((t) => `${t.key}≥${t.min}`) },
    at: now,
  })
  return { version, document: input.document, note: input.note, publishedAt: now.toISOString() }
}

export type CreditEventKind =
  | 'identity_verified'
  | 'violation'
  | 'fiction_unlabelled'
  | 'appeal_upheld'
  | 'recovery'
  | 'adjustment'

export interface CreditEventInput {
  userId: string
  kind: CreditEventKind
  reason: string
  /** For violations: 1 minor, 2 serious, 3 grave. */
  severity?: 1 | 2 | 3
  /** For adjustments and restorations; other kinds take their delta from the policy. */
  delta?: number
  subject?: { type: string; id: string }
  restoresEventId?: string
  at?: Date
}

export interface CreditEventView {
  id: string
  kind: string
  delta: number
  scoreAfter: number
  reason: string
  policyVersion: number
  subject: { type: string; id: string } | null
  restoresEventId: string | null
  createdAt: string
}

function presentEvent(r: typeof creditEvent.$inferSelect): CreditEventView {
  return {
    id: r.id,
    kind: r.kind,
    delta: r.delta,
    scoreAfter: r.scoreAfter,
    reason: r.reason,
    policyVersion: r.policyVersion,
    subject: r.subjectType && r.subjectId ? { type: r.subjectType, id: r.subjectId } : null,
    restoresEventId: r.restoresEventId,
    createdAt: r.createdAt.toISOString(),
  }
}

/** The account's score row, created at the policy's initial score, locked for the rest of the transaction. */
async function lockAccount(tx: Tx, userId: string, policy: CreditPolicy, now: Date): Promise<number> {
  await tx
    .insert(creditAccount)
    .values({ userId, score: policy.document.initial, updatedAt: now })
    .onConflictDoNothing()
  const [row] = await tx.select().from(creditAccount).where(eq(creditAccount.userId, userId)).for('update')
  return row?.score ?? policy.document.initial
}

function deltaFor(policy: CreditPolicyDocument, input: CreditEventInput): number {
  switch (input.kind) {
    case 'identity_verified':
      return policy.deltas.identityVerified
    case 'violation':
      return policy.deltas.violation[String(input.severity ?? 1) as '1' | '2' | '3']
    case 'fiction_unlabelled':
      return policy.deltas.fictionUnlabelled
    case 'recovery':
      return input.delta ?? policy.deltas.recoveryPerDay
    case 'appeal_upheld':
    case 'adjustment':
      if (input.delta === undefined) throw new DomainError('VALIDATION_FAILED', { field: 'delta' })
      return input.delta
  }
}

export async function recordCreditEvent(
  tx: Tx,
  actor: Actor | LedgerActor,
  input: CreditEventInput,
): Promise<CreditEventView> {
  const now = input.at ?? new Date()
  await getUser(tx, input.userId)
  const policy = await currentCreditPolicy(tx)
  const before = await lockAccount(tx, input.userId, policy, now)
  const delta = deltaFor(policy.document, input)
  const after = clampScore(policy.document, before + delta)
  const id = newId(now.getTime())
  await tx.insert(creditEvent).values({
    id,
    userId: input.userId,
    kind: input.kind,
    // The delta recorded is what actually moved, after clamping to the policy's bounds.
    delta: after - before,
    scoreAfter: after,
    reason: input.reason,
    policyVersion: policy.version,
    subjectType: input.subject?.type ?? null,
    subjectId: input.subject?.id ?? null,
    restoresEventId: input.restoresEventId ?? null,
    actorId: actor.id,
    createdAt: now,
  })
  await tx
    .update(creditAccount)
    .set({ score: after, updatedAt: now })
    .where(eq(creditAccount.userId, input.userId))
  const tier = tierOf(policy.document, after)
  await append(tx, {
    actor,
    action: 'credit.changed',
    subject: { type: 'user', id: input.userId },
    articles: ['A13.3'],
    ruleVersion: `credit-policy/${policy.version}`,
    evidence: { eventId: id, reason: input.reason, decision: input.subject ?? null },
    details: {
      kind: input.kind,
      delta: after - before,
      scoreAfter: after,
      tier: tier.key,
      reason: input.reason,
    },
    at: now,
  })
  const [row] = await tx.select().from(creditEvent).where(eq(creditEvent.id, id))
  if (!row) throw new Error('credit event vanished')
  return presentEvent(row)
}

/**
 * Many events at once (a disposal's sweep): the policy read once, every account locked in id order (so two sweeps
 * never deadlock), the events and their ledger entries written with one statement each. Same rules as
 * `recordCreditEvent`, applied in the order given.
 */
export async function recordCreditEvents(
  tx: Tx,
  actor: Actor | LedgerActor,
  inputs: readonly CreditEventInput[],
): Promise<number> {
  if (inputs.length === 0) return 0
  const policy = await currentCreditPolicy(tx)
  const userIds = [...new Set(inputs.map((i) => i.userId))].sort()
  const first = inputs[0]?.at ?? new Date()
  await tx
    .insert(creditAccount)
    .values(userIds.map((userId) => ({ userId, score: policy.document.initial, updatedAt: first })))
    .onConflictDoNothing()
  const accounts = await tx
    .select()
    .from(creditAccount)
    .where(inArray(creditAccount.userId, userIds))
    .orderBy(creditAccount.userId)
    .for('update')
  const score = new Map(accounts.map((a) => [a.userId, a.score]))
  const events: (typeof creditEvent.$inferInsert)[] = []
  const entries: AppendInput[] = []
  for (const input of inputs) {
    const now = input.at ?? first
    const before = score.get(input.userId) ?? policy.document.initial
    const after = clampScore(policy.document, before + deltaFor(policy.document, input))
    score.set(input.userId, after)
    const id = newId(now.getTime())
    events.push({
      id,
      userId: input.userId,
      kind: input.kind,
      delta: after - before,
      scoreAfter: after,
      reason: input.reason,
      policyVersion: policy.version,
      subjectType: input.subject?.type ?? null,
      subjectId: input.subject?.id ?? null,
      restoresEventId: input.restoresEventId ?? null,
      actorId: actor.id,
      createdAt: now,
    })
    entries.push({
      actor,
      action: 'credit.changed',
      subject: { type: 'user', id: input.userId },
      articles: ['A13.3'],
      ruleVersion: `credit-policy/${policy.version}`,
      evidence: { eventId: id, reason: input.reason, decision: input.subject ?? null },
      details: {
        kind: input.kind,
        delta: after - before,
        scoreAfter: after,
        tier: tierOf(policy.document, after).key,
        reason: input.reason,
      },
      at: now,
    })
  }
  await tx.insert(creditEvent).values(events)
  for (const userId of userIds) {
    await tx
      .update(creditAccount)
      .set({ score: score.get(userId) ?? policy.document.initial, updatedAt: first })
      .where(eq(creditAccount.userId, userId))
  }
  await appendMany(tx, entries)
  return events.length
}

/** An upheld appeal gives back exactly what the appealed violation took, once. */
export async function restoreCredit(
  tx: Tx,
  actor: Actor | LedgerActor,
  eventId: string,
  reason: string,
): Promise<CreditEventView> {
  const [ev] = await tx.select().from(creditEvent).where(eq(creditEvent.id, eventId))
  if (!ev) throw new DomainError('CREDIT_EVENT_NOT_FOUND', { eventId })
  if (ev.delta >= 0) throw new DomainError('CREDIT_EVENT_NOT_RESTORABLE', { eventId })
  const [already] = await tx
    .select({ id: creditEvent.id })
    .from(creditEvent)
    .where(eq(creditEvent.restoresEventId, eventId))
  if (already) throw new DomainError('CREDIT_ALREADY_RESTORED', { eventId })
  return recordCreditEvent(tx, actor, {
    userId: ev.userId,
    kind: 'appeal_upheld',
    delta: -ev.delta,
    reason,
    restoresEventId: eventId,
    subject: ev.subjectType && ev.subjectId ? { type: ev.subjectType, id: ev.subjectId } : undefined,
  })
}

/** Gives back every deduction about this subject that was not given back yet (an upheld appeal); returns them. */
export async function restoreCreditAbout(
  tx: Tx,
  actor: Actor | LedgerActor,
  subject: { type: string; id: string },
  reason: string,
): Promise<CreditEventView[]> {
  const open = await tx
    .select({ id: creditEvent.id })
    .from(creditEvent)
    .where(
      and(
        eq(creditEvent.subjectType, subject.type),
        eq(creditEvent.subjectId, subject.id),
        lt(creditEvent.delta, 0),
        sql`not exists (select 1 from ${creditEvent} r where r.restores_event_id = ${creditEvent.id})`,
      ),
    )
    .orderBy(creditEvent.createdAt)
  const out: CreditEventView[] = []
  for (const ev of open) out.push(await restoreCredit(tx, actor, ev.id, reason))
  return out
}

export interface CreditView {
  score: number
  tier: CreditTier
  capabilities: Capabilities
  policyVersion: number
  history: CreditEventView[]
  tiers: CreditTier[]
}

export async function getCredit(tx: Tx, userId: string): Promise<CreditView> {
  await getUser(tx, userId)
  const policy = await currentCreditPolicy(tx)
  const [acc] = await tx.select().from(creditAccount).where(eq(creditAccount.userId, userId))
  const score = acc?.score ?? policy.document.initial
  const tier = tierOf(policy.document, score)
  const history = await tx
    .select()
    .from(creditEvent)
    .where(eq(creditEvent.userId, userId))
    .orderBy(desc(creditEvent.createdAt))
    .limit(100)
  return {
    score,
    tier,
    capabilities: tier.capabilities,
    policyVersion: policy.version,
    history: history.map(presentEvent),
    tiers: policy.document.tiers,
  }
}

/** What the account may do now: the gate publishing and messaging consult. */
export interface AccountCapabilities {
  tier: CreditTier
  capabilities: Capabilities
  policyVersion: number
}

/**
 * What each account may do under the policy in force, from its score (not its history): two statements for any
 * number of accounts, for the publish path. The caller has already read (and there locked) the users.
 */
export async function capabilitiesOfMany(
  tx: Tx,
  userIds: string[],
): Promise<Map<string, AccountCapabilities>> {
  const ids = [...new Set(userIds)]
  const [policyRow] = await tx
    .select({ version: creditPolicy.version, document: creditPolicy.document })
    .from(creditPolicy)
    .orderBy(desc(creditPolicy.version))
    .limit(1)
  const version = policyRow?.version ?? 0
  const document = (policyRow?.document as CreditPolicyDocument | undefined) ?? DEFAULT_CREDIT_POLICY
  const scores =
    ids.length === 0
      ? []
      : await tx
          .select({ userId: creditAccount.userId, score: creditAccount.score })
          .from(creditAccount)
          .where(inArray(creditAccount.userId, ids))
  const byUser = new Map(scores.map((s) => [s.userId, s.score]))
  const out = new Map<string, AccountCapabilities>()
  for (const id of ids) {
    const tier = tierOf(document, byUser.get(id) ?? document.initial)
    out.set(id, { tier, capabilities: tier.capabilities, policyVersion: version })
  }
  return out
}

export async function capabilitiesOf(tx: Tx, userId: string): Promise<AccountCapabilities> {
  const caps = (await capabilitiesOfMany(tx, [userId])).get(userId)
  if (!caps) throw new Error('no capabilities computed')
  return caps
}

/**
 * Recovery over time: an account below the initial score that has had no negative event for the policy's
 * quiet period gains the daily recovery, once a day, never above the initial score. Returns how many recovered.
 */
export async function recoverCredit(tx: Tx, now: Date = new Date()): Promise<number> {
  const policy = await currentCreditPolicy(tx)
  const { recoveryPerDay, recoveryAfterDays } = policy.document.deltas
  if (recoveryPerDay <= 0) return 0
  const quietSince = new Date(now.getTime() - recoveryAfterDays * 86_400_000)
  const dayStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()))
  const candidates = await tx
    .select()
    .from(creditAccount)
    .where(lt(creditAccount.score, policy.document.initial))
  let recovered = 0
  for (const acc of candidates) {
    const [recent] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(creditEvent)
      .where(
        and(
          eq(creditEvent.userId, acc.userId),
          gte(creditEvent.createdAt, quietSince),
          lt(creditEvent.delta, 0),
        ),
      )
    const [today] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(creditEvent)
      .where(
        and(
          eq(creditEvent.userId, acc.userId),
          eq(creditEvent.kind, 'recovery'),
          gte(creditEvent.createdAt, dayStart),
        ),
      )
    if ((recent?.n ?? 0) > 0 || (today?.n ?? 0) > 0) continue
    const delta = Math.min(recoveryPerDay, policy.document.initial - acc.score)
    await recordCreditEvent(tx, systemActor('credit-recovery', '信用修复'), {
      userId: acc.userId,
      kind: 'recovery',
      delta,
      reason: `连续 ${recoveryAfterDays} 天无违规，信用每日修复 / ${recoveryAfterDays} days without violation: daily recovery`,
      at: now,
    })
    recovered++
  }
  return recovered
}

/** Scores of many accounts at once, for staff lists. */
export async function scoresOf(
  tx: Tx,
  userIds: string[],
): Promise<Map<string, { score: number; tier: CreditTier }>> {
  const policy = await currentCreditPolicy(tx)
  const rows = userIds.length
    ? await tx.select().from(creditAccount).where(inArray(creditAccount.userId, userIds))
    : []
  const out = new Map<string, { score: number; tier: CreditTier }>()
  for (const id of userIds) {
    const score = rows.find((r) => r.userId === id)?.score ?? policy.document.initial
    out.set(id, { score, tier: tierOf(policy.document, score) })
  }
  return out
}
