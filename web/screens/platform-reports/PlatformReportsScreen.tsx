// The reports platforms filed with this regulator (A16): what each found, what it did, and whether the proofs that
// tie the report to the platform's own log held. A row opens the report: its items by digest, and every ledger entry
// it cites with its inclusion proof, checked again by the node as the page asked. `?report=<id>` opens that report.
import { CheckCircleOutlined, CloseCircleOutlined } from '@ant-design/icons'
import {
  Alert,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd'
import { useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import type { PlatformReport, PlatformReportEntry, WitnessCheck } from '../../api/types.ts'
import { type MessageKey, pick, useLang, useT } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatInstant, shortHash } from '../../app/ui.tsx'
import { usePeers } from '../protocol/protocolApi.ts'
import { usePlatformReport, usePlatformReports } from './platformReportsApi.ts'
import { CategoryTag, ItemsTable, MeasureTags } from './reportUi.tsx'

const WITNESS: Record<WitnessCheck, { color: string; label: MessageKey; hint: MessageKey }> = {
  witnessed: {
    color: 'success',
    label: 'platformReports.witness.witnessed',
    hint: 'platformReports.witness.witnessedHint',
  },
  consistent: {
    color: 'success',
    label: 'platformReports.witness.consistent',
    hint: 'platformReports.witness.consistentHint',
  },
  'not-cross-checked': {
    color: 'default',
    label: 'platformReports.witness.notCrossChecked',
    hint: 'platformReports.witness.notCrossCheckedHint',
  },
}

function WitnessTag({ check }: { check: WitnessCheck }) {
  const t = useT()
  const w = WITNESS[check]
  return (
    <Tooltip title={t(w.hint)}>
      <Tag color={w.color} data-witness={check}>
        {t(w.label)}
      </Tag>
    </Tooltip>
  )
}

function ProofsTag({ verified }: { verified: boolean }) {
  const t = useT()
  return verified ? (
    <Tooltip title={t('platformReports.proofs.verifiedHint')}>
      <Tag color="success" icon={<CheckCircleOutlined />} data-verified="true">
        {t('platformReports.proofs.verified')}
      </Tag>
    </Tooltip>
  ) : (
    <Tag color="error" icon={<CloseCircleOutlined />} data-verified="false">
      {t('platformReports.entry.notVerified')}
    </Tag>
  )
}

export default function PlatformReportsScreen() {
  const t = useT()
  const lang = useLang()
  const can = useCan()
  const [platform, setPlatform] = useState<string | null>(null)
  // `?report=<id>` opens one report at once: the orders page links an order's proof here
  const [params] = useSearchParams()
  const [open, setOpen] = useState<string | null>(params.get('report'))
  const reports = usePlatformReports(platform)
  const all = usePlatformReports(null)
  const peers = usePeers(can('protocol.read'))
  const peerById = useMemo(() => new Map((peers.data?.items ?? []).map((p) => [p.nodeId, p])), [peers.data])
  const nameOf = (nodeId: string) => {
    const p = peerById.get(nodeId)
    return p ? pick(lang, p.nameZh, p.nameEn) : null
  }
  // Every platform heard of: those that filed here, and (for those who may see them) the platform peers.
  const platforms = useMemo(() => {
    const ids = new Set<string>((all.data ?? []).map((r) => r.fromNode))
    for (const p of peers.data?.items ?? []) if (p.kind === 'platform') ids.add(p.nodeId)
    return [...ids].sort()
  }, [all.data, peers.data])

  const columns: TableColumnsType<PlatformReport> = [
    {
      title: t('platformReports.col.receivedAt'),
      dataIndex: 'receivedAt',
      key: 'receivedAt',
      width: 180,
      render: (at: string) => <span title={at}>{formatInstant(at, lang)}</span>,
    },
    {
      title: t('platformReports.col.platform'),
      dataIndex: 'fromNode',
      key: 'fromNode',
      width: 150,
      render: (nodeId: string) => (
        <Space size={4} orientation="vertical">
          <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
            {nodeId}
          </Typography.Text>
          {nameOf(nodeId) ? <Typography.Text type="secondary">{nameOf(nodeId)}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: t('platformReports.col.found'),
      key: 'found',
      render: (_: unknown, r) => (
        <Space size={4} orientation="vertical">
          <span>{pick(lang, r.found.what.zh, r.found.what.en)}</span>
          <CategoryTag category={r.category} />
        </Space>
      ),
    },
    {
      title: t('platformReports.col.measures'),
      key: 'measures',
      render: (_: unknown, r) => <MeasureTags measures={r.done.measures} />,
    },
    { title: t('platformReports.col.items'), dataIndex: 'itemCount', key: 'itemCount', width: 80 },
    { title: t('platformReports.col.entries'), dataIndex: 'entryCount', key: 'entryCount', width: 90 },
    {
      title: t('platformReports.col.proofs'),
      key: 'proofs',
      width: 110,
      render: (_: unknown, r) => <ProofsTag verified={r.proofsVerified} />,
    },
    {
      title: t('platformReports.col.witness'),
      key: 'witness',
      width: 130,
      render: (_: unknown, r) => <WitnessTag check={r.witnessCheck} />,
    },
  ]

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('platformReports.title')}>
        <Alert type="info" showIcon title={t('platformReports.intro')} />
      </Card>
      <Card
        extra={
          <Select<string>
            data-testid="platform-reports-filter"
            style={{ minWidth: 220 }}
            value={platform ?? ''}
            onChange={(v) => setPlatform(v === '' ? null : v)}
            options={[
              { value: '', label: t('platformReports.filter.all') },
              ...platforms.map((id) => ({ value: id, label: nameOf(id) ? `${nameOf(id)} (${id})` : id })),
            ]}
            aria-label={t('platformReports.filter.platform')}
          />
        }
        title={t('platformReports.filter.platform')}
      >
        {reports.isError ? <ErrorAlert error={reports.error} onRetry={() => reports.refetch()} /> : null}
        <Table<PlatformReport>
          data-testid="platform-reports-table"
          rowKey="id"
          size="middle"
          loading={reports.isPending}
          columns={columns}
          dataSource={reports.data ?? []}
          locale={{ emptyText: <Empty description={t('platformReports.empty')} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          onRow={(r) => ({
            onClick: () => setOpen(r.id),
            style: { cursor: 'pointer' },
            'data-testid': `platform-report-${r.id}`,
          })}
        />
      </Card>
      {open ? <ReportDrawer id={open} nameOf={nameOf} onClose={() => setOpen(null)} /> : null}
    </Space>
  )
}

function ReportDrawer({
  id,
  nameOf,
  onClose,
}: {
  id: string
  nameOf: (nodeId: string) => string | null
  onClose: () => void
}) {
  const t = useT()
  const lang = useLang()
  const report = usePlatformReport(id)
  const r = report.data

  const entryColumns: TableColumnsType<PlatformReportEntry> = [
    { title: t('platformReports.entry.index'), dataIndex: 'index', key: 'index', width: 80 },
    {
      title: '',
      key: 'verified',
      width: 120,
      render: (_: unknown, e) => (
        <Tag
          color={e.verified ? 'success' : 'error'}
          icon={e.verified ? <CheckCircleOutlined /> : <CloseCircleOutlined />}
          data-testid={`platform-report-entry-${e.index}`}
          data-verified={String(e.verified)}
        >
          {t(e.verified ? 'platformReports.entry.verified' : 'platformReports.entry.notVerified')}
        </Tag>
      ),
    },
    {
      title: t('platformReports.entry.action'),
      key: 'action',
      render: (_: unknown, e) => (
        <Space size={4} wrap>
          <Typography.Text code>{e.action ?? '—'}</Typography.Text>
          {e.isFilingRecord ? (
            <Tooltip title={t('platformReports.entry.filingRecordHint')}>
              <Tag color="blue">{t('platformReports.entry.filingRecord')}</Tag>
            </Tooltip>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('platformReports.entry.recordedAt'),
      dataIndex: 'recordedAt',
      key: 'recordedAt',
      render: (at: string | null) => (at ? <span title={at}>{formatInstant(at, lang)}</span> : '—'),
    },
    {
      title: t('platformReports.entry.leafHash'),
      dataIndex: 'leafHash',
      key: 'leafHash',
      render: (h: string) => (
        <Typography.Text code copyable={{ text: h }} title={h}>
          {shortHash(h)}
        </Typography.Text>
      ),
    },
    {
      title: t('platformReports.entry.proof'),
      key: 'proof',
      render: (_: unknown, e) => (
        <Typography.Text copyable={{ text: e.proof.join('\n') }}>
          {t('platformReports.entry.proofLength', { n: e.proof.length })}
        </Typography.Text>
      ),
    },
    {
      title: t('platformReports.entry.subject'),
      key: 'subject',
      render: (_: unknown, e) =>
        e.subject ? (
          <Typography.Text type="secondary">
            {e.subject.type} · {shortHash(e.subject.id)}
          </Typography.Text>
        ) : (
          '—'
        ),
    },
  ]

  return (
    <Drawer open size={960} onClose={onClose} destroyOnHidden title={t('platformReports.detail.title')}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="platform-report-drawer">
        {report.isError ? <ErrorAlert error={report.error} onRetry={() => report.refetch()} /> : null}
        {r ? (
          <>
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, md: 2 }}
              items={[
                {
                  key: 'platform',
                  label: t('platformReports.detail.platform'),
                  children: (
                    <Space size={8}>
                      <Typography.Text code>{r.fromNode}</Typography.Text>
                      {nameOf(r.fromNode) ?? null}
                    </Space>
                  ),
                },
                {
                  key: 'received',
                  label: t('platformReports.detail.receivedAt'),
                  children: formatInstant(r.receivedAt, lang),
                },
                {
                  key: 'found',
                  label: t('report.found'),
                  span: 2,
                  children: (
                    <Space size={8} wrap>
                      <span data-testid="platform-report-found">
                        {pick(lang, r.found.what.zh, r.found.what.en)}
                      </span>
                      <CategoryTag category={r.category} />
                    </Space>
                  ),
                },
                { key: 'foundAt', label: t('report.foundAt'), children: formatInstant(r.found.at, lang) },
                { key: 'doneAt', label: t('report.doneAt'), children: formatInstant(r.done.at, lang) },
                {
                  key: 'measures',
                  label: t('report.measures'),
                  span: 2,
                  children: <MeasureTags measures={r.done.measures} />,
                },
                {
                  key: 'subject',
                  label: t('report.subject'),
                  children: (
                    <Typography.Text code>
                      {r.subject.type}:{shortHash(r.subject.id)}
                    </Typography.Text>
                  ),
                },
                {
                  key: 'filing',
                  label: t('platformReports.detail.filingId'),
                  children: (
                    <Typography.Text copyable={{ text: r.filingId }}>{shortHash(r.filingId)}</Typography.Text>
                  ),
                },
                {
                  key: 'proofs',
                  label: t('platformReports.col.proofs'),
                  children: <ProofsTag verified={r.proofsVerified} />,
                },
                {
                  key: 'witness',
                  label: t('platformReports.col.witness'),
                  children: <WitnessTag check={r.witnessCheck} />,
                },
              ]}
            />
            <Card size="small" title={`${t('report.items')} (${r.items.length})`}>
              <ItemsTable items={r.items} />
            </Card>
            <Card size="small" title={t('platformReports.detail.entries')}>
              <Table<PlatformReportEntry>
                rowKey="id"
                size="small"
                columns={entryColumns}
                dataSource={r.entries}
                scroll={{ x: 'max-content' }}
                pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
              />
            </Card>
            <Card size="small" title={t('platformReports.detail.checkpoint')}>
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'size',
                    label: t('platformReports.detail.checkpointSize'),
                    children: r.checkpointSize,
                  },
                  {
                    key: 'root',
                    label: t('platformReports.detail.checkpointRoot'),
                    children: (
                      <Typography.Text code copyable={{ text: r.checkpointRoot }}>
                        {shortHash(r.checkpointRoot)}
                      </Typography.Text>
                    ),
                  },
                  {
                    key: 'note',
                    label: t('platformReports.detail.checkpointNote'),
                    children: (
                      <Typography.Paragraph
                        code
                        copyable={{ text: r.checkpointNote }}
                        style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
                      >
                        {r.checkpointNote}
                      </Typography.Paragraph>
                    ),
                  },
                ]}
              />
            </Card>
          </>
        ) : null}
      </Space>
    </Drawer>
  )
}
