// The docs say what the code does: every error code is documented, every requirement id has a compliance row,
// and every file and test a row names exists.
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ERRORS } from '../src/core/errors.ts'

const read = (p: string) => readFileSync(p, 'utf8')

/** Requirement ids of shared/regulation/ARTICLES.md. */
const REQUIREMENT_IDS = [
  'A1–A3',
  'A4',
  'A5.1',
  'A5.2',
  'A6',
  'A7',
  'A8.1',
  'A8.2',
  'A9',
  'A10',
  'A11.1',
  'A11.2',
  'A12.1',
  'A12.2',
  'A13.1',
  'A13.2',
  'A13.3',
  'A14',
  'A15',
  'A16',
  'A17',
  'A18',
  'A19.1',
  'A19.2',
  'A20',
  'A21',
  'A22',
  'A23',
  'A24',
  'A25',
  'A26',
  'A27',
  'A28',
]

function tableRows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((l) => l.startsWith('|') && !/^\|[-\s|]+\|$/.test(l))
    .map((l) =>
      l
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim()),
    )
}

describe('docs/errors.md', () => {
  it('lists exactly the error codes of src/core/errors.ts, with their status and messages', () => {
    const rows = tableRows(read('docs/errors.md')).filter((r) => r[0]?.startsWith('`'))
    const documented = Object.fromEntries(rows.map((r) => [r[0]!.replaceAll('`', ''), r.slice(1)]))
    expect(Object.keys(documented).sort()).toEqual(Object.keys(ERRORS).sort())
    for (const [code, spec] of Object.entries(ERRORS)) {
      expect(documented[code], code).toEqual([String(spec.status), spec.zh, spec.en])
    }
  })
})

describe('docs/compliance.md', () => {
  const rows = tableRows(read('docs/compliance.md')).filter((r) => /^A\d/.test(r[0] ?? ''))

  it('has one row per requirement id', () => {
    expect(rows.map((r) => r[0])).toEqual(REQUIREMENT_IDS)
  })

  it('matches the ids of shared/regulation/ARTICLES.md when it is present', () => {
    const articles = path.resolve('../shared/regulation/ARTICLES.md')
    if (!existsSync(articles)) return
    const ids = tableRows(read(articles))
      .map((r) => r[0] ?? '')
      .filter((id) => /^A\d/.test(id))
    expect(ids).toEqual(REQUIREMENT_IDS)
  })

  it('names existing code and an existing test for every row that is done or partial', () => {
    for (const [id, , status = '', code = '', test = ''] of rows) {
      const s = status.split(':')[0]
      expect(['done', 'partial', 'planned', 'n/a'], `${id} status`).toContain(s)
      if (s !== 'done' && s !== 'partial') continue
      const file = code.replaceAll('`', '')
      expect(existsSync(file), `${id}: ${file}`).toBe(true)
      const [testFile, testName] = test.replaceAll('`', '').split(' › ') as [string, string | undefined]
      expect(existsSync(testFile), `${id}: ${testFile}`).toBe(true)
      expect(testName, `${id}: test name`).toBeTruthy()
      expect(read(testFile), `${id}: "${testName}" in ${testFile}`).toContain(`'${testName}'`)
    }
  })
})

describe('docs', () => {
  it('README shows the two commands and ARCHITECTURE and the glossary exist', () => {
    const readme = read('README.md')
    expect(readme).toContain('npm ci && npm start')
    expect(readme).toContain('npm test')
    expect(read('ARCHITECTURE.md')).toContain('append-only')
    expect(read('docs/glossary.md')).toContain('clarification')
  })
})
