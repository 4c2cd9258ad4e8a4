// Staff accountability in the demo (履职监督, A27), once: the CAC's system administrator opens the sealed identity of
// the reporter of the Dongchang tap-water rumour to ask for the water-cut notice she mentioned, and the supervisor,
// seeing the seal opening among the month's findings (with the defamation report from Ji'an still open past its
// deadline), makes an accountability record of it: a reminder interview, still open.
import { transaction } from '../core/db/index.ts'
import {
  listAccountabilityRecords,
  recordAccountability,
  supervisionView,
} from '../regulator/accountability/index.ts'
import { chinaDate } from '../regulator/cases/index.ts'
import {
  listPublicReports,
  publicReportIdentityKey,
  unsealReporterIdentity,
} from '../regulator/public-reports/index.ts'
import type { RunningNode } from '../server/start.ts'
import { staffActor } from './regulator-work.ts'

export async function seedAccountability(nodes: RunningNode[]): Promise<void> {
  const regulator = nodes.find((n) => n.config.node.role === 'regulator')
  if (!regulator) return
  const db = regulator.database.db
  if ((await listAccountabilityRecords(db, {})).length > 0) return
  const admin = await staffActor(regulator, 'cac.admin')
  const supervisor = await staffActor(regulator, 'cac.supervisor')
  const water = (await listPublicReports(db, { limit: 100 })).find(
    (r) => r.identity !== null && r.description.startsWith('东昌区自来水有毒'),
  )
  if (!water) return
  const now = new Date()
  await transaction(db, (tx) =>
    unsealReporterIdentity(
      tx,
      admin,
      water.id,
      { reason: '举报人称持有东昌区供水公司停水通知截图，需联系其补充证据，供市卫健委核实' },
      publicReportIdentityKey(regulator.app.secrets.masterKey),
      new Date(now.getTime() - 2 * 3_600_000),
    ),
  )
  const to = chinaDate(now)
  const from = chinaDate(new Date(now.getTime() - 29 * 86_400_000))
  const view = await supervisionView(db, supervisor, { from, to, staffId: admin.staffId }, now)
  const opened = view.findings.filter((f) => f.kind === 'seal_opened')
  if (opened.length === 0) return
  await transaction(db, (tx) =>
    recordAccountability(
      tx,
      supervisor,
      {
        staffId: admin.staffId,
        from,
        to,
        findingIds: opened.map((f) => f.id),
        measure: 'interview_reminder',
        note:
          '开启举报人身份密封前未报分管领导书面审批，所需停水通知本可先由市卫健委向供水公司调取。' +
          '拟约谈提醒，重申举报人信息“确有必要、先批后开、专人专用”的要求。',
      },
      now,
    ),
  )
}
