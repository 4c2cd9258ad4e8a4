// Recommendation (A14) in Chromium against the demo, which publishes the model, pins a snow warning, boosts a
// volunteer story, demotes a rumour-spreading account and gives the everyday users interest tags. Anyone sees the
// feed without personal signals, the pin first, and why; a signed-in user sees their interests among the reasons,
// turns personalisation off (the next feed follows), deletes a tag and resets the rest. An operator excludes a topic
// on 推荐管理 and the topic's post leaves the feed; revoking brings it back; a new model version with the prevent
// factor at 0 takes the clickbait post out. Screenshots land in SHOTS.
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../../src/demo/platform-content.ts'
import { DEMO_FEED_POSTS } from '../../src/demo/recommendation.ts'
import type { RunningNode } from '../../src/server/start.ts'
import {
  type BrowserRig,
  baseOf,
  chooseOption,
  localMinute,
  portalSignIn,
  SHOTS,
  settled,
  signIn,
  startRig,
} from './browser.ts'

let rig: BrowserRig
let nodes: RunningNode[] = []
let page: Page

const platformA = () => nodes.find((n) => n.config.node.id === 'platform-a')!
const shoot = (name: string) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true })
const SOON = { timeout: 20_000 }
const feedItem = (text: string) =>
  page.getByTestId('recommended-feed').locator('[data-testid^="feed-item-"]').filter({ hasText: text })
const feedTexts = () =>
  page.getByTestId('recommended-feed').locator('[data-testid^="feed-item-"]').allTextContents()

beforeAll(async () => {
  rig = await startRig()
  nodes = rig.nodes
  page = rig.page
})
afterAll(async () => rig?.close())

describe('recommendation in Chromium', () => {
  it('shows anyone the feed without personal signals, the pinned warning first, each item with why', async () => {
    await rig.context.clearCookies()
    await page.goto(`${baseOf(platformA())}/u`)
    await page.getByTestId('recommended-feed').waitFor()
    expect(await page.getByTestId('feed-mode').textContent()).toContain('未登录')
    const first = page.getByTestId('recommended-feed').locator('[data-testid^="feed-item-"]').first()
    await first.waitFor()
    expect(await first.textContent()).toContain('暴雪蓝色预警')
    expect(await first.getByTestId('pinned-tag').count()).toBe(1)
    await first.locator('[data-testid^="why-"]').first().click()
    const why = page.locator('[data-testid^="why-list-"]:visible')
    await why.waitFor()
    expect(await why.textContent()).toContain('平台人工置顶：市气象台暴雪预警')
    expect(await why.textContent()).toContain('未使用个人兴趣')
    await shoot('recommendation-anonymous.png')
  })

  it('gives a signed-in user a personalised feed that says which interest put an item there', async () => {
    await portalSignIn(rig, baseOf(platformA()), DEMO_USERS[0]!.phone)
    await page.goto(`${baseOf(platformA())}/u`)
    await expect.poll(async () => page.getByTestId('feed-mode').textContent(), SOON).toContain('已开启')
    const volunteer = feedItem(DEMO_FEED_POSTS.volunteer.text.slice(0, 10))
    await volunteer.locator('[data-testid^="why-"]').first().click()
    const why = page.locator('[data-testid^="why-list-"]:visible')
    await why.waitFor()
    expect(await why.textContent()).toContain('您对“正能量”感兴趣')
    expect(await why.textContent()).toContain('平台人工加权')
    await shoot('recommendation-personalised.png')

    // a like is given and taken back, and a refreshed feed shows the server's word each time
    await page.keyboard.press('Escape')
    const like = () => feedItem(DEMO_FEED_POSTS.volunteer.text.slice(0, 10)).locator('[data-testid^="like-"]')
    const before = await like().getAttribute('data-liked')
    const after = before === 'true' ? 'false' : 'true'
    for (const want of [after, before]) {
      await like().click()
      await expect.poll(() => like().getAttribute('data-liked'), SOON).toBe(want)
      await page.reload()
      await page.getByTestId('recommended-feed').locator('[data-testid^="feed-item-"]').first().waitFor()
      await expect.poll(() => like().getAttribute('data-liked'), SOON).toBe(want)
    }
    // the post's own page asks the server too, and a like given there shows in the feed
    await feedItem(DEMO_FEED_POSTS.volunteer.text.slice(0, 10)).locator('[data-testid^="feed-open-"]').click()
    const onPage = page.locator('[data-testid^="like-"]').first()
    await expect.poll(() => onPage.getAttribute('data-liked'), SOON).toBe(before)
    await onPage.click()
    await expect.poll(() => onPage.getAttribute('data-liked'), SOON).toBe(after)
    await page.goto(`${baseOf(platformA())}/u`)
    await expect.poll(() => like().getAttribute('data-liked'), SOON).toBe(after)
    await like().click()
    await expect.poll(() => like().getAttribute('data-liked'), SOON).toBe(before)
  })

  it('turns personalisation off for the next request, deletes a tag and resets the rest', async () => {
    await page.getByTestId('feed-settings-link').click()
    await page.getByTestId('recommendation-settings').waitFor()
    await page.getByTestId('interest-正能量').waitFor()
    expect(await page.getByTestId('interests').textContent()).toContain('红色传承')
    expect(await page.getByTestId('published-model').textContent()).toContain('推荐模型 第 1 版')
    // the model says, for anyone to read, that one author fills at most two places a page and interests fade
    expect(await page.getByTestId('published-model').textContent()).toContain('每页同一作者最多 2 条')
    expect(await page.getByTestId('published-model').textContent()).toContain('用户兴趣每 30 天减半')
    await page.getByTestId('personalise-switch').click()
    await expect
      .poll(() => page.getByTestId('personalise-switch').getAttribute('aria-checked'), SOON)
      .toBe('false')
    await shoot('recommendation-settings.png')

    await page.getByTestId('interest-delete-正能量').click()
    await expect.poll(() => page.getByTestId('interest-正能量').count(), SOON).toBe(0)
    await page.getByTestId('interests-reset').click()
    await page.locator('.ant-popconfirm .ant-btn-primary').click()
    await page.getByTestId('interests-empty').waitFor(SOON)

    await page.goto(`${baseOf(platformA())}/u`)
    await expect.poll(async () => page.getByTestId('feed-mode').textContent(), SOON).toContain('已关闭')
    const volunteer = feedItem(DEMO_FEED_POSTS.volunteer.text.slice(0, 10))
    await volunteer.locator('[data-testid^="why-"]').first().click()
    const why = page.locator('[data-testid^="why-list-"]:visible')
    await why.waitFor()
    expect(await why.textContent()).not.toContain('感兴趣')
  })

  it('lets an operator exclude a topic and revoke it, and publish a model that keeps clickbait out', async () => {
    await signIn(rig, baseOf(platformA()), 'operator')
    await page.getByTestId('menu-recommendation').click()
    await page.getByTestId('interventions').waitFor()
    await expect
      .poll(async () => page.getByTestId('interventions').locator('tbody tr[data-row-key]').count(), SOON)
      .toBe(3)
    expect(await page.getByTestId('interventions').textContent()).toContain('市气象台暴雪预警')

    await page.getByTestId('intervention-add').click()
    await chooseOption(page, 'intervention-target-kind', '话题')
    await chooseOption(page, 'intervention-topic', '自然风光')
    await chooseOption(page, 'intervention-action', '排除')
    const picker = page
      .locator('input[data-testid="intervention-expires"], [data-testid="intervention-expires"] input')
      .first()
    await picker.click()
    await picker.fill(localMinute(new Date(Date.now() + 2 * 86_400_000)))
    await picker.press('Enter')
    // the reason after the date: Enter in the picker would otherwise submit the form
    await page.getByTestId('intervention-reason').fill('龙湾景区临时封闭，暂停推荐相关内容')
    await page.getByTestId('intervention-submit').click()
    await expect
      .poll(async () => page.getByTestId('interventions').locator('tbody tr[data-row-key]').count(), SOON)
      .toBe(4)
    await settled(page)
    await shoot('recommendation-interventions.png')

    // the topic's post is gone from everyone's feed (this process's change shows at once)
    await rig.context.clearCookies()
    await page.goto(`${baseOf(platformA())}/u`)
    await page.getByTestId('recommended-feed').locator('[data-testid^="feed-item-"]').first().waitFor()
    expect((await feedTexts()).join('\n')).not.toContain('三角龙湾')

    await signIn(rig, baseOf(platformA()), 'operator')
    await page.getByTestId('menu-recommendation').click()
    const row = page
      .getByTestId('interventions')
      .locator('tbody tr[data-row-key]')
      .filter({ hasText: '龙湾景区临时封闭' })
    await row.locator('[data-testid^="intervention-revoke-"]').click()
    await page.locator('.ant-popconfirm .ant-btn-primary').click()
    await expect.poll(async () => row.count(), SOON).toBe(0)

    await page.getByTestId('tab-model').click()
    await page.getByTestId('model-current').waitFor()
    expect(await page.getByTestId('model-current').textContent()).toContain('第 1 版')
    await page.getByTestId('model-publish').click()
    await page.getByTestId('model-note').fill('应防范类内容（标题党等）不再推荐')
    const prevent = page
      .locator('input[data-testid="model-preventFactor"], [data-testid="model-preventFactor"] input')
      .first()
    await prevent.fill('0')
    await page.getByTestId('model-submit').click()
    await expect.poll(async () => page.getByTestId('model-current').textContent(), SOON).toContain('第 2 版')
    await shoot('recommendation-model.png')

    await rig.context.clearCookies()
    await page.goto(`${baseOf(platformA())}/u`)
    await page.getByTestId('recommended-feed').locator('[data-testid^="feed-item-"]').first().waitFor()
    const texts = (await feedTexts()).join('\n')
    expect(texts).toContain('三角龙湾')
    expect(texts).not.toContain('震惊')
  })
})
