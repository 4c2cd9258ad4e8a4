// Reviewer staffing (A12.2): alerts first (reviewers on duty below what the volume requires; a backlog older than
// the longest deadline), the backlog and roster, a bar chart of the daily figures, and a table per day with the
// reviews each reviewer did.
import { useQuery } from '@tanstack/react-query'
import { Alert, Card, Col, Row, Space, Statistic, Table, type TableColumnsType, Tag, Typography } from 'antd'
import type { Staffing, StaffingDay } from '../../api/types.ts'
import { get } from '../../app/api.ts'
import { pick, useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert } from '../../app/ui.tsx'

const DAYS = 14

function useStaffing() {
  return useQuery({
    queryKey: ['staffing', DAYS],
    queryFn: () => get<Staffing>(`/api/staffing?days=${DAYS}`),
    refetchInterval: 60_000,
  })
}

const SERIES = [
  { key: 'screened', color: '#1677ff' },
  { key: 'held', color: '#fa8c16' },
  { key: 'reviewed', color: '#52c41a' },
  { key: 'looks', color: '#722ed1' },
] as const

/** Grouped bars per day, drawn as SVG: no chart library for four series. */
function DailyChart({ days }: { days: StaffingDay[] }) {
  const t = useT()
  const max = Math.max(1, ...days.flatMap((d) => SERIES.map((s) => d[s.key])))
  const w = 720
  const h = 180
  const group = w / Math.max(1, days.length)
  const bar = Math.max(2, (group - 8) / SERIES.length)
  return (
    <Space orientation="vertical" size={4} style={{ width: '100%' }}>
      <svg
        viewBox={`0 0 ${w} ${h + 20}`}
        style={{ width: '100%', maxWidth: w }}
        role="img"
        aria-label={t('staffing.chart', { days: days.length })}
        data-testid="staffing-chart"
      >
        {days.map((d, i) =>
          SERIES.map((s, j) => {
            const v = d[s.key]
            const bh = (v / max) * h
            return (
              <rect
                key={`${d.day}-${s.key}`}
                x={i * group + 4 + j * bar}
                y={h - bh}
                width={bar - 1}
                height={bh}
                fill={s.color}
              >
                <title>{`${d.day} ${t(`staffing.${s.key}`)}: ${v}`}</title>
              </rect>
            )
          }),
        )}
        {days.map((d, i) => (
          <text
            key={d.day}
            x={i * group + group / 2}
            y={h + 14}
            fontSize="10"
            textAnchor="middle"
            fill="#888"
          >
            {d.day.slice(5)}
          </text>
        ))}
      </svg>
      <Space size={12}>
        {SERIES.map((s) => (
          <span key={s.key}>
            <span
              style={{ display: 'inline-block', width: 10, height: 10, background: s.color, marginRight: 4 }}
            />
            {t(`staffing.${s.key}`)}
          </span>
        ))}
      </Space>
    </Space>
  )
}

export default function StaffingScreen() {
  const t = useT()
  const lang = useLang()
  const staffing = useStaffing()
  const s = staffing.data
  const columns: TableColumnsType<StaffingDay> = [
    { title: t('staffing.day'), dataIndex: 'day', key: 'day' },
    { title: t('staffing.screened'), dataIndex: 'screened', key: 'screened' },
    { title: t('staffing.held'), dataIndex: 'held', key: 'held' },
    { title: t('staffing.reviewed'), dataIndex: 'reviewed', key: 'reviewed' },
    { title: t('staffing.looks'), dataIndex: 'looks', key: 'looks' },
    {
      title: t('staffing.onDuty'),
      key: 'duty',
      render: (_: unknown, d) => (
        <Space size={4} data-testid={`staffing-duty-${d.day}`} data-below={d.belowRatio ? 'true' : 'false'}>
          <span>
            {d.onDuty} / {d.required}
          </span>
          {d.required > 0 ? (
            <Tag color={d.belowRatio ? 'red' : 'green'}>
              {t(d.belowRatio ? 'staffing.below' : 'staffing.ok')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('staffing.perReviewer'),
      key: 'per',
      render: (_: unknown, d) =>
        d.perReviewer.map((p) => (
          <Tag key={p.staffId}>
            {p.name} · {p.reviews}
            {p.looks > 0 ? ` + ${p.looks}` : ''}
          </Tag>
        )),
    },
  ]
  return (
    <Card title={t('staffing.title')} loading={staffing.isPending}>
      {staffing.isError ? <ErrorAlert error={staffing.error} onRetry={() => staffing.refetch()} /> : null}
      {s ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
            {t('staffing.intro')}
          </Typography.Paragraph>
          {s.alerts.map((a) => (
            <Alert
              key={`${a.kind}-${a.day ?? ''}`}
              type="error"
              showIcon
              data-testid={`staffing-alert-${a.kind}`}
              title={pick(lang, a.zh, a.en)}
            />
          ))}
          <Row gutter={16}>
            <Col span={6}>
              <Statistic title={t('staffing.backlog')} value={s.backlog} data-testid="staffing-backlog" />
            </Col>
            <Col span={6}>
              <Statistic
                title={t('staffing.oldest')}
                value={s.oldestAgeMinutes === null ? '—' : t('staffing.minutes', { n: s.oldestAgeMinutes })}
              />
            </Col>
            <Col span={6}>
              <Statistic title={t('staffing.roster')} value={s.reviewersOnRoster} />
            </Col>
            <Col span={6}>
              <Statistic
                title={t('staffing.ratio')}
                value={t('staffing.ratioValue', { n: s.itemsPerReviewer })}
              />
            </Col>
          </Row>
          <Typography.Text strong>{t('staffing.chart', { days: s.days.length })}</Typography.Text>
          <DailyChart days={s.days} />
          <Table<StaffingDay>
            data-testid="staffing-days"
            rowKey="day"
            size="small"
            pagination={false}
            dataSource={[...s.days].reverse()}
            columns={columns}
          />
        </Space>
      ) : null}
    </Card>
  )
}
