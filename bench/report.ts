// Markdown tables from the JSON results.
type Obj = Record<string, unknown>
const f = (x: unknown, d = 1) => (typeof x === 'number' ? x.toFixed(d) : '—')

export function toMarkdown(out: Obj): string {
  const lines: string[] = [`# Benchmark results`, '', `machine: ${JSON.stringify(out.machine)}`, '']
  const tp = out.throughput as Obj[] | undefined
  if (tp && tp.length > 0) {
    lines.push('## Lexicon throughput (single core, medians of runs, min–max)', '')
    lines.push(
      '| list | tool | mode | MB/s | min–max | items/s | matches | note |',
      '|---|---|---|---|---|---|---|---|',
    )
    for (const r of tp) {
      const m = r.mbPerS as Obj
      lines.push(
        `| ${r.list} | ${r.tool} | ${r.mode} | ${f(m.median)} | ${f(m.min)}–${f(m.max)} | ${r.itemsPerS ? Math.round(r.itemsPerS as number) : '—'} | ${r.matches ?? '—'} | ${r.note ?? ''}${r.peakMemMB ? `; peak ${f(r.peakMemMB)} MB` : ''} |`,
      )
    }
    lines.push('')
  }
  const nm = out.normalise as Obj | null | undefined
  if (nm) {
    const m = (k: string) => {
      const v = nm[k] as Obj
      return `${f(v.median)} (${f(v.min)}–${f(v.max)})`
    }
    lines.push('## Normalisation (traditional-character Weibo text)', '')
    lines.push('| what | MB/s median (min–max) |', '|---|---|')
    for (const k of [
      'openccT2sWhole',
      'openccTw2sWhole',
      'openccT2sPerItem',
      'oursWhole',
      'oursPerItemWithOffsets',
    ])
      lines.push(`| ${k} | ${m(k)} |`)
    const ag = nm.agreement as Obj
    const pr = nm.pairedRatio as Obj | undefined
    if (pr)
      lines.push(
        '',
        `Ours / opencc-js t2s, whole text, median of 7 interleaved rounds: ${f(pr.median)}× (${f(pr.min)}–${f(pr.max)})`,
      )
    lines.push(
      '',
      `Character agreement with opencc-js: t2s ${f((ag.t2s as number) * 100, 3)}%, tw2s ${f((ag.tw2s as number) * 100, 3)}%`,
      '',
    )
  }
  const bank = out.bank as Obj[] | null | undefined
  if (bank) {
    lines.push('## Claim bank', '')
    lines.push(
      '| bank | claims | mean chars | build s | B/claim (typed) | of which text | B/claim (heap) | query p50 µs | p99 wall µs | p99 robust µs | CPU µs/query (variants; negatives) | recall (10% subst.) | negatives matched | load | reverse p50 ms | reverse p99 ms | reverse recall |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|',
    )
    for (const r of bank) {
      const q = r.queryUs as Obj
      const rv = (r.reverse ?? {}) as Obj
      const ld = (r.load ?? {}) as Obj
      const cpu = (xs: unknown) => (Array.isArray(xs) ? xs.map((x) => f(x)).join('/') : '—')
      lines.push(
        `| ${r.bank ?? ''} | ${r.claims} | ${f(r.meanChars)} | ${f(r.buildS)} | ${f(r.bytesPerClaimTyped, 0)} | ${f(r.bytesPerClaimText, 0)} | ${f(r.bytesPerClaimHeap, 0)} | ${f(q.p50)} | ${f(q.p99)} | ${f(q.p99Robust)} | ${cpu(q.cpuPerQueryVariant)}; ${cpu(q.cpuPerQueryNegative)} | ${f(r.variantRecall, 3)} | ${f(((r.negativeMatchRate ?? r.heldOutMatchRate) as number) * 100, 2)}% | ${f(ld.start)}→${f(ld.end)} | ${f(rv.p50Ms, 2)} | ${f(rv.p99Ms, 2)} | ${f(rv.recall, 3)} |`,
      )
    }
    lines.push('')
    for (const r of bank) {
      if (r.ordinaryPosts === undefined) continue
      lines.push(
        `Realistic bank of ${r.claims} claims (tiers ${JSON.stringify(r.tiers)}): recall on variants of the real core ${f(r.coreVariantRecall, 3)}; every ordinary post: ${JSON.stringify(r.ordinaryPosts)}; best other claim for sampled stored claims: ${JSON.stringify(r.nearestOtherClaim)}`,
        '',
      )
    }
  }
  const pipe = out.pipeline as Obj | null | undefined
  if (pipe) {
    lines.push('## Whole pipeline', '', '```json', JSON.stringify(pipe, null, 2), '```', '')
  }
  const q = out.quality as Obj | null | undefined
  if (q) {
    lines.push('## Quality of the claim bank', '')
    for (const [name, v] of Object.entries(q)) {
      const o = v as Obj | null
      if (o === null) continue
      lines.push(`### ${name}`, '', `${o.description ?? ''}`, '')
      const curve = o.curve as Obj[] | undefined
      if (curve) {
        if (o.refusedClaims)
          lines.push(
            `Claims refused by the bank (too short): ${o.refusedClaims}, with ${o.queriesOfRefusedClaims} variant queries (counted as misses).`,
            '',
          )
        const tu = (o.tuning as Obj | undefined)?.curve as Obj[] | undefined
        const te = (o.test as Obj | undefined)?.curve as Obj[] | undefined
        const pr = (p: Obj | undefined) =>
          p ? `${f(p.recall, 3)} / ${f((p.falseMatch as number) * 100, 3)}%` : '—'
        lines.push(
          '| threshold | recall / false matches (all) | tuning half | test half |',
          '|---|---|---|---|',
        )
        curve.forEach((p, i) => {
          lines.push(`| ${p.threshold} | ${pr(p)} | ${pr(tu?.[i])} | ${pr(te?.[i])} |`)
        })
        const rate = (x: unknown) => {
          const r = x as Obj | undefined
          return r ? `${f(r.recall, 3)} (threshold ${r.threshold})` : '—'
        }
        lines.push(
          '',
          `Recall at ≤ 0.1% false matches: all ${rate(o.atRate)}, tuning ${rate((o.tuning as Obj | undefined)?.atRate)}, test ${rate((o.test as Obj | undefined)?.atRate)}.`,
          '',
        )
      }
      const per = o.perEvasion as Obj | undefined
      if (per) {
        lines.push('| evasion | recall at default threshold |', '|---|---|')
        for (const [k, r] of Object.entries(per)) lines.push(`| ${k} | ${f(r, 3)} |`)
        lines.push('')
      }
    }
  }
  return `${lines.join('\n')}\n`
}
