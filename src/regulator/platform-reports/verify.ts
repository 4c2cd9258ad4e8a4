// Checks a platform's report against the platform's own tamper-evident log before anything of it is kept: the
// checkpoint opens with the platform's key, every cited entry's bytes hash to a leaf that the RFC 9162 inclusion
// proof places in that checkpoint's tree, and the report itself is on the log (its `filing.queued` entry binds
// the report's digest). Pure but for the clock-free crypto: no I/O.
import type { KeyObject } from 'node:crypto'
import { DomainError } from '../../core/errors.ts'
import {
  CheckpointError,
  evidenceDigest,
  leafHashOf,
  openCheckpoint,
  verifyInclusion,
} from '../../ledger/index.ts'
import type { PlatformReportSummary, ReportEntry } from './tables.ts'

/** The body of `report.filed` as the schema admits it (docs/protocol.md). */
export interface ReportFiled extends PlatformReportSummary {
  filingId: string
  subject: { type: string; id: string }
  category: string
  checkpoint: {
    note: string
    size: number
    root: string
    fromSize: number
    consistencyProof: string[]
  }
  entries: ReportEntry[]
}

const toHex = (h: Uint8Array) => Buffer.from(h).toString('hex')
const fromHex = (s: string) => new Uint8Array(Buffer.from(s, 'hex'))

export interface VerifiedReport {
  /** The checkpoint as signed: its size and root (hex). */
  size: number
  root: string
  /** When the platform signed it. */
  timestamp: Date
  /** The `filing.queued` entry that holds the report on the platform's log. */
  queuedEntryId: string
}

/** Whether one entry's bytes hash to its leaf and its proof places that leaf at its index in the tree. */
export function entryVerifies(e: ReportEntry, size: number, root: string): boolean {
  const leaf = leafHashOf(e.leafData)
  if (toHex(leaf) !== e.leafHash) return false
  return verifyInclusion(leaf, e.index, size, e.proof.map(fromHex), fromHex(root))
}

interface LeafView {
  seq?: unknown
  id?: unknown
  action?: unknown
  subject?: { type?: unknown; id?: unknown }
  evidenceDigest?: unknown
}

function parseLeaf(leafData: string): LeafView | null {
  try {
    const v = JSON.parse(leafData) as unknown
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as LeafView) : null
  } catch {
    return null
  }
}

/**
 * Verifies a report from `platformId` (signing with `publicKey`) addressed to this node (`selfId`). Throws a
 * DomainError naming what failed; returns what was proven.
 */
export function verifyReport(
  body: ReportFiled,
  platformId: string,
  publicKey: KeyObject,
  selfId: string,
): VerifiedReport {
  const cp = body.checkpoint
  let opened: ReturnType<typeof openCheckpoint>
  try {
    opened = openCheckpoint(cp.note, platformId, publicKey)
  } catch (e) {
    throw new DomainError('PLATFORM_REPORT_BAD_CHECKPOINT', {
      reason: e instanceof CheckpointError ? e.reason : 'unreadable',
    })
  }
  const root = toHex(opened.root)
  if (opened.origin !== platformId || opened.size !== cp.size || root !== cp.root) {
    throw new DomainError('PLATFORM_REPORT_BAD_CHECKPOINT', {
      reason: 'the signed note and the envelope disagree',
      signed: { origin: opened.origin, size: opened.size, root },
    })
  }

  const ids = new Set<string>()
  const indexes = new Set<number>()
  let queued: ReportEntry | null = null
  for (const e of body.entries) {
    const bad = (reason: string) =>
      new DomainError('PLATFORM_REPORT_BAD_PROOF', { entryId: e.id, index: e.index, reason })
    if (ids.has(e.id) || indexes.has(e.index)) throw bad('the entry is cited twice')
    ids.add(e.id)
    indexes.add(e.index)
    if (e.index >= opened.size) throw bad(`the index is outside the checkpoint of ${opened.size} entries`)
    const leaf = parseLeaf(e.leafData)
    if (leaf === null || leaf.id !== e.id || leaf.seq !== e.index)
      throw bad('the entry bytes do not name this entry at this index')
    if (toHex(leafHashOf(e.leafData)) !== e.leafHash)
      throw bad('the leaf hash is not the hash of the entry bytes')
    if (!entryVerifies(e, opened.size, root))
      throw bad('the inclusion proof does not lead to the checkpoint root')
    if (
      leaf.action === 'filing.queued' &&
      leaf.subject?.type === 'filing' &&
      leaf.subject.id === body.filingId
    ) {
      queued = e
    }
  }

  // The report must be what the platform put on its log when it queued it, to this regulator.
  const cited = body.entries.filter((e) => e !== queued).map((e) => e.id)
  const expected = evidenceDigest({
    filingId: body.filingId,
    to: selfId,
    subject: { type: body.subject.type, id: body.subject.id },
    category: body.category,
    found: body.found,
    done: body.done,
    items: body.items,
    ledgerEntryIds: cited,
  })
  const recorded = queued ? parseLeaf(queued.leafData)?.evidenceDigest : undefined
  if (!queued || recorded !== expected) {
    throw new DomainError('PLATFORM_REPORT_UNRECORDED', {
      filingId: body.filingId,
      reason: queued ? 'the digest of the report differs from the one on the log' : 'no filing.queued entry',
    })
  }
  return { size: opened.size, root, timestamp: new Date(opened.timestamp), queuedEntryId: queued.id }
}
