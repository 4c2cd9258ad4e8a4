// Screening rules as operator-managed versions (A12.1) and the bank of known false claims (A16). Each publication
// is compiled before it is stored, so a version in the database always compiles; the caller swaps the compiled
// value into the node's ScreeningService after the transaction commits.
import type { Actor } from '../../core/auth/index.ts'
import type { Tx } from '../../core/db/index.ts'
import { afterCommit, isUniqueViolation } from '../../core/db/index.ts'
import { DomainError, type FieldProblem } from '../../core/errors.ts'
import { newId } from '../../core/ids.ts'
import {
  type LexiconEntry,
  LexiconError,
  PolicyError,
  type PolicyRow,
  type RuleSet,
  RuleSetError,
} from '../../engine/index.ts'
import { append, type LedgerActor } from '../../ledger/index.ts'
import { compileVersion, ruleSetVersionName, type ScreeningService } from './service.ts'
import * as store from './store.ts'

export interface RuleSetView {
  version: number
  ruleVersion: string
  label: string
  note: string
  lexicon: LexiconEntry[]
  policy: PolicyRow[] | null
  terms: number
  publishedAt: string
  publishedBy: string
}

function present(r: store.RuleSetRow): RuleSetView {
  const lexicon = r.lexicon as LexiconEntry[]
  return {
    version: r.version,
    ruleVersion: ruleSetVersionName(r.version),
    label: r.label,
    note: r.note,
    lexicon,
    policy: (r.policy as PolicyRow[] | null) ?? null,
    terms: lexicon.length,
    publishedAt: r.publishedAt.toISOString(),
    publishedBy: r.publishedBy,
  }
}

export interface PublishRuleSetInput {
  label: string
  note: string
  lexicon: LexiconEntry[]
  policy?: PolicyRow[] | null
  /** The publishing process's screener, which installs the version itself; the others reload on the notice. */
  origin?: string
}

/** Compiles, stores and records a new version; returns it with its compiled value for the screener. */
export async function publishRuleSet(
  tx: Tx,
  actor: Actor | LedgerActor,
  input: PublishRuleSetInput,
  now: Date = new Date(),
): Promise<{ view: RuleSetView; rules: RuleSet }> {
  const version = await store.nextVersion(tx)
  let rules: RuleSet
  try {
    rules = compileVersion(version, input.lexicon, input.policy ?? null)
  } catch (e) {
    if (e instanceof LexiconError) {
      const errors: FieldProblem[] = e.problems.map((p) => ({
        field: `lexicon/${p.index}`,
        zh: p.zh,
        en: p.en,
      }))
      throw new DomainError('RULE_SET_INVALID', {
        errors,
        entries: e.problems.map((p) => input.lexicon[p.index]?.term ?? String(p.index)),
      })
    }
    if (e instanceof PolicyError || e instanceof RuleSetError) {
      throw new DomainError('RULE_SET_INVALID', {
        errors: [{ field: 'policy', zh: e.message, en: e.message }],
      })
    }
    throw e
  }
  const row: store.RuleSetRow = {
    version,
    label: input.label,
    lexicon: input.lexicon,
    policy: input.policy ?? null,
    note: input.note,
    publishedAt: now,
    publishedBy: actor.id,
  }
  try {
    await store.insertRuleSet(tx, row)
  } catch (e) {
    // Two publications at once: the second is refused rather than silently renumbered.
    if (isUniqueViolation(e)) throw new DomainError('RULE_SET_INVALID', { field: 'version', version })
    throw e
  }
  const counts = { prohibit: 0, prevent: 0, encourage: 0, fiction: 0 }
  for (const e of input.lexicon) {
    if (e.fiction) counts.fiction++
    else counts[e.category]++
  }
  await append(tx, {
    actor,
    action: 'rule_set.published',
    subject: { type: 'rule_set', id: String(version) },
    articles: ['A12.1'],
    ruleVersion: ruleSetVersionName(version),
    evidence: { lexicon: input.lexicon, policy: input.policy ?? null },
    details: { version, label: input.label, note: input.note, terms: input.lexicon.length, ...counts },
    at: now,
  })
  await store.notifyScreening(tx, input.origin ?? '', `rule_set:${version}`)
  return { view: present(row), rules }
}

export async function listRuleSets(tx: Tx, limit = 50): Promise<RuleSetView[]> {
  return (await store.listRuleSets(tx, limit)).map(present)
}

export interface FalseClaimView {
  id: string
  text: string
  source: string
  createdAt: string
}

const presentClaim = (r: store.ClaimRow): FalseClaimView => ({
  id: r.id,
  text: r.text,
  source: r.source,
  createdAt: r.createdAt.toISOString(),
})

/** Stores and records a known false claim; this process's bank gets it once the transaction commits (the other
 * processes reload on the notification). */
export async function addFalseClaim(
  tx: Tx,
  actor: Actor | LedgerActor,
  screening: ScreeningService,
  input: { text: string; source: string },
  now: Date = new Date(),
): Promise<FalseClaimView> {
  const problem = screening.claimProblem(input.text)
  if (problem) throw new DomainError('FALSE_CLAIM_INVALID', { errors: [{ field: 'text', ...problem }] })
  const row: store.ClaimRow = {
    id: newId(now.getTime()),
    text: input.text.trim(),
    source: input.source,
    createdBy: actor.id,
    createdAt: now,
  }
  await store.insertClaim(tx, row)
  await append(tx, {
    actor,
    action: 'false_claim.added',
    subject: { type: 'false_claim', id: row.id },
    articles: ['A16'],
    evidence: { text: row.text, source: row.source },
    details: { source: row.source },
    at: now,
  })
  await store.notifyScreening(tx, screening.instance, `claim:${row.id}`)
  afterCommit(tx, () => screening.addClaim(row.id, row.text))
  return presentClaim(row)
}

export async function listFalseClaims(tx: Tx, limit = 200): Promise<FalseClaimView[]> {
  return (await store.listClaims(tx, limit)).map(presentClaim)
}
