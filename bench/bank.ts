// Claim bank at 10k / 100k / 1M claims: build time, memory per claim, query latency, and the reverse query
// over as many stored item fingerprints.
import { ClaimBank, ItemIndex, normalize } from '../src/engine/index.ts'
import { claimTexts, loadCorpus } from './corpus.ts'
import { quantile, rng } from './data.ts'
import { variant } from './variants.ts'

const gc = (globalThis as { gc?: () => void }).gc
const heap = () => {
  gc?.()
  const m = process.memoryUsage()
  return m.heapUsed + m.arrayBuffers
}

export function runBank(sizes: number[]) {
  const corpus = loadCorpus()
  if (corpus === null) {
    console.log('bank: weibo-ordinary-posts absent, skipped')
    return null
  }
  const rows = []
  for (const n of sizes) {
    const texts = claimTexts(corpus, n)
    const before = heap()
    let t = performance.now()
    const bank = new ClaimBank({ capacity: n })
    let refused = 0
    for (let i = 0; i < n; i++) if (!bank.add({ id: `c${i}`, text: texts[i] as string }).ok) refused++
    const buildS = (performance.now() - t) / 1000
    const bytesTotal = heap() - before
    // queries: variants of stored claims (one substitution each) and held-out posts
    const r = rng(n)
    const queries = 20000
    const lat: number[] = []
    let found = 0
    for (let q = 0; q < queries / 2; q++) {
      const i = Math.floor(r() * n)
      const v = variant(texts[i] as string, 'substitute', r, corpus.heldOut)
      const nv = normalize(v)
      t = performance.now()
      const hits = bank.match(nv)
      lat.push((performance.now() - t) * 1000)
      if (hits.some((h) => h.id === `c${i}` && h.similarity >= bank.threshold)) found++
    }
    const latNeg: number[] = []
    let falseHits = 0
    for (let q = 0; q < queries / 2; q++) {
      const nv = normalize(corpus.heldOut[Math.floor(r() * corpus.heldOut.length)] as string)
      t = performance.now()
      const hits = bank.match(nv)
      latNeg.push((performance.now() - t) * 1000)
      if (hits.some((h) => h.similarity >= bank.threshold)) falseHits++
    }
    const all = [...lat, ...latNeg]
    // reverse query: as many stored item fingerprints, queried with 200 claims
    const items = claimTexts(corpus, n, 99)
    t = performance.now()
    const index = new ItemIndex({ capacity: n })
    for (let i = 0; i < n; i++) index.add(`p${i}`, items[i] as string)
    const indexS = (performance.now() - t) / 1000
    const rev: number[] = []
    let revFound = 0
    for (let q = 0; q < 200; q++) {
      const i = Math.floor(r() * n)
      const claim = (items[i] as string).slice(0, Math.max(8, Math.floor((items[i] as string).length * 0.8)))
      t = performance.now()
      const hits = index.reverse(claim)
      rev.push(performance.now() - t)
      if (hits.some((h) => h.id === `p${i}`)) revFound++
    }
    const row = {
      claims: bank.size,
      refusedTooShort: refused,
      buildS,
      claimsPerS: n / buildS,
      bytesPerClaimTyped: bank.bytes / bank.size,
      bytesPerClaimHeap: bytesTotal / bank.size,
      heapMeasured: gc !== undefined,
      queryUs: {
        p50: quantile(all, 0.5),
        p99: quantile(all, 0.99),
        p50Variant: quantile(lat, 0.5),
        p99Variant: quantile(lat, 0.99),
        p50Negative: quantile(latNeg, 0.5),
        p99Negative: quantile(latNeg, 0.99),
      },
      variantRecall: found / (queries / 2),
      heldOutMatchRate: falseHits / (queries / 2),
      reverse: {
        items: index.size,
        buildS: indexS,
        bytesPerItem: index.bytes / index.size,
        p50Ms: quantile(rev, 0.5),
        p99Ms: quantile(rev, 0.99),
        maxMs: Math.max(...rev),
        recall: revFound / 200,
      },
    }
    console.log(
      `bank ${n}: build ${buildS.toFixed(1)} s, ${row.bytesPerClaimTyped.toFixed(0)} B/claim typed, ${row.bytesPerClaimHeap.toFixed(0)} B/claim heap, ` +
        `query p50 ${row.queryUs.p50.toFixed(1)} µs p99 ${row.queryUs.p99.toFixed(1)} µs, recall(1 sub) ${row.variantRecall.toFixed(3)}, ` +
        `held-out matches ${(row.heldOutMatchRate * 100).toFixed(2)}%; reverse p50 ${row.reverse.p50Ms.toFixed(2)} ms p99 ${row.reverse.p99Ms.toFixed(2)} ms`,
    )
    rows.push(row)
  }
  return rows
}
