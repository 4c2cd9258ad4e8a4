// 考核数据 (A17), platform only: the figures this platform sent its regulators for each month and quarter — sent by
// the node at each period's end — and sending an ended period now, on demand (a period is sent once).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { Alert, App, Button, Card, Descriptions, Input, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import type { Items } from '../../api/types.ts'
import { get, post } from '../../app/api.ts'
import { useLang } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { lastMonthLabel, type MetricsFigures, PERIOD_PATTERN } from './evaluationApi.ts'
import { useMT } from './metricsStrings.ts'

/** Mirrors `MetricsSubmissionView` in src/platform/metrics/metrics.ts. */
interface Submission {
  id: string
  period: string
  periodFrom: string
  periodTo: string
  figures: MetricsFigures
  toNodes: string[]
  submittedByName: string
  submittedAt: string
}

const KEY = ['metrics', 'submissions'] as const
const n = (v: number | null) => (v === null ? '—' : String(v))

export default function MetricsSubmissionsScreen() {
  const mt = useMT()
  const lang = useLang()
  const can = useCan()
  const { message } = App.useApp()
  const client = useQueryClient()
  const [period, setPeriod] = useState(lastMonthLabel())
  const list = useQuery({
    queryKey: KEY,
    queryFn: async () => (await get<Items<Submission>>('/api/metrics/submissions')).items,
  })
  const send = useMutation({
    mutationFn: (p: string) => post<Submission>('/api/metrics/submissions', { period: p }),
    onSuccess: (s) => {
      void message.success(mt('sent', { period: s.period }))
      void client.invalidateQueries({ queryKey: KEY })
    },
  })
  return (
    <Card title={mt('title')}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="info" showIcon title={mt('intro')} />
        {can('metrics.submit') && (
          <Space wrap>
            <Input
              value={period}
              onChange={(e) => setPeriod(e.target.value.trim())}
              placeholder={mt('periodHint')}
              style={{ width: 160 }}
              status={PERIOD_PATTERN.test(period) ? undefined : 'error'}
              data-testid="metrics-period"
            />
            <Button
              type="primary"
              disabled={!PERIOD_PATTERN.test(period)}
              loading={send.isPending}
              onClick={() => send.mutate(period)}
              data-testid="metrics-send"
            >
              {mt('send')}
            </Button>
          </Space>
        )}
        {(send.error ?? list.error) && <ErrorAlert error={send.error ?? list.error} />}
        <Table<Submission>
          rowKey="id"
          size="small"
          loading={list.isLoading}
          dataSource={list.data ?? []}
          data-testid="metrics-submissions"
          expandable={{
            expandedRowRender: (s) => (
              <Descriptions size="small" column={2} bordered>
                <Descriptions.Item label={mt('f.reports')}>
                  {mt('f.reportsText', {
                    received: s.figures.reports.received,
                    decided: s.figures.reports.decided,
                    inTime: s.figures.reports.decidedInTime,
                    overdue: s.figures.reports.overdue,
                    median: n(s.figures.reports.medianHoursToDecision),
                  })}
                </Descriptions.Item>
                <Descriptions.Item label={mt('f.clarifications')}>
                  {mt('f.clarificationsText', {
                    n: s.figures.clarifications.disposals,
                    median: n(s.figures.clarifications.medianMinutesToAct),
                  })}
                </Descriptions.Item>
                <Descriptions.Item label={mt('f.orders')}>
                  {mt('f.ordersText', {
                    received: s.figures.orders.received,
                    executed: s.figures.orders.executed,
                    inTime: s.figures.orders.executedInTime,
                  })}
                </Descriptions.Item>
                <Descriptions.Item label={mt('f.staffing')}>
                  {mt('f.staffingText', {
                    roster: s.figures.staffing.reviewersOnRoster,
                    below: s.figures.staffing.daysBelowRatio,
                    days: s.figures.staffing.days,
                  })}
                </Descriptions.Item>
                <Descriptions.Item label={mt('f.appeals')}>
                  {mt('f.appealsText', {
                    filed: s.figures.appeals.filed,
                    overturned: s.figures.appeals.overturned,
                  })}
                </Descriptions.Item>
                <Descriptions.Item label={mt('f.disposals')}>
                  {mt('f.disposalsText', {
                    n: s.figures.disposals.disposals,
                    items: s.figures.disposals.itemsApplied,
                  })}
                </Descriptions.Item>
              </Descriptions>
            ),
          }}
          columns={[
            { title: mt('col.period'), dataIndex: 'period', width: 110 },
            { title: mt('col.to'), render: (_: unknown, s) => s.toNodes.join('、') },
            { title: mt('col.by'), dataIndex: 'submittedByName' },
            {
              title: mt('col.at'),
              render: (_: unknown, s) => <Typography.Text>{formatTime(s.submittedAt, lang)}</Typography.Text>,
            },
          ]}
        />
      </Space>
    </Card>
  )
}
