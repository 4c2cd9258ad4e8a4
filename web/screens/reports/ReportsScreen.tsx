// Reports (举报处理, A15): items with open reports, highest priority first — how many reported it, how often those
// reporters were right, how serious the category, how old — with the deadline (overdue in red). A click opens the
// item with every report on it; with `report.handle` a reviewer decides them all at once (dismissed, or upheld
// with measures and, for a false claim, confirmed into the registry so that every copy is swept) and pauses a
// reporter who abuses reporting.
import { Button, Card, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useState } from 'react'
import type { ContentKind, ContentStatus, ReportQueueEntry } from '../../api/types.ts'
import { pick, useLang, useT } from '../../app/i18n.ts'
import { useReportGuide } from '../../app/queries.ts'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { KindTag, StatusTag } from '../../portal/contentUi.tsx'
import { ReportItemDrawer } from './ReportItemDrawer.tsx'
import { useReportQueue } from './reportsApi.ts'

const STATUSES: readonly string[] = ['published', 'held', 'rejected', 'removed']

export default function ReportsScreen() {
  const t = useT()
  const lang = useLang()
  const queue = useReportQueue()
  const guide = useReportGuide()
  const [open, setOpen] = useState<string | null>(null)
  const names = new Map((guide.data?.categories ?? []).map((c) => [c.key as string, pick(lang, c.zh, c.en)]))

  const columns: TableColumnsType<ReportQueueEntry> = [
    {
      title: t('reports.priority'),
      dataIndex: 'priority',
      key: 'priority',
      width: 80,
      render: (p: number) => <Typography.Text strong>{p}</Typography.Text>,
    },
    {
      title: t('reports.item'),
      key: 'item',
      render: (_: unknown, q) => (
        <Space orientation="vertical" size={2}>
          <Space size={4} wrap>
            {q.kind ? <KindTag kind={q.kind as ContentKind} /> : null}
            {STATUSES.includes(q.itemStatus) ? <StatusTag status={q.itemStatus as ContentStatus} /> : null}
          </Space>
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', textAlign: 'left', whiteSpace: 'normal' }}
            onClick={() => setOpen(q.itemId)}
            data-testid={`reports-open-${q.itemId}`}
          >
            {q.excerpt || q.itemId}
          </Button>
        </Space>
      ),
    },
    {
      title: t('reports.count'),
      dataIndex: 'reports',
      key: 'reports',
      width: 80,
      render: (n: number, q) => <span data-testid={`reports-count-${q.itemId}`}>{n}</span>,
    },
    {
      title: t('reports.categories'),
      dataIndex: 'categories',
      key: 'categories',
      render: (cs: string[]) => (
        <Space size={[2, 2]} wrap>
          {cs.map((c) => (
            <Tag key={c}>{names.get(c) ?? c}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('reports.accuracy'),
      dataIndex: 'accuracy',
      key: 'accuracy',
      width: 100,
      render: (a: number) => `${Math.round(a * 100)}%`,
    },
    { title: t('reports.severity'), dataIndex: 'severity', key: 'severity', width: 80 },
    {
      title: t('reports.oldest'),
      dataIndex: 'oldestAt',
      key: 'oldest',
      render: (at: string) => formatTime(at, lang),
    },
    {
      title: t('reports.deadline'),
      dataIndex: 'deadlineAt',
      key: 'deadline',
      render: (d: string, q) => (
        <Typography.Text
          type={q.overdue ? 'danger' : undefined}
          strong={q.overdue}
          data-testid={`reports-deadline-${q.itemId}`}
          data-overdue={q.overdue ? 'true' : 'false'}
        >
          {formatTime(d, lang)}
          {q.overdue ? ` · ${t('report.overdue')}` : ''}
        </Typography.Text>
      ),
    },
  ]

  return (
    <Card title={t('reports.title')}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('reports.intro')}
        </Typography.Paragraph>
        {queue.isError ? <ErrorAlert error={queue.error} onRetry={() => queue.refetch()} /> : null}
        <Table<ReportQueueEntry>
          data-testid="reports-queue"
          rowKey="itemId"
          size="middle"
          loading={queue.isPending}
          dataSource={queue.data ?? []}
          columns={columns}
          pagination={false}
          locale={{ emptyText: t('reports.empty') }}
          onRow={(q) =>
            ({
              'data-testid': `reports-row-${q.itemId}`,
              'data-overdue': q.overdue ? 'true' : 'false',
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </Space>
      <ReportItemDrawer itemId={open} onClose={() => setOpen(null)} />
    </Card>
  )
}
