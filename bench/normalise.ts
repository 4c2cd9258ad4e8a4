// Normalisation throughput against opencc-js on the same traditional-character text, and agreement.
import * as OpenCC from 'opencc-js'
import { normalize, normalizeText } from '../src/engine/index.ts'
import { median, readJsonl } from './data.ts'

export function runNormalise(reps: number) {
  const posts = readJsonl<{ text: string }>('weibo-ordinary-posts/posts.jsonl')
  if (posts === null) {
    console.log('normalise: weibo-ordinary-posts absent, skipped')
    return null
  }
  const toTrad = OpenCC.Converter({ from: 'cn', to: 'tw' })
  const t2s = OpenCC.Converter({ from: 't', to: 'cn' })
  const tw2s = OpenCC.Converter({ from: 'tw', to: 'cn' })
  const trad = posts.map((p) => toTrad(p.text))
  const whole = trad.join('\n')
  const bytes = Buffer.byteLength(whole)
  const time = (fn: () => void) => {
    const xs: number[] = []
    // One untimed run first, for every contender alike: the first call over a 20 MB text runs its loops in
    // on-stack-replaced code that deoptimises on each branch it has not seen yet (surrogates, expansions,
    // phrases) and is recompiled several times; with 2–5 repetitions that first run pulled the median down.
    fn()
    // CPU seconds of this process (the machine is shared; see throughput.ts)
    for (let r = 0; r < reps; r++) {
      const c = process.cpuUsage()
      fn()
      const u = process.cpuUsage(c)
      xs.push(bytes / 1e6 / ((u.user + u.system) / 1e6))
    }
    return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) }
  }
  normalizeText('預熱') // tables are built once, outside the timing
  const res = {
    bytes,
    items: trad.length,
    openccT2sWhole: time(() => t2s(whole)),
    openccTw2sWhole: time(() => tw2s(whole)),
    openccT2sPerItem: time(() => {
      for (const x of trad) t2s(x)
    }),
    oursWhole: time(() => normalizeText(whole)),
    oursPerItemWithOffsets: time(() => {
      for (const x of trad) normalize(x)
    }),
    agreement: {} as Record<string, number>,
    // the machine's speed drifts within minutes: the ratio is also taken in 7 rounds of one run of each, back
    // to back, and reported as the median of the per-round ratios
    pairedRatio: (() => {
      const ratios: number[] = []
      for (let r = 0; r < 7; r++) {
        let c = process.cpuUsage()
        t2s(whole)
        let u = process.cpuUsage(c)
        const theirs = u.user + u.system
        c = process.cpuUsage()
        normalizeText(whole)
        u = process.cpuUsage(c)
        ratios.push(theirs / (u.user + u.system))
      }
      return { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) }
    })(),
  }
  // Agreement: our normalised text vs OpenCC's conversion then our normalisation (which only removes
  // punctuation, folds width and case, and leaves simplified text alone), character by character.
  for (const [name, conv] of [
    ['t2s', t2s],
    ['tw2s', tw2s],
  ] as const) {
    let same = 0
    let total = 0
    for (const x of trad) {
      const a = normalizeText(x)
      const b = normalizeText(conv(x))
      total += Math.max(a.length, b.length)
      if (a.length === b.length) for (let i = 0; i < a.length; i++) same += a[i] === b[i] ? 1 : 0
    }
    res.agreement[name] = same / total
  }
  console.log(
    `normalise: opencc t2s ${res.openccT2sWhole.median.toFixed(1)} MB/s whole, ours ${res.oursWhole.median.toFixed(1)} MB/s whole, ` +
      `${res.oursPerItemWithOffsets.median.toFixed(1)} MB/s per item with offsets; paired ratio ${res.pairedRatio.median.toFixed(1)}× ` +
      `(${res.pairedRatio.min.toFixed(1)}–${res.pairedRatio.max.toFixed(1)}); agreement t2s ${(res.agreement.t2s! * 100).toFixed(3)}%, tw2s ${(res.agreement.tw2s! * 100).toFixed(3)}%`,
  )
  return res
}
