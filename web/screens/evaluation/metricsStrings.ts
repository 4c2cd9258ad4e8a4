// The words of the platform's 考核数据 page (A17). Chinese first.
import { useCallback } from 'react'
import { type Lang, useLang } from '../../app/i18n.ts'

const zh = {
  title: '考核数据报送',
  intro:
    '第十七条：监管部门定期对平台开展监督评价。每月、每季度结束后，本节点自动将该期的举报处理、辟谣和指令执行、审核人员配比、申诉改判和处置数据签名报送监管部门；也可在此手动报送已结束的周期。每个周期只报送一次。',
  periodHint: '如 2026-10 或 2026-Q4',
  send: '立即报送',
  sent: '{period} 的数据已报送',
  'col.period': '周期',
  'col.to': '报送对象',
  'col.by': '报送人',
  'col.at': '报送时间',
  'f.reports': '举报处理',
  'f.reportsText':
    '受理 {received}，已处理 {decided}（按时 {inTime}），逾期未处理 {overdue}，中位时长 {median} 小时',
  'f.clarifications': '辟谣响应',
  'f.clarificationsText': '处置 {n} 次，中位时长 {median} 分钟',
  'f.orders': '监管指令',
  'f.ordersText': '收到 {received}，已执行 {executed}（按期 {inTime}）',
  'f.staffing': '审核人员',
  'f.staffingText': '在册 {roster} 人，{days} 天中 {below} 天低于配比',
  'f.appeals': '申诉',
  'f.appealsText': '受理 {filed}，改判 {overturned}',
  'f.disposals': '处置',
  'f.disposalsText': '{n} 次，涉及 {items} 条',
}
type Key = keyof typeof zh
const en: Record<Key, string> = {
  title: 'Evaluation figures',
  intro:
    'Art. 17: the regulator evaluates platforms periodically. At the end of each month and quarter this node signs and sends the period’s figures — report handling, clarifications and orders acted on, reviewer staffing, appeals overturned, disposals — to the regulator; an ended period can also be sent here by hand. Each period is sent once.',
  periodHint: 'e.g. 2026-10 or 2026-Q4',
  send: 'Send now',
  sent: 'Figures for {period} sent',
  'col.period': 'Period',
  'col.to': 'Sent to',
  'col.by': 'Sent by',
  'col.at': 'Sent at',
  'f.reports': 'Reports',
  'f.reportsText':
    '{received} received, {decided} decided ({inTime} in time), {overdue} overdue, median {median} hours',
  'f.clarifications': 'Clarifications',
  'f.clarificationsText': '{n} disposals, median {median} minutes',
  'f.orders': 'Orders',
  'f.ordersText': '{received} received, {executed} executed ({inTime} on time)',
  'f.staffing': 'Reviewers',
  'f.staffingText': '{roster} on the roster; {below} of {days} days below the ratio',
  'f.appeals': 'Appeals',
  'f.appealsText': '{filed} filed, {overturned} overturned',
  'f.disposals': 'Disposals',
  'f.disposalsText': '{n}, {items} items',
}
const messages: Record<Lang, Record<Key, string>> = { zh, en }

export function useMT(): (key: Key, vars?: Record<string, string | number>) => string {
  const lang = useLang()
  return useCallback(
    (key: Key, vars?: Record<string, string | number>) => {
      const text = messages[lang][key]
      return vars ? text.replace(/\{(\w+)\}/g, (w, k: string) => (k in vars ? String(vars[k]) : w)) : text
    },
    [lang],
  )
}
