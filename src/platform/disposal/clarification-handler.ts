// A regulator's clarification reaching a platform (A7, A16): `clarification.published` enters the claim into the
// rumor registry with the regulator as its source and the clarification as its link, blocks new uploads that match,
// and starts the disposal of every copy — all in the transaction that stores the envelope; the sweep runs after the
// commit. When the sweep has finished, the platform answers `clarification.acted` with what it stopped.
import { Type } from 'typebox'
import type { Tx } from '../../core/db/index.ts'
import { isDomainError } from '../../core/errors.ts'
import { type LedgerActor, peerActor, systemActor } from '../../ledger/index.ts'
import type { Envelope, HandlerContext, MessageHandler, ProtocolNode } from '../../protocol/index.ts'
import type { ScreeningService } from '../screening/index.ts'
import { confirmRumor, type DisposalContext } from './disposal.ts'
import * as store from './store.ts'

export const ClarificationPublishedSchema = Type.Object(
  {
    clarificationId: Type.String({ format: 'uuid' }),
    claim: Type.String({ minLength: 1, maxLength: 2000 }),
    title: Type.String({ minLength: 1, maxLength: 200 }),
    body: Type.String({ minLength: 1, maxLength: 20_000 }),
    verdict: Type.Enum(['false', 'misleading']),
    url: Type.String({ maxLength: 500, pattern: '^https?://' }),
    publishedAt: Type.String({ format: 'date-time' }),
    claimReview: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
)

/** `regulator-node/clarification-id`: how a registry entry names the clarification it came from. */
export const clarificationRef = (from: string, clarificationId: string) => `${from}/${clarificationId}`

export function clarificationPublishedHandler(deps: {
  ctx: DisposalContext
  screening: ScreeningService
}): MessageHandler {
  return {
    type: 'clarification.published',
    body: ClarificationPublishedSchema,
    articles: ['A7', 'A16'],
    receivers: ['platform'],
    senders: ['regulator'],
    async handle(tx: Tx, env: Envelope, ctx: HandlerContext): Promise<void> {
      const b = env.body as {
        clarificationId: string
        claim: string
        title: string
        verdict: 'false' | 'misleading'
        url: string
      }
      const ref = clarificationRef(env.from, b.clarificationId)
      // the same clarification sent again (a new envelope) changes nothing
      if (await store.rumorBySource(tx, 'regulator', ref)) return
      await confirmRumor(
        tx,
        peerActor(env.from),
        deps.ctx,
        {
          text: b.claim,
          verdict: b.verdict,
          source: 'regulator',
          sourceRef: ref,
          clarificationUrl: b.url,
          clarificationTitle: b.title,
          measures: ['stop', 'label'],
          reason: `监管部门辟谣：${b.title} / clarified by the regulator: ${b.title}`,
          category: 'false',
        },
        ctx.now,
      )
      // the sweep starts once the envelope's transaction commits (DisposalContext.startSweep)
    },
  }
}

/**
 * In the transaction that finishes a disposal: a claim that came from a regulator's clarification is answered with
 * `clarification.acted` (what was stopped, when). A regulator no longer active is skipped, never blocking the sweep.
 */
export async function answerClarification(
  tx: Tx,
  protocol: ProtocolNode,
  d: store.DisposalRow,
  rumor: store.RumorRow | null,
): Promise<boolean> {
  if (rumor?.source !== 'regulator') return false
  // `node/clarification-id`; an order's claim (`node/order/order-id`) is answered by the orders area
  const parts = rumor.sourceRef.split('/')
  const [to, clarificationId] = parts
  if (parts.length !== 2 || !to || !clarificationId) return false
  const actor: LedgerActor = systemActor('disposal-sweep', '处置清理 / disposal sweep')
  try {
    await protocol.send(tx, actor, {
      to,
      type: 'clarification.acted',
      body: {
        clarificationId,
        disposalId: d.id,
        stopped: d.applied,
        toReview: d.toReview,
        startedAt: d.createdAt.toISOString(),
        finishedAt: (d.finishedAt ?? new Date()).toISOString(),
      },
      articles: ['A7', 'A16'],
    })
    return true
  } catch (e) {
    if (isDomainError(e) && (e.code === 'PEER_NOT_FOUND' || e.code === 'PEER_SUSPENDED')) return false
    throw e
  }
}
