import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PassThrough, Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { runScreen, ScreenStop } from './screen-command.ts'

const dir = mkdtempSync(path.join(tmpdir(), 'qinglang-screen-'))
const file = (name: string, lines: string[]) => {
  const p = path.join(dir, name)
  writeFileSync(p, `${lines.join('\n')}\n`)
  return p
}
const lexicon = file('lexicon.jsonl', [
  '{"term": "谣言", "category": "prohibit", "severity": 3, "basis": ["A11.1"], "sound": true}',
  '{"term": "演绎", "category": "prevent", "severity": 1, "basis": ["A11.2"], "fiction": true}',
])
const claims = file('claims.jsonl', [
  '{"id": "c1", "text": "喝高度白酒可以预防新冠病毒感染", "source": "clarification 7"}',
])

function io(stdin = '') {
  const stdout = new PassThrough()
  const stderr = new PassThrough()
  let out = ''
  let err = ''
  stdout.on('data', (d) => (out += d))
  stderr.on('data', (d) => (err += d))
  return { io: { stdin: Readable.from([stdin]), stdout, stderr }, out: () => out, err: () => err }
}

describe('qinglang screen', () => {
  it('writes one verdict per item and a summary on stderr', async () => {
    const input = file('items.jsonl', [
      '{"id": "1", "text": "别信遥言", "kind": "comment"}',
      '{"id": "2", "text": "喝高度白酒可以預防新冠病毒感染😀", "kind": "danmaku"}',
      '{"id": "3", "text": "今天天气不错", "kind": "post", "fictionDeclared": false}',
      '{"id": "4", "text": "剧情演绎", "kind": "reply"}',
    ])
    const out = path.join(dir, 'verdicts.jsonl')
    const t = io()
    expect(await runScreen({ lexicon, claims, in: input, out, ruleVersion: 'r1' }, t.io)).toBe(0)
    const verdicts = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(verdicts.map((v) => [v.id, v.outcome])).toEqual([
      ['1', 'block'],
      ['2', 'block'],
      ['3', 'allow'],
      ['4', 'label'],
    ])
    expect(verdicts[1].claims).toEqual([{ id: 'c1', similarity: 1 }])
    expect(verdicts[0].ruleVersion).toBe('r1+claims.1')
    expect(t.err()).toContain('screened 4 items (allow 1, label 1, hold 0, block 2)')
    expect(t.err()).toContain('已筛查 4 条')
  })

  it('names the line of every malformed input, skips it and fails at the end', async () => {
    const t = io(
      ['{"id": "1", "text": "谣言"}', 'not json', '{"id": "3"}', '{"id": "4", "text": "好"}'].join('\n'),
    )
    expect(await runScreen({ lexicon }, t.io)).toBe(1)
    expect(
      t
        .out()
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).id),
    ).toEqual(['1', '4'])
    expect(t.err()).toMatch(/<stdin>:2: 不是有效的 JSON.* \/ not valid JSON/)
    expect(t.err()).toContain('<stdin>:3: 缺少 text（字符串） / text must be a string')
    expect(t.err()).toContain('2 bad lines were skipped')
  })

  it('stops at the first bad line with --strict', async () => {
    const t = io(['{"id": "1", "text": "谣言"}', 'not json', '{"id": "3", "text": "x"}'].join('\n'))
    await expect(runScreen({ lexicon, strict: true }, t.io)).rejects.toThrow(ScreenStop)
    expect(t.out().trim().split('\n')).toHaveLength(1)
  })

  it('reports bad lexicon and claim lines with their file and line number', async () => {
    const badLex = file('bad-lexicon.jsonl', [
      '{"term": "谣言", "category": "prohibit", "severity": 3, "basis": ["A11.1"]}',
      '{"term": "！！", "category": "prohibit", "severity": 3, "basis": ["A11.1"]}',
      '{"term": "x", "category": "maybe", "severity": 3, "basis": ["A11.1"]}',
    ])
    const badClaims = file('bad-claims.jsonl', ['{"id": "c1", "text": "谣"}', '{"text": "没有 id"}'])
    const t = io('{"id": "1", "text": "谣言"}')
    expect(await runScreen({ lexicon: badLex, claims: badClaims }, t.io)).toBe(1)
    expect(t.err()).toContain(`${badLex}:2:`)
    expect(t.err()).toContain(`${badLex}:3: category 必须是`)
    expect(t.err()).toContain(`${badClaims}:1:`)
    expect(t.err()).toContain(`${badClaims}:2: 缺少 id`)
    expect(JSON.parse(t.out()).outcome).toBe('block')
  })

  it('runs as a program and exits non-zero with a bilingual message for a missing file', () => {
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/cli.ts', 'screen', '--lexicon', path.join(dir, 'nope.jsonl')],
      { encoding: 'utf8', input: '' },
    )
    expect(r.status).toBe(2)
    expect(r.stderr).toContain('找不到词库文件')
    expect(r.stderr).toContain('lexicon file not found')
  })
})
