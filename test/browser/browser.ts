// What every browser test needs: the demo nodes on free ports, Debian Chromium through playwright-core with a
// fresh profile, and a sign-in. Screenshots go to test-results/screenshots/.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'
import { runDemo } from '../../src/demo/index.ts'
import type { RunningNode } from '../../src/server/start.ts'

export const CHROMIUM = '/usr/bin/chromium'
export const SHOTS = path.resolve('test-results/screenshots')

export interface BrowserRig {
  nodes: RunningNode[]
  context: BrowserContext
  page: Page
  close(): Promise<void>
}

export async function startRig(): Promise<BrowserRig> {
  if (!existsSync('dist/web/index.html')) throw new Error('build the console first: npm run build:web')
  if (!existsSync(CHROMIUM))
    throw new Error('install Debian chromium: apt-get install chromium fonts-wqy-microhei')
  mkdirSync(SHOTS, { recursive: true })
  const root = mkdtempSync(path.join(tmpdir(), 'qinglang-browser-'))
  const profile = mkdtempSync(path.join(tmpdir(), 'qinglang-chromium-'))
  const nodes = await runDemo({
    root,
    reset: true,
    env: { QINGLANG_LOG_LEVEL: 'silent' },
    ports: [0, 0, 0],
    log: () => {},
  })
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 1360, height: 860 },
    // Without these, Chromium reaches for Google's hosts that this closed network refuses.
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
  const page = context.pages()[0] ?? (await context.newPage())
  return {
    nodes,
    context,
    page,
    async close() {
      await context.close()
      await Promise.allSettled(nodes.map((n) => n.stop()))
      rmSync(root, { recursive: true, force: true })
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

export function baseOf(n: RunningNode): string {
  const a = n.app.server.address()
  if (a === null || typeof a === 'string') throw new Error('not listening')
  return `http://127.0.0.1:${a.port}`
}

export async function signIn(rig: BrowserRig, base: string, login: string): Promise<void> {
  await rig.context.clearCookies()
  await rig.page.goto(`${base}/login`)
  await rig.page.getByTestId('login-login').fill(login)
  await rig.page.getByTestId('login-password').fill('qinglang-demo')
  await rig.page.getByTestId('login-submit').click()
  await rig.page.getByTestId('main-menu').waitFor()
}

/** Resolves with the next answer to a request whose path ends so, with this method. */
export function answered(page: Page, pathEnd: string, method: string) {
  return page.waitForResponse(
    (r) => r.url().split('?')[0]!.endsWith(pathEnd) && r.request().method() === method,
  )
}

/**
 * Waits for the page's animations (drawers, messages, fades) to end, so a screenshot shows the settled page; a
 * spinner's endless animation never ends, and is not waited for.
 */
export async function settled(page: Page): Promise<void> {
  // Runs in the page; typed by hand, as the test's own types have no DOM (and the CSP forbids string code).
  type InPage = {
    document: {
      getAnimations(): { playState: string; effect: { getTiming(): { iterations: number } } | null }[]
    }
  }
  await page.waitForFunction(() =>
    (globalThis as unknown as InPage).document
      .getAnimations()
      .every(
        (a) => a.playState !== 'running' || a.effect?.getTiming().iterations === Number.POSITIVE_INFINITY,
      ),
  )
}

/** Signs a platform user in on the platform's portal (/u/login), the staff's cookies cleared first. */
export async function portalSignIn(rig: BrowserRig, base: string, phone: string): Promise<void> {
  await rig.context.clearCookies()
  await rig.page.goto(`${base}/u/login`)
  await rig.page.getByTestId('portal-login-phone').fill(phone)
  await rig.page.getByTestId('portal-login-password').fill('qinglang-demo')
  await rig.page.getByTestId('portal-login-submit').click()
  await rig.page.getByTestId('portal-me').waitFor()
}

/** `YYYY-MM-DD HH:mm` in the browser's (and this machine's) time zone: what antd's date pickers take. */
export function localMinute(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

/** Opens the antd select with this test id and picks the first option with this text. */
export async function chooseOption(page: Page, testId: string, text: string): Promise<void> {
  await page.getByTestId(testId).click()
  await page.locator('.ant-select-item-option:visible').filter({ hasText: text }).first().click()
}
