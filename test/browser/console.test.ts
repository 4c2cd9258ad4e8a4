// The console in a real browser (Debian Chromium through playwright-core) against the three demo nodes: every
// role signs in on each node kind and sees only its menu; screenshots land in test-results/screenshots/.
import path from 'node:path'
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoStaffFor } from '../../src/demo/index.ts'
import type { RunningNode } from '../../src/server/start.ts'
import { type BrowserRig, baseOf, SHOTS, signIn as signInAs, startRig } from './browser.ts'

/** The menu each role must see: written out here, not derived from the permission table under test. */
const EXPECTED_MENU: Record<string, string[]> = {
  regulator_admin: [
    'dashboard',
    'organisations',
    'staff',
    'tokens',
    'ledger',
    'protocol',
    'witness',
    'platformReports',
    'clarifications',
    'publicReports',
    'cases',
    'bulletins',
    'evaluation',
    'referrals',
    'conventions',
    'education',
    'accountability',
    'orders',
    'penalties',
    'inspections',
  ],
  officer: [
    'dashboard',
    'organisations',
    'ledger',
    'witness',
    'platformReports',
    'clarifications',
    'publicReports',
    'cases',
    'bulletins',
    'evaluation',
    'referrals',
    'conventions',
    'education',
    'orders',
    'penalties',
    'inspections',
  ],
  supervisor: [
    'dashboard',
    'organisations',
    'staff',
    'ledger',
    'protocol',
    'witness',
    'platformReports',
    'clarifications',
    'publicReports',
    'cases',
    'bulletins',
    'evaluation',
    'referrals',
    'conventions',
    'accountability',
    'orders',
    'penalties',
    'inspections',
  ],
  procurator: ['dashboard', 'organisations', 'referrals'],
  platform_admin: [
    'dashboard',
    'organisations',
    'staff',
    'tokens',
    'ledger',
    'protocol',
    'rules',
    'credit',
    'review',
    'screening',
    'patrol',
    'reports',
    'disposals',
    'appeals',
    'recommendation',
    'staffing',
    'receivedConventions',
    'metricsSubmissions',
    'receivedOrders',
    'filings',
  ],
  operator: [
    'dashboard',
    'organisations',
    'rules',
    'credit',
    'review',
    'screening',
    'patrol',
    'reports',
    'disposals',
    'recommendation',
    'staffing',
    'receivedConventions',
    'metricsSubmissions',
    'receivedOrders',
    'filings',
  ],
  reviewer: ['dashboard', 'credit', 'review', 'screening', 'patrol', 'reports', 'disposals', 'appeals'],
  inspector: [
    'dashboard',
    'organisations',
    'staff',
    'ledger',
    'protocol',
    'credit',
    'review',
    'screening',
    'reports',
    'disposals',
    'recommendation',
    'staffing',
    'receivedConventions',
    'metricsSubmissions',
    'receivedOrders',
    'filings',
  ],
}

let rig: BrowserRig
let nodes: RunningNode[] = []
let context: BrowserContext
let page: Page

beforeAll(async () => {
  rig = await startRig()
  ;({ nodes, context, page } = rig)
})
afterAll(async () => rig?.close())

const signIn = (base: string, login: string) => signInAs(rig, base, login)

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
    await page.getByTestId('lang-switch').getByText('English').click()
    await page.getByText('Tonghua Public Security Bureau').first().waitFor()
    // The names show both languages anyway; the menu shows which one the console speaks.
    await expect.poll(() => page.getByTestId('menu-organisations').textContent()).toContain('Organisations')
    await page.screenshot({ path: path.join(SHOTS, 'tonghua-cac-organisations-en.png'), fullPage: true })
    await page.getByTestId('lang-switch').getByText('中文').click()
    await expect.poll(() => page.getByTestId('menu-organisations').textContent()).toContain('机构')
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
