// The policy table: what a reason leads to, by category × severity × content kind × account credit tier.
// Rows may leave kind or credit out (any); the most specific row wins, and among equally specific rows the
// later one. Compiled into a dense array so a lookup is one index.
import {
  CONTENT_KINDS,
  type ContentKind,
  CREDIT_TIERS,
  type CreditTier,
  OUTCOMES,
  type Outcome,
  type Severity,
} from './types.ts'

/** Term categories plus the engine's own: a matched false claim, and a missing fiction label. */
export type PolicyCategory = 'prohibit' | 'prevent' | 'encourage' | 'claim' | 'label'
export const POLICY_CATEGORIES: readonly PolicyCategory[] = [
  'prohibit',
  'prevent',
  'encourage',
  'claim',
  'label',
]

export interface PolicyRow {
  category: PolicyCategory
  /** Omitted: every severity. For `claim`, 3 is a match at or above the threshold, 2 one in the review band. */
  severity?: Severity
  kind?: ContentKind
  credit?: CreditTier
  outcome: Outcome
}

/**
 * The default table. The four content kinds are treated alike (A8.1); low and restricted credit tighten the
 * outcome (A13.3); a known false claim is blocked (A11.1, A16); a near match goes to a reviewer; a fiction cue
 * without a declaration is published with the label (A11.2).
 */
export const DEFAULT_POLICY: readonly PolicyRow[] = Object.freeze([
  { category: 'prohibit', severity: 3, outcome: 'block' },
  { category: 'prohibit', severity: 2, outcome: 'hold' },
  { category: 'prohibit', severity: 1, outcome: 'hold' },
  { category: 'prevent', severity: 3, outcome: 'hold' },
  { category: 'prevent', severity: 2, outcome: 'label' },
  { category: 'prevent', severity: 1, outcome: 'allow' },
  { category: 'encourage', outcome: 'allow' },
  { category: 'claim', severity: 3, outcome: 'block' },
  { category: 'claim', severity: 2, outcome: 'hold' },
  { category: 'claim', severity: 1, outcome: 'hold' },
  { category: 'label', outcome: 'label' },
  { category: 'prohibit', severity: 2, credit: 'low', outcome: 'block' },
  { category: 'prevent', severity: 2, credit: 'low', outcome: 'hold' },
  { category: 'prohibit', credit: 'restricted', outcome: 'block' },
  { category: 'prevent', severity: 3, credit: 'restricted', outcome: 'block' },
  { category: 'prevent', severity: 2, credit: 'restricted', outcome: 'hold' },
  { category: 'label', credit: 'restricted', outcome: 'hold' },
] satisfies PolicyRow[])

export interface Policy {
  readonly rows: readonly Readonly<PolicyRow>[]
  /** outcome index per (category, severity-1, kind, credit). */
  readonly table: Uint8Array
}

const NC = POLICY_CATEGORIES.length
const NK = CONTENT_KINDS.length
const NT = CREDIT_TIERS.length

function index(c: number, s: number, k: number, t: number): number {
  return ((c * 3 + s) * NK + k) * NT + t
}

export class PolicyError extends Error {
  override name = 'PolicyError'
}

/** Compiles a table; every (category, severity, kind, credit) must be covered by some row. */
export function compilePolicy(rows: readonly PolicyRow[] = DEFAULT_POLICY): Policy {
  const table = new Uint8Array(NC * 3 * NK * NT).fill(255)
  const spec = new Int8Array(table.length).fill(-1)
  for (const r of rows) {
    const c = POLICY_CATEGORIES.indexOf(r.category)
    const o = OUTCOMES.indexOf(r.outcome)
    if (c < 0 || o < 0) throw new PolicyError(`bad policy row ${JSON.stringify(r)}`)
    const specificity = (r.severity ? 1 : 0) + (r.kind ? 1 : 0) + (r.credit ? 1 : 0)
    for (let s = 0; s < 3; s++) {
      if (r.severity !== undefined && r.severity !== s + 1) continue
      for (let k = 0; k < NK; k++) {
        if (r.kind !== undefined && r.kind !== CONTENT_KINDS[k]) continue
        for (let t = 0; t < NT; t++) {
          if (r.credit !== undefined && r.credit !== CREDIT_TIERS[t]) continue
          const i = index(c, s, k, t)
          if (specificity >= (spec[i] as number)) {
            spec[i] = specificity
            table[i] = o
          }
        }
      }
    }
  }
  const gap = table.indexOf(255)
  if (gap >= 0) {
    const t = gap % NT
    const k = Math.floor(gap / NT) % NK
    const s = Math.floor(gap / NT / NK) % 3
    const c = Math.floor(gap / NT / NK / 3)
    throw new PolicyError(
      `policy has no row for ${POLICY_CATEGORIES[c]} severity ${s + 1} kind ${CONTENT_KINDS[k]} credit ${CREDIT_TIERS[t]}`,
    )
  }
  return Object.freeze({ rows: Object.freeze(rows.map((r) => Object.freeze({ ...r }))), table })
}

/** The outcome the policy gives one reason. */
export function decide(
  p: Policy,
  category: PolicyCategory,
  severity: Severity,
  kind: ContentKind,
  credit: CreditTier,
): Outcome {
  const c = POLICY_CATEGORIES.indexOf(category)
  const k = Math.max(0, CONTENT_KINDS.indexOf(kind))
  const t = Math.max(0, CREDIT_TIERS.indexOf(credit))
  return OUTCOMES[p.table[index(c, severity - 1, k, t)] as number] as Outcome
}

/** The stricter of two outcomes. */
export function stricter(a: Outcome, b: Outcome): Outcome {
  return OUTCOMES.indexOf(a) >= OUTCOMES.indexOf(b) ? a : b
}
