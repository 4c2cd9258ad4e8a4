// Claim-like texts drawn from the Weibo corpus: windows of the concatenated posts whose lengths follow the
// lengths of the posts themselves, so a 1M-claim bank can be built from 390k real posts.
import { readJsonl, rng } from './data.ts'

export interface Corpus {
  posts: string[]
  /** Concatenated text of the first 80% of posts (claims come from here). */
  claimSource: string
  /** The last 20% of posts: queries that should match nothing. */
  heldOut: string[]
  lengths: number[]
}

export function loadCorpus(): Corpus | null {
  const posts = readJsonl<{ text: string }>('weibo-ordinary-posts/posts.jsonl')
  if (posts === null) return null
  const texts = posts.map((p) => p.text)
  const cut = Math.floor(texts.length * 0.8)
  // claim lengths follow the Weibo posts of at least 10 characters (median ≈ 20)
  const lengths = texts.map((t) => [...t].length).filter((n) => n >= 10)
  return {
    posts: texts,
    claimSource: texts.slice(0, cut).join('。'),
    heldOut: texts.slice(cut),
    lengths: lengths.length > 0 ? lengths : [20],
  }
}

/** n claim texts: windows of the source text with lengths drawn from the labelled posts (capped at 200). */
export function claimTexts(c: Corpus, n: number, seed = 1): string[] {
  const r = rng(seed)
  const out: string[] = []
  const src = c.claimSource
  for (let i = 0; i < n; i++) {
    const len = Math.min(200, Math.max(8, c.lengths[Math.floor(r() * c.lengths.length)] as number))
    const at = Math.floor(r() * (src.length - len))
    out.push(src.slice(at, at + len))
  }
  return out
}
