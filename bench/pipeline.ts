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
    const lat: number[] = new Array(items.length)
    const counts: Record<string, number> = { allow: 0, label: 0, hold: 0, block: 0 }
    const t0 = performance.now()
    for (let i = 0; i < items.length; i++) {
      const t = performance.now()
      const v = screen({ id: String(i), text: items[i] as string }, rules, bank)
      lat[i] = (performance.now() - t) * 1000
      counts[v.outcome] = (counts[v.outcome] ?? 0) + 1
    }
    const secs = (performance.now() - t0) / 1000
    results[list.name] = {
      items: items.length,
      claims: bank.size,
      itemsPerS: items.length / secs,
      p50Us: quantile(lat, 0.5),
      p99Us: quantile(lat, 0.99),
      outcomes: counts,
    }
    console.log(
      `pipeline ${list.name} + ${bank.size} claims: ${Math.round(items.length / secs)} items/s, p50 ${quantile(lat, 0.5).toFixed(1)} µs, p99 ${quantile(lat, 0.99).toFixed(1)} µs`,
    )
  }
  return results
}
