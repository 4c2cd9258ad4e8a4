// The layer rules hold over the whole tree, and each rule really catches what it names.
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { checkLayers, importsOf } from '../scripts/layers.ts'

describe('layer rules', () => {
  it('hold over src/ and web/', () => {
    const files = execFileSync(
      'git',
      ['ls-files', '--cached', '--others', '--exclude-standard', 'src', 'web'],
      { encoding: 'utf8' },
    )
      .split('\n')
      .filter((f) => /\.(ts|tsx)$/.test(f))
    expect(files.length).toBeGreaterThan(20)
    expect(checkLayers(files.map((p) => ({ path: p, source: readFileSync(p, 'utf8') })))).toEqual([])
  })

  const rulesOf = (path: string, source: string) => checkLayers([{ path, source }]).map((v) => v.rule)

  it('the engine may not do I/O or use a framework', () => {
    expect(rulesOf('src/engine/normalise.ts', "import { readFileSync } from 'node:fs'")).toEqual(['engine'])
    expect(rulesOf('src/engine/screen.ts', "import Fastify from 'fastify'")).toContain('engine')
    expect(rulesOf('src/engine/screen.ts', "import { x } from '../core/db/index.ts'")).toEqual(['engine'])
    expect(rulesOf('src/engine/screen.ts', "import { normalise } from './normalise.ts'")).toEqual([])
  })

  it('only routes and the server import fastify', () => {
    expect(rulesOf('src/platform/reports/reports.ts', "import Fastify from 'fastify'")).toEqual(['fastify'])
    expect(
      rulesOf(
        'src/platform/reports/routes.ts',
        "import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'",
      ),
    ).toEqual([])
    expect(rulesOf('src/server/index.ts', "import Fastify from 'fastify'")).toEqual([])
  })

  it('use cases do not reach into the HTTP layer', () => {
    expect(
      rulesOf('src/platform/reports/reports.ts', "import { actorOf } from '../../server/auth.ts'"),
    ).toEqual(['http'])
    expect(
      rulesOf('src/platform/reports/routes.ts', "import { actorOf } from '../../server/auth.ts'"),
    ).toEqual([])
  })

  it('the console imports server code for types only', () => {
    expect(rulesOf('web/app/api.ts', "import { listStaff } from '../../src/core/auth/index.ts'")).toEqual([
      'web',
    ])
    expect(
      rulesOf('web/app/api.ts', "import type { StaffView } from '../../src/core/auth/index.ts'"),
    ).toEqual([])
    expect(
      rulesOf('web/app/api.ts', "import { type StaffView, type Me } from '../../src/core/auth/index.ts'"),
    ).toEqual([])
    expect(rulesOf('web/app/api.ts', "import { readFile } from 'node:fs/promises'")).toEqual(['web'])
  })

  it('areas meet only through their index.ts', () => {
    expect(
      rulesOf('src/platform/reports/reports.ts', "import { getStaff } from '../../core/auth/staff.ts'"),
    ).toEqual(['area'])
    expect(
      rulesOf('src/platform/reports/reports.ts', "import { getStaff } from '../../core/auth/index.ts'"),
    ).toEqual([])
    expect(
      rulesOf('src/platform/reports/tables.ts', "import { staff } from '../../core/auth/tables.ts'"),
    ).toEqual([])
    expect(
      rulesOf('src/platform/reports/reports.ts', "import { DomainError } from '../../core/errors.ts'"),
    ).toEqual([])
  })

  it('reads multi-line and type-only imports', () => {
    const found = importsOf(
      "import {\n  a,\n  b,\n} from './x.ts'\nimport type { T } from './t.ts'\nexport { c } from './c.ts'\n",
    )
    expect(found).toEqual([
      { specifier: './x.ts', typeOnly: false },
      { specifier: './t.ts', typeOnly: true },
      { specifier: './c.ts', typeOnly: false },
    ])
  })
})
