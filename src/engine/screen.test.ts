import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { ClaimBank } from './claim-bank.ts'
import { formatVerdict } from './formats.ts'
import { compileRuleSet, Screener } from './rule-set.ts'
import { screen } from './screen.ts'
import { CONTENT_KINDS, type ContentItem, type LexiconEntry } from './types.ts'

const LEXICON: LexiconEntry[] = [
  { term: '谣言', category: 'prohibit', severity: 3, basis: ['A11.1'], sound: true },
  { term: '封城', category: 'prohibit', severity: 2, basis: ['A11.1'], requires: ['明天', '今晚'] },
  { term: '偏方', category: 'prohibit', severity: 1, basis: ['A11.1'] },
  { term: '病毒', category: 'prevent', severity: 2, basis: ['A14'], except: ['杀毒软件'] },
  { term: '内部消息', category: 'prevent', severity: 3, basis: ['A14'] },
  { term: '红色文化', category: 'encourage', severity: 1, basis: ['A9'] },
  { term: '演绎', category: 'prevent', severity: 1, basis: ['A11.2'], fiction: true },
]
const rules = compileRuleSet({ version: 'lex-1', lexicon: LEXICON })
const CLAIM = '喝高度白酒可以预防新冠病毒感染，大家赶快转发告诉家人'
function bankWithClaim(): ClaimBank {
  const bank = new ClaimBank()
  bank.add({ id: 'claim-1', text: CLAIM, source: 'clarification 7' })
  return bank
}

const item = (text: string, more: Partial<ContentItem> = {}): ContentItem => ({ id: 'i1', text, ...more })

describe('screen', () => {
  it('holds prohibited terms for review and blocks the severe ones before publication', () => {
    expect(screen(item('这是谣言'), rules).outcome).toBe('block')
    expect(screen(item('祖传偏方'), rules).outcome).toBe('hold')
    expect(screen(item('今天天气不错'), rules).outcome).toBe('allow')
    const v = screen(item('这是谣言'), rules)
    expect(v.reasons).toEqual([
      expect.objectContaining({
        type: 'term',
        term: '谣言',
        category: 'prohibit',
        start: 2,
        end: 4,
        outcome: 'block',
      }),
    ])
    expect(v.basis).toEqual(['A11.1'])
    expect(v.ruleVersion).toBe('lex-1')
  })

  it('categorises terms as prohibit, prevent and encourage and records each with its basis', () => {
    expect(screen(item('有内部消息'), rules).outcome).toBe('hold')
    expect(screen(item('新冠病毒'), rules).outcome).toBe('label')
    const v = screen(item('弘扬红色文化'), rules)
    expect(v.outcome).toBe('allow')
    expect(v.reasons[0]).toMatchObject({ category: 'encourage', basis: ['A9'] })
  })

  it('screens posts, comments, replies and bullet comments alike', () => {
    for (const text of ['这是谣言', '新冠病毒', '今天天气不错', CLAIM]) {
      const outcomes = CONTENT_KINDS.map(
        (kind) => screen(item(text, { kind }), rules, bankWithClaim()).outcome,
      )
      expect(new Set(outcomes).size).toBe(1)
    }
  })

  it('tightens the outcome for low and restricted account credit', () => {
    expect(screen(item('明天封城'), rules).outcome).toBe('hold')
    expect(screen(item('明天封城', { credit: 'low' }), rules).outcome).toBe('block')
    expect(screen(item('新冠病毒', { credit: 'restricted' }), rules).outcome).toBe('hold')
    expect(screen(item('新冠病毒', { credit: 'high' }), rules).outcome).toBe('label')
  })

  it('blocks a known false claim in traditional characters with emoji and spaces inserted', () => {
    const text = '轉發：喝 高度白酒😀可以預防新冠病毒感染，大家趕快轉發告訴家人！！'
    const v = screen(item(text), rules, bankWithClaim())
    expect(v.outcome).toBe('block')
    expect(v.claims).toEqual([{ id: 'claim-1', similarity: 1 }])
    const r = v.reasons.find((x) => x.type === 'claim')
    expect(r).toMatchObject({ id: 'claim-1', basis: ['A11.1', 'A16'] })
    expect(text.slice(r?.start, r?.end)).toContain('喝 高度白酒😀可以預防')
    expect(v.ruleVersion).toBe('lex-1+claims.1')
  })

  it('labels fiction: a cue without a declaration, and every declared fiction', () => {
    const missing = screen(item('本剧情纯属演绎'), rules)
    expect(missing.outcome).toBe('label')
    expect(missing.reasons).toEqual([
      expect.objectContaining({ type: 'label', label: 'fiction', declared: false, basis: ['A11.2'] }),
    ])
    const declared = screen(item('本剧情纯属演绎', { fictionDeclared: true }), rules)
    expect(declared.outcome).toBe('label')
    expect(declared.reasons).toEqual([expect.objectContaining({ type: 'label', declared: true })])
    expect(screen(item('我写的小故事', { fictionDeclared: true }), rules).outcome).toBe('label')
  })

  it('writes the documented verdict line', () => {
    const line = formatVerdict(screen(item('谣言'), rules))
    expect(Object.keys(JSON.parse(line))).toEqual([
      'id',
      'outcome',
      'reasons',
      'claims',
      'ruleVersion',
      'basis',
    ])
  })

  const anyItem = fc.record({
    id: fc.string({ maxLength: 8 }),
    text: fc.oneof(
      fc.string({ unit: 'binary', maxLength: 80 }),
      fc
        .array(fc.constantFrom(...'谣言遥封城明天病毒杀软件演绎😀 *\u200b喝高度白酒预防新冠'), {
          maxLength: 60,
        })
        .map((a) => a.join('')),
    ),
    kind: fc.constantFrom('post', 'comment', 'reply', 'danmaku', 'bogus', undefined),
    fictionDeclared: fc.option(fc.boolean(), { nil: undefined }),
    credit: fc.constantFrom('high', 'normal', 'low', 'restricted', 'x', undefined),
  }) as fc.Arbitrary<ContentItem>

  test.prop([anyItem])('is total: never throws, always a well-formed verdict', (it) => {
    const v = screen(it, rules, bankWithClaim())
    expect(['allow', 'label', 'hold', 'block']).toContain(v.outcome)
    for (const r of v.reasons) {
      expect(r.start).toBeGreaterThanOrEqual(0)
      expect(r.end).toBeLessThanOrEqual(it.text.length)
      expect(r.start).toBeLessThanOrEqual(r.end)
    }
  })

  test.prop([anyItem])('is deterministic: same item, same rule set, same bank, same verdict', (it) => {
    const a = formatVerdict(screen(it, rules, bankWithClaim()))
    screen({ id: 'other', text: '谣言 病毒 喝高度白酒' }, rules, bankWithClaim())
    const b = formatVerdict(screen(structuredClone(it), rules, bankWithClaim()))
    expect(b).toBe(a)
  })

  it('never throws on garbage items, lone surrogates and a 1 MB text', () => {
    expect(screen(null as unknown as ContentItem, rules).outcome).toBe('allow')
    expect(screen({ id: 5, text: 7 } as unknown as ContentItem, rules).id).toBe('5')
    expect(screen(item('\ud800谣\udfff言'), rules).outcome).toBe('block')
    const big = `${'今天天气不错。'.repeat(150_000)}谣言`
    const v = screen(item(big), rules, bankWithClaim())
    expect(v.outcome).toBe('block')
    expect(big.slice(v.reasons[0]?.start, v.reasons[0]?.end)).toBe('谣言')
  })
})

describe('rule sets', () => {
  it('are immutable versioned values', () => {
    expect(Object.isFrozen(rules)).toBe(true)
    expect(Object.isFrozen(rules.lexicon.entries[0])).toBe(true)
    expect(() => compileRuleSet({ version: '', lexicon: [] })).toThrow(/version/)
  })

  it('swap atomically: every verdict is decided by exactly one version', () => {
    const v2 = compileRuleSet({
      version: 'lex-2',
      lexicon: [{ term: '天气', category: 'prohibit', severity: 3, basis: ['A11.1'] }],
    })
    const s = new Screener(rules)
    const verdicts = []
    for (let i = 0; i < 100; i++) {
      if (i === 50) expect(s.swap(v2)).toBe(rules)
      verdicts.push(s.screen(item('今天天气是谣言')))
    }
    for (const v of verdicts.slice(0, 50))
      expect(v).toMatchObject({ ruleVersion: 'lex-1', reasons: [expect.objectContaining({ term: '谣言' })] })
    for (const v of verdicts.slice(50))
      expect(v).toMatchObject({ ruleVersion: 'lex-2', reasons: [expect.objectContaining({ term: '天气' })] })
  })
})
