// Clarifications (辟谣, A7, A16) in Chromium against the demo nodes: a rumor about an outbreak in Erdaojiang spreads
// on platform A (with a traditional-character copy and a padded one) and on platform B; a CAC officer drafts the
// clarification in the console, asking the health commission to co-sign (a claim too short is refused first); the
// CAC admin cannot approve before the co-signature; the health officer co-signs; the admin approves and publishes;
// both platforms stop every copy and answer, which the drawer follows until each has acted; the public page opens
// without signing in, on a phone too, with the facts and a ClaimReview in its head; platform A's feed no longer
// shows the rumor. The admin's own draft cannot be approved by the admin. Screenshots land in SHOTS.
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../../src/demo/platform-content.ts'
import type { RunningNode } from '../../src/server/start.ts'
import { type BrowserRig, baseOf, SHOTS, signIn as signInAs, startRig } from './browser.ts'

let rig: BrowserRig
let nodes: RunningNode[] = []
let page: Page

const CLAIM = '通化市疾控中心刚传出的消息：二道江区发现多例鼠疫病人，好几个小区已经封锁，近期千万不要去二道江'
const TRADITIONAL =
  '通化市疾控中心剛傳出的消息：二道江區發現多例鼠疫病人，好幾個小區已經封鎖，近期千萬不要去二道江'
const PADDED = `家族群里都在转，${CLAIM}！！有没有二道江的朋友说说真假？`
const TITLE = '关于“二道江区发现鼠疫病例、小区封锁”的辟谣'
const BODY =
  '经通化市卫生健康委员会和市疾病预防控制中心核实，二道江区及全市均未发现鼠疫病例，没有任何小区因疫情封锁，群众生产生活秩序正常。网传信息系谣言，请勿相信、勿转发。'
const HEALTH = '通化市卫生健康委员会'

/** The items published before the browser starts, on each platform. */
const onA: string[] = []
const onB: string[] = []
let clarificationId = ''

const node = (id: string) => nodes.find((n) => n.config.node.id === id)!
const regulator = () => baseOf(node('tonghua-cac'))
const signIn = (login: string) => signInAs(rig, regulator(), login)
const shoot = (name: string) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true })
const answered = (pathEnd: string, method: string) =>
  page.waitForResponse((r) => r.url().split('?')[0]!.endsWith(pathEnd) && r.request().method() === method)

/** Publishes as a demo user over the platform's API; the item must come out published. */
async function publishAs(platform: string, phone: string, text: string): Promise<string> {
  const b = baseOf(node(platform))
  const signedIn = await fetch(`${b}/api/users/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password: 'qinglang-demo' }),
  })
  expect(signedIn.status).toBe(200)
  const cookie = (signedIn.headers.get('set-cookie') ?? '').split(';')[0]!
  const { csrfToken } = (await signedIn.json()) as { csrfToken: string }
  const res = await fetch(`${b}/api/content`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ kind: 'post', text }),
  })
  const item = (await res.json()) as { id: string; status: string }
  expect(item.status, text).toBe('published')
  return item.id
}

/** `YYYY-MM-DD HH:mm` in the browser's (and this machine's) time zone. */
function localMinute(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

/** Waits for the page's animations (a drawer sliding in) to end, so a screenshot shows the settled page. */
async function settled(): Promise<void> {
  type InPage = { document: { getAnimations(): { playState: string }[] } }
  await page.waitForFunction(() =>
    (globalThis as unknown as InPage).document.getAnimations().every((a) => a.playState !== 'running'),
  )
}

beforeAll(async () => {
  rig = await startRig()
  nodes = rig.nodes
  page = rig.page
  onA.push(await publishAs('platform-a', DEMO_USERS[0]!.phone, CLAIM))
  onA.push(await publishAs('platform-a', DEMO_USERS[0]!.phone, TRADITIONAL))
  onA.push(await publishAs('platform-a', DEMO_USERS[2]!.phone, PADDED))
  onB.push(await publishAs('platform-b', DEMO_USERS[0]!.phone, CLAIM))
})
afterAll(async () => rig?.close())

describe('clarifications in Chromium', () => {
  it('the rumor is in platform A’s public feed', async () => {
    await rig.context.clearCookies()
    await page.goto(`${baseOf(node('platform-a'))}/u`)
    for (const id of onA) await page.getByTestId(`feed-item-${id}`).waitFor()
    expect(await page.getByTestId('feed').textContent()).toContain('鼠疫')
  })

  it('a CAC officer drafts the clarification and asks the health commission to co-sign', async () => {
    await signIn('cac.officer')
    await page.getByTestId('menu-clarifications').click()
    await page.getByTestId('clarifications').waitFor()
    expect(await page.locator('.ant-card-head-title').first().textContent()).toContain('辟谣管理')
    await page.getByTestId('clarification-new').click()
    const drawer = page.getByTestId('clarification-draft-drawer')
    await drawer.waitFor()
    expect(await drawer.textContent()).toContain('FALSE_CLAIM_INVALID')

    // A claim too short to match is refused by the server, beside the field.
    await page.getByTestId('clarification-claim').fill('鼠疫')
    await page.getByTestId('clarification-title').fill(TITLE)
    await page.getByTestId('clarification-body').fill(BODY)
    const refused = answered('/api/clarifications', 'POST')
    await page.getByTestId('clarification-draft-submit').click()
    expect((await refused).status()).toBe(400)
    await drawer.getByText('无法可靠比对').first().waitFor()

    await page.getByTestId('clarification-claim').fill(CLAIM)
    await page.getByTestId('clarification-cosign').click()
    // Only departments other than the officer's own: not the CAC, not a county office, not the procuratorate.
    const options = page.locator('.ant-select-item-option')
    await options.first().waitFor()
    for (const text of await options.allTextContents()) expect(text).not.toMatch(/网信|互联网信息|检察/)
    await page.locator('.ant-select-item-option').filter({ hasText: HEALTH }).click()
    const reported = new Date(Date.now() - 3 * 3_600_000)
    // antd may put the test id on the picker's input or on its frame
    const picker = page
      .locator(
        'input[data-testid="clarification-reported-at"], [data-testid="clarification-reported-at"] input',
      )
      .first()
    await picker.click()
    await picker.fill(localMinute(reported))
    await picker.press('Enter')
    await shoot('clarification-draft.png')
    const sent = answered('/api/clarifications', 'POST')
    await page.getByTestId('clarification-draft-submit').click()
    const res = await sent
    expect(res.status()).toBe(201)
    const body = res.request().postDataJSON() as Record<string, string>
    expect(body).toMatchObject({ claim: CLAIM, title: TITLE, body: BODY, verdict: 'false' })
    expect(body.cosignOrgId).toBeTruthy()
    expect(Math.abs(new Date(body.reportedAt!).getTime() - reported.getTime())).toBeLessThan(60_000)
    clarificationId = ((await res.json()) as { id: string }).id

    // The draft opens in the drawer: a draft, waiting for the health commission; the officer may neither
    // co-sign for another department nor approve.
    const detail = page.getByTestId('clarification-drawer')
    await detail.waitFor()
    expect(await page.getByTestId('clarification-drawer-status').textContent()).toBe('草稿')
    expect(await page.getByTestId('clarification-drawer-claim').textContent()).toBe(CLAIM)
    expect(await detail.textContent()).toContain(HEALTH)
    expect(await detail.textContent()).toContain('李明（网信执法）')
    expect(await detail.locator('[data-testid^="clarification-approve-"]').count()).toBe(0)
    expect(await detail.locator('[data-testid^="clarification-cosign-"]').count()).toBe(0)
    await settled()
    await shoot('clarification-drafted.png')
    await page.keyboard.press('Escape')

    const row = page.getByTestId(`clarification-row-${clarificationId}`)
    await row.waitFor()
    expect(await row.getAttribute('data-status')).toBe('draft')
    expect(await page.getByTestId(`clarification-cosigner-${clarificationId}`).textContent()).toContain(
      '待会签',
    )
  })

  it('the CAC admin may not approve before the health commission has co-signed', async () => {
    await signIn('cac.admin')
    await page.getByTestId('menu-clarifications').click()
    const approve = page.getByTestId(`clarification-approve-${clarificationId}`)
    await approve.waitFor()
    expect(await approve.isDisabled()).toBe(true)
    expect(await approve.getAttribute('data-blocked')).toBe('CLARIFICATION_COSIGN_MISSING')
    await approve.locator('..').hover()
    await page.getByTestId(`clarification-approve-${clarificationId}-why`).waitFor()
    expect(await page.getByTestId(`clarification-approve-${clarificationId}-why`).textContent()).toContain(
      '须经会签部门会签后才能审核',
    )
  })

  it('the health officer co-signs for the health commission', async () => {
    await signIn('health.officer')
    await page.getByTestId('menu-clarifications').click()
    const cosign = page.getByTestId(`clarification-cosign-${clarificationId}`)
    await cosign.waitFor()
    await cosign.click()
    const done = answered(`/api/clarifications/${clarificationId}/cosign`, 'POST')
    await page.getByTestId(`clarification-cosign-${clarificationId}-ok`).click()
    expect((await done).status()).toBe(200)
    await expect
      .poll(() => page.getByTestId(`clarification-row-${clarificationId}`).textContent())
      .toContain('孙丽（市卫健委）')
    expect(await page.getByTestId(`clarification-cosign-${clarificationId}`).count()).toBe(0)
    await shoot('clarification-cosigned.png')
  })

  it('the CAC admin approves and publishes; both platforms stop the rumor and answer', async () => {
    await signIn('cac.admin')
    await page.getByTestId('menu-clarifications').click()
    const row = page.getByTestId(`clarification-row-${clarificationId}`)
    const approve = page.getByTestId(`clarification-approve-${clarificationId}`)
    await approve.waitFor()
    expect(await approve.isDisabled()).toBe(false)
    await approve.click()
    const approved = answered(`/api/clarifications/${clarificationId}/approve`, 'POST')
    await page.getByTestId(`clarification-approve-${clarificationId}-ok`).click()
    expect((await approved).status()).toBe(200)
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('approved')
    expect(await page.getByTestId(`clarification-approved-${clarificationId}`).textContent()).toContain(
      '王建国',
    )

    await page.getByTestId(`clarification-publish-${clarificationId}`).click()
    const published = answered(`/api/clarifications/${clarificationId}/publish`, 'POST')
    await page.getByTestId(`clarification-publish-${clarificationId}-ok`).click()
    expect((await published).status()).toBe(200)
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('published')
    // Three hours from the first report to publication.
    expect(await page.getByTestId(`clarification-report-to-${clarificationId}`).textContent()).toMatch(
      /^3 小时 \d+ 分钟$/,
    )

    // The drawer follows the deliveries until both platforms have answered with what they stopped.
    await page.getByTestId(`clarification-open-${clarificationId}`).click()
    const drawer = page.getByTestId('clarification-drawer')
    await drawer.waitFor()
    expect(await page.getByTestId('clarification-drawer-body').textContent()).toBe(BODY)
    for (const platform of ['platform-a', 'platform-b']) {
      await expect
        .poll(() => drawer.getByTestId(`delivery-row-${platform}`).getAttribute('data-acted'), {
          timeout: 60_000,
        })
        .toBe('true')
    }
    const stopped = async (platform: string) =>
      Number(await drawer.getByTestId(`delivery-stopped-${platform}`).textContent())
    expect(await stopped('platform-a')).toBeGreaterThanOrEqual(2)
    expect(await stopped('platform-b')).toBeGreaterThanOrEqual(1)
    expect(await drawer.getByTestId('delivery-row-platform-a').textContent()).toContain('已处置')
    expect(await page.getByTestId('clarification-polling').count()).toBe(0)
    expect(await page.getByTestId('clarification-drawer-url').textContent()).toContain(
      `/p/clarifications/${clarificationId}`,
    )
    const signatures = await drawer.textContent()
    for (const name of ['李明（网信执法）', '孙丽（市卫健委）', '王建国（系统管理员）']) {
      expect(signatures).toContain(name)
    }
    await settled()
    await shoot('clarification-deliveries.png')
    await page.keyboard.press('Escape')

    // The list says the same per platform (it asks again every 2 s while a platform is waiting).
    const a = page.getByTestId(`delivery-${clarificationId}-platform-a`)
    await expect.poll(() => a.getAttribute('data-acted'), { timeout: 20_000 }).toBe('true')
    expect(Number(await a.getAttribute('data-stopped'))).toBeGreaterThanOrEqual(2)
    expect(await a.textContent()).toMatch(/停止 \d+ 条 · 用时 /)
    await shoot('clarifications.png')
  })

  it('the admin’s own draft cannot be approved by the admin', async () => {
    await page.getByTestId('clarification-new').click()
    await page.getByTestId('clarification-claim').fill('柳河县明天起全县停水停电三天，赶紧去超市囤水囤蜡烛')
    await page.getByTestId('clarification-title').fill('关于“柳河县停水停电三天”的辟谣')
    await page
      .getByTestId('clarification-body')
      .fill('经柳河县供水、供电部门核实，全县供水供电正常，无停水停电计划。')
    const sent = answered('/api/clarifications', 'POST')
    await page.getByTestId('clarification-draft-submit').click()
    const res = await sent
    expect(res.status()).toBe(201)
    const id = ((await res.json()) as { id: string }).id
    const drawer = page.getByTestId('clarification-drawer')
    await drawer.waitFor()
    const approve = drawer.getByTestId(`clarification-approve-${id}`)
    await approve.waitFor()
    expect(await approve.isDisabled()).toBe(true)
    expect(await approve.getAttribute('data-blocked')).toBe('CLARIFICATION_SELF_APPROVAL')
    // Said beside the button in the drawer, with the code the server would answer.
    expect(await drawer.textContent()).toContain('辟谣信息须由起草人以外的人员审核')
    expect(await drawer.textContent()).toContain('CLARIFICATION_SELF_APPROVAL')
    await settled()
    await shoot('clarification-self-approval.png')
    await page.keyboard.press('Escape')
  })

  it('a supervisor reads the clarifications and may do nothing to them', async () => {
    await signIn('cac.supervisor')
    await page.getByTestId('menu-clarifications').click()
    await page.getByTestId(`clarification-row-${clarificationId}`).waitFor()
    expect(await page.getByTestId('clarification-new').count()).toBe(0)
    const steps = ['cosign', 'approve', 'publish'].map((s) => `[data-testid^="clarification-${s}-"]`)
    expect(await page.locator(steps.join(', ')).count()).toBe(0)
  })

  it('the public page opens without signing in, with the facts and a ClaimReview', async () => {
    await rig.context.clearCookies()
    await page.goto(`${regulator()}/p/clarifications/${clarificationId}`)
    await page.getByTestId('public-clarification-body').waitFor()
    expect(await page.getByTestId('public-clarification-body').textContent()).toBe(BODY)
    expect(await page.getByTestId('public-clarification-title').textContent()).toBe(TITLE)
    const claim = page.getByTestId('public-clarification-claim')
    expect(await claim.textContent()).toBe(`虚假${CLAIM}`)
    expect(await claim.getAttribute('data-verdict')).toBe('false')
    expect(await page.getByTestId('public-clarification-publisher').textContent()).toBe(
      '通化市互联网信息办公室',
    )
    expect(await page.getByTestId('main-menu').count()).toBe(0)
    expect(await page.title()).toContain(TITLE)
    // Runs in the page; typed by hand, as the test's own types have no DOM.
    type InPage = { document: { querySelectorAll(s: string): ArrayLike<{ textContent: string | null }> } }
    const scripts = await page.evaluate(() =>
      Array.from(
        (globalThis as unknown as InPage).document.querySelectorAll(
          'head script[type="application/ld+json"]',
        ),
        (s) => s.textContent ?? '',
      ),
    )
    expect(scripts).toHaveLength(1)
    expect(JSON.parse(scripts[0]!)).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'ClaimReview',
      claimReviewed: CLAIM,
      headline: TITLE,
      reviewRating: { alternateName: '虚假' },
    })
    await shoot('public-clarification.png')

    // On a phone, and in English.
    await page.setViewportSize({ width: 390, height: 844 })
    await page.getByTestId('lang-switch').getByText('English').click()
    await expect.poll(() => claim.textContent(), { timeout: 20_000 }).toBe(`False${CLAIM}`)
    expect(await page.locator('body').textContent()).toContain('The facts')
    await shoot('public-clarification-phone-en.png')
    await page.getByTestId('lang-switch').getByText('中文').click()

    // The list, newest first, leads back to it; leaving the page takes the ClaimReview out of the head.
    await page.getByTestId('public-clarification-back').click()
    const item = page.getByTestId(`public-clarification-${clarificationId}`)
    await item.waitFor()
    expect(await item.textContent()).toContain(TITLE)
    expect(await item.textContent()).toContain(CLAIM)
    expect(
      await page.evaluate(
        () =>
          (globalThis as unknown as InPage).document.querySelectorAll('script[type="application/ld+json"]')
            .length,
      ),
    ).toBe(0)
    await shoot('public-clarifications-phone.png')
    await page.setViewportSize({ width: 1360, height: 860 })
  })

  it('platform A’s feed no longer shows the rumor', async () => {
    const a = baseOf(node('platform-a'))
    for (const id of onA) expect((await fetch(`${a}/api/content/${id}`)).status, id).toBe(404)
    for (const id of onB) {
      expect((await fetch(`${baseOf(node('platform-b'))}/api/content/${id}`)).status, id).toBe(404)
    }
    await page.goto(`${a}/u`)
    await page.getByTestId('feed').waitFor()
    for (const id of onA) expect(await page.getByTestId(`feed-item-${id}`).count(), id).toBe(0)
    expect(await page.getByTestId('feed').textContent()).not.toContain('鼠疫')
    await shoot('platform-a-feed-after-clarification.png')
  })
})
