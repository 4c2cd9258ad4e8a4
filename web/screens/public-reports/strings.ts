// The words of the public reports page of the console, Chinese first; kept beside the screen so that the page is
// one folder. The language is the console's.
import { useCallback } from 'react'
import { type Lang, useLang } from '../../app/i18n.ts'

const zh = {
  title: '公众举报',
  intro:
    '社会公众向本机关的举报（第十八条）：按受理时间先后排列，超期的标红；同一说法的举报归为一组。举报人姓名和联系方式加密保存，只显示“已密封”；仅监管管理员可登记理由后启封，每次启封都记入账本。',
  'filter.status': '状态',
  'filter.category': '类别',
  'filter.county': '县（市、区）',
  'filter.all': '全部',
  empty: '暂无举报',
  'col.receivedAt': '受理时间',
  'col.category': '类别',
  'col.description': '举报内容',
  'col.platform': '平台/网站',
  'col.cluster': '同类举报',
  'col.status': '状态',
  'col.deadline': '办理期限',
  'col.identity': '举报人',
  'cluster.size': '同类 {n} 条',
  'cluster.single': '—',
  overdue: '已超期',
  anonymous: '匿名',
  'state.received': '已受理',
  'state.routed': '已转办',
  'state.handling': '办理中',
  'state.closed': '已办结',
  'detail.title': '举报详情',
  'detail.link': '链接',
  'detail.county': '所涉地区',
  'detail.evidence': '证据文件',
  'detail.noEvidence': '未附文件',
  'detail.cluster': '同组的其他举报',
  'detail.noCluster': '没有同组的其他举报',
  'detail.identity': '举报人身份',
  'detail.unsealings': '启封记录',
  'detail.unsealing': '{at} {name}：{reason}',
  'detail.feedback': '办理结果',
  'detail.closedBy': '{name} 于 {at} 办结',
  'detail.basis': '依据',
  'unseal.button': '启封身份',
  'unseal.title': '启封举报人身份',
  'unseal.warning':
    '启封将记入账本（启封人、时间和理由），理由中请勿写入举报人的姓名或联系方式。仅在确有必要（如需向举报人核实）时启封。',
  'unseal.reason': '启封理由',
  'unseal.reasonRequired': '请填写启封理由',
  'unseal.submit': '确认启封',
  'unseal.name': '姓名',
  'unseal.contact': '联系方式',
  'unseal.notGiven': '未填写',
  'close.title': '办结并答复举报人',
  'close.feedback': '答复内容（核查情况与处理结果）',
  'close.feedbackRequired': '请填写答复内容',
  'close.articles': '依据（条款编号）',
  'close.articlesRequired': '至少填写一项依据',
  'close.submit': '办结',
  'close.hint': '答复将通过查询码向举报人公开，请勿写入举报人或其他人的个人信息。',
  'draft.hint':
    '经核实为虚假信息的，可据此起草辟谣；辟谣发布后，本举报自动办结，举报人可通过查询码看到辟谣链接。',
  'draft.button': '起草辟谣',
  'draft.linked': '本辟谣答复 {at} 受理的公众举报：以其受理时间为首次举报时间，发布后自动办结并答复举报人。',
} as const

export type SKey = keyof typeof zh

const en: Record<SKey, string> = {
  title: 'Public reports',
  intro:
    "Reports from the public to this authority (art. 18): oldest first, overdue ones in red; reports of the same claim are grouped. Reporters' names and contacts are kept encrypted and shown as “sealed”; only regulator admins may open them, giving a reason, and every opening goes on the ledger.",
  'filter.status': 'Status',
  'filter.category': 'Category',
  'filter.county': 'County',
  'filter.all': 'All',
  empty: 'No reports',
  'col.receivedAt': 'Received',
  'col.category': 'Category',
  'col.description': 'Report',
  'col.platform': 'Platform / site',
  'col.cluster': 'Same claim',
  'col.status': 'Status',
  'col.deadline': 'Deadline',
  'col.identity': 'Reporter',
  'cluster.size': '{n} reports',
  'cluster.single': '—',
  overdue: 'Overdue',
  anonymous: 'Anonymous',
  'state.received': 'Received',
  'state.routed': 'Routed',
  'state.handling': 'Being handled',
  'state.closed': 'Closed',
  'detail.title': 'Public report',
  'detail.link': 'Link',
  'detail.county': 'County',
  'detail.evidence': 'Evidence',
  'detail.noEvidence': 'No files attached',
  'detail.cluster': 'Other reports of the same claim',
  'detail.noCluster': 'No other report of the same claim',
  'detail.identity': 'Reporter',
  'detail.unsealings': 'Openings of the seal',
  'detail.unsealing': '{at} {name}: {reason}',
  'detail.feedback': 'Outcome',
  'detail.closedBy': 'Closed by {name}, {at}',
  'detail.basis': 'Basis',
  'unseal.button': 'Unseal identity',
  'unseal.title': "Open the reporter's identity",
  'unseal.warning':
    "The opening goes on the ledger (who, when, why); do not put the reporter's name or contact in the reason. Open only when needed, e.g. to check back with the reporter.",
  'unseal.reason': 'Reason',
  'unseal.reasonRequired': 'Give a reason',
  'unseal.submit': 'Unseal',
  'unseal.name': 'Name',
  'unseal.contact': 'Contact',
  'unseal.notGiven': 'not given',
  'close.title': 'Close and answer the reporter',
  'close.feedback': 'Answer (what was found and done)',
  'close.feedbackRequired': 'Write the answer',
  'close.articles': 'Basis (requirement ids)',
  'close.articlesRequired': 'Give at least one requirement id',
  'close.submit': 'Close',
  'close.hint':
    "The answer is shown to the reporter through the tracking code: keep the reporter's and others' personal information out of it.",
  'draft.hint':
    'If the report proves false, draft a clarification from it: once the clarification is published, this report closes and the reporter reads the link through the tracking code.',
  'draft.button': 'Draft a clarification',
  'draft.linked':
    'This clarification answers the public report received {at}: its arrival counts as when the claim was first reported; publishing closes it and answers the reporter.',
}

const messages: Record<Lang, Record<SKey, string>> = { zh, en }

export type STranslate = (key: SKey, vars?: Record<string, string | number>) => string

export function useST(): STranslate {
  const lang = useLang()
  return useCallback(
    (key, vars) => {
      const text = messages[lang][key]
      return vars ? text.replace(/\{(\w+)\}/g, (w, n: string) => (n in vars ? String(vars[n]) : w)) : text
    },
    [lang],
  )
}
