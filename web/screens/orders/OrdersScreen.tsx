// Orders to platforms (责令指令, A19), regulator only: every order issued, newest first, by platform and status — what
// it names (items, or every copy of a claim), its basis and reason, the deadline with the time left or how late,
// when the platform acknowledged and executed it, what it reported (items stopped, items it no longer had), and the
// proof it filed, verified against its signed checkpoint. An order left past its deadline is flagged as a proposed
// A25 case. With `order.issue` one issues new orders from a drawer.
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  PlusOutlined,
} from '@ant-design/icons'
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Segmented,
  Select,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd'
import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import type { OrderView } from '../../api/types.ts'
import { type MessageKey, useLang, useT } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatInstant, formatTime } from '../../app/ui.tsx'
import { IssueOrderDrawer } from './IssueOrderDrawer.tsx'
import { type OrderStatus, useOrders } from './ordersApi.ts'
import {
  compactTime,
  Deadline,
  MissingItems,
  NodeName,
  OrderKindTag,
  TargetSummary,
  useNow,
  usePeerNames,
} from './orderUi.tsx'

const STATUS: Record<OrderStatus, { color: string; label: MessageKey }> = {
  issued: { color: 'processing', label: 'orders.status.issued' },
  acknowledged: { color: 'cyan', label: 'orders.status.acknowledged' },
  executed: { color: 'success', label: 'orders.status.executed' },
  overdue: { color: 'error', label: 'orders.status.overdue' },
}

export function OrderStatusTag({ status, testId }: { status: OrderStatus; testId?: string }) {
  const t = useT()
  const s = STATUS[status]
  return (
    <Tag color={s.color} data-testid={testId} data-status={status} style={{ marginInlineEnd: 0 }}>
      {t(s.label)}
    </Tag>
  )
}

/** The red flag of an order that passed its deadline unexecuted: the measures' article 25 case it proposes. */
function CaseProposedTag({ o }: { o: OrderView }) {
  const t = useT()
  const lang = useLang()
  if (!o.caseProposed) return null
  return (
    <Tooltip title={t('orders.caseProposedHint', { at: formatTime(o.overdueAt, lang) ?? '' })}>
      <Tag color="red" data-testid={`order-case-${o.id}`} style={{ marginInlineEnd: 0, fontWeight: 600 }}>
        {t('orders.caseProposed')}
      </Tag>
    </Tooltip>
  )
}

/** The platform's proof of execution: verified, refused, on its way, or none to file. */
function ProofCell({ o }: { o: OrderView }) {
  const t = useT()
  const can = useCan()
  if (!o.execution) return null
  if (o.proof) {
    const tag = o.proof.proofsVerified ? (
      <Tooltip title={t('orders.proof.verifiedHint')}>
        <Tag color="success" icon={<CheckCircleOutlined />} style={{ marginInlineEnd: 0 }}>
          {t('orders.proof.verified')}
        </Tag>
      </Tooltip>
    ) : (
      <Tag color="error" icon={<CloseCircleOutlined />} style={{ marginInlineEnd: 0 }}>
        {t('orders.proof.notVerified')}
      </Tag>
    )
    return (
      <Space size={4} wrap data-testid={`order-proof-${o.id}`} data-verified={String(o.proof.proofsVerified)}>
        {tag}
        {can('platform_report.read') ? (
          <Link
            to={`/platform-reports?report=${encodeURIComponent(o.proof.reportId)}`}
            data-testid={`order-proof-link-${o.id}`}
            style={{ fontSize: 12, whiteSpace: 'nowrap' }}
          >
            {t('orders.proof.open')}
          </Link>
        ) : null}
      </Space>
    )
  }
  if (o.execution.filingId === null) {
    return (
      <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`order-proof-${o.id}`}>
        {t('orders.proof.none')}
      </Typography.Text>
    )
  }
  return (
    <Tooltip title={t('orders.proof.waitingHint')}>
      <Tag
        color="processing"
        icon={<ClockCircleOutlined />}
        style={{ marginInlineEnd: 0 }}
        data-testid={`order-proof-${o.id}`}
        data-verified="waiting"
      >
        {t('orders.proof.waiting')}
      </Tag>
    </Tooltip>
  )
}

export default function OrdersScreen() {
  const t = useT()
  const can = useCan()
  const now = useNow()
  const peers = usePeerNames()
  const [platform, setPlatform] = useState<string | null>(null)
  const [status, setStatus] = useState<OrderStatus | null>(null)
  const [issuing, setIssuing] = useState(false)
  const list = useOrders(platform, status)
  const all = useOrders(null, null)
  // Every platform heard of: those ordered before, and (for those who may see them) the active platform peers.
  const platforms = useMemo(() => {
    const ids = new Set<string>((all.data ?? []).map((o) => o.toNode))
    for (const p of peers.platforms) ids.add(p.nodeId)
    return [...ids].sort()
  }, [all.data, peers.platforms])
  const label = (id: string) => (peers.nameOf(id) ? `${peers.nameOf(id)} (${id})` : id)

  const columns: TableColumnsType<OrderView> = [
    {
      title: t('common.status'),
      key: 'status',
      width: 150,
      render: (_: unknown, o) => (
        <Space orientation="vertical" size={4}>
          <Space size={4}>
            {o.status === 'issued' || o.status === 'acknowledged' ? <Spin size="small" /> : null}
            <OrderStatusTag status={o.status} testId={`order-status-${o.id}`} />
          </Space>
          <CaseProposedTag o={o} />
          <Space orientation="vertical" size={0} data-testid={`order-progress-${o.id}`}>
            <Step label={t('orders.progress.issued')} at={o.issuedAt} />
            <Step label={t('orders.progress.acknowledged')} at={o.acknowledgedAt} />
            <Step label={t('orders.progress.executed')} at={o.executedAt} />
          </Space>
        </Space>
      ),
    },
    {
      title: t('orders.col.platform'),
      key: 'platform',
      width: 110,
      render: (_: unknown, o) => <NodeName nodeId={o.toNode} name={peers.nameOf(o.toNode)} />,
    },
    {
      title: t('orders.col.order'),
      key: 'order',
      width: 300,
      render: (_: unknown, o) => (
        <Space orientation="vertical" size={2}>
          <Space size={6} align="start">
            <OrderKindTag kind={o.kind} />
            <TargetSummary target={o.target} testId={`order-target-${o.id}`} />
          </Space>
          <Typography.Text style={{ fontSize: 12 }}>{o.basis}</Typography.Text>
          <Typography.Text
            type="secondary"
            style={{ fontSize: 12, maxWidth: 290 }}
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
          late={o.status === 'overdue'}
          now={now}
          testId={`order-deadline-${o.id}`}
        />
      ),
    },
    {
      title: t('orders.col.result'),
      key: 'result',
      render: (_: unknown, o) =>
        o.execution ? (
          <Space
            orientation="vertical"
            size={2}
            data-testid={`order-result-${o.id}`}
            data-stopped={o.execution.stopped}
          >
            <Typography.Text strong style={{ whiteSpace: 'nowrap' }}>
              {t('orders.result.stopped', { n: o.execution.stopped })}
            </Typography.Text>
            <MissingItems missing={o.execution.missing} />
            <ProofCell o={o} />
          </Space>
        ) : (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('orders.result.waiting')}
          </Typography.Text>
        ),
    },
  ]

  return (
    <Card
      title={t('orders.title')}
      extra={
        can('order.issue') ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setIssuing(true)}
            data-testid="order-new"
          >
            {t('orders.new')}
          </Button>
        ) : null
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('orders.intro')} />
        <Space size={12} wrap>
          <Select<string>
            data-testid="orders-platform-filter"
            style={{ minWidth: 220 }}
            value={platform ?? ''}
            onChange={(v) => setPlatform(v === '' ? null : v)}
            options={[
              { value: '', label: t('orders.filter.allPlatforms') },
              ...platforms.map((id) => ({ value: id, label: label(id) })),
            ]}
            aria-label={t('orders.col.platform')}
          />
          <Segmented<OrderStatus | 'all'>
            data-testid="orders-status-filter"
            value={status ?? 'all'}
            onChange={(v) => setStatus(v === 'all' ? null : v)}
            options={[
              { value: 'all', label: t('orders.filter.all') },
              { value: 'issued', label: t('orders.status.issued') },
              { value: 'acknowledged', label: t('orders.status.acknowledged') },
              { value: 'executed', label: t('orders.status.executed') },
              { value: 'overdue', label: t('orders.status.overdue') },
            ]}
          />
        </Space>
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<OrderView>
          data-testid="orders"
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('orders.empty') }}
          expandable={{ expandedRowRender: (o) => <OrderDetail o={o} nameOf={peers.nameOf} /> }}
          onRow={(o) =>
            ({
              'data-testid': `order-row-${o.id}`,
              'data-status': o.status,
              'data-platform': o.toNode,
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </Space>
      {can('order.issue') ? (
        <IssueOrderDrawer
          open={issuing}
          onClose={() => setIssuing(false)}
          platforms={peers.platforms}
          knownPlatforms={platforms}
          peersKnown={peers.known}
          onIssued={() => {
            setIssuing(false)
            setPlatform(null)
            setStatus(null)
          }}
        />
      ) : null}
    </Card>
  )
}

/** One step of an order on its way: when it happened, or still awaited. */
function Step({ label, at }: { label: string; at: string | null }) {
  const t = useT()
  const lang = useLang()
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>{' '}
      {at ? (
        <span title={formatInstant(at, lang)} style={{ fontSize: 12 }}>
          {compactTime(at, lang)}
        </span>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('common.none')}
        </Typography.Text>
      )}
    </span>
  )
}

/** Everything about one order, under its row: the whole target, the basis, the answer and the proof. */
function OrderDetail({ o, nameOf }: { o: OrderView; nameOf: (nodeId: string) => string | null }) {
  const t = useT()
  const lang = useLang()
  const ids = o.target.itemIds ?? []
  const missing = new Set(o.execution?.missing ?? [])
  return (
    <Descriptions
      size="small"
      bordered
      column={{ xs: 1, lg: 2 }}
      data-testid={`order-detail-${o.id}`}
      items={[
        {
          key: 'platform',
          label: t('orders.col.platform'),
          children: `${nameOf(o.toNode) ?? ''} ${o.toNode}`.trim(),
        },
        {
          key: 'issued',
          label: t('orders.detail.issued'),
          children: `${o.issuedByName} · ${formatInstant(o.issuedAt, lang)}`,
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
                key: 'disposals',
                label: t('orders.detail.disposals'),
                children: o.execution.disposalIds.length,
              },
              {
                key: 'filing',
                label: t('orders.detail.filing'),
                children: o.execution.filingId ?? t('common.none'),
              },
            ]
          : []),
        ...(o.proof
          ? [
              {
                key: 'proof',
                label: t('orders.detail.proofReceived'),
                children: formatInstant(o.proof.receivedAt, lang),
              },
            ]
          : []),
      ]}
    />
  )
}
