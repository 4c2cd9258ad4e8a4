// The words of the 履职监督 page (A27). Chinese first; kept beside the screen.
import { useCallback } from 'react'
import { type Lang, useLang } from '../../app/i18n.ts'

const zh = {
  title: '履职监督',
  intro:
    '第二十七条：工作人员玩忽职守、滥用职权、徇私舞弊的，依法给予处分。本页按人员和部门汇总所选期间的问题线索：逾期环节、超期或未反馈办结的公众举报、被系统拒绝的超幅度处罚决定、密封开启和异常行为模式。线索均由治理记录账本重新计算，每名工作人员的每项履职行为都以其本人密钥签名记入账本。',
  'period.from': '自',
  'period.to': '至',
  'tab.officers': '按人员',
  'tab.departments': '按部门',
  'tab.findings': '问题线索',
  'tab.records': '问责记录',
  'tab.rules': '异常模式规则',
  'col.officer': '工作人员',
  'col.department': '部门',
  'col.total': '合计',
  'col.kind': '类别',
  'col.at': '时间',
  'col.why': '说明',
  'col.number': '编号',
  'col.measure': '拟采取措施',
  'col.status': '状态',
  'col.findings': '线索',
  'col.createdBy': '记录人',
  'kind.overdue_step': '环节逾期',
  'kind.public_report_late': '举报超期办结',
  'kind.public_report_no_feedback': '办结未反馈',
  'kind.public_report_open_overdue': '举报逾期未办结',
  'kind.bounds_refused': '超幅度处罚被拒',
  'kind.seal_opened': '开启密封',
  'kind.pattern': '异常模式',
  'rule.seal_openings_week': '一周内开启密封超过 {max} 次',
  'rule.off_hours': '非工作日或 {startHour}:00–{endHour}:00 以外履职达 {min} 次',
  'rule.rapid_closures': '{windowMinutes} 分钟内办结达 {min} 件',
  'rule.own_draft_decided': '本人起草后又由本人决定或批准',
  'filter.officer': '只看该人员',
  'filter.all': '全部人员',
  'status.open': '办理中',
  'status.concluded': '已办结',
  'measure.interview_reminder': '约谈提醒',
  'measure.criticism': '通报批评',
  'measure.disciplinary_proposal': '处分建议',
  empty: '所选期间没有问题线索',
  emptyRecords: '暂无问责记录',
  record: '形成问责记录',
  recordHint: '先选择一名工作人员，再勾选其问题线索',
  'form.title': '形成问责记录：{name}',
  'form.measure': '拟采取措施',
  'form.note': '情况说明',
  'form.notePlaceholder': '简述问题和拟采取措施的理由',
  'form.findings': '所选线索（{n} 条）',
  recorded: '已形成问责记录 {number}',
  conclude: '办结',
  'conclude.title': '办结问责记录 {number}',
  'conclude.outcome': '处理结果',
  concluded: '已办结',
  outcome: '处理结果：{outcome}',
  submit: '提交',
  cancel: '取消',
  noOfficer: '未确定',
  // 10 万 / 100,000: REVIEW_CAP of src/regulator/accountability/accountability.ts.
  truncated:
    '所选期间需审查的账本记录超过 10 万条，本页仅依据其中最早的 10 万条计算，此后的问题线索可能未列出。请缩短期间后查看。',
}
export type AKey = keyof typeof zh

const en: Record<AKey, string> = {
  title: 'Staff accountability',
  intro:
    'Article 27: staff who neglect their duties, abuse their power or practise favouritism are disciplined. This page sums up, per officer and per department, the findings of the chosen period: overdue steps, public reports closed late or without feedback, penalty decisions refused as outside the legal bounds, seal openings and unusual patterns. Findings are recomputed from the ledger, where every act of every staff member is signed with their own key.',
  'period.from': 'From',
  'period.to': 'To',
  'tab.officers': 'By officer',
  'tab.departments': 'By department',
  'tab.findings': 'Findings',
  'tab.records': 'Accountability records',
  'tab.rules': 'Pattern rules',
  'col.officer': 'Officer',
  'col.department': 'Department',
  'col.total': 'Total',
  'col.kind': 'Kind',
  'col.at': 'When',
  'col.why': 'Why',
  'col.number': 'Number',
  'col.measure': 'Measure considered',
  'col.status': 'Status',
  'col.findings': 'Findings',
  'col.createdBy': 'Recorded by',
  'kind.overdue_step': 'Overdue step',
  'kind.public_report_late': 'Report closed late',
  'kind.public_report_no_feedback': 'Closed without feedback',
  'kind.public_report_open_overdue': 'Report open past deadline',
  'kind.bounds_refused': 'Out-of-bounds decision refused',
  'kind.seal_opened': 'Seal opened',
  'kind.pattern': 'Unusual pattern',
  'rule.seal_openings_week': 'More than {max} seals opened within a week',
  'rule.off_hours': '{min} or more acts on non-working days or outside {startHour}:00–{endHour}:00',
  'rule.rapid_closures': '{min} or more closures within {windowMinutes} minutes',
  'rule.own_draft_decided': 'Deciding or approving one’s own draft',
  'filter.officer': 'Only this officer',
  'filter.all': 'All officers',
  'status.open': 'Open',
  'status.concluded': 'Concluded',
  'measure.interview_reminder': 'Reminder interview',
  'measure.criticism': 'Criticism by bulletin',
  'measure.disciplinary_proposal': 'Proposal of a disciplinary sanction',
  empty: 'No findings in this period',
  emptyRecords: 'No accountability records',
  record: 'Make an accountability record',
  recordHint: 'Choose one officer first, then tick their findings',
  'form.title': 'Accountability record: {name}',
  'form.measure': 'Measure considered',
  'form.note': 'Note',
  'form.notePlaceholder': 'What happened and why this measure',
  'form.findings': 'Findings chosen ({n})',
  recorded: 'Accountability record {number} made',
  conclude: 'Conclude',
  'conclude.title': 'Conclude accountability record {number}',
  'conclude.outcome': 'Outcome',
  concluded: 'Concluded',
  outcome: 'Outcome: {outcome}',
  submit: 'Submit',
  cancel: 'Cancel',
  noOfficer: 'Not determined',
  truncated:
    'The chosen period holds more than 100,000 ledger entries to review; this page rests on the earliest 100,000 only, and later findings may be missing. Choose a shorter period to see them all.',
}

const messages: Record<Lang, Record<AKey, string>> = { zh, en }

export type ATranslate = (key: AKey, vars?: Record<string, string | number>) => string

export function useAT(): ATranslate {
  const lang = useLang()
  return useCallback(
    (key, vars) => {
      const text = messages[lang][key]
      return vars ? text.replace(/\{(\w+)\}/g, (w, n: string) => (n in vars ? String(vars[n]) : w)) : text
    },
    [lang],
  )
}
