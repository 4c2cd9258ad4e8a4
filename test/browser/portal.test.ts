// The public portal of platform A and the staff's rules and credit pages in a real browser (Debian Chromium through
// playwright-core) against the demo nodes: a new user registers with a mobile number, sees that they must verify and
// accept the rules, accepts them, is told every check a wrong ID number fails, verifies with a right one and sees the
// +10 on their credit; an operator records a serious violation against them and restores it on appeal, adjusts by
// hand and is told when someone else restored first, and has a credit policy that does not hold together refused
// with every problem named; a reviewer sees the same credit read-only; a new rule version must be accepted again, and
// one published while the user reads is reloaded; the regulator has no portal. Screenshots land in
// test-results/screenshots/.
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

const node = (id: string) => nodes.find((n) => n.config.node.id === id)!
const base = () => baseOf(node('platform-a'))

const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(10))).join('')

// One user for the whole file.
const phone = `139${digits(8)}`
const password = `qinglang-${digits(6)}`
const displayName = `浑江夜跑${digits(4)}`
const RULE_KINDS = ['management_rules', 'convention', 'user_agreement'] as const
let userId = ''
let violationId = ''

/** An attribute of an element that may not be there yet: null instead of Playwright's long wait. */
const attr = (testId: string, name: string) =>
  page
    .getByTestId(testId)
    .getAttribute(name, { timeout: 500 })
    .catch(() => null)

const text = (testId: string) =>
  page
    .getByTestId(testId)
    .textContent({ timeout: 500 })
    .catch(() => null)

/**
 * Waits for the page's animations (drawers, messages, fades) to end, so a screenshot shows the settled page. A
 * spinner's endless animation never ends, and is not waited for.
 */
async function settled(): Promise<void> {
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

const answered = (pathEnd: string, method: string) =>
  page.waitForResponse((r) => r.url().split('?')[0]!.endsWith(pathEnd) && r.request().method() === method)

/** A staff session made straight through the API: another person, elsewhere, at the same time. */
async function staffApi(login: string): Promise<(path: string, body: unknown) => Promise<Response>> {
  const res = await fetch(`${base()}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: 'qinglang-demo' }),
  })
  expect(res.status).toBe(200)
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return (path, body) =>
    fetch(`${base()}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify(body),
    })
}

/** Publishes a new version of a document as the operator, straight through the API. */
async function publishAsOperator({ kind, bodyNote }: { kind: string; bodyNote: string }): Promise<void> {
  const post = await staffApi('operator')
  const current = (await (await fetch(`${base()}/api/rules/${kind}`)).json()) as {
    items: { titleZh: string; titleEn: string; bodyZh: string; bodyEn: string }[]
  }
  const doc = current.items[0]!
  const res = await post('/api/rules', {
    kind,
    titleZh: doc.titleZh,
    titleEn: doc.titleEn,
    bodyZh: `${doc.bodyZh}\n${bodyNote}`,
    bodyEn: `${doc.bodyEn}\n${bodyNote}`,
    changeNote: bodyNote,
  })
  expect(res.status).toBe(201)
}

describe('the public portal and account credit in Chromium', () => {
  it('registers a user from the staff login page, who must verify and accept the rules', async () => {
    await rig.context.clearCookies()
    await page.goto(`${base()}/login`)
    await page.getByTestId('login-portal-link').click()
    await page.getByTestId('portal-login-form').waitFor()
    expect(await page.getByTestId('portal-brand').textContent()).toContain('通化同城圈')
    await page.getByTestId('portal-login-register-link').click()
    await page.getByTestId('portal-register-form').waitFor()
    expect(new URL(page.url()).pathname).toBe('/u/register')
    // The display name is free; the form says so.
    expect(await page.getByTestId('portal-register-display-name-hint').textContent()).toContain(
      '前台自愿：昵称可随意，真实身份仅用于后台认证',
    )

    // The form's own checks, before anything is sent.
    await page.getByTestId('portal-register-phone').fill('0435-1234567')
    await page.getByTestId('portal-register-password').fill('short')
    await page.getByTestId('portal-register-submit').click()
    await page.getByText('请输入 11 位中国大陆手机号').waitFor()
    await page.getByText('密码至少 10 个字符').waitFor()

    await page.getByTestId('portal-register-phone').fill(phone)
    await page.getByTestId('portal-register-display-name').fill(displayName)
    await page.getByTestId('portal-register-password').fill(password)
    await page.getByTestId('portal-register-password2').fill(password)
    const registered = answered('/api/users', 'POST')
    await page.getByTestId('portal-register-submit').click()
    const response = await registered
    expect(response.status()).toBe(201)
    expect(response.request().postDataJSON()).toEqual({ phone, password, displayName })
    userId = ((await response.json()) as { user: { id: string } }).user.id

    await page.getByTestId('portal-me').waitFor()
    expect(new URL(page.url()).pathname).toBe('/u/me')
    expect(await page.getByTestId('portal-me-name').textContent()).toBe(displayName)
    expect(await page.getByTestId('portal-user-name').textContent()).toContain(displayName)
    expect(await attr('portal-identity-status', 'data-state')).toBe('unverified')
    expect(await page.getByTestId('portal-identity-needed').textContent()).toContain(
      '发布信息、跟帖评论和使用即时通信前',
    )
    await expect.poll(() => attr('portal-rules-pending', 'data-count')).toBe('3')
    // A new account starts at the policy's initial score.
    await expect.poll(() => text('portal-credit-score')).toBe('60')
    expect(await attr('portal-credit-tier', 'data-tier')).toBe('normal')
  })

  it('accepts the three documents, each ticked after its full text', async () => {
    await page.getByTestId('portal-accept-link').click()
    await page.getByTestId('portal-accept').waitFor()
    const submit = page.getByTestId('portal-accept-submit')
    expect(await submit.isDisabled()).toBe(true)
    for (const kind of RULE_KINDS) {
      // The whole text, line breaks kept, in its own scrolling panel.
      const body = ((await page.getByTestId(`portal-accept-body-${kind}`).textContent()) ?? '').trim()
      expect(body.split('\n').length).toBeGreaterThan(2)
      await page.getByTestId(`portal-accept-${kind}`).check()
    }
    expect(await submit.isDisabled()).toBe(false)
    const accepted = answered('/api/users/me/acceptances', 'POST')
    await submit.click()
    const response = await accepted
    expect(response.status()).toBe(200)
    const sent = response.request().postDataJSON() as { documents: { kind: string; version: number }[] }
    expect(sent.documents.map((d) => d.kind).sort()).toEqual([...RULE_KINDS].sort())
    expect((await response.json()) as unknown).toEqual({ pending: [] })
    await page.getByTestId('portal-me').waitFor()
    await expect.poll(() => attr('portal-rules-pending', 'data-count')).toBe('0')
  })

  it('names every check a wrong ID number fails, then verifies with a right one: +10, 70, Good', async () => {
    await page.getByTestId('portal-identity-link').click()
    await page.getByTestId('portal-identity-form').waitFor()
    expect(await page.getByTestId('portal-identity-privacy').textContent()).toContain(displayName)

    // 30 February does not exist; the check character is computed over the digits as given.
    const wrong = '220502199002301234'
    const wrongCheckDigit = checkCharacter(wrong.slice(0, 17)) !== wrong[17]
    await page.getByTestId('portal-identity-real-name').fill('林晓雪')
    await page.getByTestId('portal-identity-id-number').fill(wrong)
    const refused = answered('/api/users/me/identity', 'POST')
    await page.getByTestId('portal-identity-submit').click()
    const refusal = await refused
    expect(refusal.status()).toBe(400)
    expect(((await refusal.json()) as { code: string }).code).toBe('IDENTITY_INVALID')
    await page.getByTestId('portal-identity-errors').waitFor()
    expect(await page.getByTestId('portal-identity-check-birthDate').textContent()).toContain(
      '出生日期 19900230 无效',
    )
    expect(await page.getByTestId('portal-identity-check-checkDigit').count()).toBe(wrongCheckDigit ? 1 : 0)
    expect(await page.getByTestId('portal-identity-check-division').count()).toBe(0)
    // The same problems sit under the ID number field, one line each.
    const fieldErrors = page.locator('.ant-form-item-has-error .ant-form-item-explain-error')
    await expect.poll(() => fieldErrors.allTextContents()).toContain('出生日期：出生日期 19900230 无效')
    if (wrongCheckDigit) expect(await fieldErrors.allTextContents()).toContain('校验码：校验码不正确')
    await settled()
    await page.screenshot({ path: path.join(SHOTS, 'portal-identity-errors.png'), fullPage: true })

    const first17 = `22050219900307${digits(3)}`
    const right = first17 + checkCharacter(first17)
    await page.getByTestId('portal-identity-id-number').fill(right)
    const verified = answered('/api/users/me/identity', 'POST')
    await page.getByTestId('portal-identity-submit').click()
    expect((await verified).status()).toBe(201)

    await page.getByTestId('portal-identity-done').waitFor()
    expect(new URL(page.url()).pathname).toBe('/u/me')
    expect(await page.getByTestId('portal-identity-done').textContent()).toContain(
      '信用分 +10，现为 70 分（良好）',
    )
    await expect.poll(() => attr('portal-identity-status', 'data-state')).toBe('verified')
    expect(await page.getByTestId('portal-identity-needed').count()).toBe(0)
    await expect.poll(() => text('portal-credit-score')).toBe('70')
    expect(await attr('portal-credit-tier', 'data-tier')).toBe('good')
    expect(await page.getByTestId('portal-credit-tier').textContent()).toBe('良好')
    const history = page.getByTestId('portal-credit-history')
    await history.locator('[data-kind="identity_verified"]').waitFor()
    const rowText = await history
      .locator('tr', { has: page.locator('[data-kind="identity_verified"]') })
      .textContent()
    expect(rowText).toContain('实名认证')
    expect(rowText).toContain('+10')
    expect(rowText).toContain('内置默认')
    expect(await history.locator('[data-delta="10"]').count()).toBe(1)
    // Every tier is explained, the current one marked.
    expect(await page.getByTestId('portal-credit-tiers').locator('tbody tr.ant-table-row').count()).toBe(6)
    expect(await page.getByTestId('portal-credit-tiers').locator('.ql-row-current').textContent()).toContain(
      '良好',
    )
    await settled()
    await page.screenshot({ path: path.join(SHOTS, 'portal-me.png'), fullPage: true })

    // Verified already: the identity page says so instead of asking again.
    await page.goto(`${base()}/u/identity`)
    await page.getByTestId('portal-identity-already').waitFor()
  })

  it('shows the rules to anyone, in full and in either language, and signs the user out', async () => {
    await page.getByTestId('portal-logout').click()
    await page.getByTestId('portal-login-form').waitFor()
    await page.getByTestId('portal-nav-rules').click()
    const list = page.getByTestId('portal-rules-list')
    for (const kind of RULE_KINDS) await list.getByTestId(`portal-rule-${kind}`).waitFor()
    await list.getByTestId('portal-rule-convention').getByRole('link').first().click()
    await page.getByTestId('portal-rule-body').waitFor()
    expect(new URL(page.url()).pathname).toBe('/u/rules/convention/1')
    const body = (await page.getByTestId('portal-rule-body').textContent()) ?? ''
    expect(body.trim().split('\n').length).toBeGreaterThan(2)
    await page.getByTestId('portal-rule-versions').getByText('第 1 版').waitFor()

    await page.getByTestId('lang-switch').getByText('English').click()
    await page.getByTestId('portal-nav-rules').getByText('Rules').waitFor()
    await expect.poll(() => page.getByTestId('portal-rule-versions').textContent()).toContain('Version 1')
    await page.getByTestId('lang-switch').getByText('中文').click()

    // The address the server gives each version leads to its page here.
    await page.goto(`${base()}/rules/user_agreement/1`)
    await page.getByTestId('portal-rule-body').waitFor()
    expect(new URL(page.url()).pathname).toBe('/u/rules/user_agreement/1')

    // Signed out, the user's own pages ask for a sign-in, which leads back.
    await page.goto(`${base()}/u/me`)
    await page.getByTestId('portal-login-form').waitFor()
    await page.getByTestId('portal-login-phone').fill(phone)
    await page.getByTestId('portal-login-password').fill(password)
    await page.getByTestId('portal-login-submit').click()
    await page.getByTestId('portal-me').waitFor()
    await expect.poll(() => text('portal-credit-score')).toBe('70')
    expect(await page.getByTestId('portal-staff-link').getAttribute('href')).toBe('/login')
  })

  it('lets an operator record a serious violation against the user and restore it on appeal', async () => {
    await signInAs(rig, base(), 'operator')
    await page.getByTestId('menu-credit').click()
    await page.getByTestId('credit-users').waitFor()
    await page.getByTestId('credit-search').locator('input').fill(displayName)
    await page.getByTestId('credit-search').locator('input').press('Enter')
    await page.getByTestId(`credit-user-${userId}`).waitFor()
    expect(await attr(`credit-verified-${userId}`, 'data-state')).toBe('verified')
    expect(await text(`credit-score-${userId}`)).toBe('70')
    // Names only: no phone number anywhere in the list.
    expect(await page.getByTestId('credit-users').textContent()).not.toContain(phone)

    await page.getByTestId(`credit-user-${userId}`).click()
    await page.getByTestId('credit-drawer').waitFor()
    await expect.poll(() => text('credit-drawer-score')).toBe('70')
    expect(await attr('credit-drawer-tier', 'data-tier')).toBe('good')

    await page.getByTestId('credit-violation').click()
    await page.getByTestId('credit-violation-severity-2').check()
    // The policy's deduction and the result, before anything is sent.
    await expect.poll(() => page.getByTestId('credit-after').textContent()).toContain('55')
    const reason = '在同城群转发“浑江水库决堤”的不实消息，经应急管理局核实为虚假信息'
    await page.getByTestId('credit-violation-reason').fill(reason)
    const recorded = answered(`/api/credit/users/${userId}/events`, 'POST')
    await page.getByTestId('credit-violation-submit').click()
    const response = await recorded
    expect(response.status()).toBe(201)
    expect(response.request().postDataJSON()).toEqual({ kind: 'violation', severity: 2, reason })
    const event = (await response.json()) as { id: string; delta: number; scoreAfter: number }
    expect(event).toMatchObject({ delta: -15, scoreAfter: 55 })
    violationId = event.id

    await expect.poll(() => text('credit-drawer-score')).toBe('55')
    expect(await attr('credit-drawer-tier', 'data-tier')).toBe('normal')
    const history = page.getByTestId('credit-drawer-history')
    await history.locator(`tr[data-row-key="${violationId}"]`).waitFor()
    const row = await history.locator(`tr[data-row-key="${violationId}"]`).textContent()
    expect(row).toContain('违规')
    expect(row).toContain('−15')
    expect(row).toContain(reason)
    await page.getByTestId(`credit-restore-${violationId}`).waitFor()
    await settled()
    await page.screenshot({ path: path.join(SHOTS, 'credit-drawer.png'), fullPage: true })

    await page.getByTestId(`credit-restore-${violationId}`).click()
    await page
      .getByTestId('credit-restore-reason')
      .fill('申诉成立：转发时已注明“待核实”，且在十分钟内自行删除')
    const restored = answered(`/api/credit/events/${violationId}/restore`, 'POST')
    await page.getByTestId('credit-restore-submit').click()
    const restoreResponse = await restored
    expect(restoreResponse.status()).toBe(201)
    expect((await restoreResponse.json()) as unknown).toMatchObject({
      kind: 'appeal_upheld',
      delta: 15,
      scoreAfter: 70,
      restoresEventId: violationId,
    })
    await expect.poll(() => text('credit-drawer-score')).toBe('70')
    expect(await attr('credit-drawer-tier', 'data-tier')).toBe('good')
    // Restored once: the button is gone, the row says so.
    await expect.poll(() => page.getByTestId(`credit-restore-${violationId}`).count()).toBe(0)
    expect(await history.locator(`tr[data-row-key="${violationId}"]`).textContent()).toContain('已恢复')

    // A manual deduction; and an appeal against it that someone else upholds while the form is open.
    await page.getByTestId('credit-adjust').click()
    await page.getByTestId('credit-adjust-delta').fill('-5')
    await page.getByTestId('credit-adjust-reason').fill('多次在评论区刷屏，经提醒未改')
    const adjusted = answered(`/api/credit/users/${userId}/events`, 'POST')
    await page.getByTestId('credit-adjust-submit').click()
    const adjustment = await adjusted
    expect(adjustment.status()).toBe(201)
    expect(adjustment.request().postDataJSON()).toEqual({
      kind: 'adjustment',
      delta: -5,
      reason: '多次在评论区刷屏，经提醒未改',
    })
    const adjustmentId = ((await adjustment.json()) as { id: string }).id
    await expect.poll(() => text('credit-drawer-score')).toBe('65')
    await page.getByTestId(`credit-restore-${adjustmentId}`).click()
    await page.getByTestId('credit-restore-reason').fill('申诉成立：刷屏系他人盗用账号所为')
    const elsewhere = await staffApi('admin')
    expect(
      (await elsewhere(`/api/credit/events/${adjustmentId}/restore`, { reason: '管理员已处理申诉' })).status,
    ).toBe(201)
    const late = answered(`/api/credit/events/${adjustmentId}/restore`, 'POST')
    await page.getByTestId('credit-restore-submit').click()
    expect((await late).status()).toBe(409)
    await page.getByText('这次扣分已经恢复过了').waitFor()
    await expect.poll(() => text('credit-drawer-score')).toBe('70')
    await expect.poll(() => page.getByTestId(`credit-restore-${adjustmentId}`).count()).toBe(0)

    // The list behind the drawer has the new score too.
    await page.keyboard.press('Escape')
    await expect.poll(() => text(`credit-score-${userId}`)).toBe('70')
  })

  it('names every problem of a credit policy the server refuses', async () => {
    await page.getByTestId('credit-tab-policy').click()
    await page.getByTestId('credit-policy').waitFor()
    expect(new URL(page.url()).searchParams.get('tab')).toBe('policy')
    await expect.poll(() => attr('credit-policy-version', 'data-version')).toBe('0')
    expect(await page.getByTestId('credit-policy-tiers').locator('tbody tr.ant-table-row').count()).toBe(6)

    const editor = page.getByTestId('credit-policy-editor')
    const policy = JSON.parse(await editor.inputValue()) as {
      tiers: { min: number }[]
      deltas: { violation: Record<string, number> }
    }
    // Not JSON: said here, nothing sent.
    await editor.fill('{ "initial": 60, ')
    await page.getByTestId('credit-policy-check').click()
    await expect.poll(() => attr('credit-policy-errors', 'data-source')).toBe('client')
    expect(await page.getByTestId('credit-policy-errors').textContent()).toContain('不是合法的 JSON')

    // JSON of the right shape that does not hold together: the server names both problems.
    policy.deltas.violation['2'] = 5
    policy.tiers[1]!.min = 95
    await editor.fill(JSON.stringify(policy, null, 2))
    await page.getByTestId('credit-policy-note').fill('测试：不成立的规则')
    const refused = answered('/api/credit/policy', 'POST')
    await page.getByTestId('credit-policy-submit').click()
    const response = await refused
    expect(response.status()).toBe(400)
    expect(((await response.json()) as { code: string }).code).toBe('CREDIT_POLICY_INVALID')
    await expect.poll(() => attr('credit-policy-errors', 'data-source')).toBe('server')
    const problems = await page.getByTestId('credit-policy-errors').locator('li').allTextContents()
    expect(problems).toContain('2 级违规须扣分（应为负数）')
    expect(problems).toContain('等级须按最低分（min）从高到低排列')
    // Nothing was published.
    expect(await attr('credit-policy-version', 'data-version')).toBe('0')
  })

  it("shows a reviewer the user's credit read-only", async () => {
    await signInAs(rig, base(), 'reviewer')
    await page.getByTestId('menu-credit').click()
    await page.getByTestId('credit-search').locator('input').fill(displayName)
    await page.getByTestId('credit-search').locator('input').press('Enter')
    await page.getByTestId(`credit-user-${userId}`).click()
    await page.getByTestId('credit-drawer').waitFor()
    await expect.poll(() => text('credit-drawer-score')).toBe('70')
    await page.getByTestId('credit-drawer-history').locator(`tr[data-row-key="${violationId}"]`).waitFor()
    expect(await page.getByTestId('credit-violation').count()).toBe(0)
    expect(await page.getByTestId('credit-adjust').count()).toBe(0)
    expect(await page.locator('[data-testid^="credit-restore-"]').count()).toBe(0)
    expect(await page.getByTestId('credit-drawer').textContent()).toContain('只读')
    await page.keyboard.press('Escape')
    await page.getByTestId('credit-tab-policy').click()
    await page.getByTestId('credit-policy').waitFor()
    expect(await page.getByTestId('credit-policy-editor').count()).toBe(0)
    // Nor may a reviewer publish rules.
    expect(await page.getByTestId('menu-rules').count()).toBe(0)
    await page.goto(`${base()}/rules`)
    await page.getByTestId('no-permission').waitFor()
  })

  it('shows an operator the rules in force with their versions, and the publish form prefilled', async () => {
    await signInAs(rig, base(), 'operator')
    await page.getByTestId('menu-rules').click()
    const table = page.getByTestId('rules-table')
    for (const kind of RULE_KINDS) await table.locator(`tr[data-row-key="${kind}"]`).waitFor()
    expect(await attr('rules-version-convention', 'data-version')).toBe('1')
    await page.getByTestId('rules-publish-convention').click()
    await page.getByTestId('rules-form').waitFor()
    expect(await page.getByTestId('rules-form-warning').textContent()).toContain(
      '所有用户都必须阅读并接受新版本',
    )
    expect(await page.getByTestId('rules-form-title-zh').inputValue()).toContain('公约')
    expect((await page.getByTestId('rules-form-body-zh').inputValue()).length).toBeGreaterThan(50)
    // Unchanged text is not published.
    await page.getByTestId('rules-form-change-note').fill('没有修改')
    let posted = 0
    const count = (r: { url(): string; method(): string }) => {
      if (r.url().endsWith('/api/rules') && r.method() === 'POST') posted++
    }
    page.on('request', count)
    await page.getByTestId('rules-form-submit').click()
    await page.getByText('标题和正文与现行版本完全相同').waitFor()
    expect(posted).toBe(0)
    page.off('request', count)
  })

  it('publishes a new version that the user must accept, and reloads a version that appeared meanwhile', async () => {
    // The operator, still signed in, changes the convention with the form.
    await page
      .getByTestId('rules-form-body-zh')
      .fill(
        `${await page.getByTestId('rules-form-body-zh').inputValue()}\n6. 转发涉及险情、疫情的信息前，先看官方发布。`,
      )
    await page.getByTestId('rules-form-change-note').fill('增加第 6 条：转发险情信息前先看官方发布')
    const published = answered('/api/rules', 'POST')
    await page.getByTestId('rules-form-submit').click()
    const response = await published
    expect(response.status()).toBe(201)
    expect(((await response.json()) as { version: number }).version).toBe(2)
    await expect.poll(() => attr('rules-version-convention', 'data-version')).toBe('2')

    // The user now has one document to accept, and opens it.
    await rig.context.clearCookies()
    await page.goto(`${base()}/u/login`)
    await page.getByTestId('portal-login-phone').fill(phone)
    await page.getByTestId('portal-login-password').fill(password)
    await page.getByTestId('portal-login-submit').click()
    await page.getByTestId('portal-me').waitFor()
    await expect.poll(() => attr('portal-rules-pending', 'data-count')).toBe('1')
    await page.getByTestId('portal-accept-link').click()
    await page.getByTestId('portal-accept-convention').waitFor()
    expect(await page.getByTestId('portal-accept-body-convention').textContent()).toContain('先看官方发布')

    // Meanwhile version 3 appears (published through the API by the operator).
    await publishAsOperator({ kind: 'convention', bodyNote: '7. 第三版新增条款。' })

    await page.getByTestId('portal-accept-convention').check()
    const refused = answered('/api/users/me/acceptances', 'POST')
    await page.getByTestId('portal-accept-submit').click()
    const refusal = await refused
    expect(refusal.status()).toBe(409)
    expect(((await refusal.json()) as { code: string }).code).toBe('RULES_OUTDATED')
    await page.getByTestId('portal-accept-outdated').waitFor()
    await expect
      .poll(() => page.getByTestId('portal-accept-body-convention').textContent())
      .toContain('第三版新增条款')
    // The new version is not ticked for the user.
    expect(await page.getByTestId('portal-accept-convention').isChecked()).toBe(false)
    expect(await page.getByTestId('portal-accept-submit').isDisabled()).toBe(true)
    await page.getByTestId('portal-accept-convention').check()
    const accepted = answered('/api/users/me/acceptances', 'POST')
    await page.getByTestId('portal-accept-submit').click()
    const acceptance = await accepted
    expect(acceptance.status()).toBe(200)
    expect(acceptance.request().postDataJSON()).toEqual({ documents: [{ kind: 'convention', version: 3 }] })
    await page.getByTestId('portal-me').waitFor()
    await expect.poll(() => attr('portal-rules-pending', 'data-count')).toBe('0')
  })

  it('gives the regulator no user portal and its login page no link to one', async () => {
    const regulator = baseOf(node('tonghua-cac'))
    await page.goto(`${regulator}/u/login`)
    await page.getByTestId('portal-none').waitFor()
    expect(await page.getByTestId('portal-login-form').count()).toBe(0)
    await page.goto(`${regulator}/login`)
    await page.getByTestId('login-form').waitFor()
    await page.getByTestId('login-node-kind').waitFor()
    expect(await page.getByTestId('login-portal-link').count()).toBe(0)
  })
})
