// A realistic claim bank for the benches: news-like statements, built at run time from the labelled rumor sets
// (never from `weibo-ordinary-posts`, which is the query corpus), deterministically, scaled to 1M claims.
//
// Tiers, in this order (a bank of n claims is the first n of the sequence):
//   core        every rumor/fake source text of thunlp-ced, weibo-rumdect, checked, weibo17-eann-sample and ltcr
//               (ltcr: the checked claim, `title`, since its fake `text` is often the rebuttal), deduplicated
//   post        every other news-style source text of those sets (non-rumor/real posts; ltcr summaries)
//   sentence    every sentence of the texts above of 15–150 characters that is not itself a whole text
//   recombined  statements made of clauses of ≥ 3 different source texts, joined, with the lengths of the
//               core claims (15–150 characters); each a distinct combination
// Texts are cleaned as a bank would store a claim: no URLs, @mentions, [emoji] codes, repost chains or hashtag
// marks, cut at a sentence end to at most 150 characters.
import { normalizeText } from '../src/engine/index.ts'
import { readJsonl, rng } from './data.ts'

export type Tier = 'core' | 'post' | 'sentence' | 'recombined'

export interface RealisticClaims {
  texts: string[]
  /** Number of claims of each tier among `texts`. */
  tiers: Record<Tier, number>
  /** Index of the first claim of each tier in `texts` (core at 0). */
  firstOf: Record<Tier, number>
  /** Distinct clauses recombined, and source texts they come from. */
  clauses: number
  sources: number
}

const MAX_LEN = 150
const MIN_LEN = 15

/** A source text as a bank would store the claim it states. */
export function cleanClaim(text: string): string {
  let t = text
    .replace(/\/\/@.*$/s, '') // repost chain
    .replace(/https?:\/\/[\w./?=&%#:+-]*/g, '')
    .replace(/@[\p{L}\p{N}_-]{1,30}/gu, '')
    .replace(/\[[^\]\s]{1,8}\]/g, '')
    .replace(/[OL]?网页链接/g, '')
    .replace(/L[^\s，。]{1,20}的微博视频/g, '')
    .replace(/#/g, '')
    .replace(/\s+/g, ' ')
    .trim()
  if ([...t].length > MAX_LEN) {
    const chars = [...t].slice(0, MAX_LEN)
    const cut = chars.join('')
    const end = Math.max(...['。', '！', '？', '!', '?', '；'].map((p) => cut.lastIndexOf(p)))
    t = end >= MIN_LEN ? cut.slice(0, end + 1) : cut
  }
  return t
}

const SENTENCE = /[^。！？!?；;\n【】]+[。！？!?；;]*/g
const CLAUSE_SPLIT = /[，,、：:“”"（）()《》\s]+/

function normLen(t: string): number {
  return normalizeText(t).length
}

let cached: { key: string; value: RealisticClaims } | null = null

/** The first n claims of the realistic bank (null when none of the labelled sets is present). */
export function realisticClaims(n: number, seed = 7): RealisticClaims | null {
  const key = `${n}:${seed}`
  if (cached !== null && cached.key === key) return cached.value
  type Rec = { label?: string; text?: string; title?: string; summary?: string }
  const sets: [string, Rec[] | null][] = [
    ['thunlp-ced', readJsonl<Rec>('thunlp-ced/events.jsonl')],
    ['weibo-rumdect', readJsonl<Rec>('weibo-rumdect/events.jsonl')],
    ['checked', readJsonl<Rec>('checked/posts.jsonl')],
    ['weibo17-eann-sample', readJsonl<Rec>('weibo17-eann-sample/posts.jsonl')],
    ['ltcr', readJsonl<Rec>('ltcr/news.jsonl')],
  ]
  if (sets.every(([, s]) => s === null)) return null
  const isFalse = (r: Rec) => r.label === 'rumor' || r.label === 'fake'
  const core: string[] = []
  const other: string[] = []
  for (const [name, recs] of sets) {
    for (const r of recs ?? []) {
      if (name === 'ltcr') {
        if (isFalse(r)) core.push(r.title ?? '')
        else other.push(r.title ?? '', r.summary ?? '')
        other.push(r.text ?? '') // ltcr bodies: news text (of fake items often the rebuttal), never core
      } else (isFalse(r) ? core : other).push(r.text ?? '')
    }
  }
  const seen = new Set<string>()
  const texts: string[] = []
  const tiers: Record<Tier, number> = { core: 0, post: 0, sentence: 0, recombined: 0 }
  const firstOf: Record<Tier, number> = { core: 0, post: 0, sentence: 0, recombined: 0 }
  const push = (t: string, tier: Tier, min: number): boolean => {
    if (texts.length >= n) return false
    const k = normalizeText(t)
    if (k.length < min || seen.has(k)) return false
    seen.add(k)
    texts.push(t)
    tiers[tier]++
    return true
  }
  const cleanCore = core.map(cleanClaim)
  const cleanOther = other.map(cleanClaim)
  const all = [...cleanCore, ...cleanOther]
  for (const t of cleanCore) push(t, 'core', 8)
  firstOf.post = texts.length
  for (const t of cleanOther) push(t, 'post', MIN_LEN)
  // sentences and clauses of every source text
  firstOf.sentence = texts.length
  const clauses: { text: string; norm: string }[][] = []
  for (const t of all) {
    const own: { text: string; norm: string }[] = []
    for (const s of t.match(SENTENCE) ?? []) {
      const sl = normLen(s)
      if (sl >= MIN_LEN && sl <= MAX_LEN) push(s.trim(), 'sentence', MIN_LEN)
      for (const c of s.split(CLAUSE_SPLIT)) {
        const norm = normalizeText(c)
        if (norm.length >= 4 && norm.length <= 40) own.push({ text: c.replace(/[。！？!?；;]+$/, ''), norm })
      }
    }
    if (own.length > 0) clauses.push(own)
  }
  // recombinations: clauses of ≥ 3 different source texts, to the length of a core claim
  firstOf.recombined = texts.length
  const lengths = cleanCore.map(normLen).filter((l) => l >= MIN_LEN)
  const r = rng(seed)
  let guard = 0
  while (texts.length < n && clauses.length >= 3 && guard++ < n * 4) {
    const want = lengths.length > 0 ? (lengths[Math.floor(r() * lengths.length)] as number) : 60
    const parts: string[] = []
    const norms: string[] = []
    const from: number[] = []
    let len = 0
    while ((len < want || parts.length < 3) && len < MAX_LEN) {
      const s = Math.floor(r() * clauses.length)
      if (from.includes(s)) continue
      from.push(s)
      const own = clauses[s] as { text: string; norm: string }[]
      const c = own[Math.floor(r() * own.length)] as { text: string; norm: string }
      if (len + c.norm.length > MAX_LEN && parts.length >= 3) break
      parts.push(c.text)
      norms.push(c.norm)
      len += c.norm.length
    }
    const key = norms.join('')
    // the key is the normalised text (punctuation is dropped by normalisation)
    if (texts.length < n && !seen.has(key)) {
      seen.add(key)
      texts.push(`${parts.join('，')}。`)
      tiers.recombined++
    }
  }
  const value: RealisticClaims = {
    texts,
    tiers,
    firstOf,
    clauses: clauses.reduce((a, c) => a + c.length, 0),
    sources: all.length,
  }
  cached = { key, value }
  return value
}
