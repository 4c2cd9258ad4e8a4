// Penalty cases in the demo (行政处罚, A22–A25), once. Platform B (鸭绿江短视频) ignored an order to stop a rumour
// about the Tonghua County water plant; the order went overdue, the A25 case opened by itself, and it went through
// investigation, notice, a hearing the platform asked for, legal review by the CAC's admin, a decision within the
// bounds of 第二十五条, service, payment and publication — over the past seven weeks, on the working-day calendar; it is in platform B's credit file and on the public list. Platform A
// (通化同城圈) has a fresh A22 case for reports left unanswered past their deadline, notified and waiting for its
// statement.
import { transaction } from '../core/db/index.ts'
import { systemActor } from '../ledger/index.ts'
import { addWorkingDays, chinaDate, workingCalendar } from '../regulator/cases/index.ts'
import { flagOverdueOrders, issueOrder } from '../regulator/orders/index.ts'
import {
  decidePenaltyCase,
  executePenaltyCase,
  holdHearing,
  investigatePenaltyCase,
  legalReview,
  listPenaltyCases,
  notifyPenaltyCase,
  openCasesForOverdueOrders,
  openPenaltyCase,
  publishPenaltyCase,
  requestHearing,
  scheduleHearing,
  servePenaltyCase,
} from '../regulator/penalties/index.ts'
import type { RunningNode } from '../server/start.ts'
import { staffActor } from './regulator-work.ts'

/** 10:00 in China on a China date. */
const on = (date: string, hour = 10) => new Date(`${date}T${String(hour).padStart(2, '0')}:00:00+08:00`)

export async function seedPenalties(nodes: RunningNode[]): Promise<void> {
  const regulator = nodes.find((n) => n.config.node.role === 'regulator')
  if (!regulator || !nodes.some((n) => n.config.node.id === 'platform-b')) return
  const db = regulator.database.db
  const officer = await staffActor(regulator, 'cac.officer')
  if ((await transaction(db, (tx) => listPenaltyCases(tx, officer, { limit: 1 }))).length > 0) return
  const reviewer = await staffActor(regulator, 'cac.admin')
  const system = systemActor('penalties', '行政处罚 / penalties')
  const cal = await transaction(db, (tx) => workingCalendar(tx))
  const wd = (from: string, n: number) => addWorkingDays(from, n, cal)

  // Seven weeks ago (the walk takes some 26 working days, and ends in the past even across a long holiday): the order,
  // due that evening, never executed.
  const start = chinaDate(new Date(Date.now() - 50 * 86_400_000))
  const order = await transaction(db, (tx) =>
    issueOrder(
      tx,
      officer,
      regulator.protocol,
      {
        toNode: 'platform-b',
        kind: 'stop',
        claim: '通化县自来水厂水源被污染，全县停水一周',
        basis: '《通化市网络虚假信息治理办法》第十九条第二款',
        reason:
          '经市卫生健康委员会和通化县水务局核实，通化县自来水厂水源水质正常，未发生污染，亦无停水计划。该信息系谣言，要求平台对其及变体立即停止传输。',
        deadlineAt: on(start, 18).toISOString(),
      },
      on(start, 9),
    ),
  )
  await regulator.protocol.deliverDue().catch(() => 0)
  const flagged = wd(start, 1)
  await transaction(db, (tx) =>
    flagOverdueOrders(tx, systemActor('orders', '指令期限 / order deadlines'), on(flagged, 9)),
  )
  await transaction(db, (tx) => openCasesForOverdueOrders(tx, system, on(flagged, 9)))
  const c = (await transaction(db, (tx) => listPenaltyCases(tx, officer))).find((x) => x.orderId === order.id)
  if (!c) return

  const investigated = wd(flagged, 3)
  await transaction(db, (tx) =>
    investigatePenaltyCase(
      tx,
      officer,
      c.id,
      {
        findings:
          '经调取平台处置记录、抽查平台内容，平台于指令下达当日确认收悉，但至期限届满未采取停止传输措施；期满后三日内相关谣言视频新增转发1,260余次，波及柳河县、辉南县用户，引发部分群众到超市抢购桶装水。',
        aggravated: true,
        aggravationReason: '经电话催告后仍未执行，谣言持续扩散并造成群众抢购桶装水，属情节严重。',
      },
      on(investigated, 15),
    ),
  )
  const notified = wd(investigated, 2)
  await transaction(db, (tx) =>
    notifyPenaltyCase(
      tx,
      officer,
      c.id,
      {
        facts:
          '当事人鸭绿江短视频平台收到本机关停止传输“通化县自来水厂水源被污染，全县停水一周”谣言的指令并确认收悉后，逾期未采取停止传输措施，致使谣言继续扩散。',
        reasons:
          '当事人未按照有关部门的要求对法律、行政法规禁止传输的信息采取停止传输措施，经催告仍拒不改正，情节严重。',
        basis: '《通化市网络虚假信息治理办法》第十九条第二款、第二十五条',
        aggravated: true,
        measures: [
          { kind: 'correction_order', deadline: wd(notified, 5) },
          { kind: 'fine', amountYuan: 120_000 },
          { kind: 'person_fine', amountYuan: 20_000, personName: '赵立新（平台内容安全负责人）' },
        ],
      },
      on(notified, 10),
    ),
  )
  const asked = wd(notified, 2)
  await transaction(db, (tx) => requestHearing(tx, officer, c.id, on(asked, 11)))
  const noticed = wd(asked, 1)
  const hearingOn = wd(noticed, 7)
  await transaction(db, (tx) =>
    scheduleHearing(
      tx,
      officer,
      c.id,
      { hearingOn, place: '通化市互联网信息办公室听证室（东昌区新华大街）' },
      on(noticed, 9),
    ),
  )
  await transaction(db, (tx) =>
    holdHearing(
      tx,
      officer,
      c.id,
      {
        record:
          '当事人称指令送达时正值系统升级，审核队列积压，未能及时处理，并提交了期满后第四日已完成全部处置的记录；承认未在期限内执行的事实，请求从轻处罚。案件调查人员认为，系统升级不构成逾期执行的正当理由。',
      },
      on(hearingOn, 14),
    ),
  )
  const reviewed = wd(hearingOn, 1)
  await transaction(db, (tx) =>
    legalReview(
      tx,
      reviewer,
      c.id,
      {
        opinion:
          '事实清楚，证据确凿，程序合法，适用《通化市网络虚假信息治理办法》第二十五条正确。考虑当事人在听证前已完成全部处置，建议罚款在告知金额基础上适当降低。',
        approved: true,
      },
      on(reviewed, 16),
    ),
  )
  const decided = wd(reviewed, 1)
  await transaction(db, (tx) =>
    decidePenaltyCase(
      tx,
      officer,
      c.id,
      {
        aggravated: true,
        measures: [
          { kind: 'correction_order', deadline: wd(decided, 5) },
          { kind: 'fine', amountYuan: 80_000 },
          { kind: 'person_fine', amountYuan: 10_000, personName: '赵立新（平台内容安全负责人）' },
        ],
        performance:
          '当事人应于本决定书送达之日起十五日内，将罚款缴至吉林银行通化分行代收罚没款专户（可通过吉林省非税收入电子缴款系统缴纳），并于改正期限届满前书面报告整改情况。',
      },
      on(decided, 10),
    ),
  )
  const served = wd(decided, 1)
  await transaction(db, (tx) =>
    servePenaltyCase(tx, officer, c.id, { method: '直接送达（当事人代理人签收）' }, on(served, 15)),
  )
  const paid = wd(served, 6)
  await transaction(db, (tx) =>
    executePenaltyCase(
      tx,
      officer,
      c.id,
      { note: '罚款90,000元（平台80,000元、赵立新10,000元）已缴纳，缴款凭证已归档；整改报告已提交。' },
      on(paid, 11),
    ),
  )
  await transaction(db, (tx) => publishPenaltyCase(tx, officer, c.id, on(wd(paid, 1), 9)))

  // Platform A: reports about a Meihekou flood rumour left unanswered past their deadlines (A15 → A22).
  if (!nodes.some((n) => n.config.node.id === 'platform-a')) return
  const opened = chinaDate(new Date(Date.now() - 3 * 86_400_000))
  const a = await transaction(db, (tx) =>
    openPenaltyCase(
      tx,
      officer,
      {
        partyNodeId: 'platform-a',
        violated: ['A15'],
        title: '通化同城圈举报处理超期',
        facts:
          '专项督查发现，通化同城圈平台对用户关于“梅河口市水库决堤”谣言的举报，有37件超过平台公布的处理时限未予处理和反馈。',
      },
      on(opened, 9),
    ),
  )
  await transaction(db, (tx) =>
    investigatePenaltyCase(
      tx,
      officer,
      a.id,
      {
        findings: '调取平台举报处理台账，37件举报超期未处理，最长超期6天；平台已于督查后补办。',
        aggravated: false,
      },
      on(opened, 15),
    ),
  )
}
