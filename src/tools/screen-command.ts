// `qinglang screen`: screens a JSON Lines file of items against a lexicon and a claim bank and writes one
// verdict per line. Bad lines are named by file and line number; by default they are skipped and the command
// exits non-zero at the end (`--strict` stops at the first). Progress and a summary go to stderr.
import { createHash } from 'node:crypto'
import { createReadStream, createWriteStream, existsSync, statSync } from 'node:fs'
import { createInterface } from 'node:readline'
import type { Readable, Writable } from 'node:stream'
import { SingleBar } from 'cli-progress'
import { Command, InvalidArgumentError } from 'commander'
import {
  ClaimBank,
  compileRuleSet,
  formatVerdict,
  type LexiconEntry,
  LexiconError,
  type Outcome,
  type Parsed,
  parseClaimLine,
  parseItemLine,
  parseLexiconLine,
  Screener,
} from '../engine/index.ts'

export interface ScreenFlags {
  lexicon: string
  claims?: string
  in?: string
  out?: string
  strict?: boolean
  ruleVersion?: string
  threshold?: number
  progress?: boolean
}

export interface ScreenIo {
  stdin: Readable
  stdout: Writable
  stderr: Writable & { isTTY?: boolean }
}

/** Stops the run: `code` is the exit status. */
export class ScreenStop extends Error {
  override name = 'ScreenStop'
  constructor(
    message: string,
    readonly code: number,
  ) {
    super(message)
  }
}

function ratio(v: string): number {
  const n = Number(v)
  if (!Number.isFinite(n) || n <= 0 || n > 1) throw new InvalidArgumentError('0 < threshold ≤ 1')
  return n
}

async function* lines(input: Readable): AsyncGenerator<[number, string]> {
  const rl = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
  let n = 0
  for await (const line of rl) {
    n++
    yield [n, line]
  }
}

function openInput(file: string, what: { zh: string; en: string }): Readable {
  if (!existsSync(file) || !statSync(file).isFile()) {
    throw new ScreenStop(`找不到${what.zh}文件 ${file} / ${what.en} file not found: ${file}`, 2)
  }
  return createReadStream(file)
}

/** Reads a JSON Lines file through `parse`; reports bad lines; in strict mode stops at the first. */
async function readAll<T>(
  file: string,
  what: { zh: string; en: string },
  parse: (line: string) => Parsed<T>,
  strict: boolean,
  report: (msg: string) => void,
): Promise<{ values: { line: number; value: T }[]; bad: number }> {
  const values: { line: number; value: T }[] = []
  let bad = 0
  for await (const [n, line] of lines(openInput(file, what))) {
    if (line.trim() === '') continue
    const r = parse(line)
    if (r.ok) values.push({ line: n, value: r.value })
    else {
      bad++
      report(badLine(file, n, r.problems))
      if (strict) throw new ScreenStop(`--strict：在 ${file}:${n} 停止 / stopped at ${file}:${n}`, 2)
    }
  }
  return { values, bad }
}

function badLine(file: string, n: number, problems: readonly { zh: string; en: string }[]): string {
  return `${file}:${n}: ${problems.map((p) => p.zh).join('；')} / ${problems.map((p) => p.en).join('; ')}`
}

/** Runs the command; returns the exit status (0: all lines good, 1: bad lines were skipped). */
export async function runScreen(flags: ScreenFlags, io: ScreenIo): Promise<number> {
  const strict = flags.strict === true
  const say = (msg: string) => io.stderr.write(`${msg}\n`)
  let bad = 0

  const lex = await readAll(flags.lexicon, { zh: '词库', en: 'lexicon' }, parseLexiconLine, strict, say)
  bad += lex.bad
  const entries: LexiconEntry[] = lex.values.map((v) => v.value)
  let rules: ReturnType<typeof compileRuleSet>
  const version =
    flags.ruleVersion ??
    `lexicon-${createHash('sha256').update(JSON.stringify(entries)).digest('hex').slice(0, 12)}`
  try {
    rules = compileRuleSet({ version, lexicon: entries })
  } catch (e) {
    if (!(e instanceof LexiconError)) throw e
    // name the lines of the unusable terms, skip them, and carry on (or stop when strict)
    const badIdx = new Set(e.problems.map((p) => p.index))
    for (const p of e.problems) {
      bad++
      say(badLine(flags.lexicon, lex.values[p.index]?.line ?? 0, [p]))
      if (strict) throw new ScreenStop(`--strict：词库有误 / the lexicon has errors`, 2)
    }
    rules = compileRuleSet({ version, lexicon: entries.filter((_, i) => !badIdx.has(i)) })
  }

  let bank: ClaimBank | null = null
  if (flags.claims !== undefined) {
    const claims = await readAll(flags.claims, { zh: '声明库', en: 'claims' }, parseClaimLine, strict, say)
    bad += claims.bad
    bank = new ClaimBank({
      capacity: claims.values.length,
      ...(flags.threshold !== undefined
        ? { threshold: flags.threshold, reviewThreshold: flags.threshold }
        : {}),
    })
    for (const { line, value } of claims.values) {
      const r = bank.add(value)
      if (!r.ok) {
        bad++
        say(badLine(flags.claims, line, [r]))
        if (strict)
          throw new ScreenStop(
            `--strict：在 ${flags.claims}:${line} 停止 / stopped at ${flags.claims}:${line}`,
            2,
          )
      }
    }
  }
  const screener = new Screener(rules, bank)

  const input = flags.in !== undefined ? openInput(flags.in, { zh: '输入', en: 'input' }) : io.stdin
  const total = flags.in !== undefined ? statSync(flags.in).size : 0
  const output = flags.out !== undefined ? createWriteStream(flags.out) : io.stdout
  const showBar = flags.progress !== false && io.stderr.isTTY === true && total > 0
  const bar = showBar
    ? new SingleBar({
        stream: io.stderr,
        format: '筛查 screening [{bar}] {percentage}% | {items} items | {rate} items/s',
        hideCursor: true,
      })
    : null
  bar?.start(total, 0, { items: 0, rate: 0 })

  const counts: Record<Outcome, number> = { allow: 0, label: 0, hold: 0, block: 0 }
  let items = 0
  let bytes = 0
  let badItems = 0
  const started = performance.now()
  const write = (s: string) =>
    output.write(s) ? Promise.resolve() : new Promise<void>((r) => output.once('drain', () => r()))
  try {
    for await (const [n, line] of lines(input)) {
      bytes += Buffer.byteLength(line) + 1
      if (line.trim() === '') continue
      const r = parseItemLine(line)
      if (!r.ok) {
        badItems++
        bar?.stop()
        say(badLine(flags.in ?? '<stdin>', n, r.problems))
        if (strict) {
          throw new ScreenStop(`--strict：在第 ${n} 行停止 / stopped at line ${n}`, 2)
        }
        bar?.start(total, bytes, { items, rate: 0 })
        continue
      }
      const v = screener.screen(r.value)
      counts[v.outcome]++
      items++
      await write(`${formatVerdict(v)}\n`)
      if (bar !== null && (items & 1023) === 0) {
        const secs = (performance.now() - started) / 1000
        bar.update(bytes, { items, rate: Math.round(items / Math.max(secs, 1e-3)) })
      }
    }
  } finally {
    bar?.update(total, { items, rate: 0 })
    bar?.stop()
    if (output !== io.stdout)
      await new Promise<void>((r) => (output as ReturnType<typeof createWriteStream>).end(r))
  }
  bad += badItems
  const secs = (performance.now() - started) / 1000
  say(
    `已筛查 ${items} 条（放行 ${counts.allow}，加标签 ${counts.label}，待审 ${counts.hold}，拦截 ${counts.block}），` +
      `坏行 ${bad}，规则版本 ${screener.rules.version}${bank ? `，声明 ${bank.size} 条` : ''} / ` +
      `screened ${items} items (allow ${counts.allow}, label ${counts.label}, hold ${counts.hold}, block ${counts.block}), ` +
      `${bad} bad lines, rules ${screener.rules.version}${bank ? `, ${bank.size} claims` : ''}, ` +
      `${secs.toFixed(2)} s, ${Math.round(items / Math.max(secs, 1e-6))} items/s`,
  )
  if (bad > 0) say(`有 ${bad} 行无效，已跳过 / ${bad} bad lines were skipped`)
  return bad > 0 ? 1 : 0
}

export function screenCommand(): Command {
  return new Command('screen')
    .description('screen items against a lexicon and a claim bank / 按词库和虚假声明库筛查内容')
    .requiredOption('--lexicon <file>', 'lexicon, JSON Lines / 词库')
    .option('--claims <file>', 'known false claims, JSON Lines / 虚假声明库')
    .option('--in <file>', 'items, JSON Lines (default: standard input) / 待筛查内容')
    .option('--out <file>', 'verdicts, JSON Lines (default: standard output) / 结论')
    .option('--strict', 'stop at the first bad line / 遇到第一行错误即停止')
    .option('--rule-version <v>', 'rule-set version recorded in verdicts (default: a digest of the lexicon)')
    .option('--threshold <n>', 'claim similarity threshold, 0–1 (default 0.5)', ratio)
    .option('--no-progress', 'no progress bar')
    .action(async (flags: ScreenFlags) => {
      try {
        process.exitCode = await runScreen(flags, {
          stdin: process.stdin,
          stdout: process.stdout,
          stderr: process.stderr,
        })
      } catch (e) {
        if (e instanceof ScreenStop) {
          process.stderr.write(`${e.message}\n`)
          process.exitCode = e.code
          return
        }
        throw e
      }
    })
}
