// The whole pipeline: normalise + 10k-term lexicon + claim bank + verdict, per item, on the Weibo corpus. Banks:
// the realistic one (news-like false-claim texts, `claims.ts`) and the stress bank (windows of the very corpus
// the items come from), then no bank.
import { loadavg } from 'node:os'
import { ClaimBank, compileRuleSet, normalizeCodes, type RuleSet, screen } from '../src/engine/index.ts'
import { realisticClaims } from './claims.ts'
import { claimTexts, loadCorpus } from './corpus.ts'
import { quantile } from './data.ts'
import { termLists } from './throughput.ts'

const gc = (globalThis as { gc?: () => void }).gc
const cpuUs = () => {
  const u = process.cpuUsage()
  return u.user + u.system
}

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
    const first = new Float64Array(set.length)
    const best = new Float64Array(set.length).fill(Number.POSITIVE_INFINITY)
    const counts: Record<string, number> = { allow: 0, label: 0, hold: 0, block: 0 }
    let claimHits = 0
    let itemsWithClaim = 0
    let bestSecs = Number.POSITIVE_INFINITY
    let bestCpu = Number.POSITIVE_INFINITY
    const load0 = loadavg()[0] as number
    for (let p = 0; p < passes; p++) {
      gc?.()
      const c0 = cpuUs()
      const t0 = performance.now()
      for (let i = 0; i < set.length; i++) {
        const t = performance.now()
        const v = screen({ id: String(i), text: set[i] as string }, ruleSet, bank)
        const us = (performance.now() - t) * 1000
        if (p === 0) {
          first[i] = us
          counts[v.outcome] = (counts[v.outcome] ?? 0) + 1
          claimHits += v.claims.length
          if (v.claims.length > 0) itemsWithClaim++
        }
        if (us < (best[i] as number)) best[i] = us
      }
      bestSecs = Math.min(bestSecs, (performance.now() - t0) / 1000)
      bestCpu = Math.min(bestCpu, (cpuUs() - c0) / 1e6)
    }
    const fa = [...first]
    const ba = [...best]
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
      load: { start: load0, end: loadavg()[0] as number },
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
