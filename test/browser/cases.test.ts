// Cases (A4, A5.1, A5.2) and inspections (A19.1) in Chromium against the demo. A CAC officer routes the Meihekou
// chemical-plant report from 公众举报: the page names the county office the rules send it to, routing opens the case,
// and the report links to it; the second Dongchang tap-water report, a repeat of a claim already on a case, joins
// that case instead. On the new case the officer adds the health commission for joint enforcement and records a
// consultation; escalation and the deadline are not offered to them. The CAC's supervisor sets a deadline of three
// working days, and the list shows three left; a police officer not on the case is told it does not exist. The
// Meihekou office takes the case to the city, which then leads it. The routing rule editor saves a county rule
// over the defaults; a supervisor enters a holiday in the working-day calendar and restores it. An officer requests a
// special inspection of platform A — chosen by name among the peers — and sees its figures as the platform
// answered them. Screenshots land in SHOTS.
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningNode } from '../../src/server/start.ts'
import { type BrowserRig, baseOf, chooseOption, SHOTS, signIn as signInAs, startRig } from './browser.ts'

let rig: BrowserRig
let nodes: RunningNode[] = []
let page: Page

const CONCLUSIONS =
  '应急管理部门核实开发区化工企业昨夜生产正常、无爆炸事故，环境监测数据正常；梅河口市网信办督促平台处置相关信息'
const ESCALATION = '同一谣言已在多个平台传播并引发市区居民恐慌，涉及公共安全，提请市网信办统一办理'

let caseId = ''
let caseNumber = ''

const regulator = () => baseOf(nodes.find((n) => n.config.node.role === 'regulator')!)
const shoot = (name: string) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true })
const answered = (pathEnd: string, method: string) =>
  page.waitForResponse((r) => r.url().split('?')[0]!.endsWith(pathEnd) && r.request().method() === method)

/** Waits for the page's animations to end (a spinner that turns for ever excepted), so a screenshot is settled. */
async function settled(): Promise<void> {
  type InPage = {
    document: {
      getAnimations(): {
        playState: string
        effect: { getComputedTiming(): { iterations?: number } } | null
      }[]
    }
  }
  await page.waitForFunction(() =>
    (globalThis as unknown as InPage).document
      .getAnimations()
      .every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  )
}

const drawer = () => page.getByTestId('case-detail')
/** Long enough for a list or drawer to be asked again after an act on a busy two-core machine. */
const SOON = { timeout: 10_000 }

beforeAll(async () => {
  rig = await startRig()
  nodes = rig.nodes
  page = rig.page
})
afterAll(async () => rig?.close())

describe('cases and inspections in Chromium', () => {
  it('an officer routes a public report to the county office the rules name, which opens its case', async () => {
    await signInAs(rig, regulator(), 'cac.officer')
    await page.getByTestId('menu-publicReports').click()
    const row = page
      .getByTestId('preport-table')
      .locator('tbody tr[data-row-key]')
      .filter({ hasText: '化工厂昨晚爆炸' })
    await row.click()
    const route = page.getByTestId('preport-route')
    await route.waitFor()
    await expect.poll(() => route.getByTestId('preport-route-to').textContent(), SOON).toBe('梅河口市网信办')
    expect(await route.getByTestId('preport-route-why').textContent()).toContain('梅河口市')
    await settled()
    await shoot('tonghua-cac-public-report-route.png')

    const routed = answered('/route', 'POST')
    await route.getByTestId('preport-route-submit').click()
    expect((await routed).status()).toBe(201)
    await expect
      .poll(() =>
        page.locator('[data-testid="preport-drawer-status"] [data-state]').getAttribute('data-state'),
      )
      .toBe('routed')
    const link = page.getByTestId('preport-case-link')
    await expect.poll(() => link.textContent(), { timeout: 20_000 }).toMatch(/查看案件 TH-\d{4}-\d{4}/)
    caseNumber = /TH-\d{4}-\d{4}/.exec((await link.textContent()) ?? '')![0]
    expect(await page.getByTestId('preport-routed-to').textContent()).toContain('梅河口市网信办')
    expect(await page.getByTestId('preport-route').count()).toBe(0)

    await link.click()
    await page.waitForURL(/\/cases\?case=/)
    caseId = new URL(page.url()).searchParams.get('case') ?? ''
    expect(caseId).toMatch(/^[0-9a-f-]{36}$/)
    await expect
      .poll(() => drawer().getByTestId('case-drawer-lead').textContent(), SOON)
      .toBe('梅河口市网信办')
    expect(await drawer().getByTestId('case-facts').textContent()).toContain('化工厂昨晚爆炸')
    expect(await drawer().getByTestId('case-links-publicReports').locator('a').count()).toBe(1)
    expect(await drawer().getByTestId('case-department-county-220581').getAttribute('data-role')).toBe('lead')
  })

  it('a repeat of a claim already on a case joins that case instead of opening another', async () => {
    await page.keyboard.press('Escape')
    await page.getByTestId('menu-publicReports').click()
    const row = page
      .getByTestId('preport-table')
      .locator('tbody tr[data-row-key]')
      .filter({ hasText: '東昌區自來水有毒' })
    await row.click()
    const route = page.getByTestId('preport-route')
    await route.waitFor()
    await expect.poll(() => route.getByTestId('preport-route-why').textContent(), SOON).toContain('并入该案')
    const joined = /TH-\d{4}-\d{4}/.exec(
      (await route.getByTestId('preport-route-why').textContent()) ?? '',
    )![0]
    expect(joined).not.toBe(caseNumber)
    expect(await route.getByTestId('preport-route-to').textContent()).toBe('东昌区网信办')
    const routed = answered('/route', 'POST')
    await route.getByTestId('preport-route-submit').click()
    expect((await routed).status()).toBe(201)
    const link = page.getByTestId('preport-case-link')
    await expect.poll(() => link.textContent(), { timeout: 20_000 }).toContain(joined)
    await link.click()
    await page.waitForURL(/\/cases\?case=/)
    await expect
      .poll(() => drawer().getByTestId('case-links-publicReports').locator('a').count(), SOON)
      .toBe(2)
    await page.keyboard.press('Escape')
    await page.goto(`${regulator()}/cases?case=${caseId}`)
    await drawer().getByTestId('case-actions').waitFor()
  })

  it('the officer adds the health commission and records a consultation; no deadline nor escalation for them', async () => {
    const actions = drawer().getByTestId('case-actions')
    expect(await actions.getByTestId('case-deadline').count()).toBe(0)
    expect(await actions.getByTestId('case-escalate').count()).toBe(0)

    await actions.getByTestId('case-add-department').click()
    await chooseOption(page, 'case-department-organisation', '通化市卫生健康委员会')
    await page.getByTestId('case-department-reason').fill('需市卫健委就群众健康影响出具意见')
    const added = answered('/departments', 'POST')
    await page.getByTestId('case-department-form-submit').click()
    expect((await added).status()).toBe(200)
    await expect
      .poll(() =>
        drawer()
          .getByTestId('case-department-health')
          .getAttribute('data-role', { timeout: 1000 })
          .catch(() => null),
      )
      .toBe('joint')

    await actions.getByTestId('case-consultation').click()
    // The departments on the case are the participants until changed; one alone is refused before sending.
    const participants = page.getByTestId('case-consultation-participants')
    await expect.poll(() => participants.textContent(), SOON).toContain('通化市卫生健康委员会')
    expect(await participants.textContent()).toContain('梅河口市网信办')
    await page.getByTestId('case-consultation-conclusions').fill(CONCLUSIONS)
    const recorded = answered('/consultations', 'POST')
    await page.getByTestId('case-consultation-form-submit').click()
    expect((await recorded).status()).toBe(200)
    await expect
      .poll(() =>
        drawer()
          .getByTestId('case-consultations')
          .textContent({ timeout: 1000 })
          .catch(() => ''),
      )
      .toContain(CONCLUSIONS)
    expect(await drawer().getByTestId('case-consultations').textContent()).toContain('通化市卫生健康委员会')
    await settled()
    await shoot('tonghua-cac-case-detail.png')
  })

  it('the supervisor sets a deadline of three working days; a police officer is told the case does not exist', async () => {
    await signInAs(rig, regulator(), 'cac.supervisor')
    await page.goto(`${regulator()}/cases?case=${caseId}`)
    const actions = drawer().getByTestId('case-actions')
    await actions.waitFor()
    expect(await actions.getByTestId('case-add-department').count()).toBe(0)
    await actions.getByTestId('case-deadline').click()
    await page.getByTestId('case-deadline-days').fill('3')
    await page.getByTestId('case-deadline-reason').fill('涉及公共安全，三个工作日内办结')
    const set = answered('/deadline', 'POST')
    await page.getByTestId('case-deadline-form-submit').click()
    expect((await set).status()).toBe(200)
    await expect
      .poll(() =>
        drawer()
          .getByTestId('case-drawer-deadline')
          .getAttribute('data-days', { timeout: 1000 })
          .catch(() => null),
      )
      .toBe('3')
    expect(await drawer().getByTestId('case-drawer-left').getAttribute('data-left')).toBe('3')
    expect(await drawer().getByTestId('case-drawer-left').textContent()).toContain('剩 3 个工作日')

    await page.keyboard.press('Escape')
    const left = page.getByTestId(`case-deadline-${caseId}`)
    await expect
      .poll(() => left.getAttribute('data-left', { timeout: 1000 }).catch(() => null), SOON)
      .toBe('3')
    expect(await left.getAttribute('data-overdue')).toBe('false')
    await settled()
    await shoot('tonghua-cac-cases.png')

    await signInAs(rig, regulator(), 'police.officer')
    await page.goto(`${regulator()}/cases?case=${caseId}`)
    await expect
      .poll(() =>
        drawer()
          .getByTestId('error-alert')
          .textContent({ timeout: 1000 })
          .catch(() => ''),
      )
      .toContain('未找到该案件')
    expect(await drawer().getByTestId('error-alert').textContent()).toContain('CASE_NOT_FOUND')
  })

  it('the Meihekou office takes its case to the city, which then leads it', async () => {
    await signInAs(rig, regulator(), 'meihekou.officer')
    await page.getByTestId('menu-cases').click()
    const row = page.getByTestId(`case-row-${caseId}`)
    await row.click()
    await drawer().getByTestId('case-escalate').click()
    // An empty reason is refused on the form, in Chinese.
    await page.getByTestId('case-escalate-form-submit').click()
    await expect
      .poll(() =>
        page.getByTestId('case-escalate-form').locator('.ant-form-item-explain-error').textContent(),
      )
      .toBe('必填')
    await page.getByTestId('case-escalate-reason').fill(ESCALATION)
    const escalated = answered('/escalate', 'POST')
    await page.getByTestId('case-escalate-form-submit').click()
    expect((await escalated).status()).toBe(200)
    await expect
      .poll(() => drawer().getByTestId('case-drawer-lead').textContent(), SOON)
      .toBe('通化市互联网信息办公室')
    expect(await drawer().getByTestId('case-drawer-escalation').textContent()).toContain(ESCALATION)
    expect(await drawer().getByTestId('case-department-county-220581').getAttribute('data-role')).toBe(
      'joint',
    )
    expect(await drawer().getByTestId('case-escalate').count()).toBe(0)
    await page.keyboard.press('Escape')
    await page.getByTestId(`case-escalated-${caseId}`).waitFor()
    expect(await page.getByTestId(`case-number-${caseId}`).textContent()).toBe(caseNumber)
    await settled()
    await shoot('tonghua-cac-case-escalated.png')
  })

  it('the routing rule editor saves a county rule over the defaults', async () => {
    await signInAs(rig, regulator(), 'cac.officer')
    await page.goto(`${regulator()}/cases?tab=rules`)
    await page.getByTestId('rules-defaults').waitFor()
    const cell = page.getByTestId('rule-privacy-220581')
    // Blank: Meihekou's privacy reports follow the city-wide rule.
    await expect.poll(() => cell.textContent(), SOON).toContain('同全市：通化市公安局')
    expect(await page.getByTestId('rules-save').isDisabled()).toBe(true)
    await chooseOption(page, 'rule-privacy-220581', '梅河口市网信办')
    const saved = answered('/api/routing-rules', 'PUT')
    await page.getByTestId('rules-save').click()
    expect((await saved).status()).toBe(200)
    await expect.poll(() => page.locator('.ant-message').textContent(), SOON).toContain('分派规则已保存')
    await expect.poll(() => page.getByTestId('rules-defaults').count(), SOON).toBe(0)
    await settled()
    await shoot('tonghua-cac-routing-rules.png')

    await page.reload()
    await expect
      .poll(() => page.getByTestId('rule-privacy-220581').textContent(), { timeout: 20_000 })
      .toBe('梅河口市网信办')
    expect(await page.getByTestId('rule-privacy-city').textContent()).toBe('通化市公安局')
  })

  it('a supervisor enters a holiday in the working-day calendar and restores it', async () => {
    await signInAs(rig, regulator(), 'cac.supervisor')
    await page.goto(`${regulator()}/cases?tab=calendar`)
    await page.locator('input[data-testid="days-year"], [data-testid="days-year"] input').first().fill('2026')
    // The built-in National Day week, a holiday.
    await expect
      .poll(() =>
        page
          .getByTestId('day-2026-10-01')
          .getAttribute('data-working', { timeout: 1000 })
          .catch(() => null),
      )
      .toBe('false')
    await page.getByTestId('day-add').click()
    await page.getByTestId('day-date').fill('2026-12-31')
    await page.getByTestId('day-note').fill('年末集中停电检修，全市机关放假一天')
    const put = answered('/api/working-days/2026-12-31', 'PUT')
    await page.getByTestId('day-submit').click()
    expect((await put).status()).toBe(200)
    const day = page.getByTestId('day-2026-12-31')
    await expect
      .poll(() => day.getAttribute('data-working', { timeout: 1000 }).catch(() => null), SOON)
      .toBe('false')
    expect(await day.getAttribute('data-source')).toBe('operator')
    expect(await day.textContent()).toContain('休息')
    await settled()
    await shoot('tonghua-cac-working-days.png')

    await page.getByTestId('day-restore-2026-12-31').click()
    await page.getByTestId('day-note').fill('停电检修改期，照常上班')
    await page.getByTestId('day-submit').click()
    await expect
      .poll(() => day.getAttribute('data-working', { timeout: 1000 }).catch(() => null), SOON)
      .toBe('true')
    expect(await day.textContent()).toContain('按星期')
  })

  it('an officer requests an inspection of platform A and reads the figures it answered', async () => {
    await signInAs(rig, regulator(), 'cac.officer')
    await page.getByTestId('menu-inspections').click()
    // The demo's routine inspection of each platform, answered.
    for (const platform of ['platform-a', 'platform-b']) {
      await expect
        .poll(
          () =>
            page
              .locator(`[data-testid^="inspection-row-"][data-platform="${platform}"]`)
              .getAttribute('data-status', { timeout: 1000 })
              .catch(() => null),
          { timeout: 20_000 },
        )
        .toBe('answered')
    }

    await page.getByTestId('inspection-new').click()
    // the platforms to choose from are the peers, by name
    await chooseOption(page, 'inspection-platform', '通化同城圈')
    await page.getByTestId('inspection-kind').getByText('专项检查').click()
    await page.getByTestId('inspection-reason').fill('专项检查：自来水谣言相关举报的受理和处置情况')
    const requested = answered('/api/inspections', 'POST')
    await page.getByTestId('inspection-submit').click()
    const res = await requested
    expect(res.status()).toBe(201)
    const id = ((await res.json()) as { id: string }).id
    const status = page.getByTestId('inspection-drawer-status')
    await expect
      .poll(() => status.getAttribute('data-status', { timeout: 1000 }).catch(() => null), {
        timeout: 20_000,
      })
      .toBe('answered')

    // The figures on screen are those the platform answered.
    const stored = await page.evaluate(async (inspectionId) => {
      const r = await fetch(`/api/inspections/${inspectionId}`)
      return (await r.json()) as { kind: string; figures: Record<string, Record<string, unknown>> }
    }, id)
    expect(stored.kind).toBe('special')
    const figures = page.getByTestId('inspection-figures')
    for (const [section, key] of [
      ['reports', 'received'],
      ['reports', 'upheld'],
      ['staffing', 'screened'],
      ['disposals', 'itemsApplied'],
      ['appeals', 'filed'],
    ] as const) {
      const shown = await figures.getByTestId(`figure-${section}-${key}`).textContent()
      expect(shown, `${section}.${key}`).toBe(String(stored.figures[section]![key]))
    }
    expect(Number(stored.figures.reports!.received)).toBeGreaterThan(0)
    expect(await figures.getByTestId('inspection-figures-reports').textContent()).toContain('受理')
    const proof = page.getByTestId('inspection-drawer-proof')
    expect(['waiting', 'verified']).toContain(await proof.getAttribute('data-proof'))
    await settled()
    await shoot('tonghua-cac-inspection.png')

    await page.keyboard.press('Escape')
    const row = page.getByTestId(`inspection-row-${id}`)
    expect(await row.getAttribute('data-kind')).toBe('special')
    await settled()
    await shoot('tonghua-cac-inspections.png')
  })
})
