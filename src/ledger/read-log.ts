// Reads a node's whole log from its database, in order and in pages, for verification.
import type { Tx } from '../core/db/index.ts'
import * as store from './store.ts'
import type { SequencedEntry } from './verify.ts'

const PAGE = 5000

export async function readLog(db: Tx): Promise<{
  size: number
  entries: AsyncIterable<SequencedEntry>
  checkpoints: { size: number; note: string }[]
}> {
  const size = await store.countSequenced(db)
  const checkpoints: { size: number; note: string }[] = []
  for (let from = 0; ; ) {
    const page = await store.listCheckpoints(db, from, 1000)
    checkpoints.push(...page.map((c) => ({ size: c.size, note: c.note })))
    if (page.length < 1000) break
    from = (page.at(-1)?.size ?? from) + 1
  }
  async function* entries(): AsyncIterable<SequencedEntry> {
    for (let from = 0; ; from += PAGE) {
      const rows = await store.listSequenced(db, { from, to: from + PAGE }, PAGE)
      for (const r of rows) yield { seq: r.seq, entry: r.entry, leafData: r.leafData, leafHash: r.leafHash }
      if (rows.length < PAGE) return
    }
  }
  return { size, entries: entries(), checkpoints }
}
