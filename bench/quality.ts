// Quality of the claim bank: variant recall and false-match rate, with a precision/recall curve.
import { ClaimBank, normalize, normalizeCodes } from '../src/engine/index.ts'
import { readJsonl, rng } from './data.ts'
import { EVASIONS, variant } from './variants.ts'

const THRESHOLDS = [0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.7, 0.8, 0.9]

interface Case {
  claim: string
  text: string
}

/** Best similarity of the expected claim, and of any claim, per query. */
function evaluate(claims: Map<string, string>, positives: Case[], negatives: string[]) {
  const bank = new ClaimBank({ capacity: claims.size })
  for (const [id, text] of claims) bank.add({ id, text })
  const pos = positives.map(
    (q) => bank.match(normalize(q.text), 0).find((h) => h.id === q.claim)?.similarity ?? 0,
  )
  const neg = negatives.map((t) => bank.match(normalize(t), 0)[0]?.similarity ?? 0)
  const curve = THRESHOLDS.map((threshold) => ({
    threshold,
    recall: pos.filter((x) => x >= threshold).length / Math.max(1, pos.length),
    falseMatch: neg.filter((x) => x >= threshold).length / Math.max(1, neg.length),
  }))
  const at = (t: number) => curve.find((c) => c.threshold === t)
  return {
    claims: claims.size,
    positives: pos.length,
    negatives: neg.length,
    curve,
    atDefault: at(bank.threshold),
    atReview: at(bank.reviewThreshold),
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
  const negatives = posts.filter((p) => p.label === 'real').map((p) => p.text)
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
  const negatives = posts.filter((p) => p.label === 'non-rumor').map((p) => p.text)
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
  for (const [id, text] of claims) bank.add({ id, text })
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
    description: `Synthetic variants (bench/variants.ts) of ${claims.size} rumor posts; negatives: 50,000 ordinary Weibo posts.`,
    perEvasion,
    ordinaryPostFalseMatch: fm / negatives.length,
  }
}

export function runQuality() {
  const q = { checked: checked(), weibo17: weibo17(), synthetic: synthetic() }
  for (const [k, v] of Object.entries(q)) {
    if (v === null) console.log(`quality ${k}: dataset absent, skipped`)
    else
      console.log(
        `quality ${k}:`,
        JSON.stringify('atDefault' in v ? v.atDefault : v.perEvasion),
        'ordinaryPostFalseMatch' in v ? `false-match ${v.ordinaryPostFalseMatch}` : '',
      )
  }
  return q
}
