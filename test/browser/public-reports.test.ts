// Public reports to the regulator (A18, A8.2) in a real browser against the demo: a member of the public, on a phone
// and without signing in, reports a rumour on the regulator's /p/report with a screenshot (a file that only calls
// itself a PNG is refused before sending), gets a tracking code and looks it up; a CAC officer sees the report with
// the reporter sealed and closes it with feedback; the admin unseals with a reason; the public lookup then shows the
// feedback; the demo's reports show a cluster and an overdue one. Screenshots land in test-results/screenshots/.
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningNode } from '../../src/server/start.ts'
import { type BrowserRig, baseOf, chooseOption, SHOTS, signIn as signInAs, startRig } from './browser.ts'

let rig: BrowserRig
let nodes: RunningNode[] = []
let page: Page

beforeAll(async () => {
  rig = await startRig()
  nodes = rig.nodes
  page = rig.page
})
afterAll(async () => rig?.close())

const regulator = () => baseOf(nodes.find((n) => n.config.node.role === 'regulator')!)

/** Waits for the page's animations (drawers, messages) to end, so a screenshot shows the settled page. */
async function settled(): Promise<void> {
  type InPage = { document: { getAnimations(): { playState: string }[] } }
  await page.waitForFunction(() =>
    (globalThis as unknown as InPage).document.getAnimations().every((a) => a.playState !== 'running'),
  )
}

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(256, 3),
])
const NAME = '韩雪梅'
const PHONE = '13844358866'
const DESCRIPTION = '抖音上有人说柳河县发生地震，县城房屋倒塌，让大家连夜出城避难，视频是外地旧画面'
const FEEDBACK =
  '经柳河县网信办核实，柳河县未发生地震，视频系外地旧画面拼接；已要求平台删除相关视频，并对发布者依法处理。'
let code = ''

describe('public reports in Chromium', () => {
  it('a member of the public reports on a phone without signing in and gets a tracking code', async () => {
    await rig.context.clearCookies()
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${regulator()}/p/report`)
    await page.getByTestId('public-report-site').waitFor()
    await expect.poll(() => page.getByTestId('preport-submit').isEnabled()).toBe(true)
    expect(await page.locator('body').textContent()).toContain('举报网络虚假信息')

    await chooseOption(page, 'preport-category', '谣言/虚假信息')
    await page.getByTestId('preport-platform').fill('某短视频平台')
    await page.getByTestId('preport-link').fill('https://video.example/v/8848')
    await page.getByTestId('preport-description').fill(DESCRIPTION)
    await chooseOption(page, 'preport-county', '柳河县')
    await page.getByTestId('preport-name').fill(NAME)
    await page.getByTestId('preport-contact').fill(PHONE)
    await page.getByTestId('preport-files').setInputFiles([
      { name: '视频截图.png', mimeType: 'image/png', buffer: PNG },
      { name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('GIF89a not really a png') },
    ])
    await expect.poll(() => page.getByTestId('preport-files-error').textContent()).toContain('fake.png')
    expect(await page.getByTestId('preport-files-list').textContent()).toContain('视频截图.png')
    await page.screenshot({ path: path.join(SHOTS, 'tonghua-cac-public-report-form.png'), fullPage: true })

    await page.getByTestId('preport-submit').click()
    await page.getByTestId('preport-code').waitFor()
    code = ((await page.getByTestId('preport-code').textContent()) ?? '').trim()
    expect(code).toMatch(/^TH[0-9A-Z]{2}(-[0-9A-Z]{4}){4}$/)
    await rig.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: regulator() })
    await page.getByTestId('preport-copy').click()
    await expect.poll(() => page.locator('.ant-message').textContent()).toContain('已复制')
    await settled()
    await page.screenshot({ path: path.join(SHOTS, 'tonghua-cac-public-report-code.png'), fullPage: true })

    await page.getByTestId('preport-lookup').click()
    await expect
      .poll(() =>
        page
          .getByTestId('pstatus-state')
          .getAttribute('data-state', { timeout: 1000 })
          .catch(() => null),
      )
      // the demo routes a report to the competent department the moment it arrives (QINGLANG_ROUTE_ON_RECEIPT)
      .toBe('routed')
    expect(await page.getByTestId('pstatus-result').textContent()).toContain('正在办理')
  })

  it('an officer sees it with the reporter sealed and closes it with feedback; the admin unseals with a reason', async () => {
    await page.setViewportSize({ width: 1360, height: 860 })
    await signInAs(rig, regulator(), 'cac.officer')
    await page.getByTestId('menu-publicReports').click()
    const row = page
      .getByTestId('preport-table')
      .locator('tbody tr[data-row-key]')
      .filter({ hasText: '柳河县发生地震' })
    await row.waitFor()
    expect(await row.textContent()).toContain('已密封 / sealed')
    // The demo's reports: the tap-water rumour twice (one cluster), and one past its deadline.
    const table = page.getByTestId('preport-table')
    expect(await table.locator('[data-testid^="preport-cluster-"][data-size="2"]').count()).toBe(2)
    expect(await table.locator('[data-testid^="preport-overdue-"]').count()).toBe(1)
    await page.screenshot({ path: path.join(SHOTS, 'tonghua-cac-public-reports.png'), fullPage: true })

    await row.click()
    const drawer = page.getByTestId('preport-drawer')
    await drawer.waitFor()
    await expect.poll(() => drawer.getByTestId('preport-identity').textContent()).toContain('已密封 / sealed')
    expect(await drawer.getByTestId('preport-unseal').count()).toBe(0)
    expect(await drawer.textContent()).toContain('视频截图.png')
    for (const secret of [NAME, PHONE]) expect(await page.locator('body').textContent()).not.toContain(secret)

    await drawer.getByTestId('preport-close-feedback').fill(FEEDBACK)
    await drawer.getByTestId('preport-close-articles').click()
    await page.keyboard.type('A16')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Escape')
    await drawer.getByTestId('preport-close-submit').click()
    await expect
      .poll(() =>
        drawer.locator('[data-testid="preport-drawer-status"] [data-state]').getAttribute('data-state'),
      )
      .toBe('closed')
    expect(await drawer.getByTestId('preport-feedback').textContent()).toContain('未发生地震')
    await settled()
    await page.screenshot({ path: path.join(SHOTS, 'tonghua-cac-public-report-closed.png'), fullPage: true })

    await signInAs(rig, regulator(), 'cac.admin')
    await page.getByTestId('menu-publicReports').click()
    await page
      .getByTestId('preport-table')
      .locator('tbody tr[data-row-key]')
      .filter({ hasText: '柳河县发生地震' })
      .click()
    await page.getByTestId('preport-unseal').click()
    await page.getByTestId('preport-unseal-reason').fill('需向举报人核实视频来源')
    await page.getByTestId('preport-unseal-submit').click()
    await expect.poll(() => page.getByTestId('preport-unsealed-name').textContent()).toBe(NAME)
    expect(await page.getByTestId('preport-unsealed-contact').textContent()).toBe(`+86${PHONE}`)
    await settled()
    await page.screenshot({
      path: path.join(SHOTS, 'tonghua-cac-public-report-unsealed.png'),
      fullPage: true,
    })
  })

  it('the public lookup shows the feedback once closed', async () => {
    await rig.context.clearCookies()
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${regulator()}/p/report/status`)
    await page.getByTestId('pstatus-code').fill(code.toLowerCase().replaceAll('-', ' '))
    await page.getByTestId('pstatus-submit').click()
    await expect
      .poll(() =>
        page
          .getByTestId('pstatus-feedback')
          .textContent({ timeout: 1000 })
          .catch(() => null),
      )
      .toBe(FEEDBACK)
    expect(await page.getByTestId('pstatus-state').getAttribute('data-state')).toBe('closed')
    const text = (await page.locator('body').textContent()) ?? ''
    expect(text).toContain('A16')
    for (const secret of [NAME, PHONE]) expect(text).not.toContain(secret)
    await page.screenshot({ path: path.join(SHOTS, 'tonghua-cac-public-report-status.png'), fullPage: true })

    await page.getByTestId('pstatus-code').fill('TH00-0000-0000-0000-0000')
    await page.getByTestId('pstatus-submit').click()
    await expect.poll(() => page.getByTestId('error-alert').textContent()).toContain('未找到该举报')
  })
})
