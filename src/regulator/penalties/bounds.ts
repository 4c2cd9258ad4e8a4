// The legal bounds of the penalties of the Tonghua measures (A22–A25) as versioned data with effective dates, and
// the checks every proposal and decision passes. Pure: no clock, no database; the date is an argument.
//
// Read against the authoritative text (/work/shared/regulation/tonghua-measures.zh.txt, articles 22–25 and 28):
// - 第二十二条 (A12.1, A13.1, A13.3, A14, A15): 约谈，责令限期改正，给予警告; 拒不改正或者情节严重的，责令暂停信息更新
//   (and "按照有关法律、行政法规的规定予以处理", which names no measure of its own: not encoded, the other law's own
//   bounds apply).
// - 第二十三条 (A13.2): 责令改正; 拒不改正或者情节严重的，处五万元以上五十万元以下罚款，并可以责令暂停相关业务、停业整顿、
//   关闭网站、吊销相关业务许可证或者吊销营业执照，对直接负责的主管人员和其他直接责任人员处一万元以上十万元以下罚款.
// - 第二十四条 (A16): 责令改正，给予警告，没收违法所得; 拒不改正或者情节严重的，处十万元以上五十万元以下罚款, plus the same
//   optional measures and persons' fines as 第二十三条.
// - 第二十五条 (A19.2): 责令改正; 拒不改正或者情节严重的，处五万元以上五十万元以下罚款，对直接负责的主管人员和其他直接责任人员，
//   处一万元以上十万元以下罚款.
// - 第二十八条: 本办法自公布之日起施行. The text carries the approval date of the Jilin standing committee (2025-03-27),
//   not the date of the Tonghua announcement; version `2025-03` takes effect on 2025-03-27, the earliest date the
//   measures can have been published. An operator who knows the announcement date adds a version (nothing before its
//   date may be decided under it).

export const MEASURE_KINDS = [
  'interview',
  'correction_order',
  'warning',
  'suspend_updates',
  'confiscation',
  'fine',
  'person_fine',
  'suspend_business',
  'rectification',
  'close_site',
  'revoke_licence',
] as const
export type MeasureKind = (typeof MEASURE_KINDS)[number]

export const MEASURE_LABELS: Record<MeasureKind, { zh: string; en: string }> = {
  interview: { zh: '约谈', en: 'Interview' },
  // 第二十三条至第二十五条: 责令改正; 第二十二条 says 责令限期改正 (measureLabel)
  correction_order: { zh: '责令改正', en: 'Order to correct' },
  warning: { zh: '警告', en: 'Warning' },
  suspend_updates: { zh: '责令暂停信息更新', en: 'Suspension of information updates' },
  confiscation: { zh: '没收违法所得', en: 'Confiscation of illegal gains' },
  fine: { zh: '罚款', en: 'Fine' },
  person_fine: {
    zh: '对直接负责的主管人员和其他直接责任人员罚款',
    en: 'Fine of a directly responsible person',
  },
  suspend_business: { zh: '责令暂停相关业务', en: 'Suspension of the related business' },
  rectification: { zh: '停业整顿', en: 'Suspension for rectification' },
  close_site: { zh: '关闭网站', en: 'Closure of the website' },
  revoke_licence: {
    zh: '吊销相关业务许可证或者吊销营业执照',
    en: 'Revocation of the business licence or permit',
  },
}

/** A measure's name as the article writes it: 第二十二条 orders correction within a deadline (责令限期改正), 第二十三条 to
 * 第二十五条 order correction (责令改正). */
export function measureLabel(kind: MeasureKind, article: string): { zh: string; en: string } {
  if (kind === 'correction_order' && article === 'A22')
    return { zh: '责令限期改正', en: 'Order to correct within a deadline' }
  return MEASURE_LABELS[kind]
}

/** The requirements whose violation the measures punish. */
export const VIOLATIONS = ['A12.1', 'A13.1', 'A13.2', 'A13.3', 'A14', 'A15', 'A16', 'A19.2'] as const
export type Violation = (typeof VIOLATIONS)[number]
export type PenaltyArticle = 'A22' | 'A23' | 'A24' | 'A25'

export interface MeasureRule {
  kind: MeasureKind
  /** Only when the platform refused to correct or the circumstances are serious (拒不改正或者情节严重). */
  aggravatedOnly: boolean
  /** The article says it is imposed (给予/处/责令), not that it may be (可以). Persons' fines are required only when
   * persons are named: a decision may not know them. */
  required: boolean
  /** Yuan, inclusive, when the measure is an amount with bounds. Confiscation has an amount and no bounds. */
  minYuan?: number
  maxYuan?: number
}

export interface ArticleBounds {
  article: PenaltyArticle
  violations: readonly Violation[]
  /** The article as written. */
  textZh: string
  measures: readonly MeasureRule[]
}

export interface BoundsVersion {
  version: string
  /** China calendar date (YYYY-MM-DD) from which decisions fall under this version. */
  effectiveFrom: string
  source: string
  articles: readonly ArticleBounds[]
}

const m = (
  kind: MeasureKind,
  aggravatedOnly: boolean,
  required: boolean,
  minYuan?: number,
  maxYuan?: number,
): MeasureRule => ({
  kind,
  aggravatedOnly,
  required,
  ...(minYuan !== undefined ? { minYuan, maxYuan } : {}),
})

/** 并可以责令暂停相关业务、停业整顿、关闭网站、吊销相关业务许可证或者吊销营业执照 (A23, A24). */
const MAY_ALSO = [
  m('suspend_business', true, false),
  m('rectification', true, false),
  m('close_site', true, false),
  m('revoke_licence', true, false),
]

export const BOUNDS_VERSIONS: readonly BoundsVersion[] = [
  {
    version: '2025-03',
    effectiveFrom: '2025-03-27',
    source:
      '《通化市网络虚假信息治理办法》第二十二条至第二十五条、第二十八条（2024年12月29日通化市第九届人大常委会第二十二次会议通过，2025年3月27日吉林省第十四届人大常委会第十六次会议批准，自公布之日起施行）',
    articles: [
      {
        article: 'A22',
        violations: ['A12.1', 'A13.1', 'A13.3', 'A14', 'A15'],
        textZh:
          '第二十二条 网络信息内容服务平台违反本办法第十二条第一款、第十三条第一款和第三款、第十四条、第十五条规定的，由网信部门依据职责进行约谈，责令限期改正，给予警告；拒不改正或者情节严重的，责令暂停信息更新，按照有关法律、行政法规的规定予以处理。',
        measures: [
          m('interview', false, true),
          m('correction_order', false, true),
          m('warning', false, true),
          m('suspend_updates', true, false),
        ],
      },
      {
        article: 'A23',
        violations: ['A13.2'],
        textZh:
          '第二十三条 网络信息内容服务平台违反本办法第十三条第二款规定，未要求用户提供真实身份信息，或者对不提供真实身份信息的用户提供相关服务的，由有关主管部门责令改正；拒不改正或者情节严重的，处五万元以上五十万元以下罚款，并可以责令暂停相关业务、停业整顿、关闭网站、吊销相关业务许可证或者吊销营业执照，对直接负责的主管人员和其他直接责任人员处一万元以上十万元以下罚款。',
        measures: [
          m('correction_order', false, true),
          m('fine', true, true, 50_000, 500_000),
          ...MAY_ALSO,
          m('person_fine', true, false, 10_000, 100_000),
        ],
      },
      {
        article: 'A24',
        violations: ['A16'],
        textZh:
          '第二十四条 网络信息内容服务平台违反本办法第十六条规定，对法律、行政法规禁止发布或者传输的信息未依法采取处置措施、保存有关记录的，由有关主管部门责令改正，给予警告，没收违法所得；拒不改正或者情节严重的，处十万元以上五十万元以下罚款，并可以责令暂停相关业务、停业整顿、关闭网站、吊销相关业务许可证或者吊销营业执照，对直接负责的主管人员和其他直接责任人员处一万元以上十万元以下罚款。',
        measures: [
          m('correction_order', false, true),
          m('warning', false, true),
          // 没收违法所得: required where there are gains; a platform may have none, so not required here.
          m('confiscation', false, false),
          m('fine', true, true, 100_000, 500_000),
          ...MAY_ALSO,
          m('person_fine', true, false, 10_000, 100_000),
        ],
      },
      {
        article: 'A25',
        violations: ['A19.2'],
        textZh:
          '第二十五条 网络信息内容服务平台违反本办法第十九条第二款规定，拒绝、阻碍有关部门依法实施的监督检查，或者未按照有关部门的要求对法律、行政法规禁止发布或者传输的信息采取停止传输、消除等处置措施的，由有关主管部门责令改正；拒不改正或者情节严重的，处五万元以上五十万元以下罚款，对直接负责的主管人员和其他直接责任人员，处一万元以上十万元以下罚款。',
        measures: [
          m('correction_order', false, true),
          m('fine', true, true, 50_000, 500_000),
          m('person_fine', true, false, 10_000, 100_000),
        ],
      },
    ],
  },
]

/** The version in force on a China calendar date, or null before the first. */
export function boundsInForce(
  date: string,
  versions: readonly BoundsVersion[] = BOUNDS_VERSIONS,
): BoundsVersion | null {
  let best: BoundsVersion | null = null
  for (const v of versions)
    if (v.effectiveFrom <= date && (!best || v.effectiveFrom > best.effectiveFrom)) best = v
  return best
}

export function isViolation(s: string): s is Violation {
  return (VIOLATIONS as readonly string[]).includes(s)
}

/** The article that punishes the violations, when they all fall under one (a case is about one article). */
export function articleFor(violated: readonly string[], version: BoundsVersion): ArticleBounds | null {
  if (violated.length === 0) return null
  const found = new Set<ArticleBounds>()
  for (const v of violated) {
    const a = version.articles.find((x) => (x.violations as readonly string[]).includes(v))
    if (!a) return null
    found.add(a)
  }
  return found.size === 1 ? [...found][0]! : null
}

export interface AllowedMeasures {
  version: string
  effectiveFrom: string
  article: PenaltyArticle
  textZh: string
  aggravated: boolean
  measures: MeasureRule[]
}

/** What may be decided for these violations on this date, with or without the aggravating condition; null when no
 * bounds are in force or the violations do not fall under one article. */
export function allowedMeasures(
  violated: readonly string[],
  aggravated: boolean,
  date: string,
  versions: readonly BoundsVersion[] = BOUNDS_VERSIONS,
): AllowedMeasures | null {
  const v = boundsInForce(date, versions)
  if (!v) return null
  const a = articleFor(violated, v)
  if (!a) return null
  return {
    version: v.version,
    effectiveFrom: v.effectiveFrom,
    article: a.article,
    textZh: a.textZh,
    aggravated,
    measures: a.measures.filter((x) => aggravated || !x.aggravatedOnly),
  }
}

/** A measure as proposed or decided. */
export interface Measure {
  kind: MeasureKind
  amountYuan?: number
  /** The directly responsible person a person_fine is imposed on. */
  personName?: string
  /** The deadline for correction (correction_order), a China date. */
  deadline?: string
}

export type BoundsProblemCode =
  | 'no_bounds'
  | 'violations_not_one_article'
  | 'measure_not_allowed'
  | 'needs_aggravation'
  | 'amount_missing'
  | 'amount_not_allowed'
  | 'amount_out_of_range'
  | 'person_missing'
  | 'fined_twice'
  | 'required_missing'
  | 'no_measures'
  | 'deadline_missing'
  | 'deadline_not_after'

export interface BoundsProblem {
  code: BoundsProblemCode
  kind?: MeasureKind
  amountYuan?: number
  minYuan?: number
  maxYuan?: number
}

export interface ValidateInput {
  violated: readonly string[]
  aggravated: boolean
  /** China calendar date of the proposal or decision. */
  date: string
  measures: readonly Measure[]
  /** The same act was already fined by another decision in force (一事不再罚, 行政处罚法第二十九条). */
  alreadyFined?: boolean
}

const AMOUNTED = new Set<MeasureKind>(['fine', 'person_fine', 'confiscation'])

/** Every problem of a set of measures against the bounds in force on its date; empty when it is within them. */
export function validateMeasures(
  input: ValidateInput,
  versions: readonly BoundsVersion[] = BOUNDS_VERSIONS,
): BoundsProblem[] {
  const v = boundsInForce(input.date, versions)
  if (!v) return [{ code: 'no_bounds' }]
  const a = articleFor(input.violated, v)
  if (!a) return [{ code: 'violations_not_one_article' }]
  const problems: BoundsProblem[] = []
  if (input.measures.length === 0) problems.push({ code: 'no_measures' })
  const seen = new Set<string>()
  for (const x of input.measures) {
    const rule = a.measures.find((r) => r.kind === x.kind)
    if (!rule) {
      problems.push({ code: 'measure_not_allowed', kind: x.kind })
      continue
    }
    if (rule.aggravatedOnly && !input.aggravated) problems.push({ code: 'needs_aggravation', kind: x.kind })
    // one act is fined once: one platform fine, one fine per person, each measure once
    const key = x.kind === 'person_fine' ? `person_fine:${(x.personName ?? '').trim()}` : x.kind
    if (seen.has(key)) problems.push({ code: 'fined_twice', kind: x.kind })
    seen.add(key)
    // 第二十二条: 责令限期改正 — the period is part of the measure, and ends after the notice or decision
    if (x.kind === 'correction_order' && a.article === 'A22') {
      if (!x.deadline) problems.push({ code: 'deadline_missing', kind: x.kind })
      else if (!/^\d{4}-\d{2}-\d{2}$/.test(x.deadline) || x.deadline <= input.date)
        problems.push({ code: 'deadline_not_after', kind: x.kind })
    }
    if (x.kind === 'person_fine' && !(x.personName ?? '').trim())
      problems.push({ code: 'person_missing', kind: x.kind })
    if (AMOUNTED.has(x.kind)) {
      if (x.amountYuan === undefined) problems.push({ code: 'amount_missing', kind: x.kind })
      else if (!Number.isInteger(x.amountYuan) || x.amountYuan < 0)
        problems.push({ code: 'amount_out_of_range', kind: x.kind, amountYuan: x.amountYuan, minYuan: 0 })
      else if (
        rule.minYuan !== undefined &&
        rule.maxYuan !== undefined &&
        (x.amountYuan < rule.minYuan || x.amountYuan > rule.maxYuan)
      )
        problems.push({
          code: 'amount_out_of_range',
          kind: x.kind,
          amountYuan: x.amountYuan,
          minYuan: rule.minYuan,
          maxYuan: rule.maxYuan,
        })
    } else if (x.amountYuan !== undefined) problems.push({ code: 'amount_not_allowed', kind: x.kind })
  }
  if (input.alreadyFined && input.measures.some((x) => x.kind === 'fine'))
    problems.push({ code: 'fined_twice', kind: 'fine' })
  for (const r of a.measures) {
    if (
      r.required &&
      (input.aggravated || !r.aggravatedOnly) &&
      !input.measures.some((x) => x.kind === r.kind)
    ) {
      // a fine already imposed on the same act is not imposed again, and is not missing
      if (r.kind === 'fine' && input.alreadyFined) continue
      problems.push({ code: 'required_missing', kind: r.kind })
    }
  }
  return problems
}

// --- the hearing right (行政处罚法第六十三条) ---

/**
 * 较大数额 is fixed by each province or ministry, not by the law itself. We use 100,000 yuan for a platform (an
 * organisation) and 10,000 yuan for a person, from memory of common provincial thresholds; Jilin's own figure must
 * be checked and changed here. Any fine at or over it, confiscation at or over the organisation threshold, and the
 * heavy measures that 第六十三条 names (责令停产停业、责令关闭、吊销许可证件, and suspension of updates as a
 * 责令停产停业 of the information service) give the party the right to a hearing.
 */
export const HEARING_THRESHOLDS = { organisationYuan: 100_000, personYuan: 10_000 } as const
const HEAVY = new Set<MeasureKind>([
  'suspend_updates',
  'suspend_business',
  'rectification',
  'close_site',
  'revoke_licence',
])

export function hearingRight(measures: readonly Measure[]): boolean {
  return measures.some(
    (x) =>
      HEAVY.has(x.kind) ||
      ((x.kind === 'fine' || x.kind === 'confiscation') &&
        (x.amountYuan ?? 0) >= HEARING_THRESHOLDS.organisationYuan) ||
      (x.kind === 'person_fine' && (x.amountYuan ?? 0) >= HEARING_THRESHOLDS.personYuan),
  )
}

/** A decision may not be heavier than what the party was told (行政处罚法第四十五条: 不得因陈述、申辩而给予更重的处罚;
 * a heavier one needs a new 告知). Returns the measures that are new or larger. */
export function heavierThanNotified(notified: readonly Measure[], decided: readonly Measure[]): Measure[] {
  return decided.filter((d) => {
    const n = notified.find(
      (x) => x.kind === d.kind && (d.kind !== 'person_fine' || x.personName?.trim() === d.personName?.trim()),
    )
    if (!n) return true
    return (d.amountYuan ?? 0) > (n.amountYuan ?? 0)
  })
}
