// 行政处罚 (A22–A26) in Chromium against the demo, which seeds platform B's ignored order as an A25 case walked
// through a hearing to a published decision, and platform A's A22 case under investigation. A CAC officer finds both
// with their steps, opens the A25 case and its printable decision document, then notifies platform A, offered only
// the measures of 第二十二条 without the aggravating condition. Anyone reads the decision on the public disclosure page,
// the responsible person unnamed. Screenshots land in SHOTS.
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningNode } from '../../src/server/start.ts'
import { answered, type BrowserRig, baseOf, SHOTS, settled, signIn, startRig } from './browser.ts'

let rig: BrowserRig
let nodes: RunningNode[] = []
let page: Page

const regulator = () => nodes.find((n) => n.config.node.role === 'regulator')!
const shoot = (name: string) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true })
const rows = () => page.getByTestId('penalty-cases').locator('tbody tr[data-row-key]')
const row = (text: string) => rows().filter({ hasText: text })

beforeAll(async () => {
  rig = await startRig()
  nodes = rig.nodes
  page = rig.page
})
afterAll(async () => rig?.close())

describe('penalties in Chromium', () => {
  let decisionHref = ''

  it('lists the A25 case published and the A22 case under investigation, with their steps', async () => {
    await signIn(rig, baseOf(regulator()), 'cac.officer')
    await page.getByTestId('menu-penalties').click()
    await row('鸭绿江短视频').waitFor()
    expect(await row('鸭绿江短视频').getAttribute('data-step')).toBe('published')
    expect(await row('鸭绿江短视频').textContent()).toContain('A25')
    expect(await row('通化同城圈').getAttribute('data-step')).toBe('investigated')
    expect(await page.getByTestId('credit-records').textContent()).toMatch(/通网信罚〔\d{4}〕1号/)
    await settled(page)
    await shoot('penalties-list.png')
  })

  it('opens the A25 case with its hearing and decision, and the printable decision document', async () => {
    await row('鸭绿江短视频').click()
    const drawer = page.getByTestId('penalty-drawer')
    await drawer.getByTestId('penalty-document').waitFor()
    const text = (await drawer.textContent()) ?? ''
    expect(text).toContain('听证室')
    expect(text).toContain('80,000')
    decisionHref = (await drawer.getByTestId('penalty-document').getAttribute('href')) ?? ''
    await settled(page)
    await shoot('penalties-drawer-a25.png')

    await page.goto(`${baseOf(regulator())}${decisionHref}`)
    const doc = (await page.locator('body').textContent()) ?? ''
    for (const s of [
      '行政处罚决定书',
      '鸭绿江短视频',
      '第十九条第二款',
      '80,000 元',
      '60日内',
      '6个月内',
      '听证',
    ])
      expect(doc).toContain(s)
    await shoot('penalties-decision-document.png')
  })

  it('notifies platform A offered only the measures of A22 without the aggravating condition', async () => {
    await page.goto(`${baseOf(regulator())}/penalties`)
    await row('通化同城圈').click()
    const form = page.getByTestId('penalty-form-notify')
    await form.getByTestId('penalty-measure-warning').waitFor()
    const offered = await form
      .locator('[data-testid^="penalty-measure-"]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')))
    expect(offered).toEqual([
      'penalty-measure-interview',
      'penalty-measure-correction_order',
      'penalty-measure-warning',
    ])
    await form.getByLabel('理由', { exact: true }).fill('平台未在公布的时限内处理用户举报，违反第十五条。')
    await form.getByLabel('依据', { exact: true }).fill('《通化市网络虚假信息治理办法》第十五条、第二十二条')
    for (const k of ['interview', 'correction_order', 'warning'])
      await form.getByTestId(`penalty-measure-${k}`).locator('input[type="checkbox"]').check()
    // 第二十二条: 责令限期改正 — a correction by a date, which the form asks for
    const deadline = form
      .locator(
        'input[data-testid="penalty-deadline-correction_order"], [data-testid="penalty-deadline-correction_order"] input',
      )
      .first()
    await deadline.click()
    // the 15th of next month, picked in the calendar (typing and Enter would submit the form)
    const panel = page.locator('.ant-picker-dropdown:visible')
    await panel.locator('.ant-picker-header-next-btn').click()
    const next = new Date()
    next.setMonth(next.getMonth() + 1, 15)
    const ymd = `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, '0')}-15`
    await panel.locator(`td[title="${ymd}"]`).click()
    const done = answered(page, '/notify', 'POST')
    await page.getByTestId('penalty-submit-notify').click()
    expect((await done).status()).toBe(200)
    await page.getByTestId('penalty-form-statement').waitFor()
    expect(await page.getByTestId('penalty-drawer').textContent()).toContain('陈述申辩、申请听证截止')
    await settled(page)
    await shoot('penalties-notified-a22.png')
  })

  it('shows the decision on the public disclosure page, the person unnamed', async () => {
    await rig.context.clearCookies()
    await page.goto(`${baseOf(regulator())}/p/disclosures`)
    const list = page.getByTestId('public-disclosures')
    await list.getByText('鸭绿江短视频').first().waitFor()
    const text = (await list.textContent()) ?? ''
    expect(text).toContain('罚款 80,000 元')
    expect(text).not.toContain('赵立新')
    expect(text).not.toContain('通化同城圈')
    await settled(page)
    await shoot('public-disclosures.png')
  })
})
