// The protocol and witness pages in a real browser (Debian Chromium through playwright-core) against the demo nodes:
// platform A's admin pings the regulator and watches the ping reach `delivered`; registers, edits and suspends a
// peer with the form; the regulator's supervisor sees both platforms' checkpoints witnessed and no inconsistency;
// and a reviewer has no protocol page. Screenshots land in test-results/screenshots/.
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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

const signIn = (base: string, login: string) => signInAs(rig, base, login)
const node = (id: string) => nodes.find((n) => n.config.node.id === id)!

/** An attribute of an element that may not be there yet: null instead of Playwright's long wait. */
const attr = (testId: string, name: string) =>
  page
    .getByTestId(testId)
    .getAttribute(name, { timeout: 500 })
    .catch(() => null)

/** Waits for the page's animations (tabs, messages, fades) to end, so a screenshot shows the settled page. */
async function settled(): Promise<void> {
  // Runs in the page; typed by hand, as the test's own types have no DOM (and the CSP forbids string code).
  type InPage = { document: { getAnimations(): { playState: string }[] } }
  await page.waitForFunction(() =>
    (globalThis as unknown as InPage).document.getAnimations().every((a) => a.playState !== 'running'),
  )
}

async function ping(nodeId: string): Promise<string> {
  const answered = page.waitForResponse(
    (r) => r.url().endsWith(`/api/protocol/peers/${nodeId}/ping`) && r.request().method() === 'POST',
  )
  await page.getByTestId(`peer-ping-${nodeId}`).click()
  const response = await answered
  expect(response.status()).toBe(202)
  const { envelopeId } = (await response.json()) as { envelopeId: string }
  // The message names the envelope (an earlier ping's message may still be showing).
  await page.locator(`[data-testid="peer-ping-sent"][data-envelope-id="${envelopeId}"]`).waitFor()
  return envelopeId
}

async function confirm(): Promise<void> {
  await page.locator('.ant-popconfirm .ant-btn-primary:visible').click()
}

describe('peers, messages and witnessing in Chromium', () => {
  it("pings the regulator from platform A and sees the ping delivered in A's outbox", async () => {
    const a = node('platform-a')
    await signIn(baseOf(a), 'admin')
    await page.getByTestId('menu-protocol').click()

    // This node's id and key, to give to the other side.
    await expect.poll(() => page.getByTestId('protocol-self-id').textContent()).toBe('platform-a')
    expect(await page.getByTestId('protocol-self-key').textContent()).toBe(a.keys.publicKeyBase64)
    // The regulator is a peer, active, with its key.
    const table = page.getByTestId('peers-table')
    await table.locator('tr[data-row-key="tonghua-cac"]').waitFor()
    const row = await table.locator('tr[data-row-key="tonghua-cac"]').textContent()
    expect(row).toContain('监管节点')
    expect(row).toContain('通化市互联网信息办公室')
    expect(await attr('peer-status-tonghua-cac', 'data-status')).toBe('active')
    expect(await page.getByTestId('peer-key-tonghua-cac').getAttribute('title')).toBe(
      node('tonghua-cac').keys.publicKeyBase64,
    )

    const id = await ping('tonghua-cac')
    await page.getByTestId('protocol-tab-outbox').click()
    await page.getByTestId('outbox-table').waitFor()
    expect(page.url()).toContain('tab=outbox')
    // The tab refreshes itself; nobody presses a button.
    await expect.poll(() => attr(`outbox-status-${id}`, 'data-status'), { timeout: 20_000 }).toBe('delivered')
    const pingRow = await page.getByTestId('outbox-table').locator(`tr[data-row-key="${id}"]`).textContent()
    expect(pingRow).toContain('ping')
    expect(pingRow).toContain('tonghua-cac')
    expect(pingRow).toContain('已投递')
    const delivered = (await page.getByTestId('outbox-count-delivered').textContent())?.replace(/\D/g, '')
    expect(Number(delivered)).toBeGreaterThanOrEqual(1)
    // A delivered message has nothing to retry.
    expect(await page.getByTestId(`outbox-retry-${id}`).count()).toBe(0)

    await settled()
    await page.screenshot({ path: path.join(SHOTS, 'protocol-outbox.png'), fullPage: true })
  })

  it('registers, edits and suspends a peer with the form, and retries a message the peer refuses', async () => {
    const b = node('platform-b')
    await page.getByTestId('protocol-tab-peers').click()
    await page.getByTestId('peer-register').click()
    await page.getByTestId('peer-form-node-id').waitFor()

    // The server's rules, checked before anything is sent.
    let posted = 0
    const count = (r: { url(): string; method(): string }) => {
      if (r.url().endsWith('/api/protocol/peers') && r.method() === 'POST') posted++
    }
    page.on('request', count)
    await page.getByTestId('peer-form-node-id').fill('Platform_B')
    await page.getByTestId('peer-form-name-zh').fill('鸭绿江短视频')
    await page.getByTestId('peer-form-name-en').fill('Yalu River Shorts')
    await page.getByTestId('peer-form-base-url').fill('ftp://example.cn')
    await page.getByTestId('peer-form-public-key').fill('not a key')
    await page.getByTestId('peer-form-submit').click()
    await page.getByText('2–63 个字符，只能用小写字母、数字和 -，并以字母或数字开头').waitFor()
    await page.getByText('应为以 http:// 或 https:// 开头、不含空格的地址').waitFor()
    await page.getByText('应为 44 个字符的 base64（32 字节 Ed25519 公钥），以 = 结尾').waitFor()
    // This node itself cannot be its own peer.
    await page.getByTestId('peer-form-node-id').fill('platform-a')
    await page.getByText('这是本节点自己的标识或公钥，不能登记为对端').waitFor()
    await settled()
    await page.screenshot({ path: path.join(SHOTS, 'protocol-peer-form.png'), fullPage: true })
    expect(posted).toBe(0)
    page.off('request', count)

    // Correct values; the key pasted with a line break in it, as copies often are.
    const key = b.keys.publicKeyBase64
    await page.getByTestId('peer-form-node-id').fill('platform-b')
    await page.getByTestId('peer-form-base-url').fill(baseOf(b))
    await page.getByTestId('peer-form-public-key').fill(`${key.slice(0, 20)}\n${key.slice(20)}`)
    const created = page.waitForResponse(
      (r) => r.url().endsWith('/api/protocol/peers') && r.request().method() === 'POST',
    )
    await page.getByTestId('peer-form-submit').click()
    const response = await created
    expect(response.status()).toBe(201)
    expect(response.request().postDataJSON()).toEqual({
      nodeId: 'platform-b',
      kind: 'platform',
      nameZh: '鸭绿江短视频',
      nameEn: 'Yalu River Shorts',
      baseUrl: baseOf(b),
      publicKey: key,
    })
    await page.getByTestId('peer-form-node-id').waitFor({ state: 'detached' })
    await page.getByTestId('peers-table').locator('tr[data-row-key="platform-b"]').waitFor()
    expect(await attr('peer-status-platform-b', 'data-status')).toBe('active')

    // Platform B does not know platform A, so it refuses A's ping; the message waits with the error, for a retry.
    const id = await ping('platform-b')
    await page.getByTestId('protocol-tab-outbox').click()
    await expect
      .poll(
        () =>
          page
            .getByTestId(`outbox-error-${id}`)
            .textContent({ timeout: 500 })
            .catch(() => null),
        {
          timeout: 20_000,
        },
      )
      .toContain('HTTP 403')
    expect(await attr(`outbox-status-${id}`, 'data-status')).toBe('pending')
    const retried = page.waitForResponse(
      (r) => r.url().endsWith(`/api/protocol/outbox/${id}/retry`) && r.request().method() === 'POST',
    )
    await page.getByTestId(`outbox-retry-${id}`).click()
    expect((await retried).status()).toBe(204)
    await page.getByText('已安排立即重新投递到 platform-b').waitFor()
    await page.getByTestId('outbox-filter').getByText('待投递').click()
    const shownStatuses = async () => {
      const tags = await page.getByTestId('outbox-table').locator('[data-testid^="outbox-status-"]').all()
      return [...new Set(await Promise.all(tags.map((tag) => tag.getAttribute('data-status'))))]
    }
    await expect.poll(shownStatuses).toEqual(['pending'])
    await page.getByTestId('outbox-table').locator(`tr[data-row-key="${id}"]`).waitFor()

    // Editing sends only what changed.
    await page.getByTestId('protocol-tab-peers').click()
    await page.getByTestId('peer-edit-platform-b').click()
    await page.getByTestId('peer-form-name-en').fill('Yalu River Short Videos')
    const patched = page.waitForResponse(
      (r) => r.url().endsWith('/api/protocol/peers/platform-b') && r.request().method() === 'PATCH',
    )
    await page.getByTestId('peer-form-submit').click()
    const patchResponse = await patched
    expect(patchResponse.status()).toBe(200)
    expect(patchResponse.request().postDataJSON()).toEqual({ nameEn: 'Yalu River Short Videos' })

    // Suspending asks first; a suspended peer cannot be pinged, and can be reactivated.
    await page.getByTestId('peer-suspend-platform-b').click()
    await confirm()
    await expect.poll(() => attr('peer-status-platform-b', 'data-status')).toBe('suspended')
    expect(await page.getByTestId('peer-ping-platform-b').isDisabled()).toBe(true)
    await page.getByTestId('peer-reactivate-platform-b').waitFor()
    await settled()
    await page.screenshot({ path: path.join(SHOTS, 'protocol-peers.png'), fullPage: true })
    await page.getByTestId('peer-reactivate-platform-b').click()
    await confirm()
    await expect.poll(() => attr('peer-status-platform-b', 'data-status')).toBe('active')
  })

  it("shows the regulator both platforms' witnessed checkpoints and no inconsistency", async () => {
    await signIn(baseOf(node('tonghua-cac')), 'cac.supervisor')
    await page.getByTestId('menu-witness').click()
    await page.getByText('监管节点保存每个平台签名的检查点').waitFor()
    for (const platform of ['platform-a', 'platform-b']) {
      await page.getByTestId(`witness-node-${platform}`).waitFor({ timeout: 20_000 })
      const statuses = page.locator(`[data-testid^="witness-status-${platform}-"]`)
      await expect.poll(() => statuses.count(), { timeout: 20_000 }).toBeGreaterThanOrEqual(1)
      for (const s of await statuses.all()) {
        expect(['first', 'consistent', 'unverified']).toContain(await s.getAttribute('data-status'))
      }
      expect(Number(await page.getByTestId(`witness-latest-${platform}`).textContent())).toBeGreaterThan(0)
    }
    await page.getByTestId('witness-none').waitFor()
    expect(await page.getByTestId('witness-none').textContent()).toContain('未发现不一致')
    expect(await page.getByTestId('witness-alerts').count()).toBe(0)
    await settled()
    await page.screenshot({ path: path.join(SHOTS, 'witness.png'), fullPage: true })

    await page.getByTestId('lang-switch').getByText('English').click()
    await page.getByText('No inconsistency found').waitFor()
    await page.getByText('Checkpoints by platform').waitFor()
    await page.getByTestId('lang-switch').getByText('中文').click()
    await page.getByText('未发现不一致').waitFor()
  })

  it('gives a reviewer on platform A no protocol page', async () => {
    const a = baseOf(node('platform-a'))
    await signIn(a, 'reviewer')
    await page.getByTestId('menu-dashboard').waitFor()
    expect(await page.getByTestId('menu-protocol').count()).toBe(0)
    expect(await page.getByTestId('menu-witness').count()).toBe(0)
    await page.goto(`${a}/protocol`)
    await page.getByTestId('no-permission').waitFor()
  })
})
