// A realistic claim bank for the benches: news-like statements, built at run time from the labelled rumor sets
// (never from `weibo-ordinary-posts`, which is the query corpus), deterministically, scaled to 1M claims.
//
// Tiers, in this order (a bank of n claims is the first n of the sequence):
//   core        every rumor/fake source text of thunlp-ced, weibo-rumdect, checked, weibo17-eann-sample and ltcr
//               (ltcr: the checked claim, `title`, since its fake `text` is often the rebuttal), deduplicated
//   post        the other news-style texts of the sets that are NOT parents of the query corpus: weibo17's
//               non-rumor posts and ltcr's real/uncertain titles, summaries and bodies (and ltcr's fake bodies).
//               The non-rumor/real posts of thunlp-ced, weibo-rumdect and checked are left out everywhere:
//               `weibo-ordinary-posts` is the comments and reposts under exactly those posts, which quote them,
//               and a bank of false claims would not hold the true news those comments answer
//   recombined  statements made of ≥ 5 clauses (6–30 characters) of as many different source texts (core and
//               post) longer than 40 characters, joined, with the lengths of the core claims but at least 48
//               characters, no clause above a quarter of the claim; each a distinct combination. Texts of at most 40 characters give no clauses, so no recombined claim contains a
//               whole stored claim, and sentences are not stored on their own for the same reason (a sentence
//               would be contained in every recombination that drew it: near-copies, not a bank)
import { normalizeText } from '../src/engine/index.ts'
import { readJsonl, rng } from './data.ts'

export type Tier = 'core' | 'post' | 'recombined'

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
const RECOMBINED_MIN = 48

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
  // parents of the query corpus (see above): their non-rumor/real posts are not used
  const parents = new Set(['thunlp-ced', 'weibo-rumdect', 'checked'])
  for (const [name, recs] of sets) {
    for (const r of recs ?? []) {
      if (!isFalse(r) && parents.has(name)) continue
      if (name === 'ltcr') {
        if (isFalse(r)) core.push(r.title ?? '')
        else other.push(r.title ?? '', r.summary ?? '')
        other.push(r.text ?? '') // ltcr bodies: news text (of fake items often the rebuttal), never core
      } else (isFalse(r) ? core : other).push(r.text ?? '')
    }
  }
  const seen = new Set<string>()
  const texts: string[] = []
  const tiers: Record<Tier, number> = { core: 0, post: 0, recombined: 0 }
  const firstOf: Record<Tier, number> = { core: 0, post: 0, recombined: 0 }
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
  // clauses of every source text longer than 40 characters
  const clauses: { text: string; norm: string }[][] = []
  for (const t of all) {
    if (normLen(t) <= 40) continue
    const own: { text: string; norm: string }[] = []
    for (const s of t.match(SENTENCE) ?? []) {
      for (const c of s.split(CLAUSE_SPLIT)) {
        const norm = normalizeText(c)
        if (norm.length >= 6 && norm.length <= 30) own.push({ text: c.replace(/[。！？!?；;]+$/, ''), norm })
      }
    }
    if (own.length > 0) clauses.push(own)
  }
  // recombinations: clauses of ≥ 5 different source texts, to the length of a core claim
  firstOf.recombined = texts.length
  const lengths = cleanCore.map(normLen).filter((l) => l >= MIN_LEN)
  const r = rng(seed)
  let guard = 0
  while (texts.length < n && clauses.length >= 3 && guard++ < n * 4) {
    // at least 5 clauses and 48 characters, no clause above a quarter of the whole: two recombined claims that
    // share a clause or two stay below the threshold, as two different false claims should
    const want = Math.max(
      RECOMBINED_MIN,
      lengths.length > 0 ? (lengths[Math.floor(r() * lengths.length)] as number) : 60,
    )
    const parts: string[] = []
    const norms: string[] = []
    const from: number[] = []
    let len = 0
    while ((len < want || parts.length < 5) && len + 6 <= MAX_LEN && from.length < 40) {
      const s = Math.floor(r() * clauses.length)
      if (from.includes(s)) continue
      from.push(s)
      const own = clauses[s] as { text: string; norm: string }[]
      const c = own[Math.floor(r() * own.length)] as { text: string; norm: string }
      if (len + c.norm.length > MAX_LEN || c.norm.length * 4 > Math.max(want, len + c.norm.length)) continue
      parts.push(c.text)
      norms.push(c.norm)
      len += c.norm.length
    }
    if (parts.length < 5) continue
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
