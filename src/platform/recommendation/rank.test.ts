// The ranking under A14, as a pure function: what is never recommended, the user's switch, interests, interventions
// and their expiry, and determinism.
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_RECOMMENDATION_MODEL,
  interestAt,
  modelProblems,
  type RecommendationModelDocument,
} from './model.ts'
import { type Candidate, categoryOf, eligible, type FeedIntervention, rankFeed } from './rank.ts'
import { TopicMatcher } from './topics.ts'

const NOW = Date.UTC(2026, 10, 30, 4, 0, 0)
const HOUR = 3_600_000
const model = DEFAULT_RECOMMENDATION_MODEL
const TAGS = model.topics.map((t) => t.tag)

const candidateArb = fc.record({
  id: fc.uuid(),
  authorId: fc.constantFrom('a1', 'a2', 'a3', 'a4'),
  createdAt: fc.integer({ min: NOW - 72 * HOUR, max: NOW }),
  likes: fc.nat(500),
  replies: fc.nat(100),
  views: fc.nat(5000),
  topics: fc.subarray(TAGS, { maxLength: 3 }),
  category: fc.constantFrom('encourage', 'neutral', 'prevent', 'prohibit') as fc.Arbitrary<
    Candidate['category']
  >,
  restricted: fc.boolean(),
  authorRecommendable: fc.boolean(),
})

const interventionArb = (ids: string[]) =>
  fc.record({
    id: fc.uuid(),
    targetKind: fc.constantFrom('item', 'author', 'topic') as fc.Arbitrary<FeedIntervention['targetKind']>,
    target: fc.constantFrom(...ids, 'a1', 'a2', ...TAGS),
    action: fc.constantFrom('pin', 'boost', 'demote', 'exclude') as fc.Arbitrary<FeedIntervention['action']>,
    factor: fc.option(fc.double({ min: 1, max: 10, noNaN: true }), { nil: null }),
    reason: fc.constant('测试'),
    expiresAt: fc.integer({ min: NOW - HOUR, max: NOW + 48 * HOUR }),
    createdAt: fc.integer({ min: NOW - 48 * HOUR, max: NOW }),
  })

const scenario = fc
  .uniqueArray(candidateArb, { selector: (c) => c.id, minLength: 1, maxLength: 40 })
  .chain((cands) =>
    fc.record({
      candidates: fc.constant(cands),
      interventions: fc.array(interventionArb(cands.map((c) => c.id)), { maxLength: 8 }),
      interests: fc.dictionary(fc.constantFrom(...TAGS), fc.double({ min: 0, max: 1, noNaN: true })),
      personalised: fc.boolean(),
      preventFactor: fc.constantFrom(0, 0.3, 1),
      seed: fc.integer(),
    }),
  )

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never
const feedOf = (s: Scenario, over: Partial<Parameters<typeof rankFeed>[0]> = {}) =>
  rankFeed({
    candidates: s.candidates,
    model: { ...model, preventFactor: s.preventFactor },
    interventions: s.interventions,
    personalised: s.personalised,
    interests: new Map(Object.entries(s.interests)),
    now: NOW,
    limit: 100,
    seed: s.seed,
    ...over,
  })

describe('what is never recommended', () => {
  test.prop([scenario])(
    'prohibited, restricted or false-labelled items and uncreditworthy authors appear in no feed, whatever the interventions',
    (s) => {
      const byId = new Map(s.candidates.map((c) => [c.id, c]))
      for (const e of feedOf(s)) {
        const c = byId.get(e.id)
        expect(c).toBeDefined()
        expect(c?.category).not.toBe('prohibit')
        expect(c?.restricted).toBe(false)
        expect(c?.authorRecommendable).toBe(true)
        if (s.preventFactor === 0) expect(c?.category).not.toBe('prevent')
      }
    },
  )

  test.prop([scenario])('an active exclusion keeps out what it names; an expired one does not count', (s) => {
    const feed = new Set(feedOf(s).map((e) => e.id))
    for (const iv of s.interventions) {
      if (iv.action !== 'exclude' || iv.expiresAt <= NOW) continue
      for (const c of s.candidates) {
        const named =
          (iv.targetKind === 'item' && iv.target === c.id) ||
          (iv.targetKind === 'author' && iv.target === c.authorId) ||
          (iv.targetKind === 'topic' && c.topics.includes(iv.target))
        if (named) expect(feed.has(c.id)).toBe(false)
      }
    }
  })
})

describe("the user's choice", () => {
  test.prop([scenario])('with personalisation off, the feed does not depend on the interests at all', (s) => {
    const a = feedOf(s, { personalised: false })
    const b = feedOf(s, { personalised: false, interests: new Map(TAGS.map((t) => [t, 1])) })
    expect(b).toEqual(a)
    for (const e of a) expect(e.reasons.some((r) => r.code === 'interest')).toBe(false)
  })

  test.prop([scenario, fc.constantFrom(...TAGS)])(
    'a deleted tag no longer influences the ranking',
    (s, tag) => {
      const without = { ...s.interests }
      delete without[tag]
      const deleted = feedOf(s, { interests: new Map(Object.entries(without)) })
      const never = feedOf(s, { interests: new Map(Object.entries(without).filter(([t]) => t !== tag)) })
      expect(deleted).toEqual(never)
      for (const e of deleted)
        for (const r of e.reasons) if (r.code === 'interest') expect(r.tags).not.toContain(tag)
    },
  )

  it('an interest halves every half-life without a renewing interaction, and never fades without one', () => {
    const DAY = 24 * HOUR
    expect(model.weights.interestHalfLifeDays).toBe(30)
    expect(interestAt(0.8, NOW - 30 * DAY, NOW, 30)).toBeCloseTo(0.4, 10)
    expect(interestAt(0.8, NOW - 90 * DAY, NOW, 30)).toBeCloseTo(0.1, 10)
    expect(interestAt(0.8, NOW, NOW, 30)).toBe(0.8)
    // a clock that moved back does not raise it; a model without a half-life leaves it alone
    expect(interestAt(0.8, NOW + DAY, NOW, 30)).toBe(0.8)
    expect(interestAt(0.8, NOW - 365 * DAY, NOW, undefined)).toBe(0.8)
    expect(modelProblems({ ...model, weights: { ...model.weights, interestHalfLifeDays: 0 } })).toEqual([
      expect.objectContaining({ field: 'weights.interestHalfLifeDays' }),
    ])
  })

  it('an interest lifts an item above an otherwise equal one, and says why', () => {
    const base = { authorId: 'a1', createdAt: NOW - HOUR, likes: 0, replies: 0, views: 0, restricted: false }
    const cands: Candidate[] = [
      { ...base, id: 'x', topics: ['交通出行'], category: 'neutral', authorRecommendable: true },
      { ...base, id: 'y', topics: ['教育'], category: 'neutral', authorRecommendable: true },
    ]
    const args = { candidates: cands, model, interventions: [], now: NOW, limit: 10, seed: 1 }
    const on = rankFeed({ ...args, personalised: true, interests: new Map([['教育', 0.6]]) })
    expect(on.map((e) => e.id)).toEqual(['y', 'x'])
    expect(on[0]?.reasons).toContainEqual({ code: 'interest', tags: ['教育'] })
    const off = rankFeed({ ...args, personalised: false, interests: new Map([['教育', 0.6]]) })
    expect(off[0]?.reasons).toContainEqual({ code: 'not_personalised' })
    expect(off[0]?.score).toBe(off[1]?.score)
  })
})

describe('the compliance model and interventions', () => {
  const base = { authorId: 'a1', createdAt: NOW - HOUR, likes: 3, replies: 1, views: 40, restricted: false }
  const three: Candidate[] = [
    { ...base, id: 'enc', topics: ['自然风光'], category: 'encourage', authorRecommendable: true },
    { ...base, id: 'neu', topics: [], category: 'neutral', authorRecommendable: true },
    { ...base, id: 'pre', topics: [], category: 'prevent', authorRecommendable: true },
  ]
  const run = (interventions: FeedIntervention[], now = NOW) =>
    rankFeed({
      candidates: three,
      model,
      interventions,
      personalised: false,
      interests: new Map(),
      now,
      limit: 10,
      seed: 0,
    })

  it('boosts encouraged content by the bounded factor and demotes content to prevent', () => {
    const feed = run([])
    expect(feed.map((e) => e.id)).toEqual(['enc', 'neu', 'pre'])
    const [enc, neu, pre] = feed
    expect(enc!.score / neu!.score).toBeCloseTo(1 + model.encourageBoost, 5)
    expect(pre!.score / neu!.score).toBeCloseTo(model.preventFactor, 5)
    expect(enc!.reasons).toContainEqual({ code: 'encouraged', topics: ['自然风光'] })
  })

  it('pins an item on top until its intervention expires, and caps a boost at the model bound', () => {
    const pin: FeedIntervention = {
      id: 'p',
      targetKind: 'item',
      target: 'pre',
      action: 'pin',
      factor: null,
      reason: '权威发布',
      expiresAt: NOW + HOUR,
      createdAt: NOW - HOUR,
    }
    const top = run([pin])[0]
    expect(top).toMatchObject({ id: 'pre', pinned: true })
    expect(top?.reasons[0]).toEqual({ code: 'pinned', reason: '权威发布' })
    expect(run([pin], NOW + HOUR)[0]?.id).toBe('enc')
    const boost: FeedIntervention = { ...pin, id: 'b', target: 'neu', action: 'boost', factor: 100 }
    const feed = run([boost])
    const neu = feed.find((e) => e.id === 'neu')!
    expect(neu.score / run([]).find((e) => e.id === 'neu')!.score).toBeCloseTo(model.interventionBound, 5)
  })

  test.prop([scenario])('the same input gives the same feed', (s) => {
    expect(feedOf(s)).toEqual(feedOf(structuredClone(s)))
  })

  it('keeps one busy author to the model’s cap per page, the rest of theirs after everyone else’s', () => {
    const post = (id: string, authorId: string, hoursAgo: number): Candidate => ({
      ...base,
      id,
      authorId,
      createdAt: NOW - hoursAgo * HOUR,
      topics: [],
      category: 'neutral',
      authorRecommendable: true,
    })
    // the busy author's four posts are all fresher than the others'
    const cands = [
      post('b1', 'busy', 1),
      post('b2', 'busy', 2),
      post('b3', 'busy', 3),
      post('b4', 'busy', 4),
      post('o1', 'other', 5),
      post('q1', 'quiet', 6),
    ]
    const ids = (maxPerAuthor: number | undefined, interventions: FeedIntervention[] = []) =>
      rankFeed({
        candidates: cands,
        model: { ...model, maxPerAuthor },
        interventions,
        personalised: false,
        interests: new Map(),
        now: NOW,
        limit: 10,
        seed: 0,
      }).map((e) => e.id)
    expect(model.maxPerAuthor).toBe(2)
    expect(ids(2)).toEqual(['b1', 'b2', 'o1', 'q1', 'b3', 'b4'])
    expect(ids(1)).toEqual(['b1', 'o1', 'q1', 'b2', 'b3', 'b4'])
    // a model version published before the cap, or one that sets 0, ranks as before
    expect(ids(undefined)).toEqual(['b1', 'b2', 'b3', 'b4', 'o1', 'q1'])
    expect(ids(0)).toEqual(ids(undefined))
    // a pinned post is an operator's choice: it stays on top and does not use up its author's share
    const pin: FeedIntervention = {
      id: 'p',
      targetKind: 'item',
      target: 'b4',
      action: 'pin',
      factor: null,
      reason: '权威发布',
      expiresAt: NOW + HOUR,
      createdAt: NOW - HOUR,
    }
    expect(ids(2, [pin])).toEqual(['b4', 'b1', 'b2', 'o1', 'q1', 'b3'])
  })

  test.prop([scenario, fc.integer({ min: 1, max: 3 })])(
    'the cap only reorders: the same entries, no author over the cap before the first overflow, each author in order',
    (s, cap) => {
      const capped = feedOf(s, { model: { ...model, preventFactor: s.preventFactor, maxPerAuthor: cap } })
      const free = feedOf(s, { model: { ...model, preventFactor: s.preventFactor, maxPerAuthor: 0 } })
      expect(new Set(capped.map((e) => e.id))).toEqual(new Set(free.map((e) => e.id)))
      const author = new Map(s.candidates.map((c) => [c.id, c.authorId]))
      const byAuthor = (f: typeof free) => {
        const m = new Map<string, string[]>()
        for (const e of f.filter((x) => !x.pinned)) {
          const a = author.get(e.id) as string
          m.set(a, [...(m.get(a) ?? []), e.id])
        }
        return m
      }
      expect(byAuthor(capped)).toEqual(byAuthor(free))
      const seen = new Map<string, number>()
      let overflow = false
      for (const e of capped.filter((x) => !x.pinned)) {
        const a = author.get(e.id) as string
        const n = (seen.get(a) ?? 0) + 1
        seen.set(a, n)
        if (n > cap) overflow = true
        // once an author's entry beyond the cap has come, only such entries follow
        else expect(overflow).toBe(false)
      }
    },
  )

  it('classifies by the verdict’s terms first, then by encouraged topics', () => {
    expect(categoryOf(['encourage', 'prohibit'], [], model)).toBe('prohibit')
    expect(categoryOf(['prevent'], ['自然风光'], model)).toBe('prevent')
    expect(categoryOf([], ['自然风光'], model)).toBe('encourage')
    expect(categoryOf([], ['交通出行'], model)).toBe('neutral')
    expect(eligible({ ...three[2]!, category: 'prevent' }, { ...model, preventFactor: 0 })).toBe(false)
  })

  it('finds topics through traditional characters and inserted symbols', () => {
    const topics = new TopicMatcher(model)
    expect(topics.topicsOf('週末去長白山看霧凇')).toEqual(['自然风光'])
    expect(topics.topicsOf('杨*靖*宇纪念馆，红色教育基地')).toEqual(['红色传承'])
    expect(topics.topicsOf('今天天气不错')).toEqual([])
  })

  it('refuses a model outside its documented bounds, naming each field', () => {
    const bad: RecommendationModelDocument = {
      ...model,
      encourageBoost: 3,
      preventFactor: -1,
      topics: [...model.topics, { tag: '自然风光', terms: [], encourage: true }],
    }
    const fields = modelProblems(bad).map((p) => p.field)
    expect(fields).toEqual(
      expect.arrayContaining(['encourageBoost', 'preventFactor', `topics[${model.topics.length}].tag`]),
    )
    expect(modelProblems(model)).toEqual([])
    expect(modelProblems({ ...model, maxPerAuthor: 1.5 }).map((p) => p.field)).toEqual(['maxPerAuthor'])
    expect(modelProblems({ ...model, maxPerAuthor: 21 }).map((p) => p.field)).toEqual(['maxPerAuthor'])
    const { maxPerAuthor: _, ...before } = model
    expect(modelProblems(before)).toEqual([])
  })
})
