// The words of the public disclosure page (行政处罚信息公示, A26). Chinese first.
import { useCallback } from 'react'
import { type Lang, useLang } from '../../app/i18n.ts'

const zh = {
  title: '行政处罚信息公示',
  nav: '行政处罚公示',
  intro:
    '依据《通化市网络虚假信息治理办法》第二十六条，本机关对网络信息内容服务平台作出的行政处罚决定记入信用档案并予以公示。公示期届满或决定被撤销的，即撤下。仅给予警告的决定、约谈和责令改正不予公示；不公示个人姓名。',
  empty: '当前没有公示中的行政处罚决定',
  party: '当事人',
  basis: '违反条款 / 罚则',
  measures: '处罚内容',
  persons: '另对 {n} 名直接责任人员处以罚款',
  period: '公示期 {from} 至 {until}',
  decided: '{organ} · {date} 作出',
  json: 'JSON 数据',
  'kind.fine': '罚款',
  'kind.confiscation': '没收违法所得',
  'kind.suspend_updates': '责令暂停信息更新',
  'kind.suspend_business': '责令暂停相关业务',
  'kind.rectification': '停业整顿',
  'kind.close_site': '关闭网站',
  'kind.revoke_licence': '吊销相关业务许可证或者营业执照',
  yuan: '{n} 元',
}
type Key = keyof typeof zh
const en: Record<Key, string> = {
  title: 'Administrative penalties on public record',
  nav: 'Penalties',
  intro:
    'Under article 26 of the Tonghua measures, this office enters the penalty decisions it makes against platforms in their credit files and publishes them. A decision leaves this list when its display period ends or when it is revoked. Decisions of a warning alone, interviews and correction orders are not published; no person is named.',
  empty: 'No penalty decision is on display',
  party: 'Party',
  basis: 'Violated / article',
  measures: 'Measures',
  persons: 'and fines on {n} directly responsible person(s)',
  period: 'On display {from} to {until}',
  decided: '{organ} · decided {date}',
  json: 'JSON data',
  'kind.fine': 'Fine',
  'kind.confiscation': 'Confiscation of illegal gains',
  'kind.suspend_updates': 'Suspension of information updates',
  'kind.suspend_business': 'Suspension of the related business',
  'kind.rectification': 'Suspension for rectification',
  'kind.close_site': 'Closure of the website',
  'kind.revoke_licence': 'Revocation of the licence or business permit',
  yuan: '{n} yuan',
}
const messages: Record<Lang, Record<Key, string>> = { zh, en }

export type DTranslate = (key: Key, vars?: Record<string, string | number>) => string

export function useDT(): DTranslate {
  const lang = useLang()
  return useCallback(
    (key, vars) => {
      const text = messages[lang][key]
      return vars ? text.replace(/\{(\w+)\}/g, (w, n: string) => (n in vars ? String(vars[n]) : w)) : text
    },
    [lang],
  )
}

export const isKindKey = (k: string): k is Key => `kind.${k}` in zh
