// The regulator as outside witness of each platform's log (SYSTEM.md §5): it keeps every checkpoint a platform
// publishes and checks that each extends the ones before, so a platform cannot quietly rewrite its records or
// show the regulator two histories.
import { Type } from 'typebox'
import type { Tx } from '../core/db/index.ts'
import { newId } from '../core/ids.ts'
import { publicKeyFromBase64 } from '../core/node/index.ts'
import { append, CheckpointError, openCheckpoint, peerActor, verifyConsistency } from '../ledger/index.ts'
import type { Envelope } from './envelope.ts'
import type { HandlerContext, MessageHandler } from './handlers.ts'
import * as store from './store.ts'

const hex = (s: string) => new Uint8Array(Buffer.from(s, 'hex'))
const Hex64 = Type.String({ pattern: '^[0-9a-f]{64}$' })

export const CheckpointPublishedBody = Type.Object(
  {
    note: Type.String({ maxLength: 4096 }),
    size: Type.Integer({ minimum: 0 }),
    root: Hex64,
    /** The size of the last checkpoint sent to this regulator, and the proof that this one extends it. */
    fromSize: Type.Integer({ minimum: 0 }),
    consistencyProof: Type.Array(Hex64, { maxItems: 128 }),
  },
  { additionalProperties: false },
)

export interface PublishedCheckpoint {
  note: string
  size: number
  root: string
  fromSize: number
  consistencyProof: string[]
}

async function raiseAlert(
  tx: Tx,
  nodeId: string,
  kind: 'fork' | 'inconsistent' | 'bad-signature',
  message: string,
  evidence: Record<string, unknown>,
): Promise<void> {
  const id = newId()
  await store.insertAlert(tx, { id, nodeId, kind, message, evidence })
  await append(tx, {
    actor: peerActor(nodeId),
    action: 'witness.inconsistency_detected',
    subject: { type: 'node', id: nodeId },
    articles: ['A16', 'A19.1', 'A19.2'],
    evidence,
    details: { alertId: id, kind, message },
  })
}

export const checkpointPublishedHandler: MessageHandler = {
  type: 'checkpoint.published',
  body: CheckpointPublishedBody,
  articles: ['A16', 'A19.1', 'A19.2'],
  receivers: ['regulator'],
  senders: ['platform'],
  async handle(tx: Tx, env: Envelope, ctx: HandlerContext): Promise<void> {
    const body = env.body as unknown as PublishedCheckpoint
    const nodeId = ctx.peer.nodeId
    let opened: ReturnType<typeof openCheckpoint>
    try {
      opened = openCheckpoint(body.note, nodeId, publicKeyFromBase64(ctx.peer.publicKey))
    } catch (e) {
      const reason = e instanceof CheckpointError ? e.reason : 'unreadable'
      await raiseAlert(tx, nodeId, 'bad-signature', `checkpoint from ${nodeId} does not verify: ${reason}`, {
        note: body.note,
      })
      return
    }
    const root = Buffer.from(opened.root).toString('hex')
    if (opened.size !== body.size || root !== body.root) {
      await raiseAlert(
        tx,
        nodeId,
        'bad-signature',
        `checkpoint from ${nodeId}: the envelope and the signed note disagree`,
        {
          note: body.note,
          size: body.size,
          root: body.root,
        },
      )
      return
    }
    const same = await store.findWitness(tx, nodeId, opened.size)
    if (same) {
      if (same.root !== root) {
        await raiseAlert(
          tx,
          nodeId,
          'fork',
          `${nodeId} signed two different logs of ${opened.size} entries`,
          {
            first: same.note,
            second: body.note,
          },
        )
      }
      return
    }
    const { below, above } = await store.neighbours(tx, nodeId, opened.size)
    let status = below ? 'unverified' : 'first'
    if (below && body.fromSize === below.size) {
      const proof = body.consistencyProof.map(hex)
      if (verifyConsistency(below.size, opened.size, hex(below.root), opened.root, proof))
        status = 'consistent'
      else {
        status = 'inconsistent'
        await raiseAlert(
          tx,
          nodeId,
          'inconsistent',
          `${nodeId}'s log of ${opened.size} entries does not extend its log of ${below.size}`,
          {
            earlier: below.note,
            later: body.note,
            proof: body.consistencyProof,
          },
        )
      }
    }
    // A checkpoint that arrived late must still be shown to fit the later ones: the audit fetches that proof.
    if (above && status !== 'inconsistent') status = 'unverified'
    await store.insertWitness(tx, {
      nodeId,
      size: opened.size,
      root,
      timestamp: new Date(opened.timestamp),
      note: body.note,
      status,
      envelopeId: env.id,
    })
  },
}

/**
 * Keeps a checkpoint the regulator first sees inside a platform's report rather than published to it. It joins the
 * witnessed ones: a later checkpoint of its size with another root is a fork, and unless it was proven on arrival
 * the audit checks it against its neighbours (as it does a checkpoint that arrived late), so a platform cannot show
 * one history in its checkpoints and another in its reports.
 */
export async function witnessReportedCheckpoint(
  tx: Tx,
  nodeId: string,
  cp: { note: string; size: number; root: string; timestamp: Date },
  envelopeId: string,
  proven: boolean,
): Promise<void> {
  if (await store.findWitness(tx, nodeId, cp.size)) return
  const { below, above } = await store.neighbours(tx, nodeId, cp.size)
  const status = above || (below && !proven) ? 'unverified' : below ? 'consistent' : 'first'
  await store.insertWitness(tx, { nodeId, ...cp, status, envelopeId })
}

/**
 * Settles witnessed checkpoints that could not be checked on arrival, with consistency proofs fetched from the
 * platform's public proof endpoint. Returns how many were settled.
 */
export async function auditWitness(
  run: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>,
  fetchProof: (baseUrl: string, from: number, to: number) => Promise<string[]>,
): Promise<number> {
  const pending = await run((tx) => store.listUnverified(tx, 50))
  let settled = 0
  for (const row of pending) {
    const peer = await run((tx) => store.findPeer(tx, row.nodeId))
    if (!peer) continue
    const { below, above } = await run((tx) => store.neighbours(tx, row.nodeId, row.size))
    const pairs = [below ? [below, row] : null, above ? [row, above] : null].filter((p) => p !== null)
    let ok = true
    try {
      for (const [a, b] of pairs) {
        if (!a || !b) continue
        const proof = (await fetchProof(peer.baseUrl, a.size, b.size)).map(hex)
        if (!verifyConsistency(a.size, b.size, hex(a.root), hex(b.root), proof)) {
          ok = false
          await run((tx) =>
            raiseAlert(
              tx,
              row.nodeId,
              'inconsistent',
              `${row.nodeId}'s log of ${b.size} entries does not extend its log of ${a.size}`,
              {
                earlier: a.note,
                later: b.note,
              },
            ),
          )
        }
      }
    } catch {
      continue // the platform is unreachable: try again on the next round
    }
    await run((tx) =>
      store.setWitnessStatus(
        tx,
        row.nodeId,
        row.size,
        ok ? (below ? 'consistent' : 'first') : 'inconsistent',
      ),
    )
    settled++
  }
  return settled
}
