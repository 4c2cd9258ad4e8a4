// The layer rules of ARCHITECTURE.md as code: `npm run lint` runs them over the tree, and a test proves each rule
// catches what it should. Rules:
//   engine    src/engine/** imports only its own files and the pure packages listed here (no I/O, no framework);
//   fastify   only routes.ts files and src/server/** import fastify;
//   http      only routes.ts files (and the server itself) import from src/server/;
//   web       web/** imports server code only with `import type`, and nothing from node:;
//   area      an area imports another area only through its index.ts (tables.ts may reference tables.ts, and the
//             server builder mounts each area's routes.ts).
import path from 'node:path'

export interface SourceFile {
  /** Path relative to the repository root, with forward slashes. */
  path: string
  source: string
}

export interface Violation {
  file: string
  specifier: string
  rule: 'engine' | 'fastify' | 'http' | 'web' | 'area'
  message: string
}

/** Packages the engine may use: pure computation, no I/O. */
export const ENGINE_PACKAGES: readonly string[] = ['opencc-js', 'pinyin-pro']

interface Import {
  specifier: string
  typeOnly: boolean
}

export function importsOf(source: string): Import[] {
  const out: Import[] = []
  const stmt = /(?:^|[\n;])\s*(import|export)\s+(type\s+)?(?:[\w*\s{},$]*?\s+from\s+)?['"]([^'"]+)['"]/g
  for (const m of source.matchAll(stmt)) {
    const clause = m[0]
    // `import { type A, type B } from` is type-only too.
    const braces = /\{([^}]*)\}/.exec(clause)?.[1]
    const allTypeNames =
      braces !== undefined &&
      !/^\s*(import|export)\s+\w/.test(clause.replace(/^(\s|[\n;])*(import|export)\s+type\b/, '')) &&
      braces
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
        .every((s) => s.startsWith('type '))
    out.push({ specifier: m[3] ?? '', typeOnly: m[2] !== undefined || allTypeNames })
  }
  for (const m of source.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)) {
    out.push({
      specifier: m[1] ?? '',
      typeOnly: /^\s*typeof\s*$/.test(source.slice(Math.max(0, (m.index ?? 0) - 8), m.index)),
    })
  }
  return out
}

/** `src/core/auth`, `src/platform/reports`, `src/ledger`, … or null for shared modules and roots. */
export function areaOf(file: string): string | null {
  const parts = file.split('/')
  if (parts[0] !== 'src') return null
  if ((parts[1] === 'core' || parts[1] === 'platform' || parts[1] === 'regulator') && parts.length >= 4) {
    return parts.slice(0, 3).join('/')
  }
  if (parts[1] === 'core' || parts[1] === 'platform' || parts[1] === 'regulator') return null
  if (parts.length >= 3) return parts.slice(0, 2).join('/')
  return null
}

const isFastify = (s: string) => s === 'fastify' || s.startsWith('@fastify/') || s === 'fastify-plugin'
const isTest = (f: string) => f.endsWith('.test.ts') || f.startsWith('test/')

export function checkLayers(files: readonly SourceFile[]): Violation[] {
  const out: Violation[] = []
  for (const f of files) {
    const dir = path.posix.dirname(f.path)
    const base = path.posix.basename(f.path)
    for (const imp of importsOf(f.source)) {
      const s = imp.specifier
      const relative = s.startsWith('.')
      const target = relative ? path.posix.normalize(path.posix.join(dir, s)) : null
      const add = (rule: Violation['rule'], message: string) =>
        out.push({ file: f.path, specifier: s, rule, message })

      if (f.path.startsWith('src/engine/') && !isTest(f.path)) {
        if (relative ? !target?.startsWith('src/engine/') : !ENGINE_PACKAGES.includes(s)) {
          add(
            'engine',
            'the engine is pure: it imports only its own files and the packages in ENGINE_PACKAGES',
          )
        }
      }
      if (isFastify(s) && f.path.startsWith('src/') && !imp.typeOnly) {
        if (base !== 'routes.ts' && !f.path.startsWith('src/server/') && !isTest(f.path)) {
          add('fastify', 'only routes.ts files and src/server/ import fastify')
        }
      }
      if (
        target?.startsWith('src/server/') &&
        f.path.startsWith('src/') &&
        !f.path.startsWith('src/server/')
      ) {
        if (
          base !== 'routes.ts' &&
          !isTest(f.path) &&
          !imp.typeOnly &&
          f.path !== 'src/cli.ts' &&
          !f.path.startsWith('src/demo/')
        ) {
          add('http', 'only routes.ts files use the HTTP layer in src/server/')
        }
      }
      // The Vite config runs in Node at build time; everything else under web/ runs in the browser.
      if (f.path.startsWith('web/') && !f.path.endsWith('.config.ts')) {
        if (s.startsWith('node:')) add('web', 'the console runs in the browser: no node: modules')
        if (target !== null && !target.startsWith('web/') && !imp.typeOnly) {
          add(
            'web',
            'the console reaches the server over HTTP only; server code may be imported with `import type`',
          )
        }
      }
      if (target !== null && f.path.startsWith('src/') && !isTest(f.path)) {
        const from = areaOf(f.path)
        const to = areaOf(target)
        const viaIndex = target.endsWith('/index.ts') && path.posix.dirname(target) === to
        // The server builder is the one place that mounts each area's route plugin.
        const serverMountsRoutes = f.path.startsWith('src/server/') && target === `${to}/routes.ts`
        const tableToTable = base === 'tables.ts' && target.endsWith('/tables.ts')
        if (
          to !== null &&
          to !== from &&
          !viaIndex &&
          !tableToTable &&
          !serverMountsRoutes &&
          to !== 'src/server'
        ) {
          add('area', `import ${to} through its index.ts`)
        }
      }
    }
  }
  return out
}
