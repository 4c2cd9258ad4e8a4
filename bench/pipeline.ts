// The whole pipeline: normalise + 10k-term lexicon + claim bank + verdict, per item, on the Weibo corpus.
import { ClaimBank, compileRuleSet, normalizeCodes, screen } from '../src/engine/index.ts'
import { claimTexts, loadCorpus } from './corpus.ts'
import { quantile } from './data.ts'
import { termLists } from './throughput.ts'

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
  const bank = new ClaimBank({ capacity: claims })
  claimTexts(corpus, claims).forEach((text, i) => {
    bank.add({ id: `c${i}`, text })
  })
  for (const list of lists) {
    const rules = compileRuleSet({
      version: `bench-${list.name}`,
      lexicon: list.terms.map((term, i) => ({
        term,
        category: (['prohibit', 'prevent', 'encourage'] as const)[i % 3] as 'prohibit',
        severity: ((i % 3) + 1) as 1,
        basis: ['A11.1'],
      })),
    })
    const run = (label: string, set: string[], withBank: boolean) => {
      const lat: number[] = new Array(set.length)
      const counts: Record<string, number> = { allow: 0, label: 0, hold: 0, block: 0 }
      let claimHits = 0
      const t0 = performance.now()
      for (let i = 0; i < set.length; i++) {
        const t = performance.now()
        const v = screen({ id: String(i), text: set[i] as string }, rules, withBank ? bank : null)
        lat[i] = (performance.now() - t) * 1000
        counts[v.outcome] = (counts[v.outcome] ?? 0) + 1
        claimHits += v.claims.length
      }
      const secs = (performance.now() - t0) / 1000
      results[label] = {
        items: set.length,
        claims: withBank ? bank.size : 0,
        itemsPerS: set.length / secs,
        p50Us: quantile(lat, 0.5),
        p99Us: quantile(lat, 0.99),
        claimHitsPerItem: claimHits / set.length,
        outcomes: counts,
      }
      console.log(
        `pipeline ${label}: ${Math.round(set.length / secs)} items/s, p50 ${quantile(lat, 0.5).toFixed(1)} µs, p99 ${quantile(lat, 0.99).toFixed(1)} µs, ${(claimHits / set.length).toFixed(2)} claims reported per item`,
      )
    }
    // every corpus item (80% of them lie inside the text the claim windows were cut from), then the held-out 20%
    // (not in the claim source), then every item without the bank: normalise + lexicon + verdict alone
    run(list.name, items, true)
    if (list.name.startsWith('frequent')) {
      run(`${list.name} held-out items`, corpus.heldOut, true)
      run(`${list.name} without bank`, items, false)
    }
  }
  return results
}
