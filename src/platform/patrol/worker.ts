// Runs patrols in the background on the node's job queue (pg-boss, on PGlite and PostgreSQL alike). A job screens
// chunks for a slice of time and then queues its own continuation, so one long patrol never holds a worker and a
// restart resumes from the stored cursor. The queue starts only when there is a patrol to run.

import { eq } from 'drizzle-orm'
import PgBoss from 'pg-boss'
import { type Database, transaction } from '../../core/db/index.ts'
import type { ScreeningService } from '../screening/index.ts'
import { PATROL_CHUNK, patrolChunk, runningPatrols } from './patrol.ts'
import { patrolRun } from './tables.ts'

export const PATROL_QUEUE = 'patrol'

export interface PatrolWorkerOptions {
  database: Database
  screening: ScreeningService
  onError: (err: unknown) => void
  /** How long one job screens before it queues its continuation. */
  sliceMs?: number
  chunk?: number
}

export class PatrolWorker {
  private starting: Promise<PgBoss> | null = null
  private stopped = false

  constructor(readonly options: PatrolWorkerOptions) {}

  private boss(): Promise<PgBoss> {
    if (!this.starting) {
      this.starting = (async () => {
        const boss = new PgBoss({
          db: { executeSql: this.options.database.executeSql },
          schema: 'pgboss',
          schedule: false,
        })
        boss.on('error', this.options.onError)
        await boss.start()
        if (!(await boss.getQueue(PATROL_QUEUE))) await boss.createQueue(PATROL_QUEUE)
        await boss.work<{ runId: string }>(
          PATROL_QUEUE,
          { pollingIntervalSeconds: 0.5, batchSize: 1 },
          async (jobs) => {
            for (const job of jobs) await this.work(job.data.runId)
          },
        )
        return boss
      })()
      this.starting.catch(() => {
        this.starting = null
      })
    }
    return this.starting
  }

  /** Queues a patrol (again): it continues from its cursor. */
  async kick(runId: string): Promise<void> {
    if (this.stopped) return
    const boss = await this.boss()
    await boss.send(PATROL_QUEUE, { runId }, { retryLimit: 10, retryDelay: 2, retryBackoff: true })
  }

  /** Queues every patrol left running, e.g. by a stopped process. */
  async resume(): Promise<number> {
    const runs = await runningPatrols(this.options.database.db)
    for (const r of runs) await this.kick(r.id)
    return runs.length
  }

  /** Screens a patrol's chunks for one slice; returns whether it finished. */
  async work(runId: string): Promise<boolean> {
    const { database, screening } = this.options
    const [run] = await database.db
      .select({ version: patrolRun.ruleSetVersion, status: patrolRun.status })
      .from(patrolRun)
      .where(eq(patrolRun.id, runId))
    if (run?.status !== 'running') return true
    // A patrol published on another process may be newer than this one's screener: catch up first.
    if (screening.version < run.version) await screening.load(database.db)
    const started = Date.now()
    for (;;) {
      if (this.stopped) return false
      const r = await transaction(database.db, (tx) =>
        patrolChunk(tx, screening, runId, new Date(), this.options.chunk ?? PATROL_CHUNK),
      )
      if (r.done) return true
      if (Date.now() - started > (this.options.sliceMs ?? 10_000)) {
        await this.kick(runId)
        return false
      }
    }
  }

  async stop(): Promise<void> {
    this.stopped = true
    const starting = this.starting
    if (!starting) return
    const boss = await starting.catch(() => null)
    await boss?.stop({ graceful: true, wait: true, timeout: 10_000 })
  }
}
