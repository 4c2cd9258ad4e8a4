// Cases in the demo (A4, A5.1, A5.2), once: the Dongchang tap-water rumour routed to the district's cyberspace
// office, joined by the health commission, a consultation recorded and a deadline of five working days set by the
// CAC's supervisor; the unlabelled crime drama routed to the culture and tourism bureau.
import { staffActorByLogin } from '../core/auth/index.ts'
import { transaction } from '../core/db/index.ts'
import { getOrganisationByKey } from '../core/organisations/index.ts'
import {
  addCaseDepartment,
  listCases,
  recordConsultation,
  routePublicReport,
  setCaseDeadline,
} from '../regulator/cases/index.ts'
import { listPublicReports } from '../regulator/public-reports/index.ts'
import type { RunningNode } from '../server/start.ts'

export async function seedCases(node: RunningNode): Promise<void> {
  await transaction(node.database.db, async (tx) => {
    const actor = (login: string) => staffActorByLogin(tx, login)
    const officer = await actor('cac.officer')
    if ((await listCases(tx, officer, { limit: 1 })).length > 0) return
    const reports = await listPublicReports(tx, { status: 'received', limit: 50 })
    const water = reports.find((r) => r.category === 'rumor' && r.countyCode === '220502')
    const drama = reports.find((r) => r.category === 'fiction')
    if (!water || !drama) return
    const c = await routePublicReport(tx, officer, water.id)
    const dongchang = await actor('dongchang.officer')
    const health = await getOrganisationByKey(tx, 'health')
    await addCaseDepartment(tx, dongchang, c.id, {
      organisationId: health.id,
      reason: '需市卫健委就自来水水质出具权威意见',
    })
    await recordConsultation(tx, dongchang, c.id, {
      heldOn: new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10),
      participantIds: [c.leadOrganisationId, health.id],
      conclusions:
        '市卫健委确认东昌区出厂水和管网水检测全部合格；东昌区网信办通知各平台处置相关谣言，并配合发布辟谣',
    })
    await setCaseDeadline(tx, await actor('cac.supervisor'), c.id, {
      workingDays: 5,
      reason: '涉及群众饮水安全，市网信办督办',
    })
    await routePublicReport(tx, officer, drama.id)
  })
}
