import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { Candidates, ClaimBank, containment, sortByCrowd, walkPostings } from './claim-bank.ts'
import { ItemIndex } from './item-index.ts'
import { normalize, normalizeCodes, normalizeText } from './normalize.ts'
import { PostingTable, smallest, trigramHashes, winnow } from './shingles.ts'
import { claimText, EVIDENCE_FLOOR, evidence } from './similarity.ts'

const CLAIM = '武汉病毒研究所所长石正丽发出警告蚊虫将是病毒第三传播者'
const match = (bank: ClaimBank, text: string) => bank.match(normalize(text))

/** Texts of any length from a seeded LCG, each character `char(next value)`: deterministic, made by the tests. */
function textMaker(seed: number, char: (r: number) => string) {
  let r = seed
  return (len: number) => {
    let t = ''
    for (let k = 0; k < len; k++) {
      r = (Math.imul(r, 1103515245) + 12345) >>> 0
      t += char(r)
    }
    return t
  }
}

describe('claim bank', () => {
  it('matches variants: traditional, emoji and spaces, edits, reordered sentences, quoted in a longer post', () => {
    const bank = new ClaimBank()
    expect(bank.add({ id: 'c1', text: CLAIM })).toEqual({ ok: true, replaced: false })
    expect(bank.add({ id: 'c2', text: '双黄连口服液可以抑制新型冠状病毒' }).ok).toBe(true)
    const variants = [
      '武漢病毒研究所所長石正麗發出警告：蚊蟲將是病毒第三傳播者',
      '武汉 病毒研究所😱所长石正丽 发出警告，蚊虫将是病毒第三传播者！！',
      '武汉病毒研究所所长石正丽发出警报蚊子将是病毒第三传播者',
      '蚊虫将是病毒第三传播者。武汉病毒研究所所长石正丽发出警告',
      `今天看到一条消息，说${CLAIM}，大家注意防蚊，家里纱窗都装起来，出门记得带驱蚊水。`,
    ]
    for (const v of variants) {
      const hits = match(bank, v)
      expect(hits[0]?.id, v).toBe('c1')
      expect(hits[0]?.similarity).toBeGreaterThanOrEqual(bank.threshold)
    }
    expect(match(bank, '今天武汉天气很好，我们去东湖散步')).toEqual([])
  })

  it('bounds the postings one query follows, rarest trigrams first, and still finds the claim', () => {
    const bank = new ClaimBank({ maxWalk: 64 })
    // many claims share one common phrase, so its trigrams lead to long posting chains
    for (let i = 0; i < 500; i++)
      bank.add({ id: `noise${i}`, text: `大家好今天天气不错${String(i).padStart(3, '0')}号` })
    bank.add({ id: 'c1', text: CLAIM })
    const hits = match(bank, `大家好今天天气不错，${CLAIM}`)
    expect(hits.some((h) => h.id === 'c1' && h.similarity === 1)).toBe(true)
    // an unbounded bank finds the same claim, and at least as many others
    const open = new ClaimBank({ maxWalk: 1e9 })
    for (let i = 0; i < 500; i++)
      open.add({ id: `noise${i}`, text: `大家好今天天气不错${String(i).padStart(3, '0')}号` })
    open.add({ id: 'c1', text: CLAIM })
    expect(match(open, `大家好今天天气不错，${CLAIM}`).length).toBeGreaterThanOrEqual(hits.length)
  })

  it('matches a long excerpt of a longer claim, but not a short mention', () => {
    const bank = new ClaimBank()
    const long = `${CLAIM}，一旦传播全球六十多亿人三分之二都要受害，所以蚊虫叮咬比人传人更可怕，大家早点装纱窗`
    bank.add({ id: 'long', text: long })
    expect(match(bank, CLAIM)[0]?.id).toBe('long')
    expect(match(bank, '武汉病毒研究所')).toEqual([])
    // an excerpt from the end of the claim: the claim's first bigrams all miss, and giving up on the claim's own
    // share must not give up on the excerpt's
    const tail = '一旦传播全球六十多亿人三分之二都要受害，所以蚊虫叮咬比人传人更可怕，大家早点装纱窗'
    for (const min of [0.4, 0.5, 0.9]) {
      const hits = bank.match(normalize(tail), min)
      expect(hits.map((h) => [h.id, h.similarity])).toEqual([['long', 1]])
    }
  })

  it('adds and removes claims in place, with a revision for each change', () => {
    const bank = new ClaimBank()
    bank.add({ id: 'c1', text: CLAIM })
    const r0 = bank.revision
    expect(bank.remove('c1')).toBe(true)
    expect(bank.remove('c1')).toBe(false)
    expect(bank.revision).toBe(r0 + 1)
    expect(match(bank, CLAIM)).toEqual([])
    bank.add({ id: 'c1', text: '双黄连口服液可以抑制新型冠状病毒' })
    expect(bank.add({ id: 'c1', text: CLAIM })).toEqual({ ok: true, replaced: true })
    expect(bank.size).toBe(1)
    expect(match(bank, CLAIM).map((h) => h.id)).toEqual(['c1'])
    expect(match(bank, '双黄连口服液可以抑制新型冠状病毒')).toEqual([])
  })

  it('keeps working through growth, removals and slot reuse', () => {
    // distinct pseudo-random texts over a small alphabet: many shared trigrams, as in real Chinese text
    const ALPHA =
      '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种'
    const text = textMaker(7, (r) => ALPHA[r % ALPHA.length] as string)
    const texts = Array.from({ length: 3000 }, () => text(24))
    const bank = new ClaimBank({ capacity: 16 })
    texts.forEach((t, i) => {
      bank.add({ id: `n${i}`, text: t })
    })
    bank.add({ id: 'c1', text: CLAIM })
    for (let i = 0; i < 3000; i += 2) bank.remove(`n${i}`)
    for (let i = 0; i < 500; i++) bank.add({ id: `m${i}`, text: text(30) })
    expect(bank.size).toBe(1501 + 500)
    expect(match(bank, CLAIM)[0]).toMatchObject({ id: 'c1', similarity: 1 })
    const ids = (t: string) => match(bank, t).map((h) => h.id)
    for (let i = 1; i < 3000; i += 250) expect(ids(`转发${texts[i]}`)).toContain(`n${i}`)
    for (let i = 0; i < 3000; i += 250) expect(ids(texts[i] as string)).not.toContain(`n${i}`) // removed
    expect(bank.textOf('c1')).toBe(CLAIM)
  })

  it('keeps a fragment that scores exactly the minimum (no rounding gives up on it)', () => {
    // distinct characters that normalisation leaves as they are
    const pool: string[] = []
    for (let c = 0x4e00; pool.length < 148; c++) {
      const ch = String.fromCharCode(c)
      if (normalizeText(ch) === ch) pool.push(ch)
    }
    const x = pool.slice(0, 47).join('')
    const shared = pool.slice(47, 103).join('')
    const y = pool.slice(103, 148).join('')
    // claim of 103 characters, item of 101 sharing 56 (55 bigrams): as a fragment 55 / 100 = 0.55 exactly,
    // where 0.55 × 100 is 55.00000000000001 in floating point
    const bank = new ClaimBank({ threshold: 0.55, reviewThreshold: 0.55 })
    bank.add({ id: 'c', text: x + shared })
    expect(containment(x + shared, shared + y, 20)).toBe(0.55)
    expect(bank.match(normalize(shared + y), 0.55).map((h) => [h.id, h.similarity])).toEqual([['c', 0.55]])
  })

  it('indexes a claim under fingerprints spread over its text, so that any half of a long claim finds it', () => {
    const text = textMaker(11, (r) => String.fromCharCode(0x4e00 + ((r >>> 8) % 5000)))
    const bank = new ClaimBank()
    const claims = Array.from({ length: 200 }, () => text(120))
    claims.forEach((t, i) => {
      bank.add({ id: `c${i}`, text: t })
    })
    // the first, middle and last 60 characters: each an excerpt (scored as a fragment) that must be a candidate
    claims.forEach((t, i) => {
      for (const from of [0, 30, 60]) {
        expect(match(bank, t.slice(from, from + 60))[0]).toMatchObject({ id: `c${i}`, similarity: 1 })
      }
    })
  })

  it('with more than 8 fingerprints per claim, skips a candidate found under fewer than a quarter of its own', () => {
    // 16 fingerprints per claim: a candidate found under 2 or 3 is skipped only if it has more than 8 or 12, which
    // the filter reads from the claim's count. Long claims (16 fingerprints) share nothing with each other; short
    // ones (fewer) lie between them. An excerpt of a long claim would score 1 as a fragment if verified, so it is
    // found exactly when it holds 4 of the claim's fingerprints. Which ones the claim has is worked out here as the
    // bank chooses them when nothing is shared: winnowed trigrams, the 64 smallest, then per step the smallest in
    // a part of the text that holds none yet.
    const text = textMaker(17, (r) => String.fromCharCode(0x4e00 + ((r >>> 8) % 8000)))
    const fingerprints = (t: string) => {
      const codes = normalizeCodes(t)
      const hs = new Int32Array(codes.length)
      const all = winnow(hs, trigramHashes(codes, hs), 3)
      const kept = new Set(smallest(all, 64))
      const keys = all.filter((h) => kept.has(h))
      const runOf = (i: number) => Math.floor((i * 16) / keys.length)
      const covered = new Uint8Array(16)
      const chosen = new Set<number>()
      while (chosen.size < 16) {
        let best = -1
        keys.forEach((k, i) => {
          if (chosen.has(k)) return
          const c = covered[runOf(i)] as number
          if (
            best < 0 ||
            c < (covered[runOf(best)] as number) ||
            (c === covered[runOf(best)] && k < (keys[best] as number))
          )
            best = i
        })
        chosen.add(keys[best] as number)
        covered[runOf(best)] = 1
      }
      return chosen
    }
    const longs = Array.from({ length: 40 }, () => text(240))
    const bank = new ClaimBank({ maxKeys: 16 })
    longs.forEach((t, i) => {
      bank.add({ id: `short${i}`, text: text(12) })
      bank.add({ id: `long${i}`, text: t })
    })
    const seen = new Set<number>()
    longs.forEach((t, i) => {
      const keys = fingerprints(t)
      for (let from = 0; from + 40 <= 240; from += 25) {
        const excerpt = normalizeCodes(t.slice(from, from + 40))
        const hs = new Int32Array(excerpt.length)
        const tri = new Set(hs.subarray(0, trigramHashes(excerpt, hs)))
        const h = [...keys].filter((k) => tri.has(k)).length
        seen.add(Math.min(h, 4))
        expect(bank.match(excerpt).map((x) => x.id)).toEqual(h >= 4 ? [`long${i}`] : [])
      }
    })
    // excerpts found under 2 and 3 fingerprints (skipped by the count) and under 4 or more (verified) were met
    expect([...seen].sort()).toEqual(expect.arrayContaining([2, 3, 4]))
  })

  it('keeps texts across chunks of the text store, one longer than a chunk, and through compaction', () => {
    const text = textMaker(3, (r) => String.fromCharCode(0x4e00 + (r % 3000)))
    // 3 × 1,200 texts of 400 characters: more than two chunks of 2^20 code units, then one text of 1.1M
    const texts = Array.from({ length: 3600 }, () => text(400))
    const huge = text(1_100_000)
    const bank = new ClaimBank()
    texts.forEach((t, i) => {
      expect(bank.add({ id: `t${i}`, text: t }).ok).toBe(true)
    })
    bank.add({ id: 'huge', text: huge })
    bank.add({ id: 'after', text: CLAIM })
    const check = () => {
      for (let i = 1; i < texts.length; i += 99) {
        expect(bank.textOf(`t${i}`)).toBe(normalizeText(texts[i] as string))
        expect(match(bank, texts[i] as string)[0]).toMatchObject({ id: `t${i}`, similarity: 1 })
      }
      expect(match(bank, `据说${CLAIM}`)[0]).toMatchObject({ id: 'after', similarity: 1 })
    }
    check()
    expect(bank.textOf('huge')).toBe(normalizeText(huge))
    const before = bank.bytes
    // removing the long text and two thirds of the others compacts the store: fewer bytes, the rest still there
    bank.remove('huge')
    for (let i = 0; i < texts.length; i++) if (i % 3 !== 1) bank.remove(`t${i}`)
    expect(bank.bytes).toBeLessThan(before - 2 * 1_100_000)
    expect(bank.textOf('huge')).toBeUndefined()
    check()
  })

  it('re-points every posting when removals compact the store, where claims share their fingerprints', () => {
    // a small alphabet: claims share trigrams, so a fingerprint's postings mix claims that move and claims that
    // are removed, and a new position is often another claim's old one
    const text = textMaker(23, (r) => String.fromCharCode(0x4e00 + ((r >>> 8) % 40)))
    const texts = Array.from({ length: 3000 }, () => text(40))
    const bank = new ClaimBank({ threshold: 1, reviewThreshold: 1 })
    texts.forEach((t, i) => {
      bank.add({ id: `c${i}`, text: t })
    })
    const before = bank.bytes
    // two thirds removed: 2,000 × 44 code units, over 2^16 and over half the store, compacts it
    for (let i = 0; i < texts.length; i++) if (i % 3 !== 0) bank.remove(`c${i}`)
    expect(bank.bytes).toBeLessThan(before)
    const kept = new Set(texts.map((_, i) => i).filter((i) => i % 3 === 0))
    for (let i = 0; i < texts.length; i += 7) {
      const ids = match(bank, texts[i] as string).map((h) => h.id)
      // nothing removed is ever returned; every claim kept is found by its own text
      expect(ids.every((id) => kept.has(Number(id.slice(1))))).toBe(true)
      if (kept.has(i)) expect(ids).toContain(`c${i}`)
    }
    // and the store keeps working: removing and adding again after the move
    bank.remove('c0')
    expect(match(bank, texts[0] as string).map((h) => h.id)).not.toContain('c0')
    bank.add({ id: 'c0', text: texts[0] as string })
    expect(match(bank, texts[0] as string).map((h) => h.id)).toContain('c0')
  })

  it('refuses a claim too short to match safely and keeps extra fields', () => {
    const bank = new ClaimBank()
    const r = bank.add({ id: 'x', text: '谣言！' })
    expect(r.ok).toBe(false)
    // the same answer without adding anything
    expect(bank.refusal('谣言！')).toEqual({ zh: (r as { zh: string }).zh, en: (r as { en: string }).en })
    expect((r as { zh: string }).zh).toContain('不足 8 个字符')
    expect(bank.refusal(CLAIM)).toBeNull()
    expect(new ClaimBank({ minLength: 40 }).refusal(CLAIM)?.en).toContain('fewer than 40 characters')
    expect(bank.size).toBe(0)
    bank.add({ id: 'c1', text: CLAIM, clarification: 'https://example.org/7', basis: ['A7'] })
    expect(match(bank, CLAIM)[0]?.meta).toEqual({ clarification: 'https://example.org/7', basis: ['A7'] })
  })

  it('scores by exact bigram containment', () => {
    expect(containment('新冠疫苗', '新冠疫苗')).toBe(1)
    expect(containment('abcd', 'abxd')).toBeCloseTo(1 / 3)
    expect(containment('哈哈哈哈', '哈哈')).toBeCloseTo(1 / 3) // multiset: one 哈哈 covers one occurrence
  })
})

describe('similarity', () => {
  it("does not count a claim's markup (emoticon codes, HTML entities) as its text", () => {
    const raw = `[em]e100063[/em]${CLAIM}&nbsp;&nbsp;[em]e100078[/em]&#12290;`
    expect(normalizeCodes(claimText(raw))).toEqual(normalizeCodes(CLAIM))
    const bank = new ClaimBank()
    bank.add({ id: 'c1', text: raw })
    expect(bank.textOf('c1')).toBe(normalize(CLAIM).text)
    // a variant without the markup covers the whole claim
    expect(match(bank, `转发：${CLAIM}`)[0]).toMatchObject({ id: 'c1', similarity: 1 })
    expect(containment(raw, CLAIM)).toBe(1)
    // a claim that is nothing but markup is refused
    expect(bank.add({ id: 'x', text: '[em]e100063[/em]&nbsp;&nbsp;[em]e100078[/em]&amp;' }).ok).toBe(false)
  })

  it('asks a short claim in a long item for a floor of evidence, not a short claim that is the item', () => {
    const short = '天津港区发生大爆炸秒拍视频' // 12 bigrams, fewer than the floor
    const bank = new ClaimBank()
    bank.add({ id: 's', text: short })
    expect(match(bank, short)[0]).toMatchObject({ id: 's', similarity: 1 })
    const news = `现场浓烟滚滚，消防部门已赶到现场处置，伤亡情况正在统计中。${short}`
    // the whole claim is in the news post, but 12 bigrams in a long post are weak evidence: 12 / 16
    expect(containment(short, news)).toBeCloseTo(12 / EVIDENCE_FLOOR)
    expect(match(bank, news)[0]?.similarity).toBeCloseTo(12 / EVIDENCE_FLOOR)
    // a claim of at least the floor's length quoted in a long post still scores 1
    const long = `${short}现场浓烟滚滚大家注意`
    expect(containment(long, `${news}，${long}`)).toBe(1)
    expect(evidence(12, 12)).toBe(1)
    expect(evidence(12, 100)).toBeCloseTo(12 / EVIDENCE_FLOOR)
    expect(evidence(EVIDENCE_FLOOR + 1, 1000)).toBe(1)
  })

  const han = fc.string({
    unit: fc.constantFrom(
      '谣',
      '言',
      '病',
      '毒',
      '疫',
      '苗',
      '新',
      '冠',
      '的',
      '人',
      'a',
      '1',
      ' ',
      '@',
      '，',
    ),
    maxLength: 60,
  })

  test.prop([han, han])('scores stay in [0, 1] and agree between the bank and containment()', (a, b) => {
    const c = containment(a, b)
    expect(c).toBeGreaterThanOrEqual(0)
    expect(c).toBeLessThanOrEqual(1)
    const bank = new ClaimBank({ minLength: 3 })
    if (!bank.add({ id: 'a', text: a }).ok) return
    for (const h of bank.match(normalize(b), 0)) {
      expect(h.similarity).toBeGreaterThanOrEqual(0)
      expect(h.similarity).toBeLessThanOrEqual(1)
      expect(h.similarity).toBeCloseTo(c, 9)
    }
  })

  // an item made of a piece of the claim between other text: often a fragment of it, often containing it
  const hanOnly = fc.string({
    unit: fc.constantFrom('谣', '言', '病', '毒', '疫', '苗', '新', '冠', '的', '人'),
    minLength: 8,
    maxLength: 60,
  })
  const pieceOf = fc
    .tuple(hanOnly, han, han, fc.nat({ max: 60 }), fc.nat({ max: 60 }))
    .map(([a, pre, post, i, j]): [string, string] => [
      a,
      pre.slice(0, 8) + a.slice(Math.min(i, j), Math.max(i, j)) + post.slice(0, 8),
    ])
  test.prop([pieceOf, fc.integer({ min: 3, max: 30 }), fc.double({ min: 0, max: 1, noNaN: true })], {
    numRuns: 500,
  })(
    'with the item as a fragment of the claim and any minimum, the bank keeps exactly the scores containment() gives',
    ([a, b], minFragment, min) => {
      const bank = new ClaimBank({ minLength: 3, minFragment })
      if (!bank.add({ id: 'a', text: a }).ok) return
      const c = containment(a, b, minFragment)
      // candidates come from shared trigrams; once the claim is a candidate, the score is exact whatever the
      // minimum (giving up early never drops a claim that reaches it)
      const all = bank.match(normalize(b), 0)
      const hits = bank.match(normalize(b), min)
      for (const h of [...all, ...hits]) expect(h.similarity).toBeCloseTo(c, 9)
      if (all.length === 1 && c >= min) expect(hits.length).toBe(1)
      else expect(hits).toEqual([])
    },
  )

  test.prop([han])('a text without markup scores 1 against itself', (t) => {
    if (normalizeCodes(t).length < 3) return
    expect(containment(t, t)).toBe(1)
    const bank = new ClaimBank({ minLength: 3 })
    bank.add({ id: 'a', text: t })
    expect(bank.match(normalize(t), 0)[0]?.similarity).toBe(1)
  })
})

describe('item index (reverse query)', () => {
  it('finds every stored copy of a newly confirmed claim (reverse query)', () => {
    const index = new ItemIndex()
    index.add('p1', `转发：${CLAIM}，太可怕了`)
    index.add('p2', '武漢病毒研究所所長石正麗發出警告：蚊蟲將是病毒第三傳播者')
    index.add('p3', '武汉 病毒研究所😱所长石正丽 发出警告，蚊虫将是病毒第三传播者')
    index.add('p4', '今天武汉天气很好，我们去东湖散步')
    index.add('p5', '石正丽研究员从未发布过任何相关信息')
    const hits = index.reverse(CLAIM)
    expect(hits.map((h) => h.id).sort()).toEqual(['p1', 'p2', 'p3'])
    for (const h of hits) expect(h.estimate).toBeGreaterThan(0.8)
  })

  it('removes items and accepts stored fingerprints', () => {
    const index = new ItemIndex()
    const fp = index.fingerprint(`转发：${CLAIM}`)
    index.add('p1', fp)
    expect(index.reverse(CLAIM).map((h) => h.id)).toEqual(['p1'])
    expect(index.remove('p1')).toBe(true)
    expect(index.reverse(CLAIM)).toEqual([])
    expect(index.size).toBe(0)
  })
})

describe('candidate generation (posting walk)', () => {
  // deterministic pseudo-random numbers for the properties below
  const lcg = (seed: number) => () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0
    return seed / 4294967296
  }

  /** The walk, written plainly: key after key, each key's postings in stored order, both limits. */
  function referenceWalk(t: PostingTable, keys: number[], budget: number, maxPostings: number) {
    const counts = new Map<number, number>()
    for (let k = 0; k < keys.length && budget > 0; k++) {
      const vs = t.values(keys[k] as number).slice(0, Math.min(maxPostings, budget))
      budget -= vs.length
      for (const v of vs) counts.set(v, (counts.get(v) ?? 0) + 1)
    }
    return counts
  }

  /** A table and a plain model of it after random adds and removals (many keys sharing postings). */
  function randomTable(r: () => number, keyCount: number, adds: number) {
    const t = new PostingTable(64)
    const model = new Map<number, number[]>()
    const live: [number, number][] = []
    for (let i = 0; i < adds; i++) {
      const key = (Math.floor(r() * keyCount) * 0x9e3779b1) | 0
      t.add(key, i)
      live.push([key, i])
      model.set(key, [...(model.get(key) ?? []), i])
      if (r() < 0.3) {
        const [k, v] = live.splice(Math.floor(r() * live.length), 1)[0] as [number, number]
        expect(t.remove(k, v)).toBe(true)
        expect(t.remove(k, v)).toBe(false)
        model.set(
          k,
          (model.get(k) ?? []).filter((x) => x !== v),
        )
      }
    }
    return { t, model, live }
  }

  it("keeps every key's postings through adds, removals, block moves and rehashes", () => {
    const r = lcg(9)
    for (let round = 0; round < 20; round++) {
      const keyCount = 1 + Math.floor(r() * 3000)
      const { t, model, live } = randomTable(r, keyCount, 100 + Math.floor(r() * 6000))
      expect(t.size).toBe(live.length)
      for (const [k, vs] of model) {
        expect(t.crowd(k)).toBe(vs.length)
        expect(t.values(k).sort((a, b) => a - b)).toEqual([...vs].sort((a, b) => a - b))
      }
      // absent keys have no postings, and removing what is not there changes nothing
      expect(t.crowd(0x12345679)).toBe(model.get(0x12345679)?.length ?? 0)
      expect(t.remove(0x7eadbeef, 1)).toBe(model.get(0x7eadbeef)?.includes(1) === true)
      expect(t.bytes).toBeGreaterThan(0)
      // remapping changes every value in place, each key's postings in the same order
      const order = new Map([...model.keys()].map((k) => [k, t.values(k)]))
      t.remap((v) => v * 2 + 1)
      for (const [k, vs] of order) expect(t.values(k)).toEqual(vs.map((v) => v * 2 + 1))
      expect(t.size).toBe(live.length)
    }
    expect(() => new PostingTable().add(1, -1)).toThrow(RangeError)
  })

  it('sorts by crowd stably, without allocating per query, as a comparison sort does', () => {
    const r = lcg(11)
    for (const n of [0, 1, 5, 32, 33, 100, 1000, 5000]) {
      for (const range of [3, 300, 70000]) {
        const keys = Int32Array.from({ length: n }, (_, i) => i * 7 - 3)
        const crowd = Int32Array.from({ length: n }, () => Math.floor(r() * range) % 65536)
        const order = Array.from({ length: n }, (_, i) => i).sort(
          (a, b) => (crowd[a] as number) - (crowd[b] as number) || a - b,
        )
        const wantKeys = order.map((i) => keys[i])
        const wantCrowd = order.map((i) => crowd[i])
        sortByCrowd(keys, crowd, n)
        expect([...keys]).toEqual(wantKeys)
        expect([...crowd]).toEqual(wantCrowd)
      }
    }
  })

  it('visits exactly the postings a key-by-key walk visits, under every budget, through removals and growth', () => {
    const r = lcg(5)
    for (let round = 0; round < 12; round++) {
      // few distinct keys: long posting lists, some longer than maxPostings
      const keyCount = 5 + Math.floor(r() * 200)
      const { t } = randomTable(r, keyCount, 200 + Math.floor(r() * 3000))
      const query = Array.from({ length: 1 + Math.floor(r() * 60) }, () =>
        r() < 0.1 ? Math.floor(r() * 1e9) : (Math.floor(r() * keyCount) * 0x9e3779b1) | 0,
      )
      const keys = [...new Set(query)].filter((k) => t.crowd(k) > 0)
      for (const budget of [1, 7, 64, 300, 1024, 1e9]) {
        for (const maxPostings of [1, 3, 16, 256]) {
          const ks = Int32Array.from(keys)
          const crowd = Int32Array.from(keys, (k) => t.crowd(k))
          sortByCrowd(ks, crowd, keys.length)
          const want = referenceWalk(t, [...ks], budget, maxPostings)
          const refs = Int32Array.from(ks, (k) => t.ref(k))
          const cand = new Candidates().reset(keys.length)
          walkPostings(t, refs, keys.length, budget, maxPostings, cand)
          const got = new Map<number, number>()
          for (let c = 0; c < cand.size; c++) got.set(cand.slots[c] as number, cand.hits[c] as number)
          expect(got).toEqual(want)
        }
      }
    }
  })
})
