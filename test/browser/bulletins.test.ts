// Bulletins (通报, A5.1) and the case transfer action in Chromium against the demo, which seeds two bulletins: the
// tap-water rumour (TB-…-0001, read by the health commission, acknowledged by platform A) and heating-season patrols
// (TB-…-0002, to the seven county offices and both platforms, read by nobody). The health commission's officer sees
// the first as read by her organisation; the Dongchang office sees both unread and marks the heating one read, and is
// told that only the city CAC transfers cases. A CAC officer issues a bulletin from a case's drawer to the health
// commission and platform B; platform B's operator acknowledges it on 监管指令, and the regulator then shows platform
// B as read. The CAC officer's transfer to a platform node is refused in words; the CAC admin, who may read the peers,
// is told no other region's regulator is registered, and a case one working day from its deadline is tagged 临期.
// Screenshots land in SHOTS.
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningNode } from '../../src/server/start.ts'
import type { BulletinView } from '../../web/api/types.ts'
import { type BrowserRig, baseOf, chooseOption, SHOTS, settled, signIn, startRig } from './browser.ts'

let rig: BrowserRig
let nodes: RunningNode[] = []
let page: Page

const WATER = '关于东昌区“自来水有毒”网络谣言的通报'
const HEATING = '关于做好冬季供暖期涉暖网络谣言巡查处置工作的通报'
const TITLE = '关于“东昌区自来水停供三天”谣言的补充通报'
const BODY =
  '经核实，网传“东昌区自来水停供三天”系将往年管网检修通知拼接改写而成。请市卫健委配合解读，请平台对相关信息及其变体开展排查处置。'

const node = (id: string) => nodes.find((n) => n.config.node.id === id)!
const regulator = () => nodes.find((n) => n.config.node.role === 'regulator')!
const shoot = (name: string) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true })
const answered = (pathEnd: string, method: string) =>
  page.waitForResponse((r) => r.url().split('?')[0]!.endsWith(pathEnd) && r.request().method() === method)
/** Long enough for a list or drawer to be asked again on a busy two-core machine. */
const SOON = { timeout: 10_000 }
/** Deliveries run on the outbox timers; tests hurry them, and still give them this long. */
const DELIVERY = { timeout: 20_000 }

const row = (title: string) =>
  page.getByTestId('bulletins').locator('tbody tr[data-row-key]').filter({ hasText: title })
const detail = () => page.getByTestId('bulletin-detail')
const recipient = (name: string) =>
  detail().locator('[data-testid^="bulletin-recipient-"]').filter({ hasText: name })
const attr = (loc: ReturnType<Page['locator']>, name: string) =>
  loc.getAttribute(name, { timeout: 1000 }).catch(() => null)

let issued: BulletinView | null = null

beforeAll(async () => {
  rig = await startRig()
  nodes = rig.nodes
  page = rig.page
})
afterAll(async () => rig?.close())

describe('bulletins and transfers in Chromium', () => {
  it('the health commission sees the tap-water bulletin, read by its officer', async () => {
    await signIn(rig, baseOf(regulator()), 'health.officer')
    await page.getByTestId('menu-bulletins').click()
    await row(WATER).waitFor()
    // addressed to the health commission only: the heating bulletin went to the counties
    expect(await row(HEATING).count()).toBe(0)
    expect(await row(WATER).getAttribute('data-unread')).toBe('false')
    expect(await row(WATER).textContent()).toMatch(/TB-\d{4}-0001/)
    expect(await row(WATER).textContent()).toContain('通化市互联网信息办公室')
    expect(await row(WATER).textContent()).toMatch(/已阅 [12]\/4/)

    await row(WATER).click()
    await detail().waitFor()
    expect(await page.getByTestId('bulletin-drawer-body').textContent()).toContain('生活饮用水卫生标准')
    expect(await detail().textContent()).toContain('A7')
    expect(await attr(recipient('通化市卫生健康委员会'), 'data-read')).toBe('true')
    expect(await recipient('通化市卫生健康委员会').textContent()).toContain('孙丽（市卫健委）')
    expect(await page.getByTestId('bulletin-mark-read').count()).toBe(0)
    // the seed acknowledged it on platform A; the acknowledgement reaches the regulator by the outbox
    await expect
      .poll(async () => {
        await node('platform-a').protocol.deliverDue()
        await page.reload()
        return attr(recipient('通化同城圈'), 'data-read')
      }, DELIVERY)
      .toBe('true')
    // the case it is about, by number: the health commission is on it
    await expect
      .poll(() => page.getByTestId('bulletin-drawer-case').textContent(), SOON)
      .toMatch(/TH-\d{4}-\d{4}/)
    await settled(page)
    await shoot('tonghua-cac-bulletin-health.png')
  })

  it('the Dongchang office sees the heating bulletin unread and marks it read', async () => {
    await signIn(rig, baseOf(regulator()), 'dongchang.officer')
    await page.getByTestId('menu-bulletins').click()
    await row(HEATING).waitFor()
    expect(await row(HEATING).getAttribute('data-unread')).toBe('true')
    expect(await row(HEATING).getByText('未读').count()).toBe(1)
    expect(await row(HEATING).textContent()).toContain('已阅 0/9')
    // both seeded bulletins went to Dongchang, neither read by it
    await expect.poll(() => page.getByTestId('bulletins-filter-unread').textContent(), SOON).toContain('(2)')
    await page.getByTestId('bulletins-filter-unread').click()
    await expect.poll(() => row(WATER).count(), SOON).toBe(1)
    await settled(page)
    await shoot('tonghua-cac-bulletins-unread.png')

    await row(HEATING).click()
    await detail().waitFor()
    expect(await attr(recipient('东昌区网信办'), 'data-read')).toBe('false')
    const read = answered('/read', 'POST')
    await page.getByTestId('bulletin-mark-read').click()
    expect((await read).status()).toBe(200)
    await expect.poll(() => attr(recipient('东昌区网信办'), 'data-read'), SOON).toBe('true')
    expect(await recipient('东昌区网信办').textContent()).toContain('吴芳（东昌区网信办）')
    expect(await page.getByTestId('bulletin-mark-read').count()).toBe(0)
    await settled(page)
    await shoot('tonghua-cac-bulletin-marked-read.png')

    // the unread list now holds only the tap-water bulletin
    await page.keyboard.press('Escape')
    await expect.poll(() => row(HEATING).count(), SOON).toBe(0)
    expect(await row(WATER).count()).toBe(1)
  })

  it('the Dongchang office is not offered a transfer: cooperation across regions is the city CAC’s', async () => {
    // the tap-water bulletin links the district's case
    await row(WATER).click()
    await page.getByTestId('bulletin-drawer-case').click()
    await page.waitForURL(/\/cases\?case=/)
    const actions = page.getByTestId('case-detail').getByTestId('case-actions')
    await actions.getByTestId('case-bulletin').waitFor()
    expect(await actions.getByTestId('case-transfer').count()).toBe(0)
  })

  it('a CAC officer issues a bulletin from a case to the health commission and platform B', async () => {
    await signIn(rig, baseOf(regulator()), 'cac.officer')
    await page.getByTestId('menu-cases').click()
    const first = page.getByTestId('cases').locator('tbody tr[data-row-key]').first()
    await first.waitFor()
    const caseNumber = (await first.getAttribute('data-number')) ?? ''
    expect(caseNumber).toMatch(/^TH-\d{4}-\d{4}$/)
    await first.click()
    const actions = page.getByTestId('case-detail').getByTestId('case-actions')
    await actions.getByTestId('case-transfer').waitFor()
    await actions.getByTestId('case-bulletin').click()

    const form = page.getByTestId('bulletin-issue-drawer')
    await form.waitFor()
    await expect.poll(() => page.getByTestId('bulletin-issue-case').textContent(), SOON).toContain(caseNumber)
    await page.getByTestId('bulletin-issue-title').fill(TITLE)
    await page.getByTestId('bulletin-issue-body').fill(BODY)
    await chooseOption(page, 'bulletin-issue-organisations', '通化市卫生健康委员会')
    await page.getByTestId('bulletin-issue-title').click()
    // the CAC officer may not read the peers: the platforms are those earlier bulletins went to
    await chooseOption(page, 'bulletin-issue-platforms', 'platform-b')
    await page.getByTestId('bulletin-issue-title').click()
    expect(await page.getByTestId('bulletin-issue-platforms').textContent()).toContain('鸭绿江短视频')
    await settled(page)
    await shoot('tonghua-cac-bulletin-issue.png')

    const posted = answered('/api/bulletins', 'POST')
    await page.getByTestId('bulletin-issue-submit').click()
    const res = await posted
    expect(res.status()).toBe(201)
    issued = (await res.json()) as BulletinView
    expect(issued.recipients.map((r) => r.id).sort()).toContain('platform-b')
    expect(issued.recipients).toHaveLength(2)

    await expect.poll(() => page.getByTestId('bulletin-drawer-title').textContent(), SOON).toBe(TITLE)
    expect(await recipient('通化市卫生健康委员会').getAttribute('data-read')).toBe('false')
    expect(await recipient('鸭绿江短视频').getAttribute('data-read')).toBe('false')
    expect(await page.getByTestId('bulletin-drawer-read-count').textContent()).toBe('已阅 0/2')
    expect(await page.getByTestId('bulletin-drawer-case').textContent()).toContain(caseNumber)
    await settled(page)
    await shoot('tonghua-cac-bulletin-issued.png')

    // the case lists it
    await page.keyboard.press('Escape')
    await expect.poll(() => page.getByTestId(`case-bulletin-${issued!.id}`).count(), SOON).toBe(1)
    expect(await page.getByTestId('case-bulletins').textContent()).toContain(TITLE)
  })

  it("platform B's operator acknowledges it on 监管指令", async () => {
    const id = issued!.id
    await signIn(rig, baseOf(node('platform-b')), 'operator')
    await page.getByTestId('menu-receivedOrders').click()
    const card = page.getByTestId('received-bulletins-card')
    await card.waitFor()
    const mine = page.getByTestId(`received-bulletin-row-${id}`)
    await expect
      .poll(async () => {
        await regulator().protocol.deliverDue()
        await page.reload()
        await card.waitFor()
        return mine.count()
      }, DELIVERY)
      .toBe(1)
    expect(await mine.getAttribute('data-acknowledged')).toBe('false')
    expect(await mine.textContent()).toContain(TITLE)
    expect(await mine.textContent()).toContain('通化市互联网信息办公室')
    // the seeded heating bulletin is there too, not yet acknowledged by platform B
    expect(await card.textContent()).toContain(HEATING)

    const acked = answered(`/received-bulletins/${id}/acknowledge`, 'POST')
    await page.getByTestId(`received-bulletin-ack-${id}`).click()
    await page.getByTestId(`received-bulletin-ack-${id}-ok`).click()
    expect((await acked).status()).toBe(200)
    await expect
      .poll(
        () =>
          page
            .getByTestId(`received-bulletin-acked-${id}`)
            .textContent({ timeout: 1000 })
            .catch(() => ''),
        SOON,
      )
      .toContain('运营 林晓')
    expect(await page.getByTestId(`received-bulletin-ack-${id}`).count()).toBe(0)
    await settled(page)
    await shoot('platform-b-received-bulletins.png')
  })

  it('the regulator then shows platform B as having read it', async () => {
    const id = issued!.id
    await signIn(rig, baseOf(regulator()), 'cac.officer')
    await page.goto(`${baseOf(regulator())}/bulletins?bulletin=${id}`)
    await detail().waitFor()
    await expect
      .poll(async () => {
        await node('platform-b').protocol.deliverDue()
        await page.reload()
        return attr(recipient('鸭绿江短视频'), 'data-read')
      }, DELIVERY)
      .toBe('true')
    expect(await recipient('鸭绿江短视频').textContent()).toContain('运营 林晓')
    expect(await recipient('通化市卫生健康委员会').getAttribute('data-read')).toBe('false')
    expect(await page.getByTestId('bulletin-drawer-read-count').textContent()).toBe('已阅 1/2')
    await settled(page)
    await shoot('tonghua-cac-bulletin-platform-read.png')
  })

  it('with no regulator peer the CAC is told it has nowhere to transfer to; 临期', async () => {
    // the peers hold only the two platforms: nothing to choose, and the form says why
    await signIn(rig, baseOf(regulator()), 'cac.admin')
    await page.goto(`${baseOf(regulator())}/cases`)
    await page.getByTestId('cases').locator('tbody tr[data-row-key]').first().click()
    await page.getByTestId('case-detail').getByTestId('case-transfer').click()
    const hint = page.getByTestId('case-transfer-no-peers')
    await expect
      .poll(() => hint.textContent({ timeout: 1000 }).catch(() => ''), SOON)
      .toContain('尚未登记其他地区的监管节点')
    expect(await page.getByTestId('case-transfer-to-id').count()).toBe(0)
    await page.getByTestId('case-transfer-to').click()
    expect(await page.locator('.ant-select-item-option:visible').count()).toBe(0)
    await settled(page)
    await shoot('tonghua-cac-case-transfer-no-peers.png')

    // the admin also supervises: one working day left makes the case 临期, in the drawer and in the list
    await page.locator('.ant-modal-close:visible').click()
    await page.getByTestId('case-transfer-form-body').waitFor({ state: 'hidden' })
    const id = new URL(page.url()).searchParams.get('case') ?? ''
    await page.getByTestId('case-detail').getByTestId('case-deadline').click()
    await page.getByTestId('case-deadline-days').fill('1')
    const set = answered('/deadline', 'POST')
    await page.getByTestId('case-deadline-form-submit').click()
    expect((await set).status()).toBe(200)
    await expect
      .poll(
        () =>
          page
            .getByTestId('case-drawer-due-soon')
            .textContent({ timeout: 1000 })
            .catch(() => ''),
        SOON,
      )
      .toBe('临期')
    await page.keyboard.press('Escape')
    await expect
      .poll(
        () =>
          page
            .getByTestId(`case-due-soon-${id}`)
            .textContent({ timeout: 1000 })
            .catch(() => ''),
        SOON,
      )
      .toBe('临期')
    await settled(page)
    await shoot('tonghua-cac-cases-due-soon.png')

    // the transfers tab: nothing in or out yet
    await page.goto(`${baseOf(regulator())}/cases?tab=transfers`)
    const transfers = page.getByTestId('case-transfers')
    await transfers.waitFor()
    await expect.poll(() => page.getByTestId('case-transfers-outgoing').textContent(), SOON).toContain('暂无')
    expect(await page.getByTestId('case-transfers-not-cac').count()).toBe(0)
  })
})
