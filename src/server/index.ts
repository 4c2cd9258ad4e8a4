// Builds one node's HTTP app from the areas' route plugins. Nothing here knows SQL or a use case's rules.
import { existsSync, statSync } from 'node:fs'
import path from 'node:path'
import fastifyCookie from '@fastify/cookie'
import fastifyHelmet from '@fastify/helmet'
import fastifyRateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import fastifySwagger from '@fastify/swagger'
import fastifySwaggerUi from '@fastify/swagger-ui'
import { type TypeBoxTypeProvider, TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox'
import Fastify, { type FastifyInstance, type FastifyServerOptions, LogController } from 'fastify'
import { authRoutes } from '../core/auth/routes.ts'
import type { Config, Secrets } from '../core/config.ts'
import { deriveKey } from '../core/crypto.ts'
import { type Database, transaction } from '../core/db/index.ts'
import { DomainError } from '../core/errors.ts'
import { type NodeKeys, VERSION } from '../core/node/index.ts'
import { nodeRoutes } from '../core/node/routes.ts'
import { organisationRoutes } from '../core/organisations/routes.ts'
import type { Ledger } from '../ledger/index.ts'
import { ledgerRoutes } from '../ledger/routes.ts'
import { accountKeys } from '../platform/accounts/index.ts'
import { accountRoutes } from '../platform/accounts/routes.ts'
import { appealRoutes } from '../platform/appeals/routes.ts'
import { platformBulletinRoutes } from '../platform/bulletins/routes.ts'
import { PublishBatcher } from '../platform/content/index.ts'
import { contentRoutes } from '../platform/content/routes.ts'
import { platformConventionRoutes } from '../platform/conventions/routes.ts'
import { creditRoutes } from '../platform/credit/routes.ts'
import {
  answerClarification,
  ContentIndex,
  clarificationPublishedHandler,
  type DisposalContext,
  DisposalSweeper,
} from '../platform/disposal/index.ts'
import { disposalRoutes } from '../platform/disposal/routes.ts'
import { filingRoutes } from '../platform/filings/routes.ts'
import { formatCheckVerifier, type IdentityVerifier } from '../platform/identity/index.ts'
import { inspectionRequestedHandler } from '../platform/inspections/index.ts'
import { platformInspectionRoutes } from '../platform/inspections/routes.ts'
import { platformMetricsRoutes } from '../platform/metrics/routes.ts'
import { noticeRoutes } from '../platform/notices/routes.ts'
import { finishOrderSweep, orderIssuedHandler } from '../platform/orders/index.ts'
import { platformOrderRoutes } from '../platform/orders/routes.ts'
import { PatrolWorker } from '../platform/patrol/index.ts'
import { patrolRoutes } from '../platform/patrol/routes.ts'
import { FeedService } from '../platform/recommendation/index.ts'
import { recommendationRoutes } from '../platform/recommendation/routes.ts'
import { closeReportsOnItems } from '../platform/reports/index.ts'
import { reportRoutes } from '../platform/reports/routes.ts'
import { reviewRoutes } from '../platform/review/routes.ts'
import { ruleRoutes } from '../platform/rules/routes.ts'
import { ScreeningService } from '../platform/screening/index.ts'
import { screeningRoutes } from '../platform/screening/routes.ts'
import { staffingRoutes } from '../platform/staffing/routes.ts'
import type { ProtocolNode } from '../protocol/index.ts'
import { protocolRoutes } from '../protocol/routes.ts'
import { accountabilityRoutes } from '../regulator/accountability/routes.ts'
import { bulletinRoutes } from '../regulator/bulletins/routes.ts'
import { caseRoutes } from '../regulator/cases/routes.ts'
import { clarificationRoutes } from '../regulator/clarifications/routes.ts'
import { conventionRoutes } from '../regulator/conventions/routes.ts'
import { educationRoutes } from '../regulator/education/routes.ts'
import { evaluationRoutes } from '../regulator/evaluation/routes.ts'
import { regulatorInspectionRoutes } from '../regulator/inspections/routes.ts'
import { regulatorOrderRoutes } from '../regulator/orders/routes.ts'
import { penaltyRoutes } from '../regulator/penalties/routes.ts'
import { platformReportRoutes } from '../regulator/platform-reports/routes.ts'
import { publicReportRoutes } from '../regulator/public-reports/routes.ts'
import { referralRoutes } from '../regulator/referrals/routes.ts'
import { authPlugin } from './auth.ts'
import { metricsPlugin } from './metrics.ts'
import { sendProblem } from './problem.ts'
import { ProblemSchema } from './schemas.ts'

/** Every area's route plugin; a new area adds one line here. */
const AREA_ROUTES = [
  nodeRoutes,
  authRoutes,
  organisationRoutes,
  ledgerRoutes,
  protocolRoutes,
  accountRoutes,
  ruleRoutes,
  creditRoutes,
  screeningRoutes,
  contentRoutes,
  reviewRoutes,
  patrolRoutes,
  staffingRoutes,
  noticeRoutes,
  reportRoutes,
  disposalRoutes,
  appealRoutes,
  filingRoutes,
  platformReportRoutes,
  clarificationRoutes,
  regulatorOrderRoutes,
  regulatorInspectionRoutes,
  platformInspectionRoutes,
  platformOrderRoutes,
  publicReportRoutes,
  caseRoutes,
  bulletinRoutes,
  accountabilityRoutes,
  platformBulletinRoutes,
  recommendationRoutes,
  platformMetricsRoutes,
  evaluationRoutes,
  referralRoutes,
  conventionRoutes,
  platformConventionRoutes,
  educationRoutes,
  penaltyRoutes,
]

/** Request fields that may identify a person never reach the log. */
export const REDACT_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.idNumber',
  '*.realName',
  '*.phone',
  '*.identity',
  '*.reporterName',
  '*.reporterContact',
]

export interface BuildOptions {
  config: Config
  secrets: Secrets
  database: Database
  keys: NodeKeys
  ledger: Ledger
  protocol: ProtocolNode
  /** How real identities are confirmed; the shipped adapter checks format and check digit. */
  identityVerifier?: IdentityVerifier
  /** A pino destination (tests capture logs); defaults to stdout. */
  logStream?: NodeJS.WritableStream
}

export async function buildApp(opts: BuildOptions): Promise<FastifyInstance> {
  const { config } = opts
  const logger: FastifyServerOptions['logger'] =
    config.log.level === 'silent' && !opts.logStream
      ? false
      : {
          level: config.log.level,
          redact: { paths: REDACT_PATHS, censor: '[redacted]' },
          base: { node: config.node.id },
          ...(opts.logStream ? { stream: opts.logStream } : {}),
        }
  const app = Fastify({
    logger,
    // One line per request is written in onResponse below, and refusals are logged once by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: config.http.trustProxy,
    return503OnClosing: true,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<TypeBoxTypeProvider>()
  app.setValidatorCompiler(TypeBoxValidatorCompiler)

  app.decorate('config', config)
  app.decorate('secrets', opts.secrets)
  app.decorate('database', opts.database)
  app.decorate('keys', opts.keys)
  app.decorate('ledger', opts.ledger)
  app.decorate('protocol', opts.protocol)
  app.decorate('accountKeys', accountKeys(opts.secrets.masterKey))
  app.decorate('identityVerifier', opts.identityVerifier ?? formatCheckVerifier)
  // The screener of a platform node: the newest rule set version and the claim bank, loaded once here.
  const screening = new ScreeningService()
  if (config.node.role === 'platform') await screening.load(opts.database.db)
  app.decorate('screening', screening)
  const patrol = new PatrolWorker({
    database: opts.database,
    screening,
    onError: (err) => app.log.error({ err }, 'patrol failed'),
  })
  app.decorate('patrol', patrol)
  const publisher = new PublishBatcher({ database: opts.database, screening })
  app.decorate('publisher', publisher)
  const feeds = new FeedService(opts.database)
  // a published comment or reply counts as its author's interaction with the post (A14 interest tags)
  if (config.node.role === 'platform')
    feeds.followPublications(publisher, (err) =>
      app.log.warn({ err }, 'recording a reply interaction failed'),
    )
  app.decorate('feeds', feeds)
  const disposalCtx: DisposalContext = {
    screening,
    retentionKey: deriveKey(opts.secrets.masterKey, 'qinglang/retained-content/v1'),
    retentionDays: config.platform.retentionDays,
    notifyInteractors: config.platform.notifyInteractors,
    onApplied: closeReportsOnItems,
  }
  const contentIndex = new ContentIndex(opts.database)
  const sweeper = new DisposalSweeper({
    database: opts.database,
    index: contentIndex,
    ctx: disposalCtx,
    onError: (err) => app.log.error({ err }, 'disposal sweep failed'),
    // a claim a regulator clarified is answered with what was stopped (A7)
    onFinished: async (tx, d, rumor) => {
      await answerClarification(tx, opts.protocol, d, rumor)
      await finishOrderSweep(tx, { ctx: disposalCtx, protocol: opts.protocol }, d, rumor)
    },
  })
  // every confirmed rumor starts its sweep once its transaction has committed, whoever confirmed it
  disposalCtx.startSweep = (id) => void sweeper.run(id)
  if (config.node.role === 'platform') {
    opts.protocol.register(clarificationPublishedHandler({ ctx: disposalCtx, screening }))
    opts.protocol.register(orderIssuedHandler({ protocol: () => opts.protocol }))
    opts.protocol.register(
      inspectionRequestedHandler({
        protocol: () => opts.protocol,
        itemsPerReviewer: config.platform.itemsPerReviewer,
      }),
    )
  }
  app.decorate('disposal', { ctx: disposalCtx, index: contentIndex, sweeper })
  if (config.node.role === 'platform') {
    // Every process of the node screens with the same rules: another one's publication reloads this one.
    const unfollow = await screening.follow(opts.database, (err) =>
      app.log.error({ err }, 'reloading the screening rules failed'),
    )
    app.addHook('onClose', async () => {
      await patrol.stop()
      await sweeper.stop()
      await unfollow()
    })
  }
  app.decorate('tx', <T>(fn: Parameters<typeof transaction<T>>[1]) => transaction(opts.database.db, fn))

  app.setErrorHandler((err, req, reply) => sendProblem(req, reply, err))
  app.addSchema(ProblemSchema)

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // antd writes its CSS-in-JS into <style> elements at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
  })
  await app.register(fastifyRateLimit, {
    global: true,
    max: config.http.rateLimitPerMinute,
    timeWindow: '1 minute',
    allowList: (req) => req.url === '/healthz' || req.url === '/readyz',
  })
  await app.register(fastifyCookie)
  await app.register(authPlugin)
  await app.register(metricsPlugin)

  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: `qinglang ${config.node.role} node API`,
        description: '清朗 — 通化市网络虚假信息治理办法 / Tonghua measures on online false information',
        version: VERSION,
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'ql_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  })
  await app.register(fastifySwaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    uiConfig: { docExpansion: 'list' },
  })
  app.get('/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () =>
    app.swagger(),
  )

  app.get('/healthz', { config: { access: 'public' }, schema: { hide: true } }, async () => ({
    status: 'ok',
  }))
  app.get('/readyz', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
    try {
      await opts.database.ping()
      return { status: 'ready', db: opts.database.kind }
    } catch (err) {
      req.log.error({ err }, 'database not reachable')
      return sendProblem(req, reply, new DomainError('NOT_READY', { db: opts.database.kind }))
    }
  })

  for (const routes of AREA_ROUTES) await app.register(routes)

  await registerConsole(app, config.web.distDir)
  app.setNotFoundHandler((req, reply) =>
    sendProblem(
      req,
      reply,
      new DomainError('ROUTE_NOT_FOUND', { method: req.method, url: req.url.split('?')[0] }),
    ),
  )

  app.addHook('onResponse', async (req, reply) => {
    req.log.info(
      {
        method: req.method,
        // A route whose path holds a secret (a tracking code) is logged by its pattern.
        url: req.routeOptions.config.logRoute ? req.routeOptions.url : req.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'request',
    )
  })
  return app
}

const CONSOLE_NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>清朗 qinglang</title>
<p>控制台尚未构建：请运行 <code>npm run build:web</code>（<code>npm start</code> 会自动构建）。</p>
<p>The console is not built yet: run <code>npm run build:web</code> (<code>npm start</code> builds it).</p>`

/**
 * The console: built files by name, and index.html for every other page URL, since the console routes in the
 * browser. Unknown /api URLs still get a problem document.
 */
async function registerConsole(app: FastifyInstance, distDir: string): Promise<void> {
  const root = path.resolve(distDir)
  const built = existsSync(path.join(root, 'index.html'))
  if (built) await app.register(fastifyStatic, { root, serve: false })
  app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (req, reply) => {
    const url = req.url.split('?')[0] ?? '/'
    if (url.startsWith('/api/') || url === '/api') return reply.callNotFound()
    if (!built) return reply.code(503).type('text/html; charset=utf-8').send(CONSOLE_NOT_BUILT)
    const file = path.resolve(root, `.${decodeURIComponent(url)}`)
    if (file.startsWith(`${root}${path.sep}`) && existsSync(file) && statSync(file).isFile()) {
      // Vite names assets by content hash, so they never change under the same name.
      const immutable = url.startsWith('/assets/')
      return reply.sendFile(path.relative(root, file), { immutable, maxAge: immutable ? '365d' : 0 })
    }
    return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html')
  })
}
