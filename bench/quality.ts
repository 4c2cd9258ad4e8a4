// Quality of the claim bank: variant recall and false-match rate, with a precision/recall curve.
import { ClaimBank, normalize, normalizeCodes } from '../src/engine/index.ts'
import { readJsonl, rng } from './data.ts'
import { EVASIONS, variant } from './variants.ts'

const THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9]

interface Case {
  claim: string
  text: string
}

/**
 * The half a claim family (or a negative) falls in, by a hash of its id (FNV-1a, low bit): 0 = tuning, 1 = test.
 * Designs and the default threshold were chosen on the tuning halves only; the test halves are reported beside.
 */
export function half(id: string): 0 | 1 {
  let h = 0x811c9dc5
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193)
  return ((h >>> 0) & 1) as 0 | 1
}

interface Scored {
  half: 0 | 1
  score: number
}

function curveOf(pos: Scored[], neg: Scored[]) {
  return THRESHOLDS.map((threshold) => ({
    threshold,
    recall: pos.filter((x) => x.score >= threshold).length / Math.max(1, pos.length),
    falseMatch: neg.filter((x) => x.score >= threshold).length / Math.max(1, neg.length),
  }))
}

/**
 * Recall at the lowest threshold whose false-match rate is at most `rate` (an operating point independent of the
 * default threshold), with that threshold.
 */
function recallAtRate(pos: Scored[], neg: Scored[], rate = 0.001) {
  const ts = [...new Set(neg.map((x) => x.score)), 0].sort((a, b) => b - a)
  let threshold = 1
  for (const t of ts) {
    const at = t + 1e-9
    if (neg.filter((x) => x.score >= at).length > rate * neg.length) break
    threshold = at
  }
  return {
    threshold: Math.round(threshold * 1e4) / 1e4,
    recall: pos.filter((x) => x.score >= threshold).length / Math.max(1, pos.length),
  }
}

/** Best similarity of the expected claim, and of any claim, per query; curves for the tuning and test halves. */
function evaluate(claims: Map<string, string>, positives: Case[], negatives: { id: string; text: string }[]) {
  const bank = new ClaimBank({ capacity: claims.size })
  let refused = 0
  const refusedIds = new Set<string>()
  for (const [id, text] of claims)
    if (!bank.add({ id, text }).ok) {
      refused++
      refusedIds.add(id)
    }
  const pos: Scored[] = positives.map((q) => ({
    half: half(q.claim),
    score: bank.match(normalize(q.text), 0).find((h) => h.id === q.claim)?.similarity ?? 0,
  }))
  const neg: Scored[] = negatives.map((n) => ({
    half: half(n.id),
    score: bank.match(normalize(n.text), 0)[0]?.similarity ?? 0,
  }))
  const part = (h: 0 | 1 | null) => {
    const p = pos.filter((x) => h === null || x.half === h)
    const n = neg.filter((x) => h === null || x.half === h)
    const curve = curveOf(p, n)
    return {
      positives: p.length,
      negatives: n.length,
      atDefault: curve.find((c) => c.threshold === bank.threshold),
      atReview: curve.find((c) => c.threshold === bank.reviewThreshold),
      atRate: recallAtRate(p, n),
      curve,
    }
  }
  const all = part(null)
  return {
    claims: claims.size,
    refusedClaims: refused,
    queriesOfRefusedClaims: positives.filter((q) => refusedIds.has(q.claim)).length,
    positives: pos.length,
    negatives: neg.length,
    curve: all.curve,
    atDefault: all.atDefault,
    atReview: all.atReview,
    atRate: all.atRate,
    tuning: part(0),
    test: part(1),
  }
}

function checked() {
  const posts = readJsonl<{ id: string; label: string; text: string; analysis?: string }>(
    'checked/posts.jsonl',
  )
  if (posts === null) return null
  const groups = new Map<string, { id: string; text: string }[]>()
  for (const p of posts) {
    if (p.label !== 'fake' || !p.analysis) continue
    const g = groups.get(p.analysis) ?? []
    g.push(p)
    groups.set(p.analysis, g)
  }
  const claims = new Map<string, string>()
  const positives: Case[] = []
  for (const g of groups.values()) {
    g.sort((a, b) => (a.id < b.id ? -1 : 1))
    const first = g[0] as { id: string; text: string }
    claims.set(first.id, first.text)
    for (const q of g.slice(1)) positives.push({ claim: first.id, text: q.text })
  }
  const negatives = posts.filter((p) => p.label === 'real')
  return {
    description:
      'CHECKED: fake posts sharing one official ruling are variants of one claim (the first by id is the claim, the rest are queries; every ruling is in the bank); real posts are the negatives. Many variants are paraphrases, not edits.',
    ...evaluate(claims, positives, negatives),
  }
}

/** Families of rumor posts linked by character-trigram Jaccard ≥ 0.5 (as the dataset's PROVENANCE counts them). */
function weibo17() {
  const posts = readJsonl<{ id: string; label: string; text: string }>('weibo17-eann-sample/posts.jsonl')
  if (posts === null) return null
  const rumors = posts
    .filter((p) => p.label === 'rumor' && p.text.length > 0)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
  const grams = rumors.map((p) => {
    const c = normalizeCodes(p.text)
    const s = new Set<number>()
    for (let i = 0; i + 2 < c.length; i++)
      s.add(((c[i] as number) * 65536 + (c[i + 1] as number)) * 65536 + (c[i + 2] as number))
    return s
  })
  const parent = rumors.map((_, i) => i)
  const find = (i: number): number => {
    let r = i
    while (parent[r] !== r) r = parent[r] as number
    return r
  }
  for (let i = 0; i < rumors.length; i++) {
    for (let j = i + 1; j < rumors.length; j++) {
      const a = grams[i] as Set<number>
      const b = grams[j] as Set<number>
      if (a.size === 0 || b.size === 0) continue
      let inter = 0
      for (const x of a) if (b.has(x)) inter++
      if (inter / (a.size + b.size - inter) >= 0.5) parent[find(i)] = find(j)
    }
  }
  const families = new Map<number, number[]>()
  rumors.forEach((_, i) => {
    const r = find(i)
    families.set(r, [...(families.get(r) ?? []), i])
  })
  const claims = new Map<string, string>()
  const positives: Case[] = []
  for (const members of families.values()) {
    const first = rumors[members[0] as number] as { id: string; text: string }
    claims.set(first.id, first.text)
    for (const m of members.slice(1))
      positives.push({ claim: first.id, text: (rumors[m] as { text: string }).text })
  }
  const negatives = posts.filter((p) => p.label === 'non-rumor')
  return {
    description:
      'weibo17-eann-sample: rumor families linked by character-trigram Jaccard ≥ 0.5 (the first by id is the claim; every rumor is in the bank); non-rumor posts are the negatives. The linking criterion is itself lexical, so this set favours shingle methods.',
    families: [...families.values()].filter((m) => m.length > 1).length,
    ...evaluate(claims, positives, negatives),
  }
}

/** Synthetic variants of the CHECKED and weibo17 claims by each evasion of the committed generator. */
function synthetic() {
  const sources = [
    ...(readJsonl<{ label: string; text: string }>('checked/posts.jsonl') ?? []).filter(
      (p) => p.label === 'fake',
    ),
    ...(readJsonl<{ label: string; text: string }>('weibo17-eann-sample/posts.jsonl') ?? []).filter(
      (p) => p.label === 'rumor',
    ),
  ].filter((p) => normalizeCodes(p.text).length >= 8)
  const context = (readJsonl<{ text: string }>('weibo-ordinary-posts/posts.jsonl') ?? [])
    .slice(0, 5000)
    .map((p) => p.text)
  if (sources.length === 0 || context.length === 0) return null
  const claims = new Map<string, string>()
  sources.forEach((p, i) => {
    claims.set(`s${i}`, p.text)
  })
  const bank = new ClaimBank({ capacity: claims.size })
  // a source the bank refuses (fewer than 8 characters once its markup is removed) has no variants to find
  for (const [id, text] of claims) if (!bank.add({ id, text }).ok) claims.delete(id)
  const perEvasion: Record<string, number> = {}
  const r = rng(42)
  for (const e of EVASIONS) {
    let ok = 0
    let n = 0
    for (const [id, text] of claims) {
      const v = variant(text, e, r, context)
      n++
      if (bank.match(normalize(v)).some((h) => h.id === id && h.similarity >= bank.threshold)) ok++
    }
    perEvasion[e] = ok / n
  }
  const negatives = (readJsonl<{ text: string }>('weibo-ordinary-posts/posts.jsonl') ?? [])
    .slice(-50000)
    .map((p) => p.text)
  let fm = 0
  for (const t of negatives) if (bank.match(normalize(t)).some((h) => h.similarity >= bank.threshold)) fm++
  return {
    description: `Synthetic variants (bench/variants.ts) of ${claims.size} rumor posts (${sources.length - claims.size} refused by the bank as too short); negatives: 50,000 ordinary Weibo posts.`,
    perEvasion,
    ordinaryPostFalseMatch: fm / negatives.length,
  }
}

export function runQuality() {
  const q = { checked: checked(), weibo17: weibo17(), synthetic: synthetic() }
  const pct = (x: number | undefined) => `${((x ?? 0) * 100).toFixed(3)}%`
  for (const [k, v] of Object.entries(q)) {
    if (v === null) console.log(`quality ${k}: dataset absent, skipped`)
    else if ('perEvasion' in v)
      console.log(
        `quality ${k}:`,
        JSON.stringify(v.perEvasion),
        `false-match ${pct(v.ordinaryPostFalseMatch)}`,
      )
    else
      for (const [name, p] of [
        ['tuning', v.tuning],
        ['test', v.test],
        ['all', v],
      ] as const)
        console.log(
          `quality ${k} ${name}: recall ${p.atDefault?.recall.toFixed(3)} at ${pct(p.atDefault?.falseMatch)} (threshold ${p.atDefault?.threshold}); review ${p.atReview?.recall.toFixed(3)} at ${pct(p.atReview?.falseMatch)}; at ≤ 0.1%: ${p.atRate.recall.toFixed(3)} (threshold ${p.atRate.threshold})`,
        )
  }
  return q
}
