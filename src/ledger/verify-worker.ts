// The checks of `ledger verify` on their own thread: hashing, the fixed-order leaf form and the tree run here
// while the main thread reads the next page from the database (PGlite runs on the main thread). One reply per
// message, in order; see read-log.ts for the other side.
import { parentPort } from 'node:worker_threads'
import { LogChecker, type OfficerKeyRecord, type SequencedEntry } from './verify.ts'

export type CheckerRequest =
  | { type: 'keys'; officerKeys: OfficerKeyRecord[] | null }
  | { type: 'page'; text: string; count: number }
  | { type: 'entries'; entries: SequencedEntry[] }
  | { type: 'recheck' }
  | { type: 'altered'; entries: SequencedEntry[] }
  | {
      type: 'finish'
      checkpoints: { size: number; note: string }[]
      key: { name: string; publicKey: import('node:crypto').KeyObject }
    }

const port = parentPort
if (port) {
  let checker = new LogChecker()
  const state = () => ({ size: checker.tree.size, stopped: checker.stopped })
  port.on('message', (m: CheckerRequest) => {
    switch (m.type) {
      case 'keys':
        checker = new LogChecker(m.officerKeys)
        port.postMessage(null)
        break
      case 'page':
        port.postMessage({ ok: checker.page(m.text, m.count), ...state() })
        break
      case 'entries':
        for (const e of m.entries) if (!checker.stopped) checker.entry(e)
        port.postMessage({ ok: true, ...state() })
        break
      case 'recheck':
        port.postMessage(checker.recheck)
        break
      case 'altered':
        for (const e of m.entries) checker.altered(e)
        port.postMessage(null)
        break
      case 'finish':
        port.postMessage(checker.finish(m.checkpoints, m.key))
        break
    }
  })
  port.postMessage('ready')
}
