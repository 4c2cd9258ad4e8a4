// Orders (责令, A19) in Chromium against the demo nodes. The demo issued two: platform B removed a poisoning rumour
// and proved it, and platform A has yet to stop every copy of a traffic-restriction rumour. A CAC officer sees both
// (B's proof verified once B's checkpoint covers it and its filing arrives), follows the proof to the platform's
// report, and issues a new order to platform A to remove an item a demo user just published (chosen by name among the peers) — a claim too short and a
// malformed item id refused first. On platform A the operator sees both orders with their
// deadlines and executes them after a confirmation that says what will happen: the claim is swept (执行中, then
// 已执行), the item goes; a second tab that still offers to execute is told ORDER_ALREADY_EXECUTED. The item is gone
// from the public API, and back on the regulator the new order shows executed, one item stopped and proven. A
// supervisor reads without issuing; an order left past its deadline is flagged overdue with an A25 case proposed.
// Screenshots land in SHOTS.
import { randomUUID } from 'node:crypto'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { transaction } from '../../src/core/db/index.ts'
import { DEMO_REGULATOR, DEMO_USERS } from '../../src/demo/platform-content.ts'
import { entriesAbout, systemActor } from '../../src/ledger/index.ts'
import { flagOverdueOrders } from '../../src/regulator/orders/index.ts'
import type { RunningNode } from '../../src/server/start.ts'
import { type BrowserRig, baseOf, chooseOption, SHOTS, signIn as signInAs, startRig } from './browser.ts'

let rig: BrowserRig
let nodes: RunningNode[] = []
let page: Page

const ITEM_TEXT = '刚听说通化站明天起停运所有进京列车，要出门的赶紧退票改签，转给需要的人'
const REASON = '经通化车务段核实，通化站列车运行正常，无停运安排，系编造的虚假信息'
const BASIS = '《通化市网络虚假信息治理办法》第十九条'

let itemId = ''
/** The demo's orders: B's executed one, A's waiting one; then the one issued here. */
let executedOnB = ''
let claimOnA = ''
let newOrder = ''

const node = (id: string) => nodes.find((n) => n.config.node.id === id)!
const base = (id: string) => baseOf(node(id))
const shoot = (name: string, p: Page = page) => p.screenshot({ path: path.join(SHOTS, name), fullPage: true })
const answered = (pathEnd: string, method: string, p: Page = page) =>
  p.waitForResponse((r) => r.url().split('?')[0]!.endsWith(pathEnd) && r.request().method() === method)

/** Publishes as a demo user over the platform's API; the item must come out published. */
async function publishAs(platform: string, phone: string, text: string): Promise<string> {
  const b = base(platform)
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

/** Signs a staff member in over the API: the session cookie and the CSRF token a change needs. */
async function staffSession(nodeId: string, login: string): Promise<Record<string, string>> {
  const res = await fetch(`${base(nodeId)}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: 'qinglang-demo' }),
  })
  expect(res.status).toBe(200)
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!
  const { csrfToken } = (await res.json()) as { csrfToken: string }
  return { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken }
}

/** `YYYY-MM-DD HH:mm` in the browser's (and this machine's) time zone. */
function localMinute(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`
}

/**
 * Waits for the page's animations (a drawer sliding in) to end, so a screenshot shows the settled page; a spinner
 * beside an order still moving turns for ever and is not waited for.
 */
async function settled(p: Page = page): Promise<void> {
  type InPage = {
    document: {
      getAnimations(): {
        playState: string
        effect: { getComputedTiming(): { iterations?: number } } | null
      }[]
    }
  }
  await p.waitForFunction(() =>
    (globalThis as unknown as InPage).document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  )
}

/** The id of the one row of the orders table that matches. */
async function rowKey(selector: string): Promise<string> {
  const row = page.locator(selector)
  await expect.poll(() => row.count(), { timeout: 15_000 }).toBe(1)
  return (await row.getAttribute('data-row-key')) ?? ''
}

beforeAll(async () => {
  rig = await startRig()
  nodes = rig.nodes
  page = rig.page
  itemId = await publishAs('platform-a', DEMO_USERS[1]!.phone, ITEM_TEXT)
})
afterAll(async () => rig?.close())

describe('orders in Chromium', () => {
  it('a CAC officer sees the demo’s orders: B executed and proven, A acknowledged', async () => {
    await signInAs(rig, base('tonghua-cac'), 'cac.officer')
    await page.getByTestId('menu-orders').click()
    await page.getByTestId('orders').waitFor()
    expect(await page.locator('.ant-card-head-title').first().textContent()).toBe('责令指令')
    // B also has the order it ignored, which the demo's penalty story turned into an A25 case (src/demo/penalties.ts)
    executedOnB = await rowKey(
      '[data-testid^="order-row-"][data-platform="platform-b"][data-status="executed"]',
    )
    claimOnA = await rowKey('[data-testid^="order-row-"][data-platform="platform-a"]')

    // B's order: executed, one item stopped, and — once B's checkpoint covers it and its filing arrives — the
    // proof verified. The page asks again every 3 s while the proof is on its way.
    const b = page.getByTestId(`order-row-${executedOnB}`)
    expect(await b.getAttribute('data-status')).toBe('executed')
    expect(await page.getByTestId(`order-status-${executedOnB}`).textContent()).toBe('已执行')
    expect(await page.getByTestId(`order-result-${executedOnB}`).getAttribute('data-stopped')).toBe('1')
    expect(await b.textContent()).toContain('停止 1 条')
    expect(await b.textContent()).toContain('删除')
    expect(await b.textContent()).toContain('指定内容 1 条')
    const proof = page.getByTestId(`order-proof-${executedOnB}`)
    await expect.poll(() => proof.getAttribute('data-verified'), { timeout: 60_000 }).toBe('true')
    expect(await proof.textContent()).toContain('已验证')

    // A's order: the claim, acknowledged by A on arrival, two days to go, no result yet.
    const a = page.getByTestId(`order-row-${claimOnA}`)
    await expect.poll(() => a.getAttribute('data-status'), { timeout: 20_000 }).toBe('acknowledged')
    expect(await page.getByTestId(`order-status-${claimOnA}`).textContent()).toBe('已签收')
    expect(await page.getByTestId(`order-target-${claimOnA}`).textContent()).toContain(
      DEMO_REGULATOR.pendingOrder.claim.slice(0, 20),
    )
    expect(await page.getByTestId(`order-deadline-${claimOnA}`).textContent()).toMatch(
      /还剩 1 天 2\d 小时|还剩 2 天 0 小时/,
    )
    expect(await page.getByTestId(`order-deadline-${claimOnA}`).getAttribute('data-overdue')).toBe('false')
    expect(await a.textContent()).toContain('等待平台执行')
    expect(await a.textContent()).toContain('停止传输')
    expect(await a.textContent()).not.toContain('建议立案')
    expect(await b.textContent()).not.toContain('建议立案')
    // The officer may not read the peers: the platforms are named by their node ids.
    expect(await a.textContent()).toContain('platform-a')
    await shoot('orders-regulator.png')

    // The proof opens as the platform's report: what it did about the order, with its proofs.
    await page.getByTestId(`order-proof-link-${executedOnB}`).click()
    const report = page.getByTestId('platform-report-drawer')
    await report.waitFor()
    await expect.poll(() => report.textContent()).toContain('执行监管指令')
    expect(await report.textContent()).toContain(DEMO_REGULATOR.executedOrder.reason)
    expect(await report.textContent()).toContain('已核验')
    await settled()
    await shoot('orders-proof-report.png')
    await page.keyboard.press('Escape')
  }, 120_000)

  it('the officer issues an order to platform A to remove an item; bad input refused first', async () => {
    await page.getByTestId('menu-orders').click()
    await page.getByTestId('order-new').click()
    const drawer = page.getByTestId('order-issue-drawer')
    await drawer.waitFor()
    // The basis is filled in.
    await expect.poll(() => page.getByTestId('order-basis').inputValue()).toBe(BASIS)

    await page.getByTestId('order-reason').fill(REASON)
    const tomorrow = new Date(Date.now() + 24 * 3_600_000)
    // antd may put the test id on the picker's input or on its frame
    const picker = page
      .locator('input[data-testid="order-deadline"], [data-testid="order-deadline"] input')
      .first()
    await picker.click()
    await picker.fill(localMinute(tomorrow))
    await picker.press('Enter')

    // A claim too short to match every copy reliably is refused by the server, beside the field.
    // The platforms are chosen by name among the peers.
    await chooseOption(page, 'order-to-node', '通化同城圈')
    await drawer.getByText('某一说法的全部副本').click()
    await page.getByTestId('order-claim').fill('限行')
    const tooShort = answered('/api/orders', 'POST')
    await page.getByTestId('order-issue-submit').click()
    expect((await tooShort).status()).toBe(400)
    // (the field's help also says such a claim is refused: wait for the server's words)
    await drawer.getByText(/声明规范化后不足 \d+ 个字符，无法可靠比对/).waitFor()

    // A malformed item id is refused beside the field before anything is sent.
    await drawer.getByText('指定内容', { exact: true }).click()
    await page.getByTestId('order-item-ids').fill(`${itemId}\nnot-an-item`)
    await page.getByTestId('order-issue-submit').click()
    await drawer.getByText('不是有效的内容编号：not-an-item').waitFor()
    await drawer.locator('.ant-drawer-body').evaluate((body) => body.scrollTo(0, 0))
    await settled()
    await shoot('order-issue-refused.png')

    await page.getByTestId('order-item-ids').fill(itemId)
    const sent = answered('/api/orders', 'POST')
    await page.getByTestId('order-issue-submit').click()
    const res = await sent
    expect(res.status()).toBe(201)
    const body = res.request().postDataJSON() as Record<string, unknown>
    expect(body).toMatchObject({
      toNode: 'platform-a',
      kind: 'remove',
      itemIds: [itemId],
      basis: BASIS,
      reason: REASON,
    })
    expect(body.claim).toBeUndefined()
    expect(Math.abs(new Date(body.deadlineAt as string).getTime() - tomorrow.getTime())).toBeLessThan(60_000)
    newOrder = ((await res.json()) as { id: string }).id
    await drawer.waitFor({ state: 'hidden' })

    const row = page.getByTestId(`order-row-${newOrder}`)
    await row.waitFor()
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('acknowledged')
    expect(await row.textContent()).toContain('指定内容 1 条')
    expect(await page.getByTestId(`order-progress-${newOrder}`).textContent()).toMatch(
      /下达 \S+ \d\d:\d\d签收 \S+ \d\d:\d\d执行 —/,
    )
    expect(await page.getByTestId(`order-deadline-${newOrder}`).textContent()).toMatch(
      /还剩 (23 小时 5\d 分钟|1 天 0 小时)/,
    )
  }, 90_000)

  it('on platform A the operator executes both: the claim swept, the item removed', async () => {
    await signInAs(rig, base('platform-a'), 'operator')
    await page.getByTestId('menu-receivedOrders').click()
    await page.getByTestId('received-orders').waitFor()
    expect(await page.locator('.ant-card-head-title').first().textContent()).toBe('监管指令')
    const claimRow = page.getByTestId(`received-order-row-${claimOnA}`)
    const itemRow = page.getByTestId(`received-order-row-${newOrder}`)
    await claimRow.waitFor()
    await itemRow.waitFor()
    // By deadline: tomorrow's first, the demo's two days away after it.
    const order = await page
      .locator('[data-testid^="received-order-row-"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-row-key')))
    expect(order).toEqual([newOrder, claimOnA])
    for (const id of [claimOnA, newOrder]) {
      expect(await page.getByTestId(`received-order-status-${id}`).textContent()).toBe('待执行')
      expect(await page.getByTestId(`received-order-deadline-${id}`).getAttribute('data-overdue')).toBe(
        'false',
      )
    }
    expect(await claimRow.textContent()).toContain('tonghua-cac')
    expect(await claimRow.textContent()).toContain(BASIS)
    expect(await itemRow.textContent()).toContain(REASON.slice(0, 12))
    await shoot('orders-platform-a.png')

    // The claim: the confirmation says what will happen; the answer is 执行中 while every copy is swept.
    type InPage = {
      document: { querySelector(s: string): { getAttribute(a: string): string | null } | null }
      MutationObserver: new (cb: () => void) => { observe(n: unknown, o: unknown): void }
      seen: string[]
    }
    await page.evaluate((id) => {
      const w = globalThis as unknown as InPage
      w.seen = []
      const look = () => {
        const s = w.document
          .querySelector(`[data-testid="received-order-status-${id}"]`)
          ?.getAttribute('data-status')
        if (s && w.seen.at(-1) !== s) w.seen.push(s)
      }
      look()
      new w.MutationObserver(look).observe(w.document, { subtree: true, childList: true, attributes: true })
    }, claimOnA)
    await page.getByTestId(`received-order-execute-${claimOnA}`).click()
    const confirm = page.locator('.ant-popconfirm').filter({ hasText: '执行这条指令？' })
    await confirm.waitFor()
    const said = await confirm.textContent()
    expect(said).toContain('列入谣言库')
    expect(said).toContain('全部帖子、评论、回复和弹幕')
    expect(said).toContain('停止传输')
    expect(said).toContain('回报执行结果')
    await settled()
    await shoot('order-execute-confirm.png')
    const swept = answered(`/api/orders/${claimOnA}/execute`, 'POST')
    await page.getByTestId(`received-order-execute-${claimOnA}-ok`).click()
    const sweptRes = await swept
    expect(sweptRes.status()).toBe(200)
    expect(((await sweptRes.json()) as { status: string }).status).toBe('executing')
    await expect
      .poll(() => page.getByTestId(`received-order-status-${claimOnA}`).textContent(), { timeout: 30_000 })
      .toBe('已执行')
    const seen = await page.evaluate(() => (globalThis as unknown as InPage).seen)
    expect(seen).toEqual(['received', 'executing', 'executed'])
    expect(await page.getByTestId(`received-order-result-${claimOnA}`).textContent()).toContain('停止')
    expect(await claimRow.locator('a[href^="/disposals/"]').count()).toBe(1)

    // A second tab, opened before the item order is executed, still offers to execute it.
    const other = await rig.context.newPage()
    await other.goto(`${base('platform-a')}/received-orders`)
    await other.getByTestId(`received-order-execute-${newOrder}`).waitFor()

    // The item: removed, with its disposal.
    await page.getByTestId(`received-order-execute-${newOrder}`).click()
    const confirmItem = page.locator('.ant-popconfirm').filter({ hasText: '删除指定的 1 条内容' })
    await confirmItem.waitFor()
    const removed = answered(`/api/orders/${newOrder}/execute`, 'POST')
    await page.getByTestId(`received-order-execute-${newOrder}-ok`).click()
    expect((await removed).status()).toBe(200)
    await expect
      .poll(() => page.getByTestId(`received-order-status-${newOrder}`).textContent())
      .toBe('已执行')
    expect(await page.getByTestId(`received-order-result-${newOrder}`).getAttribute('data-stopped')).toBe('1')
    expect(await page.getByTestId(`received-order-result-${newOrder}`).textContent()).toContain('停止 1 条')
    expect(await page.getByTestId(`received-order-result-${newOrder}`).textContent()).toContain('运营 林晓')
    expect(await page.getByTestId(`received-order-execute-${newOrder}`).count()).toBe(0)
    await shoot('orders-platform-a-executed.png')

    // The other tab is told it was executed already, and then shows it so.
    await other.getByTestId(`received-order-execute-${newOrder}`).click()
    const again = answered(`/api/orders/${newOrder}/execute`, 'POST', other)
    await other.getByTestId(`received-order-execute-${newOrder}-ok`).click()
    expect((await again).status()).toBe(409)
    const alert = other.getByTestId('error-alert')
    await alert.waitFor()
    expect(await alert.textContent()).toContain('该指令已执行')
    expect(await alert.textContent()).toContain('ORDER_ALREADY_EXECUTED')
    await expect
      .poll(() => other.getByTestId(`received-order-status-${newOrder}`).textContent())
      .toBe('已执行')
    await shoot('order-already-executed.png', other)
    await other.close()

    // The disposal the order ran opens on its page.
    await itemRow.locator('a[href^="/disposals/"]').click()
    await expect.poll(() => page.locator('body').textContent()).toContain(REASON)
  }, 120_000)

  it('the item is gone from the public API', async () => {
    expect((await fetch(`${base('platform-a')}/api/content/${itemId}`)).status).toBe(404)
  })

  it('back on the regulator the new order shows executed, one item stopped', async () => {
    await signInAs(rig, base('tonghua-cac'), 'cac.officer')
    await page.getByTestId('menu-orders').click()
    const row = page.getByTestId(`order-row-${newOrder}`)
    await row.waitFor()
    await expect.poll(() => row.getAttribute('data-status'), { timeout: 20_000 }).toBe('executed')
    expect(await page.getByTestId(`order-status-${newOrder}`).textContent()).toBe('已执行')
    expect(await page.getByTestId(`order-result-${newOrder}`).getAttribute('data-stopped')).toBe('1')
    expect(await page.getByTestId(`order-result-${newOrder}`).textContent()).toContain('停止 1 条')
    expect(await row.textContent()).not.toContain('还剩')
    await expect
      .poll(() => page.getByTestId(`order-row-${claimOnA}`).getAttribute('data-status'))
      .toBe('executed')
    // The proof follows once A's next checkpoint covers the execution.
    await expect
      .poll(() => page.getByTestId(`order-proof-${newOrder}`).getAttribute('data-verified'), {
        timeout: 60_000,
      })
      .toBe('true')
    await shoot('orders-regulator-executed.png')

    // The whole order under its row; and the page in English.
    await row.locator('.ant-table-row-expand-icon').click()
    const detail = page.getByTestId(`order-detail-${newOrder}`)
    await detail.waitFor()
    expect(await detail.textContent()).toContain(itemId)
    expect(await detail.textContent()).toContain('A19.1、A16')
    expect(await detail.textContent()).toContain('李明（网信执法）')
    await page.getByTestId('lang-switch').getByText('English').click()
    await expect
      .poll(() => page.locator('.ant-card-head-title').first().textContent())
      .toBe('Orders to platforms')
    expect(await page.getByTestId(`order-status-${newOrder}`).textContent()).toBe('Executed')
    expect(await page.getByTestId(`order-result-${newOrder}`).textContent()).toContain('1 stopped')
    await shoot('orders-regulator-en.png')
    await page.getByTestId('lang-switch').getByText('中文').click()
  }, 120_000)

  it('a supervisor reads the orders and may issue none', async () => {
    await signInAs(rig, base('tonghua-cac'), 'cac.supervisor')
    await page.getByTestId('menu-orders').click()
    await page.getByTestId(`order-row-${newOrder}`).waitFor()
    expect(await page.getByTestId('order-new').count()).toBe(0)
    // The supervisor reads the peers: the platforms by name, and as the platform filter's choices.
    await expect.poll(() => page.getByTestId(`order-row-${newOrder}`).textContent()).toContain('通化同城圈')
    expect(await page.getByTestId(`order-row-${executedOnB}`).textContent()).toContain('鸭绿江短视频')
    await page.getByTestId('orders-platform-filter').click()
    await page.locator('.ant-select-item-option').filter({ hasText: '鸭绿江短视频 (platform-b)' }).click()
    // the order B executed, and the one B ignored that the demo turned into an A25 penalty case
    await expect.poll(() => page.locator('[data-testid^="order-row-"]').count()).toBe(2)
    expect(await page.getByTestId(`order-row-${executedOnB}`).count()).toBe(1)
    await shoot('orders-supervisor.png')
  })

  it('an order left past its deadline is flagged overdue, a case proposed; the platform sees it late', async () => {
    // Issued over the API with a deadline two seconds away (the form only offers deadlines by the minute), then
    // the regulator's minutely check runs at once.
    const res = await fetch(`${base('tonghua-cac')}/api/orders`, {
      method: 'POST',
      headers: await staffSession('tonghua-cac', 'cac.officer'),
      body: JSON.stringify({
        toNode: 'platform-b',
        kind: 'stop',
        itemIds: [randomUUID()],
        basis: BASIS,
        reason: '停止传输涉谣短视频',
        deadlineAt: new Date(Date.now() + 2000).toISOString(),
      }),
    })
    expect(res.status).toBe(201)
    const late = ((await res.json()) as { id: string }).id
    await new Promise((r) => setTimeout(r, 2500))
    const regulator = node('tonghua-cac')
    await transaction(regulator.database.db, (tx) =>
      flagOverdueOrders(tx, systemActor('test', '指令期限 / order deadlines')),
    )
    // The regulator's own minutely check may have flagged it first, in the wait: either way it is flagged once.
    const flags = (await entriesAbout(regulator.database.db, { type: 'order', id: late })).filter(
      (e) => e.entry.action === 'order.overdue',
    )
    expect(flags).toHaveLength(1)

    await signInAs(rig, base('tonghua-cac'), 'cac.officer')
    await page.getByTestId('menu-orders').click()
    const row = page.getByTestId(`order-row-${late}`)
    await row.waitFor()
    expect(await row.getAttribute('data-status')).toBe('overdue')
    expect(await page.getByTestId(`order-status-${late}`).textContent()).toBe('逾期')
    expect(await page.getByTestId(`order-case-${late}`).textContent()).toBe('建议立案 (A25)')
    const deadline = page.getByTestId(`order-deadline-${late}`)
    expect(await deadline.getAttribute('data-overdue')).toBe('true')
    expect(await deadline.textContent()).toMatch(/逾期 · 已超 \d+(\.\d)? 秒/)
    // This order and the demo's ignored one (now an A25 penalty case) are overdue: the filter says so.
    await page.getByTestId('orders-status-filter').getByText('逾期').click()
    await expect.poll(() => page.locator('[data-testid^="order-row-"]').count()).toBe(2)
    expect(await page.getByTestId(`order-row-${late}`).count()).toBe(1)
    await shoot('orders-overdue.png')

    // Platform B's read-only inspector sees it late, from the regulator by name, and cannot execute it.
    await signInAs(rig, base('platform-b'), 'inspector')
    await page.getByTestId('menu-receivedOrders').click()
    const received = page.getByTestId(`received-order-row-${late}`)
    await received.waitFor({ timeout: 15_000 })
    expect(await page.getByTestId(`received-order-overdue-${late}`).textContent()).toBe('逾期')
    expect(await page.getByTestId(`received-order-status-${late}`).textContent()).toBe('待执行')
    expect(await received.textContent()).toContain('通化市互联网信息办公室')
    expect(await page.locator('[data-testid^="received-order-execute-"]').count()).toBe(0)
    await shoot('orders-platform-b-overdue.png')
  }, 90_000)
})
