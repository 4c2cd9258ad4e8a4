// Publishing on platform A in a real browser (Debian Chromium through playwright-core) against the demo nodes: the
// feed shows the seeded posts and the fiction label; a new user registers, accepts the rules, verifies, publishes a
// plain post (published, in the feed) and one declared as fiction (shown with the label); a reviewer claims the held
// seeded comment and approves it. Screenshots land in test-results/screenshots/.
import { randomInt } from 'node:crypto'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkCharacter } from '../../src/platform/identity/index.ts'
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

const base = () => baseOf(nodes.find((n) => n.config.node.id === 'platform-a')!)
const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(10))).join('')
const answered = (pathEnd: string, method: string) =>
  page.waitForResponse((r) => r.url().split('?')[0]!.endsWith(pathEnd) && r.request().method() === method)

const phone = `138${digits(8)}`
const password = `qinglang-${digits(6)}`
const displayName = `东昌晨练${digits(4)}`

describe('publishing and review in Chromium', () => {
  it('shows the feed with the seeded posts and a prominent fiction label', async () => {
    await rig.context.clearCookies()
    await page.goto(`${base()}/u`)
    await page.getByTestId('feed').waitFor()
    await expect.poll(() => page.locator('[data-testid^="feed-item-"]').count()).toBeGreaterThanOrEqual(3)
    const labelled = page.locator('[data-testid^="feed-item-"][data-fiction="true"]')
    expect(await labelled.count()).toBe(1)
    expect(await labelled.getByTestId('fiction-label').textContent()).toContain('虚构/演绎')
    expect(await labelled.textContent()).toContain('长白山下的守林人')
    // Signed out: no publish box, a sign-in prompt instead.
    await page.getByTestId('publish-signin').waitFor()
  })

  it('lets a new, verified user publish a plain post and a declared fiction', async () => {
    await page.goto(`${base()}/u/register`)
    await page.getByTestId('portal-register-phone').fill(phone)
    await page.getByTestId('portal-register-display-name').fill(displayName)
    await page.getByTestId('portal-register-password').fill(password)
    await page.getByTestId('portal-register-password2').fill(password)
    await page.getByTestId('portal-register-submit').click()
    await page.getByTestId('portal-me').waitFor()

    // Before verifying, publishing is refused with a way to the identity page.
    await page.getByTestId('portal-nav-feed').click()
    await page.getByTestId('publish-text').fill('试一下发布')
    await page.getByTestId('publish-submit').click()
    await page.getByTestId('publish-result').waitFor()
    expect(await page.getByTestId('publish-result').getAttribute('data-status')).toBe('identity')
    await page.getByTestId('publish-identity-link').waitFor()

    await page.goto(`${base()}/u/rules/accept`)
    await page.getByTestId('portal-accept').waitFor()
    for (const kind of ['management_rules', 'convention', 'user_agreement'])
      await page.getByTestId(`portal-accept-${kind}`).check()
    await page.getByTestId('portal-accept-submit').click()
    await page.getByTestId('portal-me').waitFor()

    await page.goto(`${base()}/u/identity`)
    await page.getByTestId('portal-identity-form').waitFor()
    const first17 = `22050219880512${digits(3)}`
    await page.getByTestId('portal-identity-real-name').fill('周文博')
    await page.getByTestId('portal-identity-id-number').fill(first17 + checkCharacter(first17))
    await page.getByTestId('portal-identity-submit').click()
    await page.getByTestId('portal-identity-done').waitFor()

    await page.getByTestId('portal-nav-feed').click()
    const plain = '周末去杨靖宇烈士陵园参观，缅怀英烈'
    await page.getByTestId('publish-text').fill(plain)
    const sent = answered('/api/content', 'POST')
    await page.getByTestId('publish-submit').click()
    const res = await sent
    expect(res.status()).toBe(201)
    expect(res.request().postDataJSON()).toEqual({ kind: 'post', text: plain })
    const plainId = ((await res.json()) as { id: string }).id
    await expect.poll(() => page.getByTestId('publish-result').getAttribute('data-status')).toBe('published')
    const plainItem = page.getByTestId(`feed-item-${plainId}`)
    await plainItem.waitFor()
    expect(await plainItem.textContent()).toContain(displayName)
    expect(await plainItem.getByTestId('fiction-label').count()).toBe(0)

    const story = '微小说：浑江边的老渡口，船夫每晚都等一位不会再来的客人。'
    await page.getByTestId('publish-text').fill(story)
    await page.getByTestId('publish-fiction').check()
    const sent2 = answered('/api/content', 'POST')
    await page.getByTestId('publish-submit').click()
    const res2 = await sent2
    expect(res2.status()).toBe(201)
    expect(res2.request().postDataJSON()).toEqual({ kind: 'post', text: story, fictionDeclared: true })
    const storyId = ((await res2.json()) as { id: string }).id
    await expect.poll(() => page.getByTestId('publish-result').getAttribute('data-status')).toBe('published')
    const storyItem = page.getByTestId(`feed-item-${storyId}`)
    await storyItem.waitFor()
    expect(await storyItem.getByTestId('fiction-label').textContent()).toContain('虚构/演绎')
    await page.screenshot({ path: path.join(SHOTS, 'publish-feed.png'), fullPage: true })

    // A comment on the plain post, on its page.
    await page.getByTestId(`feed-open-${plainId}`).click()
    await page.getByTestId('post-comments').waitFor()
    await page.getByTestId('comment-text').fill('同去过，讲解员讲得很好。')
    await page.getByTestId('comment-submit').click()
    await expect.poll(() => page.getByTestId('comment-result').getAttribute('data-status')).toBe('published')
    await expect.poll(() => page.getByTestId('post-comments').textContent()).toContain('讲解员讲得很好')

    // Their own page lists what they published, with its status.
    await page.getByTestId('portal-nav-me').click()
    await page.getByTestId(`my-content-${storyId}`).waitFor()
    expect(await page.getByTestId(`my-content-${plainId}`).getAttribute('data-status')).toBe('published')
  })

  it('lets a reviewer claim the held comment and approve it', async () => {
    await signInAs(rig, base(), 'reviewer')
    await page.getByTestId('menu-review').click()
    await page.getByTestId('review-queue').waitFor()
    const row = page.locator('[data-testid^="review-row-"]', { hasText: '二道江' })
    await row.waitFor()
    const id = ((await row.getAttribute('data-testid')) ?? '').replace('review-row-', '')
    expect(id).not.toBe('')
    const claimed = answered(`/api/review/${id}/claim`, 'POST')
    await page.getByTestId(`review-claim-${id}`).click()
    expect((await claimed).status()).toBe(200)
    await page.getByTestId(`review-approve-${id}`).waitFor()
    await page.getByTestId('review-reason').fill('经核实为正常询问，未传播谣言')
    await expect.poll(() => page.getByTestId(`review-approve-${id}`).isEnabled()).toBe(true)
    await page.screenshot({ path: path.join(SHOTS, 'review-queue.png'), fullPage: true })
    const decided = answered(`/api/review/${id}/decision`, 'POST')
    await page.getByTestId(`review-approve-${id}`).click()
    const res = await decided
    expect(res.status()).toBe(200)
    expect(res.request().postDataJSON()).toEqual({
      decision: 'approve',
      reason: '经核实为正常询问，未传播谣言',
    })
    await page.getByTestId('review-done').waitFor()
    await expect.poll(() => page.locator(`[data-testid="review-row-${id}"]`).count()).toBe(0)
  })
})
