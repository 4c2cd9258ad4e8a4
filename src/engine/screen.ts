// Screening one item: normalise → lexicon → claim bank → labels → verdict. Pure and total: the same item,
// rule set and bank give the same verdict, and no input makes it throw.
import type { ClaimBank } from './claim-bank.ts'
import { matchLexicon } from './lexicon.ts'
import { normalize, originalSpan } from './normalize.ts'
import { decide, stricter } from './policy.ts'
import type { RuleSet } from './rule-set.ts'
import {
  CONTENT_KINDS,
  type ContentItem,
  type ContentKind,
  CREDIT_TIERS,
  type CreditTier,
  type Outcome,
  type Reason,
  type Verdict,
} from './types.ts'

/** At most this many claims are reported per item (the strongest). */
export const MAX_CLAIMS = 20

const round4 = (x: number) => Math.round(x * 10000) / 10000

function kindOf(item: ContentItem): ContentKind {
  return CONTENT_KINDS.includes(item.kind as ContentKind) ? (item.kind as ContentKind) : 'post'
}

function creditOf(item: ContentItem): CreditTier {
  return CREDIT_TIERS.includes(item.credit as CreditTier) ? (item.credit as CreditTier) : 'normal'
}

/** The version string a verdict records: the rule set's, and the bank's revision when a bank is used. */
export function ruleVersionOf(rules: RuleSet, bank: ClaimBank | null | undefined): string {
  return bank ? `${rules.version}+claims.${bank.revision}` : rules.version
}

export function screen(item: ContentItem, rules: RuleSet, bank?: ClaimBank | null): Verdict {
  const it = (item ?? {}) as Partial<ContentItem>
  const id = typeof it.id === 'string' ? it.id : String(it.id ?? '')
  const text = typeof it.text === 'string' ? it.text : ''
  const kind = kindOf(it as ContentItem)
  const credit = creditOf(it as ContentItem)
  const declared = it.fictionDeclared === true
  const n = normalize(text)
  const reasons: Reason[] = []
  let outcome: Outcome = 'allow'

  const lex = rules.lexicon
  for (const h of matchLexicon(lex, n)) {
    const e = lex.entries[h.entry]
    if (e === undefined) continue
    const span = originalSpan(n, h.start, h.end)
    if (e.fiction === true) {
      if (declared) continue
      const o = decide(rules.policy, 'label', e.severity, kind, credit)
      outcome = stricter(outcome, o)
      reasons.push({
        type: 'label',
        label: 'fiction',
        declared: false,
        term: e.term,
        basis: [...rules.labelBasis],
        outcome: o,
        start: span.start,
        end: span.end,
      })
      continue
    }
    const o = decide(rules.policy, e.category, e.severity, kind, credit)
    outcome = stricter(outcome, o)
    reasons.push({
      type: 'term',
      term: e.term,
      category: e.category,
      severity: e.severity,
      basis: [...e.basis],
      via: h.sound ? 'sound' : 'text',
      outcome: o,
      start: span.start,
      end: span.end,
    })
  }

  const claims: { id: string; similarity: number }[] = []
  if (bank) {
    const hits = bank.match(n)
    for (const h of hits.slice(0, MAX_CLAIMS)) {
      const similarity = round4(h.similarity)
      const severity = h.similarity >= bank.threshold ? 3 : 2
      const o = decide(rules.policy, 'claim', severity, kind, credit)
      outcome = stricter(outcome, o)
      const span = originalSpan(n, h.start, h.end)
      claims.push({ id: h.id, similarity })
      reasons.push({
        type: 'claim',
        id: h.id,
        similarity,
        basis: [...rules.claimBasis],
        outcome: o,
        start: span.start,
        end: span.end,
      })
    }
  }

  if (declared) {
    outcome = stricter(outcome, 'label')
    reasons.push({
      type: 'label',
      label: 'fiction',
      declared: true,
      basis: [...rules.labelBasis],
      outcome: 'label',
      start: 0,
      end: text.length,
    })
  }

  reasons.sort(compareReasons)
  const basis = [...new Set(reasons.flatMap((r) => r.basis))].sort()
  return { id, outcome, reasons, claims, ruleVersion: ruleVersionOf(rules, bank), basis }
}

const TYPE_ORDER = { term: 0, claim: 1, label: 2 } as const

function keyOf(r: Reason): string {
  return r.type === 'term' ? r.term : r.type === 'claim' ? r.id : (r.term ?? '')
}

function compareReasons(a: Reason, b: Reason): number {
  if (a.start !== b.start) return a.start - b.start
  if (a.end !== b.end) return a.end - b.end
  if (a.type !== b.type) return TYPE_ORDER[a.type] - TYPE_ORDER[b.type]
  const ka = keyOf(a)
  const kb = keyOf(b)
  return ka < kb ? -1 : ka > kb ? 1 : 0
}
