// The words of the public survey page (/p/survey, A17). Chinese first.
import { useCallback } from 'react'
import { type Lang, useLang } from '../app/i18n.ts'

const zh = {
  title: '网络谣言治理公众满意度问卷',
  intro:
    '本问卷用于市网信办对各网络平台开展定期监督评价（《通化市网络虚假信息治理办法》第十七条）。问卷匿名，只记录您的评分，不收集姓名、电话、地址等任何个人信息。',
  platform: '您常用的平台',
  county: '您所在的县（市、区）（可不选）',
  handling: '该平台处置网络谣言的效果',
  speed: '权威辟谣信息发布的及时程度',
  reporting: '在该平台或向网信部门举报谣言的便利程度',
  submit: '提交问卷',
  thanks: '感谢您的参与！您的评分将计入本期评价。',
  again: '再填一份',
  none: '暂无可评价的平台',
}
type Key = keyof typeof zh
const en: Record<Key, string> = {
  title: 'Public survey on the handling of online rumours',
  intro:
    'This survey feeds the city CAC’s periodic evaluation of online platforms (Tonghua measures, art. 17). It is anonymous: only your scores are kept; no name, phone, address or other personal data is asked for.',
  platform: 'The platform you use most',
  county: 'Your county or district (optional)',
  handling: 'How well the platform deals with online rumours',
  speed: 'How quickly authoritative clarifications are published',
  reporting: 'How easy it is to report a rumour, to the platform or to the CAC',
  submit: 'Submit',
  thanks: 'Thank you! Your scores count in this period’s evaluation.',
  again: 'Answer again',
  none: 'No platform to evaluate yet',
}
const messages: Record<Lang, Record<Key, string>> = { zh, en }

export function useST(): (key: Key) => string {
  const lang = useLang()
  return useCallback((key: Key) => messages[lang][key], [lang])
}
