// The decision document (行政处罚决定书, 行政处罚法第五十九条) as printable HTML: party, facts and evidence, the articles
// violated and applied, the measures, the manner and deadline of performance, the routes and deadlines of review and
// litigation, the organ and the date, with the organ's number. Pure: the case and the organ's name come in.
import { chinaDate } from '../cases/index.ts'
import { allowedMeasures, type MeasureKind, measureLabel } from './bounds.ts'
import type { PenaltyCaseView } from './penalties.ts'
import { CLOCKS, REMEDIES } from './procedure.ts'

const ARTICLE_ZH: Record<string, string> = {
  'A12.1': '第十二条第一款',
  'A13.1': '第十三条第一款',
  'A13.2': '第十三条第二款',
  'A13.3': '第十三条第三款',
  A14: '第十四条',
  A15: '第十五条',
  A16: '第十六条',
  'A19.2': '第十九条第二款',
  A22: '第二十二条',
  A23: '第二十三条',
  A24: '第二十四条',
  A25: '第二十五条',
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function dateZh(d: string): string {
  const [y, m, day] = d.split('-')
  return `${y}年${Number(m)}月${Number(day)}日`
}

function yuan(n: number): string {
  return `${n.toLocaleString('zh-CN')} 元`
}

export function decisionHtml(c: PenaltyCaseView, organNameZh: string): string {
  const decidedOn = c.decidedAt ? chinaDate(new Date(c.decidedAt)) : ''
  const law = allowedMeasures(c.violated, c.aggravated, decidedOn || '2100-01-01')
  const measures = (c.measures ?? [])
    .map((x) => {
      const label = measureLabel(x.kind as MeasureKind, c.article)?.zh ?? x.kind
      const who = x.personName ? `（${esc(x.personName)}）` : ''
      const amount = x.amountYuan !== undefined ? `：${yuan(x.amountYuan)}` : ''
      const deadline = x.deadline ? `，限于${dateZh(x.deadline)}前改正完毕` : ''
      return `<li>${esc(label)}${who}${amount}${deadline}</li>`
    })
    .join('')
  const violated = c.violated.map((v) => ARTICLE_ZH[v] ?? v).join('、')
  const evidence = [
    c.orderId ? `本机关向当事人发出的处置指令（编号 ${esc(c.orderId)}）及其送达、逾期记录` : null,
    c.findings ? `调查终结报告：${esc(c.findings)}` : null,
    c.hearingRecord ? `听证笔录：${esc(c.hearingRecord)}` : null,
    ...c.statements.map((s) => `当事人陈述申辩（${dateZh(chinaDate(new Date(s.at)))}）：${esc(s.text)}`),
  ].filter((x): x is string => x !== null)
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>行政处罚决定书 ${esc(c.decisionNumber ?? '')}</title>
<style>
  @page { size: A4; margin: 25mm 22mm; }
  body { font-family: "FangSong", "STFangsong", "SimSun", "Songti SC", serif; font-size: 16pt; line-height: 1.8;
         max-width: 170mm; margin: 0 auto; color: #000; }
  h1 { font-family: "SimHei", "Heiti SC", sans-serif; text-align: center; font-size: 22pt; margin: 0.5em 0 0.2em; }
  .organ { text-align: center; font-size: 18pt; }
  .number { text-align: right; }
  h2 { font-size: 16pt; font-family: "SimHei", "Heiti SC", sans-serif; margin: 1em 0 0.2em; }
  p, li { text-indent: 0; margin: 0.2em 0; }
  .sign { text-align: right; margin-top: 3em; }
  .law { font-size: 12pt; color: #333; border-top: 1px solid #999; margin-top: 2em; padding-top: 0.5em; }
  ${c.revokedAt ? '.revoked { color: #b00; font-weight: bold; text-align: center; }' : ''}
</style>
</head>
<body>
<div class="organ">${esc(organNameZh)}</div>
<h1>行政处罚决定书</h1>
<p class="number">${esc(c.decisionNumber ?? '（尚未作出决定）')}</p>
${c.revokedAt ? `<p class="revoked">本决定已于${dateZh(chinaDate(new Date(c.revokedAt)))}撤销：${esc(c.revokeReason ?? '')}</p>` : ''}
<h2>当事人</h2>
<p>${esc(c.partyName)}（网络信息内容服务平台${c.partyNodeId ? `，节点标识 ${esc(c.partyNodeId)}` : ''}）</p>
<h2>违法事实和证据</h2>
<p>${esc(c.notice?.facts ?? c.facts)}</p>
<p>以上事实有下列证据证明：</p>
<ol>${evidence.map((e) => `<li>${e}</li>`).join('')}</ol>
${c.aggravated && c.aggravationReason ? `<p>当事人存在拒不改正或者情节严重的情形：${esc(c.aggravationReason)}</p>` : ''}
<h2>处罚依据</h2>
<p>当事人的上述行为违反了《通化市网络虚假信息治理办法》${violated}的规定。依据该规定${
    ARTICLE_ZH[c.article] ?? c.article
  }：</p>
<p>${esc(law?.textZh ?? '')}</p>
${c.notice ? `<p>本机关已于${dateZh(chinaDate(new Date(c.notifiedAt ?? c.openedAt)))}告知当事人拟作出行政处罚的事实、理由、依据及其依法享有的陈述、申辩${c.notice.hearingRight ? '和要求听证' : ''}的权利。${c.hearingHeldAt ? `本机关于${dateZh(c.hearingOn ?? chinaDate(new Date(c.hearingHeldAt)))}在${esc(c.hearingPlace ?? '')}依当事人申请举行了听证。` : ''}${c.statements.length > 0 ? '当事人提出了陈述、申辩，本机关已予复核。' : ''}</p>` : ''}
<h2>处罚内容</h2>
<ol>${measures}</ol>
<h2>履行方式和期限</h2>
<p>${esc(c.performance ?? '')}</p>
${(c.measures ?? []).some((x) => x.kind === 'fine' || x.kind === 'person_fine') ? `<p>罚款应当自收到本决定书之日起${CLOCKS.payment.days}日内缴纳（《中华人民共和国行政处罚法》第六十七条）；到期不缴纳的，每日按罚款数额的百分之三加处罚款（第七十二条）。</p>` : ''}
<h2>救济途径和期限</h2>
<p>当事人如不服本决定，可以自收到本决定书之日起${REMEDIES.reviewDays}日内依法申请行政复议，或者在${REMEDIES.litigationMonths}个月内依法向人民法院提起行政诉讼。行政复议或者行政诉讼期间，本决定不停止执行（法律另有规定的除外）。</p>
<div class="sign">
<p>${esc(organNameZh)}</p>
<p>${decidedOn ? dateZh(decidedOn) : ''}</p>
</div>
<div class="law">
<p>罚则版本：${esc(c.boundsVersion ?? '')}；法制审核：${esc(c.legalReviewerName ?? '')}${c.legalReviewedAt ? `（${dateZh(chinaDate(new Date(c.legalReviewedAt)))}）` : ''}；立案编号：${esc(c.number)}</p>
<p>${esc(REMEDIES.reviewCitation)}；${esc(REMEDIES.litigationCitation)}</p>
</div>
</body>
</html>
`
}
