// The words of the public report pages (/p/report), Chinese first. Kept beside the pages rather than in the console's
// dictionary (web/app/i18n.ts), so these pages stand on their own; the language choice is the console's.
import { useCallback } from 'react'
import { type Lang, useLang } from '../app/i18n.ts'

const zh = {
  'site.title': '网络虚假信息举报',
  'site.subtitle': '{name}受理',
  'nav.report': '我要举报',
  'nav.status': '查询进度',
  'footer.confidential': '举报人信息依法保密（《通化市网络虚假信息治理办法》第十八条）',
  'footer.staff': '工作人员登录',
  'none.title': '本站不受理公众举报',
  'none.detail': '{name}是平台节点：请在平台内容旁的“举报”入口举报。',
  'node.unavailable': '暂时无法连接，请稍后再试',
  'common.retry': '重试',

  'form.title': '举报网络虚假信息',
  'form.intro':
    '无需登录。请尽量写清在哪里看到、说的是什么；我们将在 {days} 日内办理，并通过查询码告知结果。',
  'form.steps': '举报须知',
  'form.category': '举报类别',
  'form.category.required': '请选择举报类别',
  'form.platform': '在哪个平台或网站看到',
  'form.platform.placeholder': '例如：某短视频平台、某论坛、微信群',
  'form.platform.required': '请填写平台或网站',
  'form.link': '链接',
  'form.link.invalid': '请填写以 http:// 或 https:// 开头的链接',
  'form.description': '具体情况',
  'form.description.placeholder': '说的是什么、何时看到、为什么认为是虚假信息',
  'form.description.required': '请写明具体情况',
  'form.county': '所涉县（市、区）',
  'form.county.placeholder': '不确定可不选',
  'form.identity': '您的姓名和联系方式（可选）',
  'form.identity.hint':
    '可匿名举报。如填写，将加密保存，仅经授权并登记理由的工作人员可查看，绝不对外提供，便于必要时与您核实。',
  'form.name': '姓名',
  'form.contact': '手机号码或电子邮箱',
  'form.contact.invalid': '请填写手机号码、固定电话或电子邮箱',
  'form.files': '证据文件',
  'form.files.hint': '最多 {n} 个，每个不超过 1 MB，仅限 PNG、JPEG 图片或 PDF 文件',
  'form.files.choose': '选择文件',
  'form.files.remove': '移除',
  'form.files.tooMany': '最多只能附 {n} 个文件',
  'form.files.tooLarge': '“{name}”超过 1 MB',
  'form.files.wrongType': '“{name}”不是 PNG、JPEG 图片或 PDF 文件',
  'form.submit': '提交举报',
  'form.failed': '提交失败',

  'done.title': '举报已受理',
  'done.code': '您的查询码',
  'done.keep': '请立即保存查询码：它是查询办理进度和结果的唯一凭证，丢失后无法找回。',
  'done.copy': '复制查询码',
  'done.copied': '已复制',
  'done.copyFailed': '复制失败，请手动抄写',
  'done.deadline': '办理期限',
  'done.lookup': '查询办理进度',
  'done.again': '再举报一条',

  'status.title': '查询举报办理进度',
  'status.intro': '输入提交举报时获得的查询码。',
  'status.code': '查询码',
  'status.code.placeholder': 'TH00-0000-0000-0000-0000',
  'status.submit': '查询',
  'status.category': '举报类别',
  'status.state': '办理状态',
  'status.receivedAt': '受理时间',
  'status.deadlineAt': '办理期限',
  'status.closedAt': '办结时间',
  'status.feedback': '核查处理结果',
  'status.basis': '依据',
  'status.pending': '正在办理，办结后将在此显示核查处理结果。',
  'state.received': '已受理',
  'state.routed': '已转办',
  'state.handling': '办理中',
  'state.closed': '已办结',
} as const

export type PKey = keyof typeof zh

const en: Record<PKey, string> = {
  'site.title': 'Report false information',
  'site.subtitle': 'Handled by {name}',
  'nav.report': 'Report',
  'nav.status': 'Follow a report',
  'footer.confidential':
    "Reporters' information is kept confidential (Tonghua measures on online false information, art. 18)",
  'footer.staff': 'Staff sign-in',
  'none.title': 'This site takes no public reports',
  'none.detail': '{name} is a platform node: report with the “Report” entry beside its content.',
  'node.unavailable': 'Cannot connect right now; try again later',
  'common.retry': 'Retry',

  'form.title': 'Report online false information',
  'form.intro':
    'No sign-in needed. Say where you saw it and what it says; we handle reports within {days} days and tell you the outcome through a tracking code.',
  'form.steps': 'How reports are handled',
  'form.category': 'Category',
  'form.category.required': 'Choose a category',
  'form.platform': 'Platform or website where you saw it',
  'form.platform.placeholder': 'e.g. a short-video app, a forum, a WeChat group',
  'form.platform.required': 'Say where you saw it',
  'form.link': 'Link',
  'form.link.invalid': 'A link starts with http:// or https://',
  'form.description': 'What it says',
  'form.description.placeholder': 'What it claims, when you saw it, why you think it is false',
  'form.description.required': 'Describe what you saw',
  'form.county': 'County or district concerned',
  'form.county.placeholder': 'Leave empty if unsure',
  'form.identity': 'Your name and contact (optional)',
  'form.identity.hint':
    'You may report anonymously. If you leave them, they are kept encrypted, seen only by authorised staff who record why, never passed on, and used only to check back with you.',
  'form.name': 'Name',
  'form.contact': 'Mobile number or email',
  'form.contact.invalid': 'Give a mobile or landline number, or an email address',
  'form.files': 'Evidence',
  'form.files.hint': 'Up to {n} files, 1 MB each at most: PNG or JPEG images, or PDF files',
  'form.files.choose': 'Choose files',
  'form.files.remove': 'Remove',
  'form.files.tooMany': 'At most {n} files',
  'form.files.tooLarge': '“{name}” is larger than 1 MB',
  'form.files.wrongType': '“{name}” is not a PNG or JPEG image or a PDF file',
  'form.submit': 'Submit report',
  'form.failed': 'The report was not submitted',

  'done.title': 'Report received',
  'done.code': 'Your tracking code',
  'done.keep':
    'Save the tracking code now: it is the only way to follow this report and its outcome, and it cannot be recovered.',
  'done.copy': 'Copy code',
  'done.copied': 'Copied',
  'done.copyFailed': 'Could not copy; write it down',
  'done.deadline': 'To be handled by',
  'done.lookup': 'Follow this report',
  'done.again': 'Report something else',

  'status.title': 'Follow a report',
  'status.intro': 'Enter the tracking code you got when you reported.',
  'status.code': 'Tracking code',
  'status.code.placeholder': 'TH00-0000-0000-0000-0000',
  'status.submit': 'Look up',
  'status.category': 'Category',
  'status.state': 'Status',
  'status.receivedAt': 'Received',
  'status.deadlineAt': 'To be handled by',
  'status.closedAt': 'Closed',
  'status.feedback': 'What was found and done',
  'status.basis': 'Basis',
  'status.pending': 'Being handled; the outcome will show here once the report is closed.',
  'state.received': 'Received',
  'state.routed': 'Routed',
  'state.handling': 'Being handled',
  'state.closed': 'Closed',
}

const messages: Record<Lang, Record<PKey, string>> = { zh, en }

export type PTranslate = (key: PKey, vars?: Record<string, string | number>) => string

export function usePT(): PTranslate {
  const lang = useLang()
  return useCallback(
    (key, vars) => {
      const text = messages[lang][key]
      return vars ? text.replace(/\{(\w+)\}/g, (w, n: string) => (n in vars ? String(vars[n]) : w)) : text
    },
    [lang],
  )
}
