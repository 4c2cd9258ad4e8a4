// 行政处罚 (A22–A25), regulator only: penalty cases with their party, article, step and the clock running on them
// (red when past). A row opens the case's drawer (`?case=<id>`), which walks the steps of the procedure.
import { Alert, Card, Empty, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useSearchParams } from 'react-router'
import { useLang } from '../../app/i18n.ts'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { PenaltyDrawer } from './PenaltyDrawer.tsx'
import {
  type CreditRecordView,
  type PenaltyCaseView,
  useCreditRecords,
  usePenaltyCases,
} from './penaltiesApi.ts'
import { type PTranslate, usePT } from './strings.ts'

export function StepTag({ c, pt }: { c: PenaltyCaseView; pt: PTranslate }) {
  if (c.revokedAt) return <Tag color="default">{pt('revoked')}</Tag>
  return <Tag color={c.step === 'published' ? 'green' : 'blue'}>{pt(`step.${c.step}`)}</Tag>
}

export function ClockTag({ c, pt }: { c: PenaltyCaseView; pt: PTranslate }) {
  if (!c.clock) return null
  return (
    <Tag
      color={c.clock.overdue ? 'red' : 'default'}
      title={c.clock.citation}
      data-testid={`penalty-clock-${c.id}`}
    >
      {c.clock.overdue ? `${pt('overdue')} · ` : ''}
      {pt('due', { due: c.clock.due })}
    </Tag>
  )
}

export default function PenaltiesScreen() {
  const pt = usePT()
  const lang = useLang()
  const [params, setParams] = useSearchParams()
  const list = usePenaltyCases()
  const open = params.get('case')
  const show = (id: string | null) => setParams(id ? { case: id } : {}, { replace: true })

  const columns: TableColumnsType<PenaltyCaseView> = [
    {
      title: pt('col.number'),
      key: 'number',
      width: 180,
      render: (_: unknown, c) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
            {c.number}
          </Typography.Text>
          <Typography.Text type="secondary">{formatTime(c.openedAt, lang)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: pt('col.party'),
      key: 'party',
      width: 320,
      render: (_: unknown, c) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{c.partyName}</Typography.Text>
          <Typography.Text type="secondary">{c.title}</Typography.Text>
        </Space>
      ),
    },
    {
      title: pt('col.article'),
      key: 'article',
      width: 140,
      render: (_: unknown, c) => (
        <Space size={4} wrap>
          <Tag color="purple">{c.article}</Tag>
          {c.violated.map((v) => (
            <Tag key={v}>{v}</Tag>
          ))}
        </Space>
      ),
    },
    { title: pt('col.step'), key: 'step', width: 110, render: (_: unknown, c) => <StepTag c={c} pt={pt} /> },
    {
      title: pt('col.clock'),
      key: 'clock',
      width: 170,
      render: (_: unknown, c) => <ClockTag c={c} pt={pt} />,
    },
  ]

  return (
    <Card title={pt('title')}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="info" showIcon title={pt('intro')} />
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<PenaltyCaseView>
          data-testid="penalty-cases"
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: <Empty description={pt('empty')} /> }}
          onRow={(c) =>
            ({
              onClick: () => show(c.id),
              style: { cursor: 'pointer' },
              'data-testid': `penalty-row-${c.id}`,
              'data-step': c.step,
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </Space>
      <CreditFiles />
      {open ? <PenaltyDrawer id={open} onClose={() => show(null)} /> : null}
    </Card>
  )
}

/** The parties' credit files (A26): each decision served, withdrawn when revoked; and the public page. */
function CreditFiles() {
  const pt = usePT()
  const lang = useLang()
  const records = useCreditRecords()
  const columns: TableColumnsType<CreditRecordView> = [
    { title: pt('col.party'), key: 'party', render: (_: unknown, r) => r.partyName },
    { title: pt('col.number'), key: 'number', render: (_: unknown, r) => r.decisionNumber },
    {
      title: pt('col.article'),
      key: 'article',
      render: (_: unknown, r) => <Tag color="purple">{r.article}</Tag>,
    },
    {
      title: pt('credit.entered'),
      key: 'entered',
      render: (_: unknown, r) => (
        <Space size={4}>
          {formatTime(r.enteredAt, lang)}
          {r.withdrawnAt ? <Tag>{pt('credit.withdrawn')}</Tag> : null}
        </Space>
      ),
    },
  ]
  return (
    <Card
      type="inner"
      size="small"
      style={{ marginTop: 16 }}
      title={pt('credit.title')}
      extra={
        <a href="/p/disclosures" target="_blank" rel="noreferrer">
          {pt('credit.public')}
        </a>
      }
    >
      {records.isError ? <ErrorAlert error={records.error} onRetry={() => records.refetch()} /> : null}
      <Table<CreditRecordView>
        data-testid="credit-records"
        rowKey="id"
        size="small"
        loading={records.isPending}
        dataSource={records.data ?? []}
        columns={columns}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <Empty description={pt('credit.empty')} /> }}
      />
    </Card>
  )
}
