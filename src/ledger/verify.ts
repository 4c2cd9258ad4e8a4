// Verifies a whole log from its entries and checkpoints: every entry against the bytes fixed when it was
// sequenced, the tree recomputed from scratch, every checkpoint's signature and root, and consistency between
// consecutive checkpoints. Used by `qinglang ledger verify` over a data folder or over HTTP.
import type { KeyObject } from 'node:crypto'
import { CheckpointError, openCheckpoint } from './checkpoint.ts'
import { type EntryFields, fromHex, leafData, leafHashOf, toHex } from './entry.ts'
import { MerkleTree, verifyConsistency } from './merkle.ts'

export interface SequencedEntry {
  seq: number
  entry: EntryFields
  leafData: string
  leafHash: string
}

export interface VerifyProblem {
  kind:
    | 'sequence-gap'
    | 'entry-altered'
    | 'leaf-altered'
    | 'checkpoint-signature'
    | 'checkpoint-root'
    | 'checkpoint-size'
    | 'checkpoint-inconsistent'
  index?: number
  checkpointSize?: number
  message: string
  /** For an altered entry: each field that differs from what was sequenced. */
  differences?: { field: string; sequenced: unknown; now: unknown }[]
}

export interface VerifyReport {
  ok: boolean
  entries: number
  checkpoints: number
  root: string
  problems: VerifyProblem[]
}

function differences(sequenced: string, now: string): { field: string; sequenced: unknown; now: unknown }[] {
  const a = JSON.parse(sequenced) as Record<string, unknown>
  const b = JSON.parse(now) as Record<string, unknown>
  const out: { field: string; sequenced: unknown; now: unknown }[] = []
  const walk = (x: unknown, y: unknown, p: string) => {
    if (
      x !== null &&
      y !== null &&
      typeof x === 'object' &&
      typeof y === 'object' &&
      !Array.isArray(x) &&
      !Array.isArray(y)
    ) {
      for (const k of new Set([...Object.keys(x), ...Object.keys(y)])) {
        walk((x as Record<string, unknown>)[k], (y as Record<string, unknown>)[k], p ? `${p}.${k}` : k)
      }
    } else if (JSON.stringify(x) !== JSON.stringify(y)) out.push({ field: p, sequenced: x, now: y })
  }
  walk(a, b, '')
  return out
}

export async function verifyLog(
  entries: AsyncIterable<SequencedEntry>,
  checkpoints: readonly { size: number; note: string }[],
  key: { name: string; publicKey: KeyObject },
  onProgress?: (done: number) => void,
): Promise<VerifyReport> {
  const tree = new MerkleTree()
  const problems: VerifyProblem[] = []
  for await (const s of entries) {
    const index = tree.size
    if (s.seq !== index) {
      problems.push({
        kind: 'sequence-gap',
        index,
        message: `entry ${index}: the log jumps to index ${s.seq}`,
      })
      break
    }
    const now = leafData(s.entry, s.seq)
    const hash = leafHashOf(s.leafData)
    if (now !== s.leafData) {
      problems.push({
        kind: 'entry-altered',
        index,
        message: `entry ${index} (${s.entry.id}) was changed after it was sequenced`,
        differences: differences(s.leafData, now),
      })
    }
    if (toHex(hash) !== s.leafHash) {
      problems.push({
        kind: 'leaf-altered',
        index,
        message: `entry ${index}: its sequenced bytes do not match the leaf hash`,
      })
    }
    // The tree is rebuilt from the recorded leaf hashes: a rewritten leaf shows up against the signed roots.
    tree.append(fromHex(s.leafHash))
    if (index % 1000 === 999) onProgress?.(index + 1)
  }
  onProgress?.(tree.size)

  let previous: { size: number; root: Uint8Array } | null = null
  for (const c of checkpoints) {
    let opened: ReturnType<typeof openCheckpoint>
    try {
      opened = openCheckpoint(c.note, key.name, key.publicKey)
    } catch (e) {
      const reason = e instanceof CheckpointError ? e.reason : String(e)
      problems.push({
        kind: 'checkpoint-signature',
        checkpointSize: c.size,
        message: `checkpoint ${c.size}: ${reason}`,
      })
      continue
    }
    if (opened.size !== c.size || opened.size > tree.size) {
      problems.push({
        kind: 'checkpoint-size',
        checkpointSize: c.size,
        message: `checkpoint ${c.size}: signed size ${opened.size}, log holds ${tree.size} entries`,
      })
      continue
    }
    if (toHex(tree.root(opened.size)) !== toHex(opened.root)) {
      problems.push({
        kind: 'checkpoint-root',
        checkpointSize: c.size,
        message: `checkpoint ${c.size}: the signed root differs from the root recomputed from the entries`,
      })
    }
    if (previous !== null) {
      const proof = tree.consistencyProof(previous.size, opened.size)
      if (!verifyConsistency(previous.size, opened.size, previous.root, opened.root, proof)) {
        problems.push({
          kind: 'checkpoint-inconsistent',
          checkpointSize: c.size,
          message: `checkpoint ${c.size} does not extend checkpoint ${previous.size}`,
        })
      }
    }
    previous = { size: opened.size, root: opened.root }
  }
  problems.sort((a, b) => (a.index ?? a.checkpointSize ?? 0) - (b.index ?? b.checkpointSize ?? 0))
  return {
    ok: problems.length === 0,
    entries: tree.size,
    checkpoints: checkpoints.length,
    root: toHex(tree.root()),
    problems,
  }
}
