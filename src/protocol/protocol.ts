// One node's side of the protocol: accept signed envelopes from known peers, send through a durable outbox, and
// (on a platform) publish its checkpoints to its regulators.
import { Compile } from 'typebox/compile'
import type { Actor } from '../core/auth/index.ts'
import type { Config } from '../core/config.ts'
import { afterCommit, type Database, type Tx, transaction } from '../core/db/index.ts'
import { DomainError } from '../core/errors.ts'
import { newId } from '../core/ids.ts'
import { type NodeKeys, publicKeyFromBase64 } from '../core/node/index.ts'
import {
  append,
  type LedgerActor,
  type MerkleTree,
  peerActor,
  type SignedCheckpoint,
  systemActor,
} from '../ledger/index.ts'
import {
  type Envelope,
  envelopeDigest,
  type SignedEnvelope,
  signEnvelope,
  verifyEnvelope,
} from './envelope.ts'
import type { MessageHandler } from './handlers.ts'
import * as store from './store.ts'
import { auditWitness, type PublishedCheckpoint } from './witness.ts'

export interface ProtocolOptions {
  node: Config['node']
  keys: NodeKeys
  database: Database
  handlers: readonly MessageHandler[]
  /** How far a sender's clock may differ from ours. */
  maxSkewMs?: number
  maxAttempts?: number
  deliverIntervalMs?: number
  requestTimeoutMs?: number
  now?: () => Date
  fetch?: typeof fetch
  onError?: (err: unknown) => void
}

const toHex = (h: Uint8Array) => Buffer.from(h).toString('hex')

export class ProtocolNode {
  private readonly handlers = new Map<
    string,
    { handler: MessageHandler; check: (body: unknown) => boolean }
  >()
  private timers: NodeJS.Timeout[] = []
  private round: { promise: Promise<number>; seen: number } | null = null
  private nextRound: Promise<number> | null = null
  private committedSends = 0
  private stopped = false
  private readonly now: () => Date
  private readonly fetch: typeof fetch

  constructor(readonly options: ProtocolOptions) {
    for (const h of options.handlers) this.register(h)
    this.now = options.now ?? (() => new Date())
    this.fetch = options.fetch ?? fetch
  }

  /** Adds the handler of a message type (an area that needs the built app registers its own when the app is built). */
  register(h: MessageHandler): void {
    const compiled = Compile(h.body)
    this.handlers.set(h.type, { handler: h, check: (b) => compiled.Check(b) })
  }

  get types(): string[] {
    return [...this.handlers.keys()].sort()
  }

  /** Checks a signed envelope completely before anything is stored; stores it, records it and runs its handler. */
  async receive(signed: SignedEnvelope): Promise<{ status: 'accepted' | 'duplicate' }> {
    const env = signed.envelope
    const { node } = this.options
    if (env.to !== node.id) throw new DomainError('PROTOCOL_WRONG_RECIPIENT', { to: env.to, self: node.id })
    const peer = await store.findPeer(this.options.database.db, env.from)
    if (peer?.status !== 'active') throw new DomainError('PROTOCOL_UNKNOWN_SENDER', { from: env.from })
    if (!verifyEnvelope(signed, publicKeyFromBase64(peer.publicKey))) {
      throw new DomainError('PROTOCOL_BAD_SIGNATURE', { from: env.from, envelopeId: env.id })
    }
    const skew = Math.abs(this.now().getTime() - Date.parse(env.issuedAt))
    if (!(skew <= (this.options.maxSkewMs ?? 300_000))) {
      throw new DomainError('PROTOCOL_STALE', {
        issuedAt: env.issuedAt,
        skewMs: Number.isFinite(skew) ? skew : null,
      })
    }
    const entry = this.handlers.get(env.type)
    const accepted =
      entry?.handler.receivers.includes(node.role) && entry.handler.senders.includes(peer.kind as never)
    if (!entry || !accepted) {
      throw new DomainError('PROTOCOL_UNKNOWN_TYPE', {
        type: env.type,
        receiver: node.role,
        sender: peer.kind,
      })
    }
    if (!entry.check(env.body)) throw new DomainError('PROTOCOL_BODY_INVALID', { type: env.type })
    const digest = envelopeDigest(signed)
    return transaction(this.options.database.db, async (tx) => {
      const seen = await store.findEnvelopeIn(tx, env.id)
      if (seen) {
        if (seen.digest === digest) return { status: 'duplicate' as const }
        throw new DomainError('PROTOCOL_REPLAYED', { envelopeId: env.id })
      }
      await store.insertEnvelopeIn(tx, {
        id: env.id,
        type: env.type,
        fromNode: env.from,
        toNode: env.to,
        issuedAt: new Date(env.issuedAt),
        body: env.body,
        signature: signed.signature,
        digest,
      })
      await append(tx, {
        actor: peerActor(env.from),
        action: 'envelope.received',
        subject: { type: 'envelope', id: env.id },
        articles: entry.handler.articles,
        evidence: signed,
        details: { type: env.type, from: env.from },
      })
      await entry.handler.handle(tx, env, {
        nodeId: node.id,
        peer,
        now: this.now(),
        afterCommit: (fn) =>
          afterCommit(tx, () => {
            try {
              fn()
            } catch (e) {
              this.options.onError?.(e)
            }
          }),
      })
      return { status: 'accepted' as const }
    })
  }

  /** Queues a signed envelope to a peer inside the caller's transaction, recorded with the act that sends it. */
  async send(
    tx: Tx,
    actor: Actor | LedgerActor,
    input: { to: string; type: string; body: Record<string, unknown>; articles: string[] },
  ): Promise<string> {
    const peer = await store.findPeer(tx, input.to)
    if (!peer) throw new DomainError('PEER_NOT_FOUND', { nodeId: input.to })
    if (peer.status !== 'active') throw new DomainError('PEER_SUSPENDED', { nodeId: input.to })
    const now = this.now()
    const envelope: Envelope = {
      id: newId(now.getTime()),
      type: input.type,
      from: this.options.node.id,
      to: input.to,
      issuedAt: now.toISOString(),
      body: JSON.parse(JSON.stringify(input.body)) as Record<string, unknown>,
    }
    const signed = signEnvelope(envelope, this.options.keys.privateKey)
    await store.insertOutbox(tx, {
      id: envelope.id,
      toNode: input.to,
      type: input.type,
      envelope,
      signature: signed.signature,
      status: 'pending',
      nextAttemptAt: now,
    })
    await append(tx, {
      actor,
      action: 'envelope.sent',
      subject: { type: 'envelope', id: envelope.id },
      articles: input.articles,
      evidence: signed,
      details: { type: input.type, to: input.to },
    })
    // Delivered as soon as the act that sends it has committed; the timer of `start()` retries what fails.
    afterCommit(tx, () => {
      this.committedSends++
      void this.deliverDue().catch(this.options.onError ?? (() => {}))
    })
    return envelope.id
  }

  /**
   * Delivers what is due; one round at a time in this process. The promise is that of a round which started after
   * every send this process has committed so far, so a caller who awaits it after a send sees that send attempted.
   */
  deliverDue(): Promise<number> {
    if (this.stopped) return Promise.resolve(0)
    const running = this.round
    if (running && running.seen >= this.committedSends) return running.promise
    if (running) {
      // The running round may have claimed its rows before the latest sends committed: one more follows it.
      this.nextRound ??= running.promise
        .catch(() => 0)
        .then(() => {
          this.nextRound = null
          return this.deliverDue()
        })
      return this.nextRound
    }
    const promise: Promise<number> = this.deliverRound().finally(() => {
      if (this.round?.promise === promise) this.round = null
    })
    this.round = { promise, seen: this.committedSends }
    return promise
  }

  private async deliverRound(): Promise<number> {
    const db = this.options.database.db
    const timeout = this.options.requestTimeoutMs ?? 10_000
    const claimed = await transaction(db, (tx) => store.claimDue(tx, this.now(), timeout * 3, 20))
    let delivered = 0
    for (const row of claimed) {
      const peer = await store.findPeer(db, row.toNode)
      let error: string | null = null
      if (!peer) error = 'peer removed'
      else {
        try {
          const res = await this.fetch(new URL('/api/protocol/inbox', peer.baseUrl), {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ envelope: row.envelope, signature: row.signature }),
            signal: AbortSignal.timeout(timeout),
          })
          if (!res.ok) error = `HTTP ${res.status}: ${(await res.text()).slice(0, 500)}`
        } catch (e) {
          error = e instanceof Error ? `${e.name}: ${e.message}` : String(e)
        }
      }
      const now = this.now()
      if (error === null) {
        await store.markOutbox(db, row.id, {
          status: 'delivered',
          deliveredAt: now,
          attempts: row.attempts + 1,
          lastError: null,
        })
        delivered++
      } else {
        const attempts = row.attempts + 1
        const failed = attempts >= (this.options.maxAttempts ?? 12)
        // Exponential backoff from 1 s, capped at 10 minutes, with jitter so peers coming back are not stampeded.
        const delay = Math.min(600_000, 1000 * 2 ** (attempts - 1)) * (0.8 + Math.random() * 0.4)
        await store.markOutbox(db, row.id, {
          status: failed ? 'failed' : 'pending',
          attempts,
          lastError: error,
          nextAttemptAt: new Date(now.getTime() + delay),
        })
      }
    }
    return delivered
  }

  /** Sends a platform's new checkpoint to every active regulator peer, with a proof that it extends the last one sent. */
  async publishCheckpoint(checkpoint: SignedCheckpoint, tree: MerkleTree): Promise<number> {
    if (this.options.node.role !== 'platform') return 0
    const regulators = (await store.listPeers(this.options.database.db)).filter(
      (p) => p.kind === 'regulator' && p.status === 'active',
    )
    let sent = 0
    for (const r of regulators) {
      await transaction(this.options.database.db, async (tx) => {
        const fromSize = await store.lastPublishedSize(tx, r.nodeId)
        if (fromSize >= checkpoint.size || checkpoint.size > tree.size) return
        const body: PublishedCheckpoint = {
          note: checkpoint.note,
          size: checkpoint.size,
          root: checkpoint.root,
          fromSize,
          consistencyProof: fromSize === 0 ? [] : tree.consistencyProof(fromSize, checkpoint.size).map(toHex),
        }
        await this.send(tx, systemActor(this.options.node.id, 'checkpoint publisher'), {
          to: r.nodeId,
          type: 'checkpoint.published',
          body: { ...body },
          articles: ['A16', 'A19.2'],
        })
        sent++
      })
    }
    return sent
  }

  /** Settles witnessed checkpoints that need a proof fetched from the platform. */
  audit(): Promise<number> {
    return auditWitness(
      (fn) => transaction(this.options.database.db, fn),
      async (baseUrl, from, to) => {
        const res = await this.fetch(
          new URL(`/api/ledger/proofs/consistency?from=${from}&to=${to}`, baseUrl),
          {
            signal: AbortSignal.timeout(this.options.requestTimeoutMs ?? 10_000),
          },
        )
        if (!res.ok) throw new Error(`HTTP ${res.status}`)
        return ((await res.json()) as { proof: string[] }).proof
      },
    )
  }

  start(): void {
    this.stopped = false
    const onError = this.options.onError ?? (() => {})
    const t = setInterval(() => {
      void this.deliverDue().catch(onError)
      if (this.options.node.role === 'regulator') void this.audit().catch(onError)
    }, this.options.deliverIntervalMs ?? 1000)
    t.unref()
    this.timers.push(t)
  }

  async stop(): Promise<void> {
    this.stopped = true
    for (const t of this.timers) clearInterval(t)
    this.timers = []
    await this.round?.promise.catch(() => {})
    await this.nextRound?.catch(() => {})
  }
}
