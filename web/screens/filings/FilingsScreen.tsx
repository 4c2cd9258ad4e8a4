// The platform's reports to the regulator (A16): each handled case, to whom it goes, whether it waits (and why) or
// was sent, and whether the regulator has it yet. A row expands to the items by digest.
import {
  Alert,
  Card,
  Empty,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd'
import { useState } from 'react'
import type { Filing, FilingStatus } from '../../api/types.ts'
import { type MessageKey, pick, useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert, formatInstant } from '../../app/ui.tsx'
import { CategoryTag, ItemsTable, MeasureTags } from '../platform-reports/reportUi.tsx'
import { useFilings } from './filingsApi.ts'

const DELIVERY: Record<string, { color: string; label: MessageKey }> = {
  delivered: { color: 'success', label: 'filings.delivery.delivered' },
  pending: { color: 'processing', label: 'filings.delivery.pending' },
  failed: { color: 'error', label: 'filings.delivery.failed' },
}

export default function FilingsScreen() {
  const t = useT()
  const lang = useLang()
  const [status, setStatus] = useState<FilingStatus | null>(null)
  const filings = useFilings(status)

  const columns: TableColumnsType<Filing> = [
    {
      title: t('filings.col.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      width: 180,
      render: (at: string) => <span title={at}>{formatInstant(at, lang)}</span>,
    },
    {
      title: t('filings.col.found'),
      key: 'found',
      render: (_: unknown, f) => (
        <Space size={4} orientation="vertical">
          <span>{pick(lang, f.found.what.zh, f.found.what.en)}</span>
          <CategoryTag category={f.category} />
        </Space>
      ),
    },
    {
      title: t('filings.col.measures'),
      key: 'measures',
      render: (_: unknown, f) => <MeasureTags measures={f.done.measures} />,
    },
    {
      title: t('filings.col.items'),
      key: 'items',
      width: 80,
      render: (_: unknown, f) => f.items.length,
    },
    {
      title: t('filings.col.to'),
      dataIndex: 'toNode',
      key: 'toNode',
      render: (to: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {to}
        </Typography.Text>
      ),
    },
    {
      title: t('filings.col.status'),
      key: 'status',
      width: 110,
      render: (_: unknown, f) => (
        <Tag
          color={f.status === 'sent' ? 'blue' : 'warning'}
          data-testid={`filing-status-${f.id}`}
          data-status={f.status}
        >
          {t(f.status === 'sent' ? 'filings.status.sent' : 'filings.status.waiting')}
        </Tag>
      ),
    },
    {
      title: t('filings.col.delivery'),
      key: 'delivery',
      width: 130,
      render: (_: unknown, f) => {
        if (!f.delivery) return '—'
        const known = Object.hasOwn(DELIVERY, f.delivery.status) ? DELIVERY[f.delivery.status] : undefined
        const tag = <Tag color={known?.color ?? 'default'}>{known ? t(known.label) : f.delivery.status}</Tag>
        return f.delivery.lastError ? <Tooltip title={f.delivery.lastError}>{tag}</Tooltip> : tag
      },
    },
    {
      title: t('filings.col.note'),
      dataIndex: 'lastError',
      key: 'lastError',
      width: 200,
      render: (note: string | null) =>
        note ? (
          <Typography.Text type="secondary" ellipsis={{ tooltip: note }} style={{ maxWidth: 260 }}>
            {note}
          </Typography.Text>
        ) : null,
    },
  ]

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('filings.title')}>
        <Alert type="info" showIcon title={t('filings.intro')} />
      </Card>
      <Card
        title={t('filings.filter.status')}
        extra={
          <Segmented<string>
            data-testid="filings-filter"
            value={status ?? 'all'}
            onChange={(v) => setStatus(v === 'all' ? null : (v as FilingStatus))}
            options={[
              { value: 'all', label: t('filings.filter.all') },
              { value: 'waiting', label: t('filings.status.waiting') },
              { value: 'sent', label: t('filings.status.sent') },
            ]}
          />
        }
      >
        {filings.isError ? <ErrorAlert error={filings.error} onRetry={() => filings.refetch()} /> : null}
        <Table<Filing>
          data-testid="filings-table"
          rowKey="id"
          size="middle"
          loading={filings.isPending}
          columns={columns}
          dataSource={filings.data ?? []}
          locale={{ emptyText: <Empty description={t('filings.empty')} /> }}
          expandable={{ expandedRowRender: (f) => <ItemsTable items={f.items} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        />
      </Card>
    </Space>
  )
}
