import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client'
import { reviewBacklog } from '../platform/content/index.ts'
import { runningPatrols } from '../platform/patrol/index.ts'
import { overdueReports } from '../platform/reports/index.ts'

/** Prometheus metrics, one registry per node so that several nodes can share a process (the demo). */
export const metricsPlugin = fp(async (app: FastifyInstance) => {
  const registry = new Registry()
  registry.setDefaultLabels({ node: app.config.node.id, node_role: app.config.node.role })
  collectDefaultMetrics({ register: registry })
  const requests = new Counter({
    name: 'qinglang_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  })
  const duration = new Histogram({
    name: 'qinglang_http_request_duration_seconds',
    help: 'HTTP request duration by route',
    labelNames: ['method', 'route'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  })
  if (app.config.node.role === 'platform') platformMetrics(app, registry)
  app.addHook('onResponse', async (req, reply) => {
    const route = req.routeOptions.url ?? 'unmatched'
    requests.inc({ method: req.method, route, status: String(reply.statusCode) })
    duration.observe({ method: req.method, route }, reply.elapsedTime / 1000)
  })
  app.get('/metrics', { config: { access: 'public' }, schema: { hide: true } }, async (_req, reply) =>
    reply.type(registry.contentType).send(await registry.metrics()),
  )
})

/** What a platform's operators watch: the review backlog (A12.1, A12.2), running patrols, group commit. */
function platformMetrics(app: FastifyInstance, registry: Registry): void {
  // Both backlog gauges share one read per scrape (a second, within the same second, reuses it).
  let read: { at: number; backlog: ReturnType<typeof reviewBacklog> } | null = null
  const backlog = () => {
    if (!read || Date.now() - read.at > 1000)
      read = { at: Date.now(), backlog: reviewBacklog(app.database.db) }
    return read.backlog
  }
  new Gauge({
    name: 'qinglang_review_backlog',
    help: 'Items waiting for review now',
    registers: [registry],
    async collect() {
      this.set((await backlog()).held)
    },
  })
  new Gauge({
    name: 'qinglang_review_oldest_wait_seconds',
    help: 'How long the oldest held item has waited (0 when none)',
    registers: [registry],
    async collect() {
      const { oldest } = await backlog()
      this.set(oldest ? Math.max(0, (Date.now() - oldest.getTime()) / 1000) : 0)
    },
  })
  new Gauge({
    name: 'qinglang_patrols_running',
    help: 'Patrols re-screening published items now',
    registers: [registry],
    async collect() {
      this.set((await runningPatrols(app.database.db)).length)
    },
  })
  new Gauge({
    name: 'qinglang_publish_requests',
    help: 'Publications handled by the group-commit publisher since start',
    registers: [registry],
    collect() {
      this.set(app.publisher.published)
    },
  })
  new Gauge({
    name: 'qinglang_reports_overdue',
    help: 'Open reports past the deadline of their category (A15)',
    registers: [registry],
    async collect() {
      this.set(await overdueReports(app.database.db, new Date()))
    },
  })
  new Gauge({
    name: 'qinglang_content_index_items',
    help: 'Items in the index of fingerprints the disposal sweep looks claims up in (A16)',
    registers: [registry],
    collect() {
      this.set(app.disposal.index.size)
    },
  })
  new Gauge({
    name: 'qinglang_publish_transactions',
    help: 'Transactions the group-commit publisher ran since start (requests ÷ this = mean batch)',
    registers: [registry],
    collect() {
      this.set(app.publisher.batches)
    },
  })
}
