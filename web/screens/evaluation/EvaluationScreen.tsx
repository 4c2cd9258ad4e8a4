// 监督评价 (A17), regulator only: evaluation runs with their scorecards per platform and per county (a radar of each
// platform's indicator scores, county bars, CSV and JSON export), the figures platforms submitted over the periods
// as charts (response times, backlog, staffing ratio), the public survey and departments' and enterprises' input,
// and the indicator and weight editor (each save a new version). Charts load in their own chunk.

import { useQuery } from '@tanstack/react-query'
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Rate,
  Select,
  Space,
  Spin,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd'
import { lazy, Suspense, useEffect, useMemo, useState } from 'react'
import { get } from '../../app/api.ts'
import { useLang } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import {
  download,
  type EvaluationRunView,
  type Indicator,
  type InputBody,
  lastMonthLabel,
  PERIOD_PATTERN,
  runToCsv,
  type Scorecard,
  useEvaluations,
  useIndicatorSets,
  usePlatformMetrics,
  usePublishEvaluation,
  useRecordInput,
  useReviseIndicators,
  useRunEvaluation,
  useStakeholderInputs,
  useSurveySummary,
} from './evaluationApi.ts'
import { type ETranslate, useET } from './strings.ts'

const charts = () => import('./EvaluationCharts.tsx')
const TrendChart = lazy(() => charts().then((m) => ({ default: m.TrendChart })))
const RadarScores = lazy(() => charts().then((m) => ({ default: m.RadarScores })))
const Bars = lazy(() => charts().then((m) => ({ default: m.Bars })))

/** The error of the last failed call, if there is one. */
const Failure = ({ error }: { error: unknown }) => (error ? <ErrorAlert error={error} /> : null)

const fmt = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : String(Math.round(v * 100) / 100)

function usePlatformChoices() {
  return useQuery({
    queryKey: ['evaluation', 'platforms'],
    queryFn: () => get<{ platforms: { id: string; nameZh: string; nameEn: string }[] }>('/api/public/survey'),
  })
}

export default function EvaluationScreen() {
  const et = useET()
  return (
    <Card title={et('title')}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="info" showIcon title={et('intro')} />
        <Tabs
          items={[
            { key: 'scorecards', label: et('tab.scorecards'), children: <Scorecards et={et} /> },
            { key: 'trends', label: et('tab.trends'), children: <Trends et={et} /> },
            { key: 'input', label: et('tab.input'), children: <InputTab et={et} /> },
            { key: 'indicators', label: et('tab.indicators'), children: <IndicatorEditor et={et} /> },
          ]}
        />
      </Space>
    </Card>
  )
}

function Scorecards({ et }: { et: ETranslate }) {
  const lang = useLang()
  const can = useCan()
  const { message } = App.useApp()
  const runs = useEvaluations()
  const runIt = useRunEvaluation()
  const publish = usePublishEvaluation()
  const [period, setPeriod] = useState(lastMonthLabel())
  const [chosen, setChosen] = useState<string | null>(null)
  // the chosen run, else the newest published one (the result of record), else the newest
  const run =
    (runs.data ?? []).find((r) => r.id === chosen) ??
    (runs.data ?? []).find((r) => r.status === 'published') ??
    runs.data?.[0]
  const name = (s: { nameZh: string; nameEn: string }) => (lang === 'zh' ? s.nameZh : s.nameEn)
  // the radar's axes: the platform indicators some platform has data for (an axis nobody has would read as 0)
  const charted = (run?.indicators ?? []).filter(
    (i) => i.scope === 'platform' && (run?.platforms ?? []).some((p) => p.scores[i.key] != null),
  )

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {can('evaluation.manage') && (
        <Space wrap>
          <Input
            value={period}
            onChange={(e) => setPeriod(e.target.value.trim())}
            placeholder={et('periodHint')}
            style={{ width: 160 }}
            data-testid="evaluation-period"
            status={PERIOD_PATTERN.test(period) ? undefined : 'error'}
          />
          <Button
            type="primary"
            loading={runIt.isPending}
            disabled={!PERIOD_PATTERN.test(period)}
            data-testid="evaluation-run"
            onClick={() =>
              runIt.mutate(period, {
                onSuccess: (r) => {
                  setChosen(r.id)
                  void message.success(et('runDone'))
                },
              })
            }
          >
            {et('run')}
          </Button>
        </Space>
      )}
      <Failure error={runIt.error ?? runs.error ?? publish.error} />
      {runs.isLoading ? (
        <Spin />
      ) : !run ? (
        <Empty description={et('noRuns')} />
      ) : (
        <>
          <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
            <Space wrap>
              <Select
                style={{ minWidth: 320 }}
                value={run.id}
                onChange={setChosen}
                data-testid="evaluation-runs"
                options={(runs.data ?? []).map((r) => ({
                  value: r.id,
                  label: et('runOf', {
                    period: r.period,
                    version: r.indicatorVersion,
                    name: r.runByName,
                    at: formatTime(r.runAt, lang) ?? '',
                  }),
                }))}
              />
              <Tag color={run.status === 'published' ? 'green' : 'default'} data-testid="evaluation-status">
                {et(run.status === 'published' ? 'published' : 'draft')}
              </Tag>
            </Space>
            <Space wrap>
              {can('evaluation.manage') && run.status === 'draft' && (
                <Popconfirm title={et('publishConfirm')} onConfirm={() => publish.mutate(run.id)}>
                  <Button loading={publish.isPending} data-testid="evaluation-publish">
                    {et('publish')}
                  </Button>
                </Popconfirm>
              )}
              <Button
                data-testid="evaluation-export-csv"
                onClick={() =>
                  download(`evaluation-${run.period}.csv`, 'text/csv;charset=utf-8', runToCsv(run))
                }
              >
                {et('exportCsv')}
              </Button>
              <Button
                data-testid="evaluation-export-json"
                onClick={() =>
                  download(
                    `evaluation-${run.period}.json`,
                    'application/json',
                    `${JSON.stringify(run, null, 2)}\n`,
                  )
                }
              >
                {et('exportJson')}
              </Button>
            </Space>
          </Space>
          <ScoreTable et={et} run={run} scope="platform" />
          <Suspense fallback={<Spin />}>
            <RadarScores
              testId="chart-radar"
              title={et('radar')}
              indicators={charted.map((i) => name(i))}
              series={run.platforms.map((p) => ({
                name: name(p),
                values: charted.map((i) => p.scores[i.key] ?? null),
              }))}
            />
          </Suspense>
          <ScoreTable et={et} run={run} scope="county" />
          <Suspense fallback={<Spin />}>
            <Bars
              testId="chart-counties"
              title={et('countyBars')}
              names={run.counties.map((c) => name(c))}
              values={run.counties.map((c) => c.total)}
            />
          </Suspense>
        </>
      )}
    </Space>
  )
}

function ScoreTable({
  et,
  run,
  scope,
}: {
  et: ETranslate
  run: EvaluationRunView
  scope: 'platform' | 'county'
}) {
  const lang = useLang()
  const inds = run.indicators.filter((i) => i.scope === scope)
  return (
    <Table<Scorecard>
      title={() => (
        <Typography.Text strong>{et(scope === 'platform' ? 'platforms' : 'counties')}</Typography.Text>
      )}
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: 'max-content' }}
      data-testid={`scores-${scope}`}
      dataSource={scope === 'platform' ? run.platforms : run.counties}
      columns={[
        {
          title: et('col.subject'),
          key: 'subject',
          fixed: 'left',
          render: (_: unknown, s) => (lang === 'zh' ? s.nameZh : s.nameEn),
        },
        ...inds.map((i: Indicator) => ({
          title: `${lang === 'zh' ? i.nameZh : i.nameEn} (${i.weight})`,
          key: i.key,
          render: (_: unknown, s: Scorecard) =>
            s.scores[i.key] === null ? (
              <Typography.Text type="secondary">{et('noData')}</Typography.Text>
            ) : (
              <span title={`${fmt(s.raw[i.key])}`}>
                {fmt(s.scores[i.key])}
                <Typography.Text type="secondary"> ({fmt(s.raw[i.key])})</Typography.Text>
              </span>
            ),
        })),
        {
          title: et('col.total'),
          key: 'total',
          fixed: 'right',
          render: (_: unknown, s) => (
            <Typography.Text strong data-testid={`score-total-${s.id}`}>
              {fmt(s.total)}
            </Typography.Text>
          ),
        },
      ]}
    />
  )
}

function Trends({ et }: { et: ETranslate }) {
  const lang = useLang()
  const metrics = usePlatformMetrics()
  const choices = usePlatformChoices()
  const nameOf = (id: string) => {
    const p = choices.data?.platforms.find((x) => x.id === id)
    return p ? (lang === 'zh' ? p.nameZh : p.nameEn) : id
  }
  const rows = (metrics.data ?? []).filter((m) => !m.period.includes('Q'))
  const periods = [...new Set(rows.map((m) => m.period))].sort()
  const platforms = [...new Set(rows.map((m) => m.platformNode))].sort()
  const series = (pick: (f: (typeof rows)[number]['figures']) => number | null) =>
    platforms.map((p) => ({
      name: nameOf(p),
      values: periods.map((per) => {
        const m = rows.find((r) => r.platformNode === p && r.period === per)
        return m ? pick(m.figures) : null
      }),
    }))
  if (metrics.error) return <ErrorAlert error={metrics.error} />
  if (metrics.isLoading) return <Spin />
  if (rows.length === 0) return <Empty description={et('trend.empty')} />
  return (
    <Suspense fallback={<Spin />}>
      <TrendChart
        testId="chart-response"
        title={et('trend.response')}
        periods={periods}
        series={series((f) => f.reports.medianHoursToDecision)}
      />
      <TrendChart
        testId="chart-clarification"
        title={et('trend.clarification')}
        periods={periods}
        series={series((f) => f.clarifications.medianMinutesToAct)}
      />
      <TrendChart
        testId="chart-backlog"
        title={et('trend.backlog')}
        periods={periods}
        series={series((f) => f.reports.overdue)}
      />
      <TrendChart
        testId="chart-staffing"
        title={et('trend.staffing')}
        periods={periods}
        percent
        series={series((f) =>
          f.staffing.days > 0 ? (f.staffing.days - f.staffing.daysBelowRatio) / f.staffing.days : null,
        )}
      />
    </Suspense>
  )
}

function InputTab({ et }: { et: ETranslate }) {
  const lang = useLang()
  const can = useCan()
  const { message } = App.useApp()
  const [period, setPeriod] = useState(lastMonthLabel())
  const survey = useSurveySummary(period)
  const inputs = useStakeholderInputs()
  const record = useRecordInput()
  const choices = usePlatformChoices()
  const [form] = Form.useForm<InputBody>()
  const source = Form.useWatch('source', form)
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space>
        <Typography.Text>{et('period')}</Typography.Text>
        <Input
          value={period}
          onChange={(e) => setPeriod(e.target.value.trim())}
          style={{ width: 140 }}
          data-testid="input-period"
        />
      </Space>
      <Table
        title={() => (
          <Typography.Text strong>
            {et('survey.title', { period })} · {et('survey.answers', { n: survey.data?.answers ?? 0 })}
          </Typography.Text>
        )}
        rowKey="platform"
        size="small"
        pagination={false}
        data-testid="survey-summary"
        dataSource={survey.data?.byPlatform ?? []}
        columns={[
          {
            title: et('input.platform'),
            render: (_: unknown, r) => {
              const p = choices.data?.platforms.find((x) => x.id === r.platform)
              return p ? (lang === 'zh' ? p.nameZh : p.nameEn) : r.platform
            },
          },
          { title: et('survey.answers', { n: '' }).trim(), dataIndex: 'answers' },
          { title: et('survey.handling'), render: (_: unknown, r) => fmt(r.handling) },
          { title: et('survey.speed'), render: (_: unknown, r) => fmt(r.clarificationSpeed) },
          { title: et('survey.reporting'), render: (_: unknown, r) => fmt(r.reporting) },
        ]}
      />
      {can('evaluation.input') && (
        <Card size="small" title={et('input.new')}>
          <Form<InputBody>
            form={form}
            layout="vertical"
            initialValues={{ source: 'department', score: 4 }}
            onFinish={(v) =>
              record.mutate(
                { ...v, period },
                {
                  onSuccess: () => {
                    form.resetFields()
                    void message.success(et('input.saved'))
                  },
                },
              )
            }
          >
            <Form.Item name="platform" label={et('input.platform')} rules={[{ required: true }]}>
              <Select
                data-testid="input-platform"
                options={(choices.data?.platforms ?? []).map((p) => ({
                  value: p.id,
                  label: lang === 'zh' ? p.nameZh : p.nameEn,
                }))}
              />
            </Form.Item>
            <Form.Item name="source" label={et('input.source')}>
              <Radio.Group
                options={[
                  { value: 'department', label: et('input.department') },
                  { value: 'enterprise', label: et('input.enterprise') },
                ]}
              />
            </Form.Item>
            {source === 'enterprise' && (
              <Form.Item
                name="enterpriseName"
                label={et('input.enterpriseName')}
                rules={[{ required: true, max: 200 }]}
              >
                <Input />
              </Form.Item>
            )}
            <Form.Item name="score" label={et('input.score')} rules={[{ required: true }]}>
              <Rate count={5} />
            </Form.Item>
            <Form.Item name="comment" label={et('input.comment')} rules={[{ required: true, max: 2000 }]}>
              <Input.TextArea rows={3} data-testid="input-comment" />
            </Form.Item>
            <Failure error={record.error} />
            <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="input-submit">
              {et('input.submit')}
            </Button>
          </Form>
        </Card>
      )}
      <Table
        title={() => <Typography.Text strong>{et('input.title')}</Typography.Text>}
        rowKey="id"
        size="small"
        data-testid="input-list"
        loading={inputs.isLoading}
        dataSource={inputs.data ?? []}
        columns={[
          { title: et('period'), dataIndex: 'period', width: 90 },
          {
            title: et('input.platform'),
            width: 130,
            render: (_: unknown, r) => {
              const p = choices.data?.platforms.find((x) => x.id === r.platformNode)
              return p ? (lang === 'zh' ? p.nameZh : p.nameEn) : r.platformNode
            },
          },
          { title: et('input.source'), dataIndex: 'sourceName', width: 180 },
          { title: et('input.score'), dataIndex: 'score', width: 90 },
          { title: et('input.comment'), dataIndex: 'comment' },
          { title: et('input.col.by'), dataIndex: 'recordedByName', width: 140 },
        ]}
      />
    </Space>
  )
}

function IndicatorEditor({ et }: { et: ETranslate }) {
  const lang = useLang()
  const can = useCan()
  const { message } = App.useApp()
  const sets = useIndicatorSets()
  const revise = useReviseIndicators()
  const current = sets.data?.[0]
  const [draft, setDraft] = useState<Indicator[]>([])
  const [note, setNote] = useState('')
  useEffect(() => {
    if (current) setDraft(current.indicators)
  }, [current])
  const editable = can('evaluation.manage')
  const set = (key: string, patch: Partial<Indicator>) =>
    setDraft((d) => d.map((i) => (i.key === key ? { ...i, ...patch } : i)))
  const history = useMemo(() => (sets.data ?? []).slice(1), [sets.data])
  if (sets.error) return <ErrorAlert error={sets.error} />
  if (!current) return <Spin />
  const num = (i: Indicator, field: 'best' | 'worst' | 'weight') =>
    editable ? (
      <InputNumber
        size="small"
        value={i[field]}
        min={field === 'weight' ? 0 : undefined}
        onChange={(v) => set(i.key, { [field]: v ?? 0 })}
        data-testid={`ind-${i.key}-${field}`}
      />
    ) : (
      i[field]
    )
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Typography.Text data-testid="indicator-version">
        {et('ind.version', { version: current.version, note: current.note, name: current.createdByName })}
      </Typography.Text>
      <Table<Indicator>
        rowKey="key"
        size="small"
        pagination={false}
        dataSource={draft}
        columns={[
          { title: et('ind.key'), render: (_: unknown, i) => (lang === 'zh' ? i.nameZh : i.nameEn) },
          {
            title: et('ind.scope'),
            render: (_: unknown, i) => et(i.scope === 'platform' ? 'ind.platform' : 'ind.county'),
          },
          {
            title: et('ind.direction'),
            render: (_: unknown, i) => et(i.direction === 'higher' ? 'ind.higher' : 'ind.lower'),
          },
          { title: et('ind.best'), render: (_: unknown, i) => num(i, 'best') },
          { title: et('ind.worst'), render: (_: unknown, i) => num(i, 'worst') },
          { title: et('ind.weight'), render: (_: unknown, i) => num(i, 'weight') },
        ]}
      />
      {editable && (
        <Space wrap>
          <Input
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={et('ind.note')}
            style={{ width: 360 }}
            maxLength={500}
            data-testid="indicator-note"
          />
          <Button
            type="primary"
            disabled={note.trim() === ''}
            loading={revise.isPending}
            data-testid="indicator-save"
            onClick={() =>
              revise.mutate(
                { indicators: draft, note: note.trim() },
                {
                  onSuccess: (s) => {
                    setNote('')
                    void message.success(et('ind.saved', { version: s.version }))
                  },
                },
              )
            }
          >
            {et('ind.save')}
          </Button>
        </Space>
      )}
      <Failure error={revise.error} />
      {history.length > 0 && (
        <Typography.Paragraph type="secondary">
          {et('ind.history')}: {history.map((h) => `v${h.version} ${h.note} (${h.createdByName})`).join('；')}
        </Typography.Paragraph>
      )}
    </Space>
  )
}
