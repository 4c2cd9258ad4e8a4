// 监管通报 (A5.1) on a platform's 监管指令 page: every bulletin received from the regulator, newest first — from which
// regulator and organisation, its number, title and text, and who acknowledged it and when. With `order.execute` one
// acknowledges it (once, on the ledger); the regulator is told over the protocol and shows the platform as read.
import { CheckOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import type { ReceivedBulletinView } from '../../api/types.ts'
import { useLang } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatInstant } from '../../app/ui.tsx'
import { compactTime, NodeName, usePeerNames } from '../orders/orderUi.tsx'
import { useAcknowledgeBulletin, useReceivedBulletins } from './bulletinsApi.ts'
import { useBT } from './strings.ts'

export function ReceivedBulletinsCard() {
  const bt = useBT()
  const lang = useLang()
  const can = useCan()
  const peers = usePeerNames()
  const { message } = App.useApp()
  const list = useReceivedBulletins()
  const ack = useAcknowledgeBulletin()
  const [refusal, setRefusal] = useState<unknown>(null)

  const acknowledge = (b: ReceivedBulletinView) =>
    ack.mutate(b.id, {
      onSuccess: () => {
        setRefusal(null)
        message.success(bt('received.acked'))
      },
      onError: setRefusal,
    })

  const columns: TableColumnsType<ReceivedBulletinView> = [
    {
      title: bt('received.col.from'),
      key: 'from',
      width: 150,
      render: (_: unknown, b) => (
        <Space orientation="vertical" size={2}>
          <NodeName nodeId={b.fromNode} name={peers.nameOf(b.fromNode)} />
          <Typography.Text style={{ fontSize: 12 }}>{b.issuedByOrganisation}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} title={b.receivedAt}>
            {bt('received.receivedAt', { at: compactTime(b.receivedAt, lang) })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: bt('received.col.bulletin'),
      key: 'bulletin',
      width: 420,
      render: (_: unknown, b) => (
        <Space orientation="vertical" size={2}>
          <Space size={6} wrap>
            <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
              {b.number}
            </Typography.Text>
            <span>{b.title}</span>
          </Space>
          <Typography.Paragraph
            type="secondary"
            style={{ fontSize: 12, marginBottom: 0, maxWidth: 420, whiteSpace: 'pre-wrap' }}
            ellipsis={{ rows: 3, expandable: 'collapsible' }}
          >
            {b.body}
          </Typography.Paragraph>
          <Space size={4} wrap>
            {b.articles.map((a) => (
              <Tag key={a} style={{ fontSize: 11 }}>
                {a}
              </Tag>
            ))}
          </Space>
        </Space>
      ),
    },
    {
      title: bt('received.col.ack'),
      key: 'ack',
      width: 170,
      render: (_: unknown, b) =>
        b.acknowledgedAt ? (
          <Space
            orientation="vertical"
            size={2}
            data-testid={`received-bulletin-acked-${b.id}`}
            title={formatInstant(b.acknowledgedAt, lang)}
          >
            <Tag color="success" style={{ marginInlineEnd: 0 }}>
              {bt('received.acked')}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {bt('received.ackBy', {
                name: b.acknowledgedByName ?? '',
                at: compactTime(b.acknowledgedAt, lang),
              })}
            </Typography.Text>
          </Space>
        ) : can('order.execute') ? (
          <Popconfirm
            title={bt('received.ackConfirm')}
            okText={bt('received.ack')}
            okButtonProps={{ 'data-testid': `received-bulletin-ack-${b.id}-ok` }}
            onConfirm={() => acknowledge(b)}
          >
            <Button
              size="small"
              type="primary"
              icon={<CheckOutlined />}
              loading={ack.isPending && ack.variables === b.id}
              data-testid={`received-bulletin-ack-${b.id}`}
            >
              {bt('received.ack')}
            </Button>
          </Popconfirm>
        ) : (
          <Typography.Text type="secondary">{bt('received.notYet')}</Typography.Text>
        ),
    },
  ]

  return (
    <Card title={bt('received.title')} data-testid="received-bulletins-card">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="info" showIcon title={bt('received.intro')} />
        {refusal ? <ErrorAlert error={refusal} /> : null}
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<ReceivedBulletinView>
          data-testid="received-bulletins"
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: bt('received.empty') }}
          onRow={(b) =>
            ({
              'data-testid': `received-bulletin-row-${b.id}`,
              'data-number': b.number,
              'data-acknowledged': String(b.acknowledgedAt !== null),
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </Space>
    </Card>
  )
}
