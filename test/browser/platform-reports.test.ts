// Reports to the regulator (A16) in a real browser against the demo: each platform filed the rumour its patrol
// stopped; a CAC officer finds both reports verified and opens one to its entries, each proof holding; a platform
// admin sees the filing sent and delivered. Screenshots land in test-results/screenshots/.
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningNode } from '../../src/server/start.ts'
import { type BrowserRig, baseOf, SHOTS, signIn as signInAs, startRig } from './browser.ts'

let rig: BrowserRig
let nodes: RunningNode[] = []
let page: Page

beforeAll(async () => {
  rig = await startRig()
  nodes = rig.nodes
  page = rig.page
})
afterAll(async () => rig?.close())

const signIn = (base: string, login: string) => signInAs(rig, base, login)
const node = (id: string) => nodes.find((n) => n.config.node.id === id)!

/** Waits for the page's animations (the drawer sliding in) to end, so a screenshot shows the settled page. */
async function settled(): Promise<void> {
  // Runs in the page; typed by hand, as the test's own types have no DOM (and the CSP forbids string code).
  type InPage = { document: { getAnimations(): { playState: string }[] } }
  await page.waitForFunction(() =>
    (globalThis as unknown as InPage).document.getAnimations().every((a) => a.playState !== 'running'),
  )
}

describe('reports to the regulator in Chromium', () => {
  it('a CAC officer sees both platforms’ reports verified and every entry’s proof holding', async () => {
    await signIn(baseOf(node('tonghua-cac')), 'cac.officer')
    await page.getByTestId('menu-platformReports').click()
    const table = page.getByTestId('platform-reports-table')
    // Each platform's filing of the tap-water rumour; the demo's order and inspections file theirs as checkpoints
    // come, so the list may hold more by now.
    const rows = table.locator('tbody tr[data-row-key]').filter({ hasText: '东昌区自来水有毒' })
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2)
    for (const platform of ['platform-a', 'platform-b']) {
      const row = rows.filter({ hasText: platform })
      expect(await row.textContent()).toContain('东昌区自来水有毒')
      expect(await row.locator('[data-verified]').getAttribute('data-verified')).toBe('true')
    }
    await page.screenshot({ path: path.join(SHOTS, 'tonghua-cac-platform-reports.png'), fullPage: true })

    await rows.filter({ hasText: 'platform-a' }).click()
    const drawer = page.getByTestId('platform-report-drawer')
    await drawer.waitFor()
    await expect.poll(() => drawer.getByTestId('platform-report-found').textContent()).toContain('自来水有毒')
    const entries = drawer.locator('[data-testid^="platform-report-entry-"]')
    await expect.poll(() => entries.count()).toBeGreaterThanOrEqual(3)
    expect(
      new Set(await entries.evaluateAll((els) => els.map((e) => e.getAttribute('data-verified')))),
    ).toEqual(new Set(['true']))
    expect(await drawer.textContent()).toContain('报告本身的记录')
    await settled()
    await page.screenshot({ path: path.join(SHOTS, 'tonghua-cac-platform-report.png'), fullPage: true })
  })

  it('a platform admin sees the filing sent and delivered; a reviewer has no such page', async () => {
    const a = node('platform-a')
    await signIn(baseOf(a), 'admin')
    await page.getByTestId('menu-filings').click()
    const table = page.getByTestId('filings-table')
    await table.locator('tbody tr[data-row-key]').first().waitFor()
    // The newest filing (the demo's inspections file theirs last) waits for a checkpoint to cover its entries: the
    // demo signs one every 15 s, and the page shows it sent once it has gone.
    const status = table.locator('[data-testid^="filing-status-"]').first()
    await expect
      .poll(
        async () => {
          if ((await status.getAttribute('data-status')) !== 'sent') {
            await page.reload()
            await table.locator('tbody tr[data-row-key]').first().waitFor()
          }
          return status.getAttribute('data-status')
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe('sent')
    await expect.poll(() => table.textContent()).toContain('已送达')
    await page.screenshot({ path: path.join(SHOTS, 'platform-a-filings.png'), fullPage: true })

    await signIn(baseOf(a), 'reviewer')
    expect(await page.getByTestId('menu-filings').count()).toBe(0)
  })
})
