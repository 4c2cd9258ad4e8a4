// Referrals (A20), individuals (A21), conventions (A10) and public education (A6) in Chromium against the demo, which
// seeds a criminal referral filed by public security (its individual party sealed), a public-interest referral with a
// procuratorial suggestion, the convention signed by platform A, and three education articles. Anyone reads the
// articles and the convention with its signatory on the public site, on a phone-sized screen; the procurator sees only
// the referral addressed to the procuratorate, with its two-month reply deadline and provision; platform B's admin
// signs the convention. Screenshots land in SHOTS.
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningNode } from '../../src/server/start.ts'
import { type BrowserRig, baseOf, SHOTS, signIn, startRig } from './browser.ts'

let rig: BrowserRig
let nodes: RunningNode[] = []
let page: Page

const regulator = () => nodes.find((n) => n.config.node.role === 'regulator')!
const node = (id: string) => nodes.find((n) => n.config.node.id === id)!
const shoot = (name: string) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true })

beforeAll(async () => {
  rig = await startRig()
  nodes = rig.nodes
  page = rig.page
})
afterAll(async () => rig?.close())

describe('referrals, conventions and education in Chromium', () => {
  it('the public reads the education articles and the convention with its signatory, on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 })
    await page.goto(`${baseOf(regulator())}/p/learn`)
    await page.getByTestId('public-learn').waitFor()
    const items = page.locator('[data-testid^="public-learn-open-"]')
    await expect.poll(() => items.count()).toBe(3)
    expect(await page.getByTestId('public-learn').textContent()).toContain('三步识别网络谣言')
    await shoot('learn-list-phone.png')
    await page.getByText('三步识别网络谣言').click()
    await page.getByTestId('public-learn-article').waitFor()
    // the article's text arrives after its frame
    await expect
      .poll(() => page.getByTestId('public-learn-article').textContent(), { timeout: 20_000 })
      .toContain('一看来源')
    await shoot('learn-article-phone.png')
    await page.getByTestId('public-conventions-link').click()
    await page.getByTestId('public-conventions').waitFor()
    const conv = page.locator('[data-testid^="public-convention-"]').first()
    await conv.waitFor()
    expect(await conv.textContent()).toContain('通化市网络信息服务平台自律公约')
    expect(await conv.textContent()).toContain('通化同城圈')
    expect(await conv.textContent()).not.toContain('鸭绿江短视频')
    await shoot('conventions-public-phone.png')
    await page.setViewportSize({ width: 1360, height: 860 })
  })

  it('the procurator sees only the referral addressed to the procuratorate, with its deadline', async () => {
    await signIn(rig, baseOf(regulator()), 'procurator')
    await page.getByTestId('menu-referrals').click()
    const rows = page.getByTestId('referrals').locator('tbody tr[data-row-key]')
    await rows.first().waitFor()
    expect(await rows.count()).toBe(1)
    expect(await rows.first().textContent()).toContain('公益诉讼移送检察')
    await rows.first().click()
    await page.getByTestId('referral-deadline').waitFor()
    expect(await page.getByTestId('referral-deadline').textContent()).toContain('第二十一条')
    expect(await page.getByTestId('referral-drawer').textContent()).toContain('通化市卫生健康委员会')
    await page.getByTestId('referral-step-form').waitFor()
    await shoot('referral-procurator.png')
  })

  it('the CAC officer sees both referrals and the individual by label only', async () => {
    await signIn(rig, baseOf(regulator()), 'cac.officer')
    await page.getByTestId('menu-referrals').click()
    const rows = page.getByTestId('referrals').locator('tbody tr[data-row-key]')
    await expect.poll(() => rows.count()).toBe(2)
    expect(await page.getByTestId('referrals').textContent()).toContain('已立案')
    await page.getByRole('tab', { name: '个人当事人' }).click()
    await page.getByTestId('individuals-case').click()
    await page.locator('.ant-select-item-option').filter({ hasText: '自来水' }).first().click()
    const card = page.locator('[data-testid^="individual-"]').filter({ hasText: '当事人甲' })
    await card.waitFor()
    expect(await card.textContent()).toContain('已密封 / sealed')
    expect(await card.textContent()).toContain('移送追究刑事责任')
    expect(await page.content()).not.toContain('孟庆森')
    await shoot('referral-individual.png')
  })

  it('platform B’s admin signs the convention, and the regulator shows it', async () => {
    await signIn(rig, baseOf(node('platform-b')), 'admin')
    await page.getByTestId('menu-receivedConventions').click()
    const sign = page.locator('[data-testid^="received-convention-sign-"]').first()
    await sign.waitFor()
    await sign.click()
    await page.locator('.ant-popconfirm .ant-btn-primary').click()
    await page
      .locator('[data-testid^="received-convention-"]')
      .filter({ hasText: '已签署' })
      .first()
      .waitFor()
    await node('platform-b').protocol.deliverDue()
    await signIn(rig, baseOf(regulator()), 'cac.supervisor')
    await page.getByTestId('menu-conventions').click()
    await page.getByTestId('conventions').waitFor()
    await expect
      .poll(
        async () => {
          await node('platform-b').protocol.deliverDue()
          await page.reload()
          await page.getByTestId('conventions').waitFor()
          return page.getByTestId('conventions').textContent()
        },
        { timeout: 20_000 },
      )
      .toContain('已签署 2/2')
    await shoot('conventions-regulator.png')
  })
})
