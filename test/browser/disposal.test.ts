// Reports, disposal of every copy, feedback and appeals in Chromium (A15, A16 — the walk-through): a rumor
// about Tonghua station is published with copies — in traditional characters, with emoji, quoted in a longer post,
// as a comment under someone else's post; a user reports it in the portal and gets a tracking number (and is told
// so again when reporting twice); a reviewer upholds the report in the console and confirms the claim as false
// with its clarification; the disposal's sweep finishes with every copy stopped and labelled; the public portal no
// longer shows any of them; the reporter reads “upheld” and the reason; the author sees the label and the stopped
// status and appeals; the reviewer who decided may not decide the appeal, an admin dismisses it, and the author
// reads why. An admin places and releases a legal hold, and an inspector opens the sealed copy of a removed item,
// which is recorded. Screenshots land in test-results/screenshots/.
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_USERS } from '../../src/demo/platform-content.ts'
import type { RunningNode } from '../../src/server/start.ts'
import { type BrowserRig, baseOf, SHOTS, signIn as signInAs, startRig } from './browser.ts'

let rig: BrowserRig
let nodes: RunningNode[] = []
let page: Page

const author = DEMO_USERS[0]!
const reporter = DEMO_USERS[1]!
const other = DEMO_USERS[2]!

const RUMOR = '通化站明天起停运一个月，所有火车改到梅河口站发车，要出门的赶紧改签'
const TRADITIONAL = '通化站明天起停運一個月，所有火車改到梅河口站發車，要出門的趕緊改簽'
const EMOJI = '通化站🚄明天起停运一个月，所有火车😱改到梅河口站发车，要出门的赶紧改签！！'
const QUOTED = `群里都在转：“${RUMOR}”。我爸妈下周本来要坐车去长春看病，这下不知道怎么办，有没有知道内情的朋友说一下？`
const CLEAN = '靖宇县今天下了第一场雪，山里的松树都白了，周末带孩子去堆雪人。'
const COMMENT = `刚看到的消息：${RUMOR}`
const CLARIFICATION_URL = 'https://www.tonghua.gov.cn/piyao/20261130-station'
const CLARIFICATION_TITLE = '关于“通化站停运一个月”的辟谣'
const DECISION_REASON = '经中国铁路沈阳局集团公司通化车务段核实，通化站客运正常，无停运计划'
const APPEAL_REASON = '我只是转述群里的消息，并没有故意造谣，请求恢复'
const APPEAL_DISMISSAL = '内容与已核实的谣言一致，维持停止传播和标注'
const REMOVED = '听说快大茂镇水厂被人投了毒，这几天大家千万别喝自来水，已经有人住院了'
const HELD = '二道江区某小区业主群截图：物业经理卷走了全年物业费，业主们准备去报案'

/** The items made over the API before the browser starts. */
const ids = {
  original: '',
  traditional: '',
  emoji: '',
  quoted: '',
  clean: '',
  comment: '',
  removed: '',
  held: '',
}
const copies = () => [ids.original, ids.traditional, ids.emoji, ids.quoted, ids.comment]
let trackingNo = ''
let appealId = ''

const base = () => baseOf(nodes.find((n) => n.config.node.id === 'platform-a')!)

/** A platform user's session straight through the API, to publish with. */
async function userApi(phone: string): Promise<(body: unknown) => Promise<{ id: string; status: string }>> {
  const res = await fetch(`${base()}/api/users/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ phone, password: 'qinglang-demo' }),
  })
  expect(res.status).toBe(200)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return async (body) => {
    const r = await fetch(`${base()}/api/content`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify(body),
    })
    expect(r.status).toBe(201)
    return (await r.json()) as { id: string; status: string }
  }
}

beforeAll(async () => {
  rig = await startRig()
  nodes = rig.nodes
  page = rig.page
  const byAuthor = await userApi(author.phone)
  const byOther = await userApi(other.phone)
  const made = {
    original: await byAuthor({ kind: 'post', text: RUMOR }),
    traditional: await byAuthor({ kind: 'post', text: TRADITIONAL }),
    emoji: await byOther({ kind: 'post', text: EMOJI }),
    quoted: await byOther({ kind: 'post', text: QUOTED }),
    clean: await byOther({ kind: 'post', text: CLEAN }),
    removed: await byOther({ kind: 'post', text: REMOVED }),
    held: await byOther({ kind: 'post', text: HELD }),
  }
  const comment = await byAuthor({ kind: 'comment', text: COMMENT, parentId: made.clean.id })
  for (const [k, v] of Object.entries({ ...made, comment })) {
    expect(v.status, k).toBe('published')
    ids[k as keyof typeof ids] = v.id
  }
})
afterAll(async () => rig?.close())

/** A staff session made straight through the API, to act elsewhere at the same time. */
async function staffPost(login: string, path: string, body: unknown): Promise<Response> {
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
  return fetch(`${base()}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify(body),
  })
}

const answered = (pathEnd: string, method: string) =>
  page.waitForResponse((r) => r.url().split('?')[0]!.endsWith(pathEnd) && r.request().method() === method)

async function portalSignIn(phone: string): Promise<void> {
  await rig.context.clearCookies()
  await page.goto(`${base()}/u/login`)
  await page.getByTestId('portal-login-phone').fill(phone)
  await page.getByTestId('portal-login-password').fill('qinglang-demo')
  await page.getByTestId('portal-login-submit').click()
  await page.getByTestId('portal-me').waitFor()
}

const TRACKING = /JB\d{8}-[A-Z0-9]{6}/

/** Waits for the page's animations (drawers, tabs, fades) to end before a screenshot; spinners never end. */
async function settled(): Promise<void> {
  // Runs in the page; typed by hand, as the test's own types have no DOM.
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

async function shoot(name: string): Promise<void> {
  await settled()
  await page.screenshot({ path: path.join(SHOTS, name), fullPage: true })
}

describe('reports, disposal of every copy and appeals in Chromium', () => {
  it('a user reports the rumor in the portal and gets a tracking number and a deadline', async () => {
    await portalSignIn(reporter.phone)
    await page.goto(`${base()}/u`)
    await page.getByTestId(`feed-item-${ids.original}`).waitFor()
    // Every copy in the feed has its own entry; the reporter reports the original.
    for (const id of [ids.traditional, ids.emoji, ids.quoted]) {
      await page.getByTestId(`report-open-${id}`).waitFor()
    }
    await page.getByTestId(`report-open-${ids.original}`).click()
    await page.getByTestId('report-modal').waitFor()
    const rumor = page.getByTestId('report-category-rumor')
    await rumor.waitFor()
    expect(await rumor.textContent()).toContain('24 小时内处理')
    expect(await page.getByTestId('report-submit').isDisabled()).toBe(true)
    await rumor.click()
    await page.getByTestId('report-note').fill('通化站没有任何停运通知，这是谣言，已经在好几个群里传开了')
    const sent = answered('/api/reports', 'POST')
    await page.getByTestId('report-submit').click()
    const res = await sent
    expect(res.status()).toBe(201)
    expect(res.request().postDataJSON()).toMatchObject({ itemId: ids.original, category: 'rumor' })
    trackingNo = ((await res.json()) as { trackingNo: string }).trackingNo
    expect(trackingNo).toMatch(TRACKING)
    expect((await page.getByTestId('report-tracking').textContent())?.match(TRACKING)?.[0]).toBe(trackingNo)
    expect(await page.getByTestId('report-deadline').textContent()).toContain('虚假信息/谣言')
    await shoot('report-filed.png')
    await page.getByTestId('report-close').click()

    // Reporting the same item again is refused with the tracking number of the report already open.
    await page.getByTestId(`report-open-${ids.original}`).click()
    await page.getByTestId('report-category-rumor').click()
    const again = answered('/api/reports', 'POST')
    await page.getByTestId('report-submit').click()
    expect((await again).status()).toBe(409)
    const error = page.getByTestId('report-error')
    await error.waitFor()
    expect(await error.getAttribute('data-code')).toBe('REPORT_DUPLICATE')
    expect(await error.textContent()).toContain('您已举报过这条内容')
    expect((await page.getByTestId('report-error-tracking').textContent())?.match(TRACKING)?.[0]).toBe(
      trackingNo,
    )
    await page.getByTestId('report-guide-link').click()
    // The published guide: steps, every category's deadline, the hourly limit.
    await page.getByTestId('report-guide').waitFor()
    await page.getByTestId('report-guide-deadline-rumor').waitFor()
    expect(await page.getByTestId('report-guide-deadline-rumor').textContent()).toBe('24 小时内处理')
    expect(await page.getByTestId('report-guide-limit').textContent()).toContain('每小时最多举报 20 次')
    expect(await page.getByTestId('report-guide-steps').textContent()).toContain('举报编号')
    await shoot('report-guide.png')
  })

  it('a reviewer upholds the report and confirms the claim as false with its clarification', async () => {
    await signInAs(rig, base(), 'reviewer')
    await page.getByTestId('menu-reports').click()
    const row = page.getByTestId(`reports-row-${ids.original}`)
    await row.waitFor()
    expect(await row.textContent()).toContain('虚假信息/谣言')
    expect(await page.getByTestId(`reports-count-${ids.original}`).textContent()).toBe('1')
    await shoot('reports-queue.png')
    await page.getByTestId(`reports-open-${ids.original}`).click()
    await page.getByTestId('reports-drawer').waitFor()
    const report = page.getByTestId(`reports-report-${trackingNo}`)
    await report.waitFor()
    expect(await report.textContent()).toContain(reporter.displayName)
    expect(await report.textContent()).toContain('通化站没有任何停运通知')
    expect(await page.getByTestId('reports-item-text').textContent()).toBe(RUMOR)

    // Removing means stopping too: the form ticks "stop" and keeps it ticked while "remove" is.
    const measures = page.getByTestId('decision-measures')
    const stop = measures.locator('input[value="stop"]')
    const remove = measures.locator('input[value="remove"]')
    expect(await stop.isChecked()).toBe(true)
    await page.getByTestId('decision-measures-stop').click()
    expect(await stop.isChecked()).toBe(false)
    await page.getByTestId('decision-measures-remove').click()
    expect(await remove.isChecked()).toBe(true)
    expect(await stop.isChecked()).toBe(true)
    expect(await stop.isDisabled()).toBe(true)
    await page.getByTestId('decision-measures-remove').click()
    expect(await stop.isDisabled()).toBe(false)
    expect(await stop.isChecked()).toBe(true)

    await page.getByTestId('decision-confirm').click()
    expect(await page.getByTestId('decision-claim-text').inputValue()).toBe(RUMOR)
    await page.getByTestId('decision-clarification-url').fill(CLARIFICATION_URL)
    await page.getByTestId('decision-clarification-title').fill(CLARIFICATION_TITLE)
    await page.getByTestId('decision-reason').fill(DECISION_REASON)
    const decided = answered(`/api/reports/items/${ids.original}/decision`, 'POST')
    await page.getByTestId('decision-submit').click()
    const res = await decided
    expect(res.status()).toBe(200)
    expect(res.request().postDataJSON()).toEqual({
      outcome: 'uphold',
      reason: DECISION_REASON,
      measures: ['stop', 'label'],
      category: 'false',
      confirm: {
        verdict: 'false',
        text: RUMOR,
        clarificationUrl: CLARIFICATION_URL,
        clarificationTitle: CLARIFICATION_TITLE,
      },
    })
    const done = page.getByTestId('reports-decided')
    await done.waitFor()
    expect(await done.getAttribute('data-closed')).toBe('1')
    expect(await done.textContent()).toContain('已写入谣言库')
    await shoot('reports-decided.png')

    // The link follows the sweep of the new disposal until it has stopped every copy.
    await page.getByTestId('reports-disposal-link').click()
    await page.getByTestId('disposal-detail').waitFor()
    await expect
      .poll(
        () =>
          page
            .getByTestId('disposal-detail-status')
            .getAttribute('data-status', { timeout: 1000 })
            .catch(() => null),
        { timeout: 30_000 },
      )
      .toBe('finished')
    expect(await page.getByTestId('disposal-detail-claim').textContent()).toBe(RUMOR)
    await expect
      .poll(() => page.getByTestId('disposal-detail-applied').getAttribute('data-n'), { timeout: 20_000 })
      .toBe('5')
    for (const id of copies()) {
      const item = page.getByTestId(`disposal-item-${id}`)
      expect(await item.getAttribute('data-outcome'), id).toBe('applied')
      expect(await item.textContent(), id).toContain('停止传播')
      expect(await page.getByTestId(`disposal-after-${id}`).textContent(), id).toMatch(/^\+\d/)
    }
    expect(await page.getByTestId(`disposal-item-${ids.clean}`).count()).toBe(0)
    expect(await page.getByTestId('disposal-items').textContent()).toContain('评论')
    await shoot('disposal-detail.png')

    // The list shows it finished, the index ready, and the registry the new entry with its clarification.
    await page.getByTestId('menu-disposals').click()
    await page.getByTestId('disposals').waitFor()
    const rowOf = page.locator('[data-testid^="disposal-row-"]').first()
    await rowOf.waitFor()
    expect(await rowOf.getAttribute('data-status')).toBe('finished')
    expect(await rowOf.textContent()).toContain(RUMOR)
    expect(await page.getByTestId('disposal-index').getAttribute('data-state')).toBe('ready')
    await shoot('disposals.png')
    await page.getByRole('tab', { name: '谣言库' }).click()
    await page.getByTestId('rumors').getByText(CLARIFICATION_TITLE).waitFor()
    expect(await page.getByTestId('rumors').textContent()).toContain('平台审核')
  })

  it('the public portal no longer shows any copy', async () => {
    for (const id of copies()) {
      expect((await fetch(`${base()}/api/content/${id}`)).status, id).toBe(404)
    }
    expect((await fetch(`${base()}/api/content/${ids.clean}`)).status).toBe(200)
    await rig.context.clearCookies()
    await page.goto(`${base()}/u`)
    // The recommended feed serves none of the copies. Whether it serves the clean post depends on its author's
    // credit, which fell with the two copies they posted (A13.3), so the clean post is looked for among the newest.
    await page.getByTestId('feed-mode').waitFor()
    await page.getByTestId('feed').waitFor()
    for (const id of copies()) expect(await page.getByTestId(`feed-item-${id}`).count(), id).toBe(0)
    expect(await page.getByTestId('feed').textContent()).not.toContain('停运')
    await page.getByTestId('tab-latest').click()
    await page.getByTestId(`feed-item-${ids.clean}`).waitFor()
    for (const id of copies()) expect(await page.getByTestId(`feed-item-${id}`).count(), id).toBe(0)
    expect(await page.getByTestId('feed').textContent()).not.toContain('停运')
    // The comment is gone from the post it was under; the original's page says it is not there.
    await page.goto(`${base()}/u/posts/${ids.clean}`)
    await page.getByTestId('post').getByText(CLEAN).waitFor()
    await page.getByTestId('post-comments').waitFor()
    expect(await page.getByTestId(`comment-${ids.comment}`).count()).toBe(0)
    // Someone not signed in who wants to report is led to sign in.
    await page.getByTestId(`report-open-${ids.clean}`).click()
    await page.getByTestId('report-signin').waitFor()
    await page.getByTestId('report-close').click()
    await page.goto(`${base()}/u/posts/${ids.original}`)
    await page.getByTestId('error-alert').waitFor()
    await shoot('portal-after-disposal.png')
  })

  it('the reporter reads that the report was upheld, and why', async () => {
    await portalSignIn(reporter.phone)
    await page.getByTestId('portal-nav-reports').click()
    const mine = page.getByTestId(`my-report-${trackingNo}`)
    await mine.waitFor()
    expect(await mine.getAttribute('data-status')).toBe('upheld')
    expect(await mine.getByTestId('report-status').textContent()).toBe('成立')
    expect(await mine.getByTestId('report-outcome').textContent()).toContain(DECISION_REASON)
    expect(await mine.getByTestId('report-outcome').textContent()).toContain('A16')
    // Looked up by number (typed in lower case), the same report.
    const lookup = page.getByTestId('report-lookup').locator('input')
    await lookup.fill(trackingNo.toLowerCase())
    await lookup.press('Enter')
    const found = page.getByTestId('report-lookup-result')
    await found.waitFor()
    expect(await found.textContent()).toContain(trackingNo)
    expect(await found.getByTestId('report-status').textContent()).toBe('成立')
    await shoot('my-reports.png')
    // The report says what was reported, and that it is no longer shown (no link to follow).
    expect(await mine.getByTestId('report-item-excerpt').textContent()).toContain(RUMOR.slice(0, 10))
    await mine.getByTestId('report-item-gone').waitFor()
    expect(await mine.getByTestId('report-item-link').count()).toBe(0)
  })

  it('the author sees the false label and the stopped status, and appeals', async () => {
    await portalSignIn(author.phone)
    const mine = page.getByTestId(`my-content-${ids.original}`)
    await mine.waitFor()
    expect(await mine.getAttribute('data-restriction')).toBe('stopped')
    expect(await mine.getByTestId('content-restriction').textContent()).toBe('已停止传播')
    expect(await mine.getByTestId('false-label').textContent()).toContain('经核实为虚假信息')
    const link = mine.getByTestId('false-label-link')
    expect(await link.getAttribute('href')).toBe(CLARIFICATION_URL)
    expect(await link.textContent()).toContain(CLARIFICATION_TITLE)
    // The comment under someone else's post is stopped and labelled too.
    const comment = page.getByTestId(`my-content-${ids.comment}`)
    expect(await comment.getAttribute('data-restriction')).toBe('stopped')
    expect(await comment.getByTestId('false-label').count()).toBe(1)
    await shoot('author-labelled.png')

    await page.getByTestId(`appeal-open-${ids.original}`).click()
    await page.getByTestId('appeal-modal').waitFor()
    expect(await page.getByTestId('appeal-submit').isDisabled()).toBe(true)
    await page.getByTestId('appeal-reason').fill(APPEAL_REASON)
    const filed = answered('/api/appeals', 'POST')
    await page.getByTestId('appeal-submit').click()
    const res = await filed
    expect(res.status()).toBe(201)
    const appeal = (await res.json()) as { id: string; decisionKind: string; status: string }
    expect(appeal).toMatchObject({ decisionKind: 'disposal', status: 'open' })
    appealId = appeal.id
    await page.getByTestId('appeal-filed').waitFor()
    await page.getByTestId('appeal-close').click()
    await mine.getByTestId('appeal-status').waitFor()
    expect(await mine.getByTestId('appeal-status').textContent()).toBe('申诉处理中')
    expect(await page.getByTestId(`appeal-open-${ids.original}`).count()).toBe(0)
    await page.getByTestId('me-appeals-link').click()
    const row = page.getByTestId(`my-appeal-${appealId}`)
    await row.waitFor()
    expect(await row.getAttribute('data-status')).toBe('open')
    expect(await row.textContent()).toContain(APPEAL_REASON)
    expect(await row.textContent()).toContain('虚假信息处置')
  })

  it('the reviewer who decided may not decide the appeal; an admin dismisses it', async () => {
    await signInAs(rig, base(), 'reviewer')
    await page.getByTestId('menu-appeals').click()
    const row = page.getByTestId(`appeal-row-${appealId}`)
    await row.waitFor()
    expect(await row.textContent()).toContain(author.displayName)
    expect(await row.textContent()).toContain(APPEAL_REASON)
    await page.getByTestId(`appeal-own-${appealId}`).waitFor()
    expect(await page.getByTestId(`appeal-own-${appealId}`).textContent()).toContain('须由其他人员复核')
    expect(await page.getByTestId(`appeal-uphold-${appealId}`).isDisabled()).toBe(true)
    expect(await page.getByTestId(`appeal-dismiss-${appealId}`).isDisabled()).toBe(true)
    await shoot('appeal-own-decision.png')

    await signInAs(rig, base(), 'admin')
    await page.getByTestId('menu-appeals').click()
    await page.getByTestId(`appeal-row-${appealId}`).waitFor()
    expect(await page.getByTestId(`appeal-own-${appealId}`).count()).toBe(0)
    expect(await page.getByTestId(`appeal-row-${appealId}`).getByTestId('false-label').count()).toBe(1)
    await page.getByTestId(`appeal-reason-${appealId}`).fill(APPEAL_DISMISSAL)
    const decided = answered(`/api/appeals/${appealId}/decision`, 'POST')
    await page.getByTestId(`appeal-dismiss-${appealId}`).click()
    const res = await decided
    expect(res.status()).toBe(200)
    expect(res.request().postDataJSON()).toEqual({ outcome: 'dismiss', reason: APPEAL_DISMISSAL })
    await expect.poll(() => page.getByTestId(`appeal-row-${appealId}`).count()).toBe(0)
    await page.getByTestId('appeals-status').getByText('不成立').click()
    const outcome = page.getByTestId(`appeal-outcome-${appealId}`)
    await outcome.waitFor()
    expect(await outcome.textContent()).toContain(APPEAL_DISMISSAL)
    await shoot('appeal-dismissed.png')

    // The author reads the outcome and the reason; the item stays stopped.
    await portalSignIn(author.phone)
    await page.getByTestId('me-appeals-link').click()
    const mine = page.getByTestId(`my-appeal-${appealId}`)
    await mine.waitFor()
    expect(await mine.getAttribute('data-status')).toBe('dismissed')
    expect(await mine.getByTestId('appeal-outcome').textContent()).toContain(APPEAL_DISMISSAL)
    expect((await fetch(`${base()}/api/content/${ids.original}`)).status).toBe(404)
    await shoot('my-appeals.png')
  })

  it('an admin places and releases a legal hold; an inspector opens a removed item’s sealed copy', async () => {
    const removed = await staffPost('reviewer', `/api/content/${ids.removed}/disposal`, {
      measures: ['stop', 'remove'],
      reason: '捏造投毒警情，扰乱公共秩序',
      category: 'prohibit',
    })
    expect(removed.status).toBe(201)

    await signInAs(rig, base(), 'admin')
    await page.getByTestId('menu-disposals').click()
    await page.getByRole('tab', { name: '留存与法律保全' }).click()
    await page.getByTestId('hold-item').fill(ids.held)
    await page.getByTestId('hold-reason').fill('东昌区人民法院证据保全裁定（2026）吉0502财保12号')
    const placed = answered('/api/legal-holds', 'POST')
    await page.getByTestId('hold-place').click()
    expect((await placed).status()).toBe(201)
    await page.getByTestId(`hold-release-${ids.held}`).waitFor()
    expect(await page.getByTestId('holds').textContent()).toContain('证据保全裁定')
    await shoot('legal-holds.png')
    await page.getByTestId(`hold-release-${ids.held}`).click()
    await page.getByTestId('hold-release-reason').fill('诉讼终结，解除保全')
    const released = answered(`/api/legal-holds/${ids.held}/release`, 'POST')
    await page.locator('.ant-popconfirm-buttons .ant-btn-primary').click()
    expect((await released).status()).toBe(204)
    await expect.poll(() => page.getByTestId(`hold-release-${ids.held}`).count()).toBe(0)

    // The inspector reads, never holds: the copy opens with a reason, and the opening is recorded.
    await signInAs(rig, base(), 'inspector')
    await page.getByTestId('menu-disposals').click()
    await page.getByRole('tab', { name: '留存与法律保全' }).click()
    await page.getByTestId('retained-item').waitFor()
    expect(await page.getByTestId('hold-place').count()).toBe(0)
    await page.getByTestId('retained-item').fill(ids.removed)
    await page.getByTestId('retained-reason').fill('配合通化市网信办检查')
    const opened = answered(`/api/retention/${ids.removed}/open`, 'POST')
    await page.getByTestId('retained-open').click()
    expect((await opened).status()).toBe(200)
    const copy = page.getByTestId('retained-copy')
    await copy.waitFor()
    expect(await copy.textContent()).toContain(REMOVED)
    expect(await copy.textContent()).toContain('本次查看已记入账本')
    await shoot('retained-copy.png')
  })
})
