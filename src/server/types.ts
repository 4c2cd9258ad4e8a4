import type { Actor, Permission } from '../core/auth/index.ts'
import type { Config, Secrets } from '../core/config.ts'
import type { Database, Tx } from '../core/db/index.ts'
import type { NodeKeys } from '../core/node/index.ts'
import type { Ledger } from '../ledger/index.ts'
import type { AccountKeys, PlatformUser } from '../platform/accounts/index.ts'
import type { PublishBatcher } from '../platform/content/index.ts'
import type { ContentIndex, DisposalContext, DisposalSweeper } from '../platform/disposal/index.ts'
import type { IdentityVerifier } from '../platform/identity/index.ts'
import type { PatrolWorker } from '../platform/patrol/index.ts'
import type { FeedService } from '../platform/recommendation/index.ts'
import type { ScreeningService } from '../platform/screening/index.ts'
import type { ProtocolNode } from '../protocol/index.ts'

/**
 * Who may call a route: anyone, any signed-in staff member or token, callers whose roles grant a permission, or a
 * signed-in platform user (`user`).
 */
export type Access = 'public' | 'authenticated' | 'user' | Permission

declare module 'fastify' {
  interface FastifyInstance {
    config: Config
    secrets: Secrets
    database: Database
    keys: NodeKeys
    ledger: Ledger
    protocol: ProtocolNode
    accountKeys: AccountKeys
    identityVerifier: IdentityVerifier
    /** The screening engine of a platform node, with the rule set version in force and the claim bank. */
    screening: ScreeningService
    /** Recommendation (A14) of a platform node: the feed with its candidates in memory. */
    feeds: FeedService
    /** The publish path with group commit (platform nodes). */
    publisher: PublishBatcher
    /** Runs patrols on the node's job queue (platform nodes); the queue starts with the first patrol. */
    patrol: PatrolWorker
    /** Disposal (A16) on a platform node: its settings, the index of item fingerprints, and the sweeper. */
    disposal: { ctx: DisposalContext; index: ContentIndex; sweeper: DisposalSweeper }
    /** Every route with the access it declares (the authorisation-matrix test walks it). */
    routeTable: { method: string; url: string; access: Access }[]
    /** Runs one use case in one transaction. */
    tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T>
  }
  interface FastifyRequest {
    actor: Actor | null
    /** Present when the caller signed in with the console session cookie. */
    session: { token: string; csrfToken: string } | null
    /** The platform user signed in with the user cookie, on `user` routes. */
    user: PlatformUser | null
    userSession: { token: string; csrfToken: string } | null
  }
  interface FastifyContextConfig {
    access?: Access
    /** The path holds a secret (a tracking code): the request log shows the route's pattern instead. */
    logRoute?: boolean
  }
}

export const SESSION_COOKIE = 'ql_session'
export const CSRF_HEADER = 'x-csrf-token'
export const USER_COOKIE = 'ql_user'
