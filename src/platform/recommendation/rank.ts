// Ranking a feed under the recommendation model (A14). Pure: the candidates, the model, the interventions, the user's
// interests, the clock and a seed are arguments, and the same arguments give the same feed.
//
// What is never recommended, whatever the weights or an operator's intervention: content the screening engine put in
// the `prohibit` category, content labelled false or under a disposal's restriction, content whose author's credit
// tier may not be recommended (A13.3), and content to prevent when the model's prevent factor is 0.
import type { RecommendationCategory, RecommendationModelDocument } from './model.ts'

export interface Candidate {
  id: string
  authorId: string
  /** Milliseconds since the epoch. */
  createdAt: number
  likes: number
  replies: number
  views: number
  /** Topic tags of the model that the text is about. */
  topics: readonly string[]
  category: RecommendationCategory
  /** Labelled false (A16), stopped or limited by a disposal, or no longer published. */
  restricted: boolean
  /** The author's credit tier allows recommendation (A13.3). */
  authorRecommendable: boolean
}

export type InterventionAction = 'pin' | 'boost' | 'demote' | 'exclude'
export type InterventionTargetKind = 'item' | 'author' | 'topic'

export interface FeedIntervention {
  id: string
  targetKind: InterventionTargetKind
  /** An item id, an author id or a topic tag. */
  target: string
  action: InterventionAction
  /** For boost and demote: the factor, within the model's intervention bound. */
  factor: number | null
  reason: string
  /** Milliseconds since the epoch; an intervention is active while now < expiresAt. */
  expiresAt: number
  createdAt: number
}

export type WhyReason =
  | { code: 'interest'; tags: string[] }
  | { code: 'fresh' }
  | { code: 'popular' }
  | { code: 'encouraged'; topics: string[] }
  | { code: 'prevented' }
  | { code: 'pinned'; reason: string }
  | { code: 'boosted'; reason: string }
  | { code: 'demoted'; reason: string }
  | { code: 'not_personalised' }

export interface FeedEntry {
  id: string
  score: number
  pinned: boolean
  category: RecommendationCategory
  reasons: WhyReason[]
}

export interface FeedInput {
  candidates: readonly Candidate[]
  model: RecommendationModelDocument
  interventions: readonly FeedIntervention[]
  /** Off: freshness and engagement only, no personal signal is read. */
  personalised: boolean
  /** The user's interest in each tag, 0..1. Ignored when not personalised. */
  interests: ReadonlyMap<string, number>
  now: number
  limit: number
  /** Breaks ties between equal scores; a fixed seed gives a fixed order. */
  seed: number
}

const HOUR = 3_600_000

/** Whether a candidate may appear in any feed at all, before weights and interventions. */
export function eligible(c: Candidate, model: RecommendationModelDocument): boolean {
  if (c.category === 'prohibit' || c.restricted || !c.authorRecommendable) return false
  if (c.category === 'prevent' && model.preventFactor === 0) return false
  return true
}

function active(iv: FeedIntervention, now: number): boolean {
  return now < iv.expiresAt
}

function targets(iv: FeedIntervention, c: Candidate): boolean {
  if (iv.targetKind === 'item') return iv.target === c.id
  if (iv.targetKind === 'author') return iv.target === c.authorId
  return c.topics.includes(iv.target)
}

/** FNV-1a of the id mixed with the seed: a stable tie-breaker. */
function tie(id: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < id.length; i++) {
    h ^= id.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
  }
  return h
}

export function engagementOf(c: Pick<Candidate, 'likes' | 'replies' | 'views'>): number {
  const e = Math.log1p(c.likes + 2 * c.replies + c.views / 10)
  return e / (1 + e)
}

export function rankFeed(input: FeedInput): FeedEntry[] {
  const { model, now } = input
  const live = input.interventions.filter((iv) => active(iv, now))
  const bound = model.interventionBound
  const pinned: (FeedEntry & { at: number; createdAt: number })[] = []
  const ranked: (FeedEntry & { createdAt: number; tie: number; authorId: string })[] = []
  for (const c of input.candidates) {
    if (!eligible(c, model)) continue
    const mine = live.filter((iv) => targets(iv, c))
    if (mine.some((iv) => iv.action === 'exclude')) continue
    const reasons: WhyReason[] = []
    const ageHours = Math.max(0, now - c.createdAt) / HOUR
    const fresh = 2 ** (-ageHours / model.weights.freshnessHalfLifeHours)
    const engagement = engagementOf(c)
    let score = model.weights.freshness * fresh + model.weights.engagement * engagement
    if (input.personalised) {
      const matched = c.topics.filter((t) => (input.interests.get(t) ?? 0) > 0)
      const interest = Math.min(
        1,
        matched.reduce((s, t) => s + (input.interests.get(t) ?? 0), 0),
      )
      if (interest > 0) {
        score += model.weights.personal * interest
        reasons.push({ code: 'interest', tags: matched })
      }
    } else {
      reasons.push({ code: 'not_personalised' })
    }
    if (fresh >= 0.5) reasons.push({ code: 'fresh' })
    if (engagement >= 0.6) reasons.push({ code: 'popular' })
    if (c.category === 'encourage') {
      score *= 1 + model.encourageBoost
      const topics = c.topics.filter((t) => model.topics.some((d) => d.tag === t && d.encourage))
      reasons.push({ code: 'encouraged', topics })
    } else if (c.category === 'prevent') {
      score *= model.preventFactor
      reasons.push({ code: 'prevented' })
    }
    for (const iv of mine) {
      if (iv.action === 'boost') {
        score *= Math.min(bound, Math.max(1, iv.factor ?? bound))
        reasons.push({ code: 'boosted', reason: iv.reason })
      } else if (iv.action === 'demote') {
        score /= Math.min(bound, Math.max(1, iv.factor ?? bound))
        reasons.push({ code: 'demoted', reason: iv.reason })
      }
    }
    const pin = mine
      .filter((iv) => iv.action === 'pin' && iv.targetKind === 'item')
      .sort((a, b) => b.createdAt - a.createdAt)[0]
    if (pin) {
      reasons.unshift({ code: 'pinned', reason: pin.reason })
      pinned.push({
        id: c.id,
        score,
        pinned: true,
        category: c.category,
        reasons,
        at: pin.createdAt,
        createdAt: c.createdAt,
      })
    } else {
      ranked.push({
        id: c.id,
        score,
        pinned: false,
        category: c.category,
        reasons,
        createdAt: c.createdAt,
        tie: tie(c.id, input.seed),
        authorId: c.authorId,
      })
    }
  }
  pinned.sort((a, b) => b.at - a.at || b.createdAt - a.createdAt || (a.id < b.id ? -1 : 1))
  ranked.sort(
    (a, b) => b.score - a.score || b.createdAt - a.createdAt || a.tie - b.tie || (a.id < b.id ? -1 : 1),
  )
  const strip = ({ id, score, pinned, category, reasons }: FeedEntry): FeedEntry => ({
    id,
    score: Math.round(score * 1e6) / 1e6,
    pinned,
    category,
    reasons,
  })
  return [...pinned, ...diverse(ranked, model.maxPerAuthor ?? 0)]
    .slice(0, Math.max(0, input.limit))
    .map(strip)
}

/**
 * The ranked entries with at most `cap` of one author before every other author's: an author's further entries keep
 * their order among themselves and follow the others, so a page is filled by them only when nothing else is left.
 * 0: unchanged.
 */
export function diverse<T extends { authorId: string }>(ranked: readonly T[], cap: number): T[] {
  if (!(cap > 0)) return [...ranked]
  const shown = new Map<string, number>()
  const first: T[] = []
  const later: T[] = []
  for (const e of ranked) {
    const n = shown.get(e.authorId) ?? 0
    shown.set(e.authorId, n + 1)
    ;(n < cap ? first : later).push(e)
  }
  return [...first, ...later]
}

/** The category of an item from the screening verdict's term categories and the model's topics. */
export function categoryOf(
  termCategories: readonly string[],
  topics: readonly string[],
  model: RecommendationModelDocument,
): RecommendationCategory {
  if (termCategories.includes('prohibit')) return 'prohibit'
  if (termCategories.includes('prevent')) return 'prevent'
  if (termCategories.includes('encourage')) return 'encourage'
  if (topics.some((t) => model.topics.some((d) => d.tag === t && d.encourage))) return 'encourage'
  return 'neutral'
}

/** How an interaction moves the user's interest in each topic of the item. */
export const INTEREST_STEP: Record<'view' | 'like' | 'reply', number> = { view: 0.05, like: 0.2, reply: 0.3 }
