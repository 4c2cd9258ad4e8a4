// The inbox tab: envelopes this node received from its peers and accepted (each also on its ledger), newest first.
import { ReloadOutlined } from '@ant-design/icons'
import { Alert, Button, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import type { InboxEnvelope } from '../../api/types.ts'
import { useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert, formatInstant } from '../../app/ui.tsx'
import { LIST_LIMIT, useInbox } from './protocolApi.ts'

export function InboxTab() {
  const t = useT()
  const lang = useLang()
  const inbox = useInbox()
  const rows = inbox.data ?? []

  const columns: TableColumnsType<InboxEnvelope> = [
    {
      title: t('protocol.inbox.receivedAt'),
      dataIndex: 'receivedAt',
      key: 'receivedAt',
      render: (at: string) => <span title={at}>{formatInstant(at, lang)}</span>,
    },
    {
      title: t('protocol.inbox.from'),
      dataIndex: 'fromNode',
      key: 'fromNode',
      render: (id: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {id}
        </Typography.Text>
      ),
    },
    {
      title: t('protocol.inbox.type'),
      dataIndex: 'type',
      key: 'type',
      render: (type: string) => (
        <Tag color="blue" style={{ fontFamily: 'monospace' }}>
          {type}
        </Tag>
      ),
    },
    {
      title: t('protocol.inbox.issuedAt'),
      dataIndex: 'issuedAt',
      key: 'issuedAt',
      render: (at: string) => <span title={at}>{formatInstant(at, lang)}</span>,
    },
    {
      title: t('protocol.inbox.id'),
      dataIndex: 'id',
      key: 'id',
      render: (id: string) => (
        <Typography.Text code copyable style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {id}
        </Typography.Text>
      ),
    },
  ]

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('protocol.inbox.intro')} />
      <Space wrap style={{ justifyContent: 'flex-end', width: '100%' }}>
        <Typography.Text type="secondary">
          {rows.length >= LIST_LIMIT ? t('protocol.list.limited', { n: LIST_LIMIT }) : null}
        </Typography.Text>
        <Button icon={<ReloadOutlined />} onClick={() => inbox.refetch()} loading={inbox.isRefetching}>
          {t('protocol.refresh')}
        </Button>
      </Space>
      {inbox.isError ? <ErrorAlert error={inbox.error} onRetry={() => inbox.refetch()} /> : null}
      <div data-testid="inbox-table">
        <Table<InboxEnvelope>
          rowKey="id"
          size="small"
          loading={inbox.isPending}
          columns={columns}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('protocol.inbox.empty') }}
        />
      </div>
    </Space>
  )
}
