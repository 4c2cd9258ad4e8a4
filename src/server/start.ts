// Opens a node's database, brings its schema up to date, binds it to its kind, loads its key and its log, and
// builds its app.
import type { FastifyInstance } from 'fastify'
import type { Config, Secrets } from '../core/config.ts'
import { type Database, openDatabase, transaction } from '../core/db/index.ts'
import { initNode, type NodeKeys } from '../core/node/index.ts'
import { bindOfficerSigner, Ledger, systemActor } from '../ledger/index.ts'
import { bulletinIssuedHandler } from '../platform/bulletins/index.ts'
import { conventionPublishedHandler } from '../platform/conventions/index.ts'
import { recoverCredit } from '../platform/credit/index.ts'
import { purgeExpired } from '../platform/disposal/index.ts'
import { FilingSender } from '../platform/filings/index.ts'
import { submitDueMetrics } from '../platform/metrics/index.ts'
import { type MessageHandler, PROTOCOL_HANDLERS, ProtocolNode } from '../protocol/index.ts'
import { bulletinAcknowledgedHandler } from '../regulator/bulletins/index.ts'
import {
  caseTransferAnsweredHandler,
  caseTransferredHandler,
  flagOverdueCases,
  remindCasesDueSoon,
} from '../regulator/cases/index.ts'
import { clarificationActedHandler } from '../regulator/clarifications/index.ts'
import { conventionSignedHandler } from '../regulator/conventions/index.ts'
import { metricsSubmittedHandler } from '../regulator/evaluation/index.ts'
import { inspectionAnsweredHandler } from '../regulator/inspections/index.ts'
import {
  flagOverdueOrders,
  orderAcknowledgedHandler,
  orderExecutedHandler,
} from '../regulator/orders/index.ts'
import { flagOverduePenaltySteps, openCasesForOverdueOrders } from '../regulator/penalties/index.ts'
import { reportFiledHandler } from '../regulator/platform-reports/index.ts'
import { flagOverdueReferralSteps } from '../regulator/referrals/index.ts'
import { buildApp } from './index.ts'

export interface RunningNode {
  config: Config
  database: Database
  keys: NodeKeys
  ledger: Ledger
  protocol: ProtocolNode
  /** Sends a platform's reports to its regulators once its log proves them (null on a regulator). */
  filings: FilingSender | null
  app: FastifyInstance
  stop(): Promise<void>
}

export async function prepareDatabase(
  config: Config,
  secrets: Secrets,
  database?: Database,
): Promise<{ database: Database; keys: NodeKeys }> {
  const db = database ?? (await openDatabase(config.db))
  try {
    await db.migrate()
    bindOfficerSigner(db.db, secrets.masterKey)
    const keys = await transaction(db.db, (tx) => initNode(tx, config.node, secrets.masterKey))
    return { database: db, keys }
  } catch (e) {
    await db.close()
    throw e
  }
}

export function createLedger(
  config: Config,
  database: Database,
  keys: NodeKeys,
  onError?: (e: unknown) => void,
): Ledger {
  return new Ledger(database, {
    origin: config.node.id,
    keys,
    sequenceIntervalMs: config.ledger.sequenceIntervalMs,
    checkpointIntervalMs: config.ledger.checkpointIntervalMs,
    onError,
  })
}

/** Every message type a node understands: the protocol's own, and those the areas that act on them own. */
export const MESSAGE_HANDLERS: readonly MessageHandler[] = [
  ...PROTOCOL_HANDLERS,
  reportFiledHandler,
  clarificationActedHandler,
  orderAcknowledgedHandler,
  orderExecutedHandler,
  inspectionAnsweredHandler,
  caseTransferredHandler,
  caseTransferAnsweredHandler,
  bulletinAcknowledgedHandler,
  bulletinIssuedHandler,
  metricsSubmittedHandler,
  conventionPublishedHandler,
  conventionSignedHandler,
]

export function createProtocol(
  config: Config,
  database: Database,
  keys: NodeKeys,
  onError?: (e: unknown) => void,
): ProtocolNode {
  return new ProtocolNode({ node: config.node, keys, database, handlers: MESSAGE_HANDLERS, onError })
}

/** Background work of a platform node: daily credit recovery (A13.3) and the purge of retained copies past their
 * period (A16), checked every hour. */
export function startPlatformJobs(
  database: Database,
  onError: (err: unknown) => void,
): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve()
  const run = () => {
    running = transaction(database.db, (tx) => recoverCredit(tx))
      .then(() =>
        transaction(database.db, (tx) =>
          purgeExpired(tx, systemActor('retention', '留存清理 / retention purge')),
        ),
      )
      .catch(onError)
  }
  const timer = setInterval(run, 3_600_000)
  timer.unref()
  run()
  return {
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}

export async function startNode(
  config: Config,
  secrets: Secrets,
  opts: { listen?: boolean; database?: Database } = {},
): Promise<RunningNode> {
  const { database, keys } = await prepareDatabase(config, secrets, opts.database)
  const ledger = createLedger(config, database, keys)
  await ledger.load()
  await ledger.sequence()
  await ledger.checkpoint()
  const protocol = createProtocol(config, database, keys)
  const app = await buildApp({ config, secrets, database, keys, ledger, protocol })
  ledger.options.onError = (err) => app.log.error({ err }, 'ledger sequencing failed')
  protocol.options.onError = (err) => app.log.warn({ err }, 'protocol delivery round failed')
  const filings =
    config.node.role === 'platform'
      ? new FilingSender({
          database,
          ledger,
          protocol,
          onError: (err) => app.log.error({ err }, 'sending filings failed'),
        })
      : null
  // A new checkpoint goes to the regulators first; the filings it now proves follow it.
  ledger.options.onCheckpoint = async (c) => {
    await protocol.publishCheckpoint(c, ledger.tree)
    await filings?.sendDue()
  }
  ledger.start()
  protocol.start()
  filings?.start()
  const jobs =
    config.node.role === 'platform'
      ? startPlatformJobs(database, (err) => app.log.error({ err }, 'platform job failed'))
      : null
  if (opts.listen !== false) await app.listen({ host: config.http.host, port: config.http.port })
  // Patrols a stopped process left running carry on from their cursor.
  if (config.node.role === 'platform') {
    await app.patrol.resume()
    // The index of item fingerprints builds in the background (progress on the disposal page); sweeps a stopped
    // process left unfinished resume once it is ready.
    app.disposal.index.ready().catch((err) => app.log.error({ err }, 'building the content index failed'))
    await app.disposal.sweeper.resume()
  }
  // A sweep whose process died is taken up by any other process of the node within a minute (applying an item
  // twice is impossible: the disposal_item key).
  const resumeSweeps =
    config.node.role === 'platform'
      ? setInterval(() => {
          app.disposal.sweeper.resume().catch((err) => app.log.error({ err }, 'resuming sweeps failed'))
        }, 60_000)
      : null
  resumeSweeps?.unref()
  // A regulator flags orders past their deadline without execution, and proposes each as an A25 case.
  const overdueOrders =
    config.node.role === 'regulator'
      ? setInterval(() => {
          transaction(database.db, (tx) =>
            flagOverdueOrders(tx, systemActor('orders', '指令期限 / order deadlines')),
          )
            // an overdue order opens its A25 penalty case; penalty steps past their clocks are flagged once
            .then(() =>
              transaction(database.db, (tx) =>
                openCasesForOverdueOrders(tx, systemActor('penalties', '行政处罚 / penalties')),
              ),
            )
            .then(() =>
              transaction(database.db, (tx) =>
                flagOverduePenaltySteps(tx, systemActor('penalties', '行政处罚 / penalties')),
              ),
            )
            .catch((err) => app.log.error({ err }, 'flagging overdue orders or penalty steps failed'))
          // Cases past their supervision deadline go to the supervisors (A5.1).
          transaction(database.db, (tx) =>
            flagOverdueCases(tx, systemActor('cases', '案件督办期限 / case deadlines')),
          )
            .then(() =>
              transaction(database.db, (tx) =>
                remindCasesDueSoon(tx, systemActor('cases', '案件督办期限 / case deadlines')),
              ),
            )
            .catch((err) => app.log.error({ err }, 'flagging overdue cases failed'))
          // Referral steps past their statutory deadline (A20).
          transaction(database.db, (tx) =>
            flagOverdueReferralSteps(tx, systemActor('referrals', '移送法定期限 / referral deadlines')),
          ).catch((err) => app.log.error({ err }, 'flagging overdue referral steps failed'))
        }, 60_000)
      : null
  overdueOrders?.unref()
  // A platform sends each ended month's and quarter's evaluation figures to its regulators (A17), checked hourly.
  const sendMetrics = () =>
    transaction(database.db, (tx) =>
      submitDueMetrics(
        tx,
        systemActor('metrics', '考核数据报送 / evaluation figures'),
        protocol,
        config.platform.itemsPerReviewer,
      ),
    ).catch((err) => app.log.error({ err }, 'sending evaluation figures failed'))
  const metricsTimer = config.node.role === 'platform' ? setInterval(sendMetrics, 3_600_000) : null
  metricsTimer?.unref()
  let stopped = false
  return {
    config,
    database,
    keys,
    ledger,
    protocol,
    filings,
    app,
    async stop() {
      if (stopped) return
      stopped = true
      if (resumeSweeps) clearInterval(resumeSweeps)
      if (overdueOrders) clearInterval(overdueOrders)
      if (metricsTimer) clearInterval(metricsTimer)
      await app.close()
      await jobs?.stop()
      await filings?.stop()
      await protocol.stop()
      await ledger.stop()
      await database.close()
    },
  }
}
