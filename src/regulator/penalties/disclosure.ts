// What of a penalty decision is disclosed to the public (A26: 记入信用档案，并予以公示), and for how long. Pure: the rule
// is data, the dates are arguments.
//
// The rule follows the national rules on the disclosure and repair of administrative penalty information as we recall
// them (国家发展改革委《失信行为纠正后的信用信息修复管理办法（试行）》, 2023, and the earlier 发改办财金〔2019〕527号),
// from memory and to be checked: a penalty of a warning (or 通报批评) alone is not published; fines and confiscation
// are published for a short period (3 months to 1 year: we publish for 1 year, the longest, as the party may ask for
// an earlier repair); the heavy measures (suspension of business or updates, 停业整顿, closure, revocation) for 1 to 3
// years (we use 3). 约谈 and 责令改正 are not administrative penalties (行政处罚法第九条) and are not disclosed as such.
// The names of directly responsible persons are personal information and are not published; only their number.
import type { Measure, MeasureKind } from './bounds.ts'

export interface DisclosureRule {
  kind: MeasureKind
  /** Months on the public list; 0 = not published. */
  months: number
  note: string
}

export const DISCLOSURE_RULES_VERSION = '2026-11'

export const DISCLOSURE_RULES: readonly DisclosureRule[] = [
  { kind: 'interview', months: 0, note: '约谈不是行政处罚（行政处罚法第九条）' },
  { kind: 'correction_order', months: 0, note: '责令改正不是行政处罚（行政处罚法第二十八条）' },
  { kind: 'warning', months: 0, note: '仅受警告的行政处罚信息不予公示' },
  { kind: 'confiscation', months: 12, note: '没收违法所得：最短三个月、最长一年，取一年' },
  { kind: 'fine', months: 12, note: '罚款：最短三个月、最长一年，取一年' },
  { kind: 'person_fine', months: 12, note: '直接责任人员罚款：随平台决定公示，不公示姓名' },
  { kind: 'suspend_updates', months: 36, note: '责令暂停信息更新：最短一年、最长三年，取三年' },
  { kind: 'suspend_business', months: 36, note: '责令暂停相关业务：最短一年、最长三年，取三年' },
  { kind: 'rectification', months: 36, note: '停业整顿：最短一年、最长三年，取三年' },
  { kind: 'close_site', months: 36, note: '关闭网站：最短一年、最长三年，取三年' },
  { kind: 'revoke_licence', months: 36, note: '吊销许可证或营业执照：最短一年、最长三年，取三年' },
]

export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number]
  const total = y * 12 + (m - 1) + months
  const year = Math.floor(total / 12)
  const month = (total % 12) + 1
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate()
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

export interface Disclosure {
  /** The measures shown (persons' names removed), or none when nothing is to be published. */
  measures: Measure[]
  months: number
  from: string
  /** Last day on the list (inclusive). */
  until: string
}

/** What of a decision is published from `from` (a China date), and until when; null when nothing is. */
export function disclosureOf(
  measures: readonly Measure[],
  from: string,
  rules: readonly DisclosureRule[] = DISCLOSURE_RULES,
): Disclosure | null {
  const shown = measures.filter((m) => (rules.find((r) => r.kind === m.kind)?.months ?? 0) > 0)
  if (shown.length === 0) return null
  const months = Math.max(...shown.map((m) => rules.find((r) => r.kind === m.kind)?.months ?? 0))
  return {
    measures: shown.map((m) => ({
      kind: m.kind,
      ...(m.amountYuan !== undefined ? { amountYuan: m.amountYuan } : {}),
    })),
    months,
    from,
    until: addMonths(from, months),
  }
}

/** On the public list on `today`: published, not revoked, something to show, within its period. */
export function isDisplayed(d: Disclosure | null, revoked: boolean, today: string): boolean {
  return d !== null && !revoked && d.from <= today && today <= d.until
}
