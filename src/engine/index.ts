// The screening engine (published as `qinglang/engine`): pure functions and in-memory indexes, no I/O, no
// clock. See docs/engine.md.
export { type Automaton, buildAutomaton, MatchBuffer, scan } from './automaton.ts'
export {
  type AddResult,
  ClaimBank,
  type ClaimBankOptions,
  type ClaimHit,
  containment,
} from './claim-bank.ts'
export {
  formatVerdict,
  type Parsed,
  type Problem,
  parseClaimLine,
  parseItemLine,
  parseLexiconLine,
} from './formats.ts'
export { ItemIndex, type ItemIndexOptions, type ReverseHit } from './item-index.ts'
export {
  compileLexicon,
  type Lexicon,
  LexiconError,
  MAX_SPANS_PER_TERM,
  matchLexicon,
  type TermHit,
} from './lexicon.ts'
export {
  type Normalized,
  normalize,
  normalizeCodes,
  normalizeText,
  originalSpan,
} from './normalize.ts'
export {
  compilePolicy,
  DEFAULT_POLICY,
  decide,
  type Policy,
  type PolicyCategory,
  PolicyError,
  type PolicyRow,
  stricter,
} from './policy.ts'
export { compileRuleSet, type RuleSet, RuleSetError, type RuleSetInput, Screener } from './rule-set.ts'
export { SpanBuffer, scanText } from './scan-text.ts'
export { MAX_CLAIMS, ruleVersionOf, screen } from './screen.ts'
export { soundFold } from './sound.ts'
export * from './types.ts'
