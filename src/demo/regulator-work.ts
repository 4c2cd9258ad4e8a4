// The regulator's side of the demo: a clarification co-signed and published to both platforms (each sweeps every
// copy and answers), an order platform B executed and proved, an order waiting on platform A, and a routine
// inspection of each platform, which each answers at once with its figures and records. Seeded once;
// delivery between the nodes then runs on their own outbox timers, as it would in production.
import { staffActorByLogin } from '../core/auth/index.ts'
import { transaction } from '../core/db/index.ts'
import { getOrganisationByKey } from '../core/organisations/index.ts'
import { listUsers } from '../platform/accounts/index.ts'
import { publishContent } from '../platform/content/index.ts'
import { executeOrder } from '../platform/orders/index.ts'
import {
  approveClarification,
  cosignClarification,
  draftClarification,
  listClarifications,
  publishClarification,
} from '../regulator/clarifications/index.ts'
import { requestInspection } from '../regulator/inspections/index.ts'
import { issueOrder } from '../regulator/orders/index.ts'
import type { RunningNode } from '../server/start.ts'
import { DEMO_REGULATOR, DEMO_USERS } from './platform-content.ts'

/** A demo staff member as the actor of a seeded act. */
export async function staffActor(node: RunningNode, login: string) {
  return transaction(node.database.db, (tx) => staffActorByLogin(tx, login))
}

async function demoUserIds(node: RunningNode): Promise<string[]> {
  const users = await transaction(node.database.db, (tx) => listUsers(tx, { limit: 100, offset: 0 }))
  return DEMO_USERS.map((u) => users.find((x) => x.displayName === u.displayName)?.id ?? '')
}

export async function seedRegulatorWork(nodes: RunningNode[]): Promise<void> {
  const regulator = nodes.find((n) => n.config.node.role === 'regulator')
  const platforms = nodes.filter((n) => n.config.node.role === 'platform')
  const platformA = platforms.find((p) => p.config.node.id === 'platform-a')
  const platformB = platforms.find((p) => p.config.node.id === 'platform-b')
  if (!regulator || !platformA || !platformB) return
  const publicUrl = regulator.config.http.publicUrl
  const publisher = { name: regulator.config.node.nameZh, publicUrl }
  if ((await listClarifications(regulator.database.db, publicUrl, { limit: 1 })).length > 0) return
  const r = DEMO_REGULATOR

  // The rumour circulates on both platforms.
  let orderItem = ''
  for (const p of platforms) {
    const users = await demoUserIds(p)
    await transaction(p.database.db, async (tx) => {
      const [a, b] = r.rumour.authors
      await publishContent(tx, p.app.screening, users[a ?? 0] ?? '', { kind: 'post', text: r.rumour.text })
      await publishContent(tx, p.app.screening, users[b ?? 1] ?? '', { kind: 'post', text: r.rumour.variant })
      if (p === platformB) {
        const item = await publishContent(tx, p.app.screening, users[r.executedOrder.author] ?? '', {
          kind: 'post',
          text: r.executedOrder.text,
        })
        orderItem = item.id
      }
    })
  }

  // Drafted by the CAC, co-signed by the health commission, approved by the CAC's admin, published.
  const officer = await staffActor(regulator, 'cac.officer')
  const health = await staffActor(regulator, 'health.officer')
  const admin = await staffActor(regulator, 'cac.admin')
  await transaction(regulator.database.db, async (tx) => {
    const healthOrg = await getOrganisationByKey(tx, 'health')
    const draft = await draftClarification(
      tx,
      officer,
      {
        claim: r.rumour.text,
        title: r.clarification.title,
        body: r.clarification.body,
        verdict: 'false',
        cosignOrgId: healthOrg.id,
        reportedAt: new Date(Date.now() - r.clarification.reportedHoursAgo * 3_600_000).toISOString(),
      },
      publicUrl,
    )
    await cosignClarification(tx, health, draft.id, publicUrl)
    await approveClarification(tx, admin, draft.id, publicUrl)
    await publishClarification(tx, admin, regulator.protocol, draft.id, publisher)
  })

  // An order to platform B to remove an item, executed there by its operator; and one waiting on platform A.
  const order = await transaction(regulator.database.db, (tx) =>
    issueOrder(tx, officer, regulator.protocol, {
      toNode: 'platform-b',
      kind: 'remove',
      itemIds: [orderItem],
      basis: r.executedOrder.basis,
      reason: r.executedOrder.reason,
      deadlineAt: new Date(Date.now() + 24 * 3_600_000).toISOString(),
    }),
  )
  await transaction(regulator.database.db, (tx) =>
    issueOrder(tx, officer, regulator.protocol, {
      toNode: 'platform-a',
      kind: 'stop',
      claim: r.pendingOrder.claim,
      basis: r.pendingOrder.basis,
      reason: r.pendingOrder.reason,
      deadlineAt: new Date(Date.now() + r.pendingOrder.hoursToDeadline * 3_600_000).toISOString(),
    }),
  )
  await regulator.protocol.deliverDue()
  const operatorB = await staffActor(platformB, 'operator')
  await transaction(platformB.database.db, (tx) =>
    executeOrder(tx, operatorB, { ctx: platformB.app.disposal.ctx, protocol: platformB.protocol }, order.id),
  )
  for (const p of platforms) await p.protocol.deliverDue()

  // A routine inspection of each platform over the last 30 days (A19.1); each answers on receipt.
  const now = Date.now()
  for (const p of [platformA, platformB]) {
    await transaction(regulator.database.db, (tx) =>
      requestInspection(tx, officer, regulator.protocol, {
        toNode: p.config.node.id,
        kind: 'routine',
        periodFrom: new Date(now - r.inspection.days * 86_400_000).toISOString(),
        periodTo: new Date(now).toISOString(),
        reason: r.inspection.reason,
      }),
    )
  }
  await regulator.protocol.deliverDue()
  for (const p of platforms) await p.protocol.deliverDue()
}
