// The console in a real browser (Debian Chromium through playwright-core) against the three demo nodes: every
// role signs in on each node kind and sees only its menu; screenshots land in test-results/screenshots/.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoStaffFor, runDemo } from '../../src/demo/index.ts'
import type { RunningNode } from '../../src/server/start.ts'

const CHROMIUM = '/usr/bin/chromium'
const SHOTS = path.resolve('test-results/screenshots')
const root = mkdtempSync(path.join(tmpdir(), 'qinglang-browser-'))
const profile = mkdtempSync(path.join(tmpdir(), 'qinglang-chromium-'))

/** The menu each role must see: written out here, not derived from the permission table under test. */
const EXPECTED_MENU: Record<string, string[]> = {
  regulator_admin: ['dashboard', 'organisations', 'staff', 'tokens'],
  officer: ['dashboard', 'organisations'],
  supervisor: ['dashboard', 'organisations', 'staff'],
  procurator: ['dashboard', 'organisations'],
  platform_admin: ['dashboard', 'organisations', 'staff', 'tokens'],
  operator: ['dashboard', 'organisations'],
  reviewer: ['dashboard'],
  inspector: ['dashboard', 'organisations', 'staff'],
}

let nodes: RunningNode[] = []
let context: BrowserContext
let page: Page

const baseOf = (n: RunningNode) => {
  const a = n.app.server.address()
  if (a === null || typeof a === 'string') throw new Error('not listening')
  return `http://127.0.0.1:${a.port}`
}

beforeAll(async () => {
  if (!existsSync('dist/web/index.html')) throw new Error('build the console first: npm run build:web')
  if (!existsSync(CHROMIUM))
    throw new Error('install Debian chromium: apt-get install chromium fonts-wqy-microhei')
  mkdirSync(SHOTS, { recursive: true })
  nodes = await runDemo({
    root,
    reset: true,
    env: { QINGLANG_LOG_LEVEL: 'silent' },
    ports: [0, 0, 0],
    log: () => {},
  })
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1360, height: 860 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
  page = context.pages()[0] ?? (await context.newPage())
})

afterAll(async () => {
  await context?.close()
  await Promise.allSettled(nodes.map((n) => n.stop()))
  rmSync(root, { recursive: true, force: true })
  rmSync(profile, { recursive: true, force: true })
})

async function signIn(base: string, login: string): Promise<void> {
  await context.clearCookies()
  await page.goto(`${base}/login`)
  await page.getByTestId('login-login').fill(login)
  await page.getByTestId('login-password').fill('qinglang-demo')
  await page.getByTestId('login-submit').click()
  await page.getByTestId('main-menu').waitFor()
}

async function menuKeys(): Promise<string[]> {
  const ids = await page
    .getByTestId('main-menu')
    .locator('[data-testid^="menu-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid') ?? ''))
  return ids.map((id) => id.replace(/^menu-/, '')).sort()
}

describe('the console in Chromium', () => {
  for (const kind of ['regulator', 'platform'] as const) {
    it(`every role signs in on the ${kind} node and sees only its menu`, async () => {
      const node = nodes.find((n) => n.config.node.role === kind)!
      const base = baseOf(node)
      const seen = new Set<string>()
      for (const s of demoStaffFor(kind)) {
        const role = s.roles[0]!
        if (seen.has(role)) continue
        seen.add(role)
        await signIn(base, s.login)
        expect(await menuKeys(), `${kind} ${role}`).toEqual([...EXPECTED_MENU[role]!].sort())
        await expect.poll(() => page.getByTestId('header-user').textContent()).toContain(s.displayName)
        await page.screenshot({
          path: path.join(SHOTS, `${node.config.node.id}-${role}.png`),
          fullPage: true,
        })
      }
    })
  }

  it('shows the regulator its organisations in Chinese, and in English after the switch', async () => {
    const node = nodes.find((n) => n.config.node.role === 'regulator')!
    await signIn(baseOf(node), 'cac.admin')
    await page.getByTestId('menu-organisations').click()
    await page.getByText('通化市公安局').first().waitFor()
    await expect.poll(() => page.locator('body').textContent()).toContain('梅河口市网信办')
    await page.screenshot({ path: path.join(SHOTS, 'tonghua-cac-organisations-zh.png'), fullPage: true })
    await page.getByTestId('lang-switch').click()
    await page.getByText('Tonghua Public Security Bureau').first().waitFor()
    await page.screenshot({ path: path.join(SHOTS, 'tonghua-cac-organisations-en.png'), fullPage: true })
    await page.getByTestId('lang-switch').click()
    await page.getByText('通化市公安局').first().waitFor()
  })

  it('refuses a wrong password with a message in Chinese', async () => {
    const node = nodes.find((n) => n.config.node.role === 'platform')!
    await context.clearCookies()
    await page.goto(`${baseOf(node)}/login`)
    await page.getByTestId('login-login').fill('admin')
    await page.getByTestId('login-password').fill('not-the-password')
    await page.getByTestId('login-submit').click()
    await page.getByText('账号或密码错误').first().waitFor()
    expect(await page.getByTestId('main-menu').count()).toBe(0)
  })
})
