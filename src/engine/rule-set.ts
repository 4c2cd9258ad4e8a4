// Rule sets: immutable, versioned values (lexicon + policy + the basis cited for claims and labels). A
// Screener holds the current one and swaps in a new version atomically: each screening reads the reference
// once, so a verdict is always decided by exactly one version, whatever is swapped in meanwhile.
import type { ClaimBank } from './claim-bank.ts'
import { compileLexicon, type Lexicon } from './lexicon.ts'
import { compilePolicy, DEFAULT_POLICY, type Policy, type PolicyRow } from './policy.ts'
import { screen } from './screen.ts'
import type { ContentItem, LexiconEntry, Verdict } from './types.ts'

export interface RuleSetInput {
  /** A version string recorded in every verdict, e.g. `lexicon-2025-03-01.2`. */
  version: string
  lexicon: readonly LexiconEntry[]
  policy?: readonly PolicyRow[]
  /** Requirement ids cited by a claim match (default A11.1, A16). */
  claimBasis?: readonly string[]
  /** Requirement ids cited by a fiction label (default A11.2). */
  labelBasis?: readonly string[]
}

export interface RuleSet {
  readonly version: string
  readonly lexicon: Lexicon
  readonly policy: Policy
  readonly claimBasis: readonly string[]
  readonly labelBasis: readonly string[]
}

export class RuleSetError extends Error {
  override name = 'RuleSetError'
}

export function compileRuleSet(input: RuleSetInput): RuleSet {
  if (typeof input.version !== 'string' || input.version.trim() === '') {
    throw new RuleSetError('规则集需要版本号 / a rule set needs a version')
  }
  return Object.freeze({
    version: input.version,
    lexicon: compileLexicon(input.lexicon),
    policy: compilePolicy(input.policy ?? DEFAULT_POLICY),
    claimBasis: Object.freeze([...(input.claimBasis ?? ['A11.1', 'A16'])]),
    labelBasis: Object.freeze([...(input.labelBasis ?? ['A11.2'])]),
  })
}

/** Holds the current rule set (and the claim bank) and screens with a consistent snapshot. */
export class Screener {
  private current: RuleSet

  constructor(
    rules: RuleSet,
    readonly bank: ClaimBank | null = null,
  ) {
    this.current = rules
  }

  get rules(): RuleSet {
    return this.current
  }

  /** Replaces the rule set; returns the previous one. Screens already under way finish on the old one. */
  swap(next: RuleSet): RuleSet {
    const prev = this.current
    this.current = next
    return prev
  }

  screen(item: ContentItem): Verdict {
    return screen(item, this.current, this.bank)
  }
}
