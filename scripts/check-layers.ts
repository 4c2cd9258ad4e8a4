// `npm run lint` step: fails when any file breaks a layer rule (scripts/layers.ts).
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { checkLayers } from './layers.ts'

const tracked = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', 'src', 'web'],
  { encoding: 'utf8' },
)
  .split('\n')
  .filter((f) => /\.(ts|tsx)$/.test(f))
const violations = checkLayers(tracked.map((p) => ({ path: p, source: readFileSync(p, 'utf8') })))
for (const v of violations) console.error(`${v.file}: [${v.rule}] ${v.specifier} — ${v.message}`)
console.log(`layers: ${tracked.length} files checked, ${violations.length} violations`)
process.exit(violations.length > 0 ? 1 : 0)
