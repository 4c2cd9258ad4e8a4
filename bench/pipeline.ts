// The whole pipeline: normalise + 10k-term lexicon + claim bank + verdict, per item, on the Weibo corpus. Banks:
// the realistic one (news-like false-claim texts, `claims.ts`) and the stress bank (windows of the very corpus
// the items come from), then no bank.
import { ClaimBank, compileRuleSet, normalizeCodes, type RuleSet, screen } from '../src/engine/index.ts'
import { realisticClaims } from './claims.ts'
import { claimTexts, loadCorpus } from './corpus.ts'
import { load, quantile, timePasses } from './data.ts'
import { termLists } from './throughput.ts'

function buildBank(texts: string[]): ClaimBank {
  const bank = new ClaimBank({ capacity: texts.length })
  texts.forEach((text, i) => {
    bank.add({ id: `c${i}`, text })
  })
  return bank
}

export function runPipeline(claims: number) {
  const corpus = loadCorpus()
  if (corpus === null) {
    console.log('pipeline: weibo-ordinary-posts absent, skipped')
    return null
  }
  const items = corpus.posts
  const lists = termLists(
    items.map((t) => normalizeCodes(t)),
    [10000],
  )
  const results: Record<string, unknown> = {}
  const rules = lists.map((list) =>
    compileRuleSet({
      version: `bench-${list.name}`,
      lexicon: list.terms.map((term, i) => ({
        term,
        category: (['prohibit', 'prevent', 'encourage'] as const)[i % 3] as 'prohibit',
        severity: ((i % 3) + 1) as 1,
        basis: ['A11.1'],
      })),
    }),
  )
  /**
   * `passes` runs over the items: items/s of the fastest pass (wall) and from CPU time; p99 wall of the first
   * pass; p99 robust = p99 of each item's minimum over the passes (see bench/README).
   */
  const run = (label: string, ruleSet: RuleSet, set: string[], bank: ClaimBank | null, passes: number) => {
    const load0 = load()
    const counts: Record<string, number> = { allow: 0, label: 0, hold: 0, block: 0 }
    let claimHits = 0
    let itemsWithClaim = 0
    const t = timePasses(
      set.length,
      passes,
      (i) => screen({ id: String(i), text: set[i] as string }, ruleSet, bank),
      (_, v) => {
        counts[v.outcome] = (counts[v.outcome] ?? 0) + 1
        claimHits += v.claims.length
        if (v.claims.length > 0) itemsWithClaim++
      },
    )
    const fa = t.first
    const ba = t.best
    const bestSecs = Math.min(...t.wallS)
    const bestCpu = Math.min(...t.cpuS)
    const row = {
      items: set.length,
      claims: bank?.size ?? 0,
      passes,
      itemsPerS: set.length / bestSecs,
      itemsPerCpuS: set.length / bestCpu,
      p50Us: quantile(fa, 0.5),
      p99Us: quantile(fa, 0.99),
      p99RobustUs: quantile(ba, 0.99),
      claimHitsPerItem: claimHits / set.length,
      itemsWithClaim: itemsWithClaim / set.length,
      outcomes: counts,
      load: { start: load0, end: load() },
    }
    results[label] = row
    console.log(
      `pipeline ${label}: ${Math.round(row.itemsPerS)} items/s (CPU ${Math.round(row.itemsPerCpuS)}), p50 ${row.p50Us.toFixed(1)} µs, p99 wall ${row.p99Us.toFixed(1)} µs, p99 robust ${row.p99RobustUs.toFixed(1)} µs, ` +
        `${row.claimHitsPerItem.toFixed(3)} claims per item (${(row.itemsWithClaim * 100).toFixed(2)}% of items), load ${load0.toFixed(1)}→${row.load.end.toFixed(1)}`,
    )
  }
  const real = realisticClaims(claims)
  if (real !== null) {
    let bank: ClaimBank | null = buildBank(real.texts)
    for (const [k, list] of lists.entries())
      run(`${list.name} realistic bank`, rules[k] as RuleSet, items, bank, 3)
    bank = null
  } else console.log('pipeline: no labelled rumor set present, realistic bank skipped')
  // stress bank: windows of the first 80% of the corpus (items inside it find their own text), then the
  // held-out 20% (not in the claim source); one pass each, it is slow
  let stress: ClaimBank | null = buildBank(claimTexts(corpus, claims))
  run(`${lists[0]?.name} stress bank`, rules[0] as RuleSet, items, stress, 1)
  run(`${lists[0]?.name} stress bank, held-out items`, rules[0] as RuleSet, corpus.heldOut, stress, 1)
  stress = null
  for (const [k, list] of lists.entries())
    run(`${list.name} without bank`, rules[k] as RuleSet, items, null, 3)
  return results
}
