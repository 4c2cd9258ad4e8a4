// The rest of platform A's day in Chromium (issue #5's walk-through): an operator adds a term to the lexicon in the
// console and watches the patrol find an older post; a reviewer rejects it with a reason template; its author signs
// in to the portal and reads why, with the credit event; a reviewer takes part in the sampling patrol; the staffing
// page shows the day's figures. Screenshots land in test-results/screenshots/.
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../../src/demo/platform-content.ts'
import type { RunningNode } from '../../src/server/start.ts'
import { type BrowserRig, baseOf, SHOTS, signIn as signInAs, startRig } from './browser.ts'

let rig: BrowserRig
let nodes: RunningNode[] = []
let page: Page
let rumourId = ''
let unreadBefore = 0
const RUMOUR = '听朋友说长白山天池干涸了，景区下个月要关闭，快去看最后一眼'
const author = DEMO_USERS[0]!

beforeAll(async () => {
  rig = await startRig()
  nodes = rig.nodes
  page = rig.page
  // The author publishes before the rule change, over the API: the post is clean under the rules in force.
  const b = base()
  const signedIn = await fetch(`${b}/api/users/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone: author.phone, password: 'qinglang-demo' }),
  })
  expect(signedIn.status).toBe(200)
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string }
  const res = await fetch(`${b}/api/content`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ kind: 'post', text: RUMOUR }),
  })
  const item = (await res.json()) as { id: string; status: string }
  expect(item.status).toBe('published')
  rumourId = item.id
  // the demo may have told this user other things already (a disposal of one of their posts)
  const notices = await fetch(`${b}/api/users/me/notices`, { headers: { cookie } })
  unreadBefore = ((await notices.json()) as { unread: number }).unread
})
afterAll(async () => rig?.close())

const base = () => baseOf(nodes.find((n) => n.config.node.id === 'platform-a')!)
const answered = (pathEnd: string, method: string) =>
  page.waitForResponse((r) => r.url().split('?')[0]!.endsWith(pathEnd) && r.request().method() === method)

describe('patrol, review and staffing in Chromium', () => {
  it('an operator adds a term and watches the patrol take the older post back', async () => {
    await signInAs(rig, base(), 'operator')
    await page.getByTestId('menu-screening').click()
    await page.getByTestId('screening-current').waitFor()
    expect(await page.getByTestId('screening-current').textContent()).toContain('第 2 版')
    await page.getByTestId('screening-publish').click()
    await page.getByTestId('screening-lexicon').waitFor()
    // A bad line is named before anything is sent.
    const lexicon = page.getByTestId('screening-lexicon')
    const text = await lexicon.inputValue()
    expect(text).toContain('自来水有毒 | prohibit | 2 | A11.1,A12.1')
    await lexicon.fill(`${text}\n天池干涸 | forbid | 2 | A11.1`)
    await page.getByTestId('screening-note').fill('新增长白山天池谣言')
    await page.getByTestId('screening-submit').click()
    await page.getByTestId('screening-problems').waitFor()
    expect(await page.getByTestId('screening-problems').textContent()).toContain('prohibit')
    await lexicon.fill(`${text}\n天池干涸 | prohibit | 2 | A11.1,A12.1`)
    const sent = answered('/api/screening/rule-sets', 'POST')
    await page.getByTestId('screening-submit').click()
    const res = await sent
    expect(res.status()).toBe(201)
    const body = res.request().postDataJSON() as { lexicon: { term: string }[] }
    expect(body.lexicon.at(-1)).toEqual({
      term: '天池干涸',
      category: 'prohibit',
      severity: 2,
      basis: ['A11.1', 'A12.1'],
    })
    const { patrolId } = (await res.json()) as { patrolId: string }
    await page.getByTestId('screening-published').waitFor()
    await page.getByRole('tab', { name: '巡查任务' }).click()
    await expect
      .poll(() => page.getByTestId(`patrol-progress-${patrolId}`).getAttribute('data-status'), {
        timeout: 20_000,
      })
      .toBe('done')
    expect(await page.getByTestId(`patrol-hits-${patrolId}`).textContent()).toBe('1')
    await page.screenshot({ path: path.join(SHOTS, 'screening-patrol.png'), fullPage: true })
    // Out of public view until a reviewer decides.
    expect((await fetch(`${base()}/api/content/${rumourId}`)).status).toBe(404)
  })

  it('a reviewer rejects the patrol hit with a reason template', async () => {
    await signInAs(rig, base(), 'reviewer')
    await page.getByTestId('menu-review').click()
    const row = page.getByTestId(`review-row-${rumourId}`)
    await row.waitFor()
    expect(await row.textContent()).toContain('巡查发现')
    await page.getByTestId(`review-claim-${rumourId}`).click()
    await page.getByTestId(`review-reject-${rumourId}`).waitFor()
    await page.getByTestId('review-template').click()
    await page.getByText('驳回 · 编造、传播谣言，扰乱公共秩序').click()
    expect(await page.getByTestId('review-reason').inputValue()).toContain('编造、传播谣言')
    const decided = answered(`/api/review/${rumourId}/decision`, 'POST')
    await page.getByTestId(`review-reject-${rumourId}`).click()
    const res = await decided
    expect(res.status()).toBe(200)
    expect(res.request().postDataJSON()).toMatchObject({ decision: 'reject' })
    await page.getByTestId('review-done').waitFor()
  })

  it('the author reads why in the portal, and sees the credit event', async () => {
    await rig.context.clearCookies()
    await page.goto(`${base()}/u/login`)
    await page.getByTestId('portal-login-phone').fill(author.phone)
    await page.getByTestId('portal-login-password').fill('qinglang-demo')
    await page.getByTestId('portal-login-submit').click()
    await page.getByTestId('portal-me').waitFor()
    const notice = page.getByTestId('notice-content_withdrawn')
    await notice.waitFor()
    expect(await notice.textContent()).toContain('编造、传播谣言')
    expect(await notice.getAttribute('data-read')).toBe('false')
    expect(await page.getByTestId('portal-notices').textContent()).toContain(`${unreadBefore + 1} 条未读`)
    await page.screenshot({ path: path.join(SHOTS, 'portal-notices.png'), fullPage: true })
    await page.getByTestId('notices-read').click()
    await expect.poll(() => notice.getAttribute('data-read')).toBe('true')
    expect(await page.getByTestId(`my-content-${rumourId}`).getAttribute('data-status')).toBe('rejected')
  })

  it('a reviewer samples published items and the look is counted', async () => {
    await signInAs(rig, base(), 'reviewer')
    await page.getByTestId('menu-patrol').click()
    await page.getByTestId('patrol-sample').waitFor()
    const first = page.locator('[data-testid^="patrol-item-"]').first()
    await first.waitFor()
    const id = ((await first.getAttribute('data-testid')) ?? '').replace('patrol-item-', '')
    const before = Number((await page.getByTestId('patrol-looked').textContent())?.replace(/\D/g, '') || 0)
    const sent = answered('/api/patrol/looks', 'POST')
    await page.getByTestId(`patrol-ok-${id}`).click()
    expect((await sent).status()).toBe(201)
    await expect
      .poll(async () =>
        Number((await page.getByTestId('patrol-looked').textContent())?.replace(/\D/g, '') || 0),
      )
      .toBe(before + 1)
    await page.screenshot({ path: path.join(SHOTS, 'patrol-sampling.png'), fullPage: true })
  })

  it('the operator reads the day’s staffing figures', async () => {
    await signInAs(rig, base(), 'operator')
    await page.getByTestId('menu-staffing').click()
    await page.getByTestId('staffing-days').waitFor()
    await page.getByTestId('staffing-chart').waitFor()
    const rows = page.locator('[data-testid="staffing-days"] tbody tr')
    await expect.poll(() => rows.count()).toBe(14)
    // Today (the first row) counts the demo's items and today's reviews.
    expect(Number(await rows.first().locator('td').nth(1).textContent())).toBeGreaterThan(0)
    await page.screenshot({ path: path.join(SHOTS, 'staffing.png'), fullPage: true })
  })
})
