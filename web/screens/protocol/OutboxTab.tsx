// The outbox tab: what this node has sent to its peers and how delivery went, refreshed every few seconds while the
// tab is open. With `protocol.manage` a waiting or failed message can be retried at once.
import { RedoOutlined, ReloadOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Row,
  Segmented,
  Space,
  Statistic,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import type { OutboxMessage, OutboxStatus } from '../../api/types.ts'
import { errorMessage } from '../../app/api.ts'
import { useLang, useT } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatInstant } from '../../app/ui.tsx'
import { LIST_LIMIT, OUTBOX_REFRESH_MS, OUTBOX_STATUSES, useOutbox, useRetry } from './protocolApi.ts'
import { OutboxStatusTag } from './protocolUi.tsx'

type Filter = OutboxStatus | 'all'

const COUNT_COLOURS: Record<OutboxStatus, string> = {
  pending: '#1677ff',
  delivered: '#52c41a',
  failed: '#ff4d4f',
}

export function OutboxTab() {
  const t = useT()
  const lang = useLang()
  const can = useCan()
  const manage = can('protocol.manage')
  const [filter, setFilter] = useState<Filter>('all')
  const outbox = useOutbox(filter)
  const counts = outbox.data?.counts
  const rows = outbox.data?.items ?? []

  const columns: TableColumnsType<OutboxMessage> = [
    {
      title: t('protocol.outbox.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (at: string) => <span title={at}>{formatInstant(at, lang)}</span>,
    },
    {
      title: t('protocol.outbox.to'),
      dataIndex: 'toNode',
      key: 'toNode',
      render: (id: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {id}
        </Typography.Text>
      ),
    },
    {
      title: t('protocol.outbox.type'),
      dataIndex: 'type',
      key: 'type',
      render: (type: string) => (
        <Tag color="blue" style={{ fontFamily: 'monospace' }}>
          {type}
        </Tag>
      ),
    },
    {
      title: t('protocol.outbox.status'),
      dataIndex: 'status',
      key: 'status',
      render: (status: string, m) => <OutboxStatusTag id={m.id} status={status} />,
    },
    {
      title: t('protocol.outbox.attempts'),
      dataIndex: 'attempts',
      key: 'attempts',
      align: 'right',
    },
    {
      title: t('protocol.outbox.nextAttempt'),
      dataIndex: 'nextAttemptAt',
      key: 'nextAttemptAt',
      render: (at: string, m) =>
        m.status === 'pending' ? (
          <span title={at}>{formatInstant(at, lang)}</span>
        ) : (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ),
    },
    {
      title: t('protocol.outbox.lastError'),
      dataIndex: 'lastError',
      key: 'lastError',
      width: 200,
      render: (err: string | null, m) =>
        err === null ? (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ) : (
          <Typography.Text
            type="danger"
            ellipsis={{ tooltip: err }}
            style={{ maxWidth: 200 }}
            data-testid={`outbox-error-${m.id}`}
          >
            {err}
          </Typography.Text>
        ),
    },
    {
      title: t('protocol.outbox.deliveredAt'),
      dataIndex: 'deliveredAt',
      key: 'deliveredAt',
      render: (at: string | null) =>
        at === null ? (
          <Typography.Text type="secondary">{t('common.none')}</Typography.Text>
        ) : (
          <span title={at}>{formatInstant(at, lang)}</span>
        ),
    },
  ]
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 100,
      render: (_, m) =>
        m.status === 'pending' || m.status === 'failed' ? <RetryButton message={m} /> : null,
    })
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('protocol.outbox.intro', { seconds: OUTBOX_REFRESH_MS / 1000 })} />
      <Row gutter={[16, 16]} data-testid="outbox-counts">
        {OUTBOX_STATUSES.map((s) => (
          <Col key={s} xs={24} sm={8}>
            <Card
              size="small"
              hoverable
              onClick={() => setFilter(s)}
              style={filter === s ? { borderColor: COUNT_COLOURS[s] } : undefined}
            >
              <Statistic
                title={t(`protocol.outbox.status.${s}`)}
                value={counts?.[s] ?? 0}
                loading={outbox.isPending}
                styles={{ content: { color: COUNT_COLOURS[s] } }}
                data-testid={`outbox-count-${s}`}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Segmented<Filter>
          value={filter}
          onChange={setFilter}
          data-testid="outbox-filter"
          options={[
            { value: 'all', label: t('protocol.outbox.filter.all') },
            ...OUTBOX_STATUSES.map((s) => ({ value: s, label: t(`protocol.outbox.status.${s}`) })),
          ]}
        />
        <Space>
          <Typography.Text type="secondary">
            {rows.length >= LIST_LIMIT ? t('protocol.list.limited', { n: LIST_LIMIT }) : null}
          </Typography.Text>
          <Button icon={<ReloadOutlined />} onClick={() => outbox.refetch()} loading={outbox.isRefetching}>
            {t('protocol.refresh')}
          </Button>
        </Space>
      </Space>
      {outbox.isError ? <ErrorAlert error={outbox.error} onRetry={() => outbox.refetch()} /> : null}
      <div data-testid="outbox-table">
        <Table<OutboxMessage>
          rowKey="id"
          size="small"
          loading={outbox.isPending}
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('protocol.outbox.empty') }}
        />
      </div>
    </Space>
  )
}

function RetryButton({ message: m }: { message: OutboxMessage }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const retry = useRetry()
  return (
    <Button
      size="small"
      icon={<RedoOutlined />}
      loading={retry.isPending}
      data-testid={`outbox-retry-${m.id}`}
      onClick={() =>
        retry.mutate(m.id, {
          onSuccess: () => {
            message.success(t('protocol.outbox.retried', { to: m.toNode }))
          },
          onError: (e) => {
            message.error(errorMessage(e, lang))
          },
        })
      }
    >
      {t('protocol.outbox.retry')}
    </Button>
  )
}
