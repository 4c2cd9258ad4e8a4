// Orders from the regulator (监管指令, A19), platform only: every order received, soonest deadline first — from which
// regulator, stop or remove, what it names (items, or every copy of a claim), its basis and reason, the deadline
// with the time left or how late, and what was done: items stopped, items no longer here, each disposal. With
// `order.execute` one executes an order after a confirmation that says what will happen; an order naming a claim
// shows 执行中 while the claim is swept, and the page asks again until it is done. Below, the bulletins (监管通报)
// received from the regulator, each acknowledged once (ReceivedBulletinsCard).
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import type { ReceivedOrderView } from '../../api/types.ts'
import { type MessageKey, type Translate, useLang, useT } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatInstant } from '../../app/ui.tsx'
import { ReceivedBulletinsCard } from '../bulletins/ReceivedBulletinsCard.tsx'
import { useExecuteOrder, useReceivedOrders } from './ordersApi.ts'
import {
  compactTime,
  Deadline,
  excerpt,
  MissingItems,
  NodeName,
  OrderKindTag,
  TargetSummary,
  useNow,
  usePeerNames,
} from './orderUi.tsx'

type ReceivedStatus = ReceivedOrderView['status']

const STATUS: Record<ReceivedStatus, { color: string; label: MessageKey }> = {
  received: { color: 'warning', label: 'orders.received.status.received' },
  executing: { color: 'processing', label: 'orders.received.status.executing' },
  executed: { color: 'success', label: 'orders.received.status.executed' },
}

function ReceivedStatusTag({ o }: { o: ReceivedOrderView }) {
  const t = useT()
  const s = STATUS[o.status]
  return (
    <Space size={4}>
      {o.status === 'executing' ? <Spin size="small" /> : null}
      <Tag
        color={s.color}
        data-testid={`received-order-status-${o.id}`}
        data-status={o.status}
        style={{ marginInlineEnd: 0 }}
      >
        {t(s.label)}
      </Tag>
    </Space>
  )
}

// UUIDv7 ids begin with their time, so two made together share a beginning: the end tells them apart
const shortId = (id: string) => `…${id.slice(-8)}`

/** What executing this order will do, in the words of the confirmation. */
export function whatExecutionDoes(o: ReceivedOrderView, regulator: string, t: Translate): string[] {
  const remove = o.kind === 'remove'
  const lines: string[] = []
  const n = o.target.itemIds?.length ?? 0
  if (n > 0) lines.push(t(remove ? 'orders.execute.items.remove' : 'orders.execute.items.stop', { n }))
  if (o.target.claim) {
    lines.push(
      t(remove ? 'orders.execute.claim.remove' : 'orders.execute.claim.stop', {
        claim: excerpt(o.target.claim),
      }),
    )
  }
  lines.push(t('orders.execute.answer', { regulator }))
  return lines
}

export default function ReceivedOrdersScreen() {
  const t = useT()
  const lang = useLang()
  const can = useCan()
  const now = useNow()
  const peers = usePeerNames()
  const { message } = App.useApp()
  const list = useReceivedOrders()
  const execute = useExecuteOrder()
  const [refusal, setRefusal] = useState<unknown>(null)

  const run = (o: ReceivedOrderView) =>
    execute.mutate(o.id, {
      onSuccess: (done) => {
        setRefusal(null)
        if (done.status === 'executing') message.info(t('orders.execute.sweeping'))
        else message.success(t('orders.execute.done', { n: done.execution?.stopped ?? 0 }))
      },
      onError: setRefusal,
    })

  const columns: TableColumnsType<ReceivedOrderView> = [
    {
      title: t('common.status'),
      key: 'status',
      width: 100,
      render: (_: unknown, o) => (
        <Space orientation="vertical" size={4}>
          <ReceivedStatusTag o={o} />
          {o.overdue ? (
            <Tag color="red" data-testid={`received-order-overdue-${o.id}`} style={{ marginInlineEnd: 0 }}>
              {t('orders.deadline.overdue')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('orders.received.col.from'),
      key: 'from',
      width: 120,
      render: (_: unknown, o) => (
        <Space orientation="vertical" size={2}>
          <NodeName nodeId={o.fromNode} name={peers.nameOf(o.fromNode)} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }} title={o.receivedAt}>
            {t('orders.received.receivedAt', { at: compactTime(o.receivedAt, lang) })}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('orders.col.order'),
      key: 'order',
      width: 290,
      render: (_: unknown, o) => (
        <Space orientation="vertical" size={2}>
          <Space size={6} align="start">
            <OrderKindTag kind={o.kind} />
            <TargetSummary target={o.target} testId={`received-order-target-${o.id}`} />
          </Space>
          <Typography.Text style={{ fontSize: 12 }}>{o.basis}</Typography.Text>
          <Typography.Text
            type="secondary"
            style={{ fontSize: 12, maxWidth: 280 }}
            ellipsis={{ tooltip: o.reason }}
          >
            {o.reason}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('orders.col.deadline'),
      key: 'deadline',
      width: 150,
      render: (_: unknown, o) => (
        <Deadline
          deadlineAt={o.deadlineAt}
          done={o.status === 'executed'}
          late={o.overdue}
          now={now}
          testId={`received-order-deadline-${o.id}`}
        />
      ),
    },
    {
      title: t('orders.received.col.result'),
      key: 'result',
      width: 190,
      render: (_: unknown, o) => <ExecutionResult o={o} />,
    },
    ...(can('order.execute')
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'end' as const,
            width: 80,
            render: (_: unknown, o: ReceivedOrderView) =>
              o.status === 'received' ? (
                <Popconfirm
                  title={t('orders.execute.confirm')}
                  description={
                    <ul style={{ margin: 0, paddingInlineStart: 18, maxWidth: 380 }}>
                      {whatExecutionDoes(o, peers.nameOf(o.fromNode) ?? o.fromNode, t).map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                  }
                  okText={t('orders.execute.action')}
                  okButtonProps={{ danger: true, 'data-testid': `received-order-execute-${o.id}-ok` }}
                  onConfirm={() => run(o)}
                >
                  <Button
                    size="small"
                    type="primary"
                    danger
                    loading={execute.isPending && execute.variables === o.id}
                    data-testid={`received-order-execute-${o.id}`}
                  >
                    {t('orders.execute.action')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]
      : []),
  ]

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('orders.received.title')}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('orders.received.intro')} />
          {refusal ? <ErrorAlert error={refusal} /> : null}
          {list.isError ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
          <Table<ReceivedOrderView>
            data-testid="received-orders"
            rowKey="id"
            size="middle"
            loading={list.isPending}
            dataSource={list.data ?? []}
            columns={columns}
            scroll={{ x: 'max-content' }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
            locale={{ emptyText: t('orders.received.empty') }}
            expandable={{ expandedRowRender: (o) => <ReceivedOrderDetail o={o} /> }}
            onRow={(o) =>
              ({
                'data-testid': `received-order-row-${o.id}`,
                'data-status': o.status,
              }) as React.HTMLAttributes<HTMLElement>
            }
          />
        </Space>
      </Card>
      <ReceivedBulletinsCard />
    </Space>
  )
}

/** What was done about an order: items stopped, items no longer here, each disposal, who and when. */
function ExecutionResult({ o }: { o: ReceivedOrderView }) {
  const t = useT()
  const lang = useLang()
  const can = useCan()
  const e = o.execution
  if (!e) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('orders.received.notYet')}
      </Typography.Text>
    )
  }
  return (
    <Space
      orientation="vertical"
      size={2}
      data-testid={`received-order-result-${o.id}`}
      data-stopped={o.status === 'executed' ? e.stopped : ''}
    >
      <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
        {o.status === 'executing'
          ? t('orders.received.sweeping', { n: e.stopped })
          : t('orders.result.stopped', { n: e.stopped })}
      </Typography.Text>
      <MissingItems missing={e.missing} />
      {e.disposalIds.length > 0 ? (
        <Space size={4} wrap style={{ fontSize: 12 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('orders.received.disposals')}
          </Typography.Text>
          {e.disposalIds.map((id) =>
            can('disposal.read') ? (
              <Link
                key={id}
                to={`/disposals/${encodeURIComponent(id)}`}
                data-testid={`received-order-disposal-${id}`}
              >
                {shortId(id)}
              </Link>
            ) : (
              <Typography.Text key={id} code title={id}>
                {shortId(id)}
              </Typography.Text>
            ),
          )}
        </Space>
      ) : null}
      {o.executedByName ? (
        <Typography.Text
          type="secondary"
          style={{ fontSize: 12, whiteSpace: 'nowrap' }}
          title={o.executedAt ? formatInstant(o.executedAt, lang) : undefined}
        >
          {o.executedAt
            ? t('orders.received.executedBy', { name: o.executedByName, at: compactTime(o.executedAt, lang) })
            : o.executedByName}
        </Typography.Text>
      ) : null}
    </Space>
  )
}

function ReceivedOrderDetail({ o }: { o: ReceivedOrderView }) {
  const t = useT()
  const lang = useLang()
  const ids = o.target.itemIds ?? []
  const missing = new Set(o.execution?.missing ?? [])
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, lg: 2 }}
      data-testid={`received-order-detail-${o.id}`}
      items={[
        {
          key: 'id',
          label: t('orders.detail.id'),
          children: (
            <Typography.Text code copyable>
              {o.id}
            </Typography.Text>
          ),
        },
        {
          key: 'received',
          label: t('orders.detail.receivedAt'),
          children: formatInstant(o.receivedAt, lang),
        },
        ...(ids.length > 0
          ? [
              {
                key: 'items',
                label: t('orders.detail.items'),
                span: 2,
                children: (
                  <Space orientation="vertical" size={0}>
                    {ids.map((id) => (
                      <Typography.Text key={id} code copyable={{ text: id }} delete={missing.has(id)}>
                        {id}
                      </Typography.Text>
                    ))}
                  </Space>
                ),
              },
            ]
          : []),
        ...(o.target.claim
          ? [{ key: 'claim', label: t('orders.detail.claim'), span: 2, children: o.target.claim }]
          : []),
        { key: 'basis', label: t('orders.field.basis'), children: o.basis },
        { key: 'articles', label: t('orders.detail.articles'), children: o.articles.join('、') },
        { key: 'reason', label: t('orders.field.reason'), span: 2, children: o.reason },
        ...(o.execution
          ? [
              {
                key: 'filing',
                label: t('orders.detail.filing'),
                children: o.execution.filingId ?? t('common.none'),
              },
            ]
          : []),
      ]}
    />
  )
}
