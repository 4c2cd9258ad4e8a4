// The regulator as witness of each platform's log: first any alert (a platform showed two histories, or a log that
// does not extend the one before, or a checkpoint whose signature fails), then per platform the checkpoints it
// published here and whether each was shown to extend the last.
import { CheckCircleOutlined } from '@ant-design/icons'
import {
  Alert,
  Card,
  Descriptions,
  Empty,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd'
import { useMemo } from 'react'
import type { WitnessAlert, WitnessAlertKind, WitnessedCheckpoint, WitnessStatus } from '../../api/types.ts'
import { type MessageKey, pick, useLang, useT } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatInstant, shortHash } from '../../app/ui.tsx'
import { usePeers } from '../protocol/protocolApi.ts'
import { useNodeCheckpoints, useWitnessAlerts, useWitnessedNodes } from './witnessApi.ts'

const STATUS: Record<WitnessStatus, { color: string; label: MessageKey; hint: MessageKey }> = {
  first: { color: 'blue', label: 'witness.status.first', hint: 'witness.status.firstHint' },
  consistent: { color: 'success', label: 'witness.status.consistent', hint: 'witness.status.consistentHint' },
  unverified: { color: 'warning', label: 'witness.status.unverified', hint: 'witness.status.unverifiedHint' },
  inconsistent: {
    color: 'error',
    label: 'witness.status.inconsistent',
    hint: 'witness.status.inconsistentHint',
  },
}

const ALERT_KIND: Record<WitnessAlertKind, MessageKey> = {
  fork: 'witness.alert.fork',
  inconsistent: 'witness.alert.inconsistent',
  'bad-signature': 'witness.alert.badSignature',
}

function WitnessStatusTag({ status, testId }: { status: string; testId?: string }) {
  const t = useT()
  const known = Object.hasOwn(STATUS, status) ? STATUS[status as WitnessStatus] : null
  const tag = (
    <Tag color={known?.color ?? 'default'} data-testid={testId} data-status={status}>
      {known ? t(known.label) : status}
    </Tag>
  )
  return known ? <Tooltip title={t(known.hint)}>{tag}</Tooltip> : tag
}

function alertKindLabel(kind: string, t: (k: MessageKey) => string): string {
  return Object.hasOwn(ALERT_KIND, kind) ? t(ALERT_KIND[kind as WitnessAlertKind]) : kind
}

export default function WitnessScreen() {
  const t = useT()
  const can = useCan()
  const alerts = useWitnessAlerts()
  const recent = useWitnessedNodes()
  const peers = usePeers(can('protocol.read'))

  // Every platform heard of: from the checkpoints, the alerts, and (for those who may see them) the peers.
  const nodeIds = useMemo(() => {
    const ids = new Set<string>(recent.data ?? [])
    for (const a of alerts.data ?? []) ids.add(a.nodeId)
    for (const p of peers.data?.items ?? []) if (p.kind === 'platform') ids.add(p.nodeId)
    return [...ids].sort()
  }, [recent.data, alerts.data, peers.data])
  const checkpoints = useNodeCheckpoints(nodeIds)
  const peerById = useMemo(() => new Map((peers.data?.items ?? []).map((p) => [p.nodeId, p])), [peers.data])

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('witness.title')}>
        <Alert type="info" showIcon title={t('witness.intro')} />
      </Card>
      <Card title={t('witness.alerts.title')} loading={alerts.isPending}>
        {alerts.isError ? <ErrorAlert error={alerts.error} onRetry={() => alerts.refetch()} /> : null}
        {alerts.data ? <AlertList alerts={alerts.data} /> : null}
      </Card>
      <Card title={t('witness.nodes.title')} loading={recent.isPending}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {recent.isError ? <ErrorAlert error={recent.error} onRetry={() => recent.refetch()} /> : null}
          {recent.data && nodeIds.length === 0 ? <Empty description={t('witness.nodes.empty')} /> : null}
          {nodeIds.map((nodeId, i) => {
            const q = checkpoints[i]
            const peer = peerById.get(nodeId)
            return (
              <NodeCard
                key={nodeId}
                nodeId={nodeId}
                name={peer ? { zh: peer.nameZh, en: peer.nameEn } : null}
                rows={q?.data}
                loading={q?.isPending ?? true}
                error={q?.isError ? q.error : null}
                onRetry={() => q?.refetch()}
                alertCount={(alerts.data ?? []).filter((a) => a.nodeId === nodeId).length}
              />
            )
          })}
        </Space>
      </Card>
    </Space>
  )
}

function AlertList({ alerts }: { alerts: WitnessAlert[] }) {
  const t = useT()
  const lang = useLang()
  if (alerts.length === 0) {
    return (
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleOutlined />}
        title={t('witness.none')}
        description={t('witness.noneDetail')}
        data-testid="witness-none"
      />
    )
  }
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="witness-alerts">
      {alerts.map((a) => (
        <Alert
          key={a.id}
          type="error"
          showIcon
          data-testid={`witness-alert-${a.id}`}
          data-kind={a.kind}
          title={
            <Space size={8} wrap>
              <Tag color="red">{alertKindLabel(a.kind, t)}</Tag>
              <Typography.Text code>{a.nodeId}</Typography.Text>
              <Typography.Text type="secondary" title={a.createdAt}>
                {formatInstant(a.createdAt, lang)}
              </Typography.Text>
            </Space>
          }
          description={a.message}
        />
      ))}
    </Space>
  )
}

function NodeCard({
  nodeId,
  name,
  rows,
  loading,
  error,
  onRetry,
  alertCount,
}: {
  nodeId: string
  name: { zh: string; en: string } | null
  rows: WitnessedCheckpoint[] | undefined
  loading: boolean
  error: unknown
  onRetry: () => void
  alertCount: number
}) {
  const t = useT()
  const lang = useLang()
  const sorted = useMemo(() => [...(rows ?? [])].sort((a, b) => b.size - a.size), [rows])
  const latest = sorted[0]

  const columns: TableColumnsType<WitnessedCheckpoint> = [
    {
      title: t('witness.col.size'),
      dataIndex: 'size',
      key: 'size',
      width: 100,
      render: (size: number) => <Typography.Text strong>{size}</Typography.Text>,
    },
    {
      title: t('witness.col.root'),
      dataIndex: 'root',
      key: 'root',
      render: (root: string) => (
        <Typography.Text code copyable={{ text: root }} title={root}>
          {shortHash(root)}
        </Typography.Text>
      ),
    },
    {
      title: t('witness.col.signedAt'),
      dataIndex: 'timestamp',
      key: 'timestamp',
      render: (at: string) => <span title={at}>{formatInstant(at, lang)}</span>,
    },
    {
      title: t('witness.col.receivedAt'),
      dataIndex: 'receivedAt',
      key: 'receivedAt',
      render: (at: string) => <span title={at}>{formatInstant(at, lang)}</span>,
    },
    {
      title: t('witness.col.status'),
      dataIndex: 'status',
      key: 'status',
      render: (status: string, c) => (
        <WitnessStatusTag status={status} testId={`witness-status-${c.nodeId}-${c.size}`} />
      ),
    },
  ]

  return (
    <Card
      type="inner"
      data-testid={`witness-node-${nodeId}`}
      style={alertCount > 0 ? { borderColor: '#ff4d4f' } : undefined}
      title={
        <Space size={8} wrap>
          <Typography.Text code>{nodeId}</Typography.Text>
          {name ? <span>{pick(lang, name.zh, name.en)}</span> : null}
          {alertCount > 0 ? <Tag color="red">{t('witness.nodes.alerts', { n: alertCount })}</Tag> : null}
        </Space>
      }
      extra={latest ? <WitnessStatusTag status={latest.status} /> : null}
    >
      {error ? <ErrorAlert error={error} onRetry={onRetry} /> : null}
      {!loading && !error && !latest ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('witness.nodes.none')} />
      ) : null}
      {latest ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 4 }}
            items={[
              {
                key: 'size',
                label: t('witness.latest.size'),
                children: (
                  <Typography.Text strong data-testid={`witness-latest-${nodeId}`}>
                    {latest.size}
                  </Typography.Text>
                ),
              },
              {
                key: 'root',
                label: t('witness.latest.root'),
                children: (
                  <Typography.Text code copyable={{ text: latest.root }} title={latest.root}>
                    {shortHash(latest.root)}
                  </Typography.Text>
                ),
              },
              {
                key: 'time',
                label: t('witness.latest.signedAt'),
                children: <span title={latest.timestamp}>{formatInstant(latest.timestamp, lang)}</span>,
              },
              {
                key: 'count',
                label: t('witness.latest.count'),
                children: sorted.length,
              },
            ]}
          />
          <Table<WitnessedCheckpoint>
            rowKey="size"
            size="small"
            columns={columns}
            dataSource={sorted}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          />
        </Space>
      ) : null}
    </Card>
  )
}
