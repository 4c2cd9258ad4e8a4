// Published rules and agreements (A13.1): management rules, the platform convention and the user agreement are
// versioned public documents; a user accepts the current versions before publishing; both acts are on the record.
import { and, desc, eq, max, sql } from 'drizzle-orm'
import type { Actor } from '../../core/auth/index.ts'
import type { Tx } from '../../core/db/index.ts'
import { DomainError } from '../../core/errors.ts'
import { append, type LedgerActor } from '../../ledger/index.ts'
import { getUser, userActor } from '../accounts/index.ts'
import { ruleAcceptance, ruleDocument } from './tables.ts'

export const RULE_KINDS = ['management_rules', 'convention', 'user_agreement'] as const
export type RuleKind = (typeof RULE_KINDS)[number]

export interface RuleDocument {
  kind: RuleKind
  version: number
  titleZh: string
  titleEn: string
  bodyZh: string
  bodyEn: string
  changeNote: string
  publishedAt: string
  /** The public address of this version. */
  url: string
}

function present(r: typeof ruleDocument.$inferSelect): RuleDocument {
  return {
    kind: r.kind as RuleKind,
    version: r.version,
    titleZh: r.titleZh,
    titleEn: r.titleEn,
    bodyZh: r.bodyZh,
    bodyEn: r.bodyEn,
    changeNote: r.changeNote,
    publishedAt: r.publishedAt.toISOString(),
    url: `/u/rules/${r.kind}/${r.version}`,
  }
}

export interface PublishRuleInput {
  kind: RuleKind
  titleZh: string
  titleEn: string
  bodyZh: string
  bodyEn: string
  changeNote: string
}

export async function publishRuleDocument(
  tx: Tx,
  actor: Actor | LedgerActor,
  input: PublishRuleInput,
): Promise<RuleDocument> {
  const [latest] = await tx
    .select({ v: max(ruleDocument.version) })
    .from(ruleDocument)
    .where(eq(ruleDocument.kind, input.kind))
  const version = (latest?.v ?? 0) + 1
  const now = new Date()
  await tx.insert(ruleDocument).values({ ...input, version, publishedAt: now, publishedBy: actor.id })
  const doc = await getRuleDocument(tx, input.kind, version)
  await append(tx, {
    actor,
    action: 'rules.published',
    subject: { type: 'rule_document', id: `${input.kind}/${version}` },
    articles: ['A13.1'],
    evidence: { titleZh: doc.titleZh, bodyZh: doc.bodyZh, titleEn: doc.titleEn, bodyEn: doc.bodyEn },
    details: { kind: input.kind, version, changeNote: input.changeNote },
    at: now,
  })
  return doc
}

export async function getRuleDocument(tx: Tx, kind: string, version: number): Promise<RuleDocument> {
  const [row] = await tx
    .select()
    .from(ruleDocument)
    .where(and(eq(ruleDocument.kind, kind), eq(ruleDocument.version, version)))
  if (!row) throw new DomainError('RULE_DOCUMENT_NOT_FOUND', { kind, version })
  return present(row)
}

export async function listVersions(tx: Tx, kind: string): Promise<RuleDocument[]> {
  const rows = await tx
    .select()
    .from(ruleDocument)
    .where(eq(ruleDocument.kind, kind))
    .orderBy(desc(ruleDocument.version))
  return rows.map(present)
}

/** The current version of each kind that has been published. */
export async function currentRuleDocuments(tx: Tx): Promise<RuleDocument[]> {
  const out: RuleDocument[] = []
  for (const kind of RULE_KINDS) {
    const [row] = await tx
      .select()
      .from(ruleDocument)
      .where(eq(ruleDocument.kind, kind))
      .orderBy(desc(ruleDocument.version))
      .limit(1)
    if (row) out.push(present(row))
  }
  return out
}

/** Current documents the user has not accepted yet. */
export async function pendingAcceptances(tx: Tx, userId: string): Promise<RuleDocument[]> {
  const current = await currentRuleDocuments(tx)
  const accepted = await tx.select().from(ruleAcceptance).where(eq(ruleAcceptance.userId, userId))
  return current.filter((d) => !accepted.some((a) => a.kind === d.kind && a.version === d.version))
}

/**
 * Records that the user accepted exactly the versions they were shown; an outdated version is refused, so nobody
 * accepts a text other than the one in force.
 */
export async function acceptRules(
  tx: Tx,
  userId: string,
  accepted: { kind: RuleKind; version: number }[],
  now: Date = new Date(),
): Promise<{ pending: RuleDocument[] }> {
  const user = await getUser(tx, userId)
  const current = await currentRuleDocuments(tx)
  for (const a of accepted) {
    const cur = current.find((d) => d.kind === a.kind)
    if (!cur) throw new DomainError('RULE_DOCUMENT_NOT_FOUND', { kind: a.kind, version: a.version })
    if (cur.version !== a.version) {
      throw new DomainError('RULES_OUTDATED', {
        field: 'documents',
        kind: a.kind,
        version: a.version,
        current: cur.version,
      })
    }
  }
  for (const a of accepted) {
    await tx
      .insert(ruleAcceptance)
      .values({ userId, kind: a.kind, version: a.version, acceptedAt: now })
      .onConflictDoNothing()
  }
  if (accepted.length > 0) {
    await append(tx, {
      actor: userActor(user),
      action: 'rules.accepted',
      subject: { type: 'user', id: userId },
      articles: ['A13.1'],
      details: { documents: accepted.map((a) => `${a.kind}/${a.version}`) },
      at: now,
    })
  }
  return { pending: await pendingAcceptances(tx, userId) }
}

export interface RulesState {
  /** The versions in force, `kind/version`, that the user has not accepted. */
  pending: string[]
  /** The versions in force (all accepted when `pending` is empty). */
  current: { kind: RuleKind; version: number }[]
}

/**
 * For each user, the rules in force and which of them they have not accepted: one query, for the publish path.
 */
export async function rulesStateOf(tx: Tx, userIds: string[]): Promise<Map<string, RulesState>> {
  const out = new Map<string, RulesState>()
  const ids = [...new Set(userIds)]
  for (const id of ids) out.set(id, { pending: [], current: [] })
  if (ids.length === 0) return out
  const result = (await tx.execute(sql`
    select u.id::text as user_id, d.kind, d.version,
      exists (select 1 from rule_acceptance a
              where a.user_id = u.id and a.kind = d.kind and a.version = d.version) as accepted
    from unnest(array[${sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}]) as u(id)
    cross join (select kind, max(version) as version from rule_document group by kind) d`)) as unknown as {
    rows: { user_id: string; kind: RuleKind; version: number; accepted: boolean }[]
  }
  const rows = [...result.rows].sort((a, b) => RULE_KINDS.indexOf(a.kind) - RULE_KINDS.indexOf(b.kind))
  for (const r of rows) {
    const state = out.get(r.user_id)
    if (!state) continue
    state.current.push({ kind: r.kind, version: Number(r.version) })
    if (!r.accepted) state.pending.push(`${r.kind}/${r.version}`)
  }
  return out
}

/** The gate in front of publishing: the current rules must be accepted, naming the ones that are not. */
export function rulesNotAccepted(state: RulesState): DomainError | null {
  return state.pending.length > 0 ? new DomainError('RULES_NOT_ACCEPTED', { documents: state.pending }) : null
}

/** The gate for one user; returns the versions in force, which the user has accepted. */
export async function requireRulesAccepted(
  tx: Tx,
  userId: string,
): Promise<{ kind: RuleKind; version: number }[]> {
  const state = (await rulesStateOf(tx, [userId])).get(userId) ?? { pending: [], current: [] }
  const refusal = rulesNotAccepted(state)
  if (refusal) throw refusal
  return state.current
}
