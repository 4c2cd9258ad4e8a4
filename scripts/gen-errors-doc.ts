// Rewrites the table of docs/errors.md from src/core/errors.ts: `npx tsx scripts/gen-errors-doc.ts`.
import { readFileSync, writeFileSync } from 'node:fs'
import { ERRORS } from '../src/core/errors.ts'

const file = 'docs/errors.md'
const text = readFileSync(file, 'utf8')
const head = text.slice(0, text.indexOf('| code | HTTP |'))
const rows = Object.entries(ERRORS).map(([code, s]) => `| \`${code}\` | ${s.status} | ${s.zh} | ${s.en} |`)
writeFileSync(file, `${head}| code | HTTP | 中文 | English |\n|---|---|---|---|\n${rows.join('\n')}\n`)
console.log(`${file}: ${rows.length} codes`)
