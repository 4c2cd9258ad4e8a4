// Evaluation (监督评价, A17) in Chromium against the demo, which seeds four months of figures from both platforms,
// survey answers, two inputs and last month's published evaluation. The supervisor sees both platforms' scorecards
// (platform A ahead), the radar and county charts, exports CSV, follows the platforms' figures over the months,
// saves a new version of the weights and runs last month again under it. A resident answers the survey on /p/survey.
// Screenshots land in SHOTS.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { RunningNode } from '../../src/server/start.ts'
import { type BrowserRig, baseOf, chooseOption, SHOTS, settled, signIn, startRig } from './browser.ts'

let rig: BrowserRig
let nodes: RunningNode[] = []
let page: Page

const regulator = () => nodes.find((n) => n.config.node.role === 'regulator')!
const shoot = (name: string) => page.screenshot({ path: path.join(SHOTS, name), fullPage: true })
const SOON = { timeout: 10_000 }
const total = async (id: string) => Number(await page.getByTestId(`score-total-${id}`).first().textContent())

beforeAll(async () => {
  rig = await startRig()
  nodes = rig.nodes
  page = rig.page
})
afterAll(async () => rig?.close())

describe('evaluation in Chromium', () => {
  it('shows last month’s published scorecards with charts, and exports them', async () => {
    await signIn(rig, baseOf(regulator()), 'cac.supervisor')
    await page.getByTestId('menu-evaluation').click()
    await page.getByTestId('scores-platform').getByText('鸭绿江短视频').waitFor(SOON)
    expect(await page.getByTestId('evaluation-status').textContent()).toBe('已发布')
    expect(await total('platform-a')).toBeGreaterThan(await total('platform-b'))
    await page.getByTestId('chart-radar').locator('canvas').waitFor(SOON)
    await page.getByTestId('chart-counties').locator('canvas').waitFor(SOON)
    await settled(page)
    await shoot('evaluation-scorecards.png')

    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('evaluation-export-csv').click(),
    ])
    const text = readFileSync((await csv.path())!, 'utf8')
    expect(text).toContain('scope,id,name,reports_in_time')
    expect(text).toMatch(/platform,platform-a,通化同城圈,/)
    expect(text).toMatch(/county,220502,东昌区,/)
  })

  it('follows the platforms’ submitted figures over the months', async () => {
    await page.getByRole('tab', { name: '平台报送数据' }).click()
    for (const id of ['chart-response', 'chart-clarification', 'chart-backlog', 'chart-staffing']) {
      await page.getByTestId(id).locator('canvas').waitFor(SOON)
    }
    await settled(page)
    await shoot('evaluation-trends.png')
  })

  it('saves new weights as a new version, and a run uses it', async () => {
    await page.getByRole('tab', { name: '指标与权重' }).click()
    await page.getByTestId('indicator-version').getByText('v1', { exact: false }).waitFor(SOON)
    // antd puts the test id on the input itself or on its wrapper, depending on the version
    const weight = page
      .locator('input[data-testid="ind-penalties-weight"], [data-testid="ind-penalties-weight"] input')
      .first()
    await weight.fill('30')
    await page.getByTestId('indicator-note').fill('加大行政处罚在评价中的权重')
    await page.getByTestId('indicator-save').click()
    await page.getByTestId('indicator-version').getByText('v2', { exact: false }).waitFor(SOON)

    await page.getByRole('tab', { name: '评价结果' }).click()
    await page.getByTestId('evaluation-run').click()
    await page.getByTestId('evaluation-status').getByText('草稿').waitFor(SOON)
    expect(await page.getByTestId('evaluation-runs').textContent()).toContain('v2')
  })

  it('records a department’s input on a platform', async () => {
    await page.getByRole('tab', { name: '问卷与意见' }).click()
    await page.getByTestId('survey-summary').getByText('鸭绿江短视频').waitFor(SOON)
    await chooseOption(page, 'input-platform', '鸭绿江短视频')
    await page.getByTestId('input-comment').fill('供暖期涉暖谣言处置偏慢，请加强夜间审核力量。')
    await page.getByTestId('input-submit').click()
    await page.getByTestId('input-list').getByText('供暖期涉暖谣言处置偏慢').waitFor(SOON)
    await settled(page)
    await shoot('evaluation-input.png')
  })

  it('shows a platform the figures it sent, and refuses a month that has not ended', async () => {
    const platformA = nodes.find((n) => n.config.node.id === 'platform-a')!
    await signIn(rig, baseOf(platformA), 'operator')
    await page.getByTestId('menu-metricsSubmissions').click()
    await expect
      .poll(() => page.getByTestId('metrics-submissions').locator('tbody tr[data-row-key]').count(), SOON)
      .toBe(4)
    await page.getByTestId('metrics-period').fill('2099-01')
    await page.getByTestId('metrics-send').click()
    await page.getByText('该考核周期尚未结束，不能报送').waitFor(SOON)
    await settled(page)
    await shoot('evaluation-platform-figures.png')
  })

  it('lets a resident answer the survey without giving anything that names them', async () => {
    await rig.context.clearCookies()
    await page.goto(`${baseOf(regulator())}/p/survey`)
    await page.getByTestId('survey').waitFor(SOON)
    await chooseOption(page, 'survey-platform', '通化同城圈')
    await chooseOption(page, 'survey-county', '柳河县')
    for (const id of ['survey-handling', 'survey-speed', 'survey-reporting']) {
      await page.getByTestId(id).locator('li').nth(3).click()
    }
    await settled(page)
    await shoot('evaluation-survey.png')
    await page.getByTestId('survey-submit').click()
    await page.getByTestId('survey-thanks').waitFor(SOON)
  })
})
