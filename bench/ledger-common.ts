// What the ledger benchmarks share: a realistic entry (a moderator removes a post under A16, with its text as
// evidence) and timing statistics in microseconds.
import type { LedgerActor } from '../src/ledger/index.ts'

const HANZI =
  '通化市网络虚假信息治理办法规定网络信息内容生产者不得制作复制发布虚假信息平台应当建立健全辟谣机制及时处置' +
  '谣言并保存有关记录县区网信部门依法开展监督检查对违反本办法的行为责令改正给予警告通报批评情节严重的依法处理' +
  '近日有网民在本地论坛发布消息称某小区自来水受到污染经核实该消息与事实不符系编造的不实信息已造成群众恐慌'

/** 256 different 200-character evidence texts. */
export const EVIDENCE_TEXTS = Array.from({ length: 256 }, (_, i) => {
  let s = ''
  for (let k = 0; s.length < 200; k++) s += HANZI[(i * 7 + k * 13) % HANZI.length]
  return s
})

export const MODERATOR: LedgerActor = {
  kind: 'staff',
  id: '0193a6f0-5b1e-7c2d-8e4f-a1b2c3d4e5f6',
  staffId: '0193a6f0-5b1e-7c2d-8e4f-a1b2c3d4e5f6',
  organisationId: 'platform-a',
  name: '王审核',
}

export const REASON =
  '发布未经核实的自来水污染消息，经核实系虚假信息，依据《通化市网络虚假信息治理办法》第十六条删除'

export interface Stats {
  n: number
  medianUs: number
  p99Us: number
  minUs: number
  maxUs: number
  meanUs: number
}

export function stats(samplesNs: ArrayLike<number>): Stats {
  const sorted = Float64Array.from(samplesNs).sort()
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! / 1000
  const sum = sorted.reduce((a, b) => a + b, 0)
  return {
    n: sorted.length,
    medianUs: at(0.5),
    p99Us: at(0.99),
    minUs: sorted[0]! / 1000,
    maxUs: sorted[sorted.length - 1]! / 1000,
    meanUs: sum / sorted.length / 1000,
  }
}

/** Times `f` once per sample, in nanoseconds. */
export function time<T>(samples: T[], f: (sample: T) => unknown): number[] {
  const out: number[] = []
  for (const s of samples) {
    const t0 = process.hrtime.bigint()
    f(s)
    out.push(Number(process.hrtime.bigint() - t0))
  }
  return out
}
