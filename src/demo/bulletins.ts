// Bulletins in the demo (通报, A5.1), once: the CAC notifies the health commission, the Dongchang office and both
// platforms of the tap-water rumour (the health commission has read it, platform A has acknowledged it), and asks the
// seven county offices and both platforms to watch for heating rumours this winter (nobody has read it yet).
import { transaction } from '../core/db/index.ts'
import { COUNTIES, getOrganisationByKey } from '../core/organisations/index.ts'
import { acknowledgeBulletin, listReceivedBulletins } from '../platform/bulletins/index.ts'
import { issueBulletin, listBulletins, markBulletinRead } from '../regulator/bulletins/index.ts'
import { listCases } from '../regulator/cases/index.ts'
import type { RunningNode } from '../server/start.ts'
import { staffActor } from './regulator-work.ts'

export async function seedBulletins(nodes: RunningNode[]): Promise<void> {
  const regulator = nodes.find((n) => n.config.node.role === 'regulator')
  const platforms = nodes.filter((n) => n.config.node.role === 'platform')
  if (!regulator || platforms.length === 0) return
  const officer = await staffActor(regulator, 'cac.officer')
  if ((await listBulletins(regulator.database.db, officer, { limit: 1 })).length > 0) return
  const platformIds = platforms.map((p) => p.config.node.id)

  const water = await transaction(regulator.database.db, async (tx) => {
    const health = await getOrganisationByKey(tx, 'health')
    const dongchang = await getOrganisationByKey(tx, 'county-220502')
    const cases = await listCases(tx, officer, { status: 'open', limit: 50 })
    const waterCase = cases.find((c) => c.countyCode === '220502')
    return issueBulletin(tx, officer, regulator.protocol, {
      title: '关于东昌区“自来水有毒”网络谣言的通报',
      body:
        '近日，网络上出现“东昌区自来水有毒、喝了会中毒”等信息，引发部分群众恐慌。经市卫生健康委员会对出厂水和管网末梢水抽检，' +
        '各项指标均符合国家生活饮用水卫生标准，相关信息系谣言。\n' +
        '请东昌区网信办会同市卫健委做好辟谣解读；请各平台对相关信息及其变体（繁体、插入表情、谐音等）开展排查，' +
        '依法处置并在处置后向市网信办报告。',
      articles: ['A5.1', 'A7', 'A16'],
      ...(waterCase ? { caseId: waterCase.id } : {}),
      organisationIds: [health.id, dongchang.id],
      platformNodeIds: platformIds,
    })
  })
  await transaction(regulator.database.db, async (tx) => {
    const counties = []
    for (const c of COUNTIES) counties.push(await getOrganisationByKey(tx, `county-${c.code}`))
    await issueBulletin(tx, officer, regulator.protocol, {
      title: '关于做好冬季供暖期涉暖网络谣言巡查处置工作的通报',
      body:
        '进入供暖期以来，往年曾出现“供暖公司停产”“暖气费上涨一倍”等不实信息。请各县（市、区）网信办加强辖区巡查，' +
        '发现涉暖谣言及时会同住建、供热主管部门核实并通报市网信办；请各平台对相关信息从严审核，发现后及时处置。',
      articles: ['A5.1', 'A12.1'],
      organisationIds: counties.map((c) => c.id),
      platformNodeIds: platformIds,
    })
  })
  const health = await staffActor(regulator, 'health.officer')
  await transaction(regulator.database.db, (tx) => markBulletinRead(tx, health, water.id))

  // Platform A acknowledges the first once it has arrived (delivery runs on the outbox timers).
  await regulator.protocol.deliverDue()
  const platformA = platforms.find((p) => p.config.node.id === 'platform-a')
  if (!platformA) return
  const received = await listReceivedBulletins(platformA.database.db)
  const first = received.find((b) => b.id === water.id)
  if (first) {
    const admin = await staffActor(platformA, 'admin')
    await transaction(platformA.database.db, (tx) =>
      acknowledgeBulletin(tx, admin, platformA.protocol, first.id),
    )
  }
}
