// 履职监督 (A27) in Chromium against the demo, which seeds one seal opening by the CAC's system administrator and the
// supervisor's accountability record of it (a reminder interview, open). The supervisor sees the administrator among
// the officers with the finding's reason, ticks it into a second record with a criticism, and concludes the demo's
// record with its outcome; an officer has no such menu. Screenshots land in SHOTS.
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningNode } from '../../src/server/start.ts'
import {
  answered,
  type BrowserRig,
  baseOf,
  chooseOption,
  SHOTS,
  settled,
  signIn,
  startRig,
} from './browser.ts'

let rig: BrowserRig
let nodes: RunningNode[] = []
let page: Page

const regulator = () => nodes.find((n) => n.config.node.role === 'regulator')!
const shoot = (name: string) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true })
const SOON = { timeout: 10_000 }

beforeAll(async () => {
  rig = await startRig()
  nodes = rig.nodes
  page = rig.page
})
afterAll(async () => rig?.close())

describe('staff accountability in Chromium', () => {
  it('shows the supervisor the seal opening and the demo’s record', async () => {
    await signIn(rig, baseOf(regulator()), 'cac.supervisor')
    await page.getByTestId('menu-accountability').click()
    const officers = page.getByTestId('accountability-officers')
    await officers.getByText('王建国', { exact: false }).first().waitFor(SOON)
    await page.getByRole('tab', { name: '问责记录' }).click()
    const records = page.getByTestId('accountability-records')
    await records.getByRole('cell', { name: '约谈提醒', exact: true }).waitFor(SOON)
    expect(await records.textContent()).toContain('开启举报人身份密封')
    await settled(page)
    await shoot('accountability-records.png')
  })

  it('turns the finding into a second record, and concludes the first', async () => {
    await page.getByRole('tab', { name: '问题线索' }).click()
    await chooseOption(page, 'accountability-officer-filter', '王建国')
    const findings = page.getByTestId('accountability-findings')
    await findings.getByText('开启举报人身份密封').first().waitFor(SOON)
    await findings
      .locator('tbody tr[data-row-key]')
      .filter({ hasText: '开启举报人身份密封' })
      .first()
      .locator('.ant-checkbox')
      .click()
    await page.getByTestId('accountability-record').click()
    await chooseOption(page, 'accountability-measure', '通报批评')
    await page.getByTestId('accountability-note').fill('未经审批开启举报人身份密封，在全办通报批评。')
    const made = answered(page, '/api/accountability/records', 'POST')
    await page.getByRole('button', { name: /^提\s?交$/ }).click()
    expect((await made).status()).toBe(201)

    await page.getByRole('tab', { name: '问责记录' }).click()
    const records = page.getByTestId('accountability-records')
    await records.getByRole('cell', { name: '通报批评', exact: true }).waitFor(SOON)
    await records.locator('[data-testid^="accountability-conclude-"]').last().click()
    await page
      .getByTestId('accountability-outcome')
      .fill('已约谈，当事人作出书面说明，今后开启密封一律先报审批。')
    const done = answered(page, '/conclude', 'POST')
    await page.getByRole('button', { name: /^提\s?交$/ }).click()
    expect((await done).status()).toBe(200)
    await records.getByText('已办结').waitFor(SOON)
    await settled(page)
    await shoot('accountability-concluded.png')
  })

  it('has no such page for an officer', async () => {
    await signIn(rig, baseOf(regulator()), 'cac.officer')
    expect(await page.getByTestId('menu-accountability').count()).toBe(0)
  })

  it('shows an administrator a person’s signing keys, and rotates them', async () => {
    await signIn(rig, baseOf(regulator()), 'cac.admin')
    await page.getByTestId('menu-staff').click()
    await page.getByTestId('staff-keys-cac.officer').click()
    const keys = page.getByTestId('staff-keys')
    await keys.getByText('当前使用').waitFor(SOON)
    expect(await keys.locator('tbody tr[data-row-key]').count()).toBe(1)
    await page.getByTestId('staff-keys-rotate').click()
    const rotated = answered(page, '/keys', 'POST')
    await page.locator('.ant-popconfirm .ant-btn-primary').click()
    expect((await rotated).status()).toBe(200)
    await keys.getByText('已停用', { exact: false }).waitFor(SOON)
    expect(await keys.locator('tbody tr[data-row-key]').count()).toBe(2)
    await settled(page)
    await shoot('staff-keys.png')
  })
})
