// 监督检查 (A19.1), regulator only: every inspection of a platform, newest first — which platform, routine or special,
// the period, whether the platform answered, and the proof of the records it filed. A row opens a drawer with the
// figures the platform answered and, where it filed records, each record with its inclusion proof as the regulator
// verified it. With `inspection.request` one asks a platform for a period's figures from a form.
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  PlusOutlined,
} from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd'
import { useMemo, useState } from 'react'
import { Link } from 'react-router'
import type { InspectionFigures, InspectionView } from '../../api/types.ts'
import { type Lang, useLang, useT } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatInstant, formatTime, showFieldErrors } from '../../app/ui.tsx'
import { durationText } from '../clarifications/clarificationUi.tsx'
import { NodeName, usePeerNames } from '../orders/orderUi.tsx'
import { usePlatformReport } from '../platform-reports/platformReportsApi.ts'
import { NODE_ID_PATTERN } from '../protocol/protocolApi.ts'
import { InterventionsTable, ModelSummary } from '../recommendation/RecommendationScreen.tsx'
import { useRT } from '../recommendation/strings.ts'
import {
  chinaDate,
  chinaDayStart,
  nextDay,
  REASON_MAX,
  useInspections,
  useRequestInspection,
} from './inspectionsApi.ts'
import { type IKey, isIKey, useIT } from './strings.ts'

/** The sections of a platform's figures this console knows, in the order it shows them. */
const SECTIONS = ['staffing', 'reports', 'disposals', 'appeals'] as const

function KindTag({ kind }: { kind: InspectionView['kind'] }) {
  const it = useIT()
  return (
    <Tag color={kind === 'special' ? 'magenta' : 'blue'} data-kind={kind} style={{ marginInlineEnd: 0 }}>
      {it(kind === 'special' ? 'kind.special' : 'kind.routine')}
    </Tag>
  )
}

function StatusTag({ i }: { i: InspectionView }) {
  const it = useIT()
  return i.status === 'answered' ? (
    <Tag color="success" data-status="answered" style={{ marginInlineEnd: 0 }}>
      {it('status.answered')}
    </Tag>
  ) : (
    <Space size={4} data-status="requested">
      <Spin size="small" />
      <Tag color="processing" style={{ marginInlineEnd: 0 }}>
        {it('status.requested')}
      </Tag>
    </Space>
  )
}

/** The records' proof: verified against the platform's checkpoint, refused, on its way, or nothing to file. */
function ProofTag({ i, testId }: { i: InspectionView; testId?: string }) {
  const it = useIT()
  if (i.status !== 'answered')
    return <Typography.Text type="secondary">{it('proof.pending')}</Typography.Text>
  if (i.proof) {
    return i.proof.proofsVerified ? (
      <Tag color="success" icon={<CheckCircleOutlined />} data-testid={testId} data-proof="verified">
        {it('proof.verified')}
      </Tag>
    ) : (
      <Tag color="error" icon={<CloseCircleOutlined />} data-testid={testId} data-proof="failed">
        {it('proof.notVerified')}
      </Tag>
    )
  }
  if (i.filingId === null) {
    return (
      <Typography.Text type="secondary" data-testid={testId} data-proof="none">
        {it('proof.none')}
      </Typography.Text>
    )
  }
  return (
    <Tag color="processing" icon={<ClockCircleOutlined />} data-testid={testId} data-proof="waiting">
      {it('proof.waiting')}
    </Tag>
  )
}

/** A period as the dates in China it covers: the end is exclusive on the wire, so its day before is shown. */
function periodText(i: InspectionView, lang: Lang): string {
  const day = (iso: string) =>
    new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
      dateStyle: 'medium',
      timeZone: 'Asia/Shanghai',
    }).format(new Date(iso))
  const lastInstant = new Date(new Date(i.periodTo).getTime() - 1).toISOString()
  return `${day(i.periodFrom)} – ${day(lastInstant)}`
}

export default function InspectionsScreen() {
  const it = useIT()
  const lang = useLang()
  const can = useCan()
  const peers = usePeerNames()
  const [platform, setPlatform] = useState<string | null>(null)
  const [open, setOpen] = useState<string | null>(null)
  const [requesting, setRequesting] = useState(false)
  const list = useInspections(platform)
  const all = useInspections(null)
  const platforms = useMemo(() => {
    const ids = new Set<string>((all.data ?? []).map((i) => i.toNode))
    for (const p of peers.platforms) ids.add(p.nodeId)
    return [...ids].sort()
  }, [all.data, peers.platforms])
  const opened = (all.data ?? []).find((i) => i.id === open) ?? (list.data ?? []).find((i) => i.id === open)

  const columns: TableColumnsType<InspectionView> = [
    {
      title: it('col.requestedAt'),
      key: 'requestedAt',
      width: 150,
      render: (_: unknown, i) => <span title={i.requestedAt}>{formatTime(i.requestedAt, lang)}</span>,
    },
    {
      title: it('col.platform'),
      key: 'platform',
      width: 140,
      render: (_: unknown, i) => <NodeName nodeId={i.toNode} name={peers.nameOf(i.toNode)} />,
    },
    { title: it('col.kind'), key: 'kind', width: 100, render: (_: unknown, i) => <KindTag kind={i.kind} /> },
    {
      title: it('col.period'),
      key: 'period',
      width: 220,
      render: (_: unknown, i) => <span style={{ whiteSpace: 'nowrap' }}>{periodText(i, lang)}</span>,
    },
    {
      title: it('col.status'),
      key: 'status',
      width: 120,
      render: (_: unknown, i) => (
        <span data-testid={`inspection-status-${i.id}`} data-status={i.status}>
          <StatusTag i={i} />
        </span>
      ),
    },
    {
      title: it('col.proof'),
      key: 'proof',
      width: 140,
      render: (_: unknown, i) => <ProofTag i={i} testId={`inspection-proof-${i.id}`} />,
    },
    {
      title: it('col.reason'),
      key: 'reason',
      render: (_: unknown, i) => (
        <Typography.Text type="secondary" style={{ maxWidth: 320 }} ellipsis={{ tooltip: i.reason }}>
          {i.reason}
        </Typography.Text>
      ),
    },
  ]

  return (
    <Card
      title={it('title')}
      extra={
        can('inspection.request') ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setRequesting(true)}
            data-testid="inspection-new"
          >
            {it('new')}
          </Button>
        ) : null
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="info" showIcon title={it('intro')} />
        <Select<string>
          data-testid="inspections-platform-filter"
          style={{ minWidth: 220 }}
          value={platform ?? ''}
          onChange={(v) => setPlatform(v === '' ? null : v)}
          aria-label={it('filter.platform')}
          options={[
            { value: '', label: it('filter.allPlatforms') },
            ...platforms.map((id) => ({
              value: id,
              label: peers.nameOf(id) ? `${peers.nameOf(id)} (${id})` : id,
            })),
          ]}
        />
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<InspectionView>
          data-testid="inspections"
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: <Empty description={it('empty')} /> }}
          onRow={(i) =>
            ({
              onClick: () => setOpen(i.id),
              style: { cursor: 'pointer' },
              'data-testid': `inspection-row-${i.id}`,
              'data-platform': i.toNode,
              'data-kind': i.kind,
              'data-status': i.status,
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </Space>
      {opened ? (
        <InspectionDrawer i={opened} name={peers.nameOf(opened.toNode)} onClose={() => setOpen(null)} />
      ) : null}
      {requesting ? (
        <RequestModal
          platforms={platforms}
          peersKnown={peers.known}
          nameOf={peers.nameOf}
          onClose={() => setRequesting(false)}
          onRequested={(id) => {
            setRequesting(false)
            setPlatform(null)
            setOpen(id)
          }}
        />
      ) : null}
    </Card>
  )
}

function InspectionDrawer({
  i,
  name,
  onClose,
}: {
  i: InspectionView
  name: string | null
  onClose: () => void
}) {
  const it = useIT()
  const lang = useLang()
  return (
    <Drawer open size={760} onClose={onClose} destroyOnHidden title={it('detail.title')}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="inspection-drawer">
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            { key: 'platform', label: it('col.platform'), children: `${name ?? ''} ${i.toNode}`.trim() },
            { key: 'kind', label: it('col.kind'), children: <KindTag kind={i.kind} /> },
            { key: 'period', label: it('col.period'), children: periodText(i, lang) },
            { key: 'reason', label: it('col.reason'), children: i.reason },
            {
              key: 'requested',
              label: it('detail.requested'),
              children: it('detail.requestedBy', {
                name: i.requestedByName,
                at: formatInstant(i.requestedAt, lang),
              }),
            },
            {
              key: 'status',
              label: it('col.status'),
              children: (
                <span data-testid="inspection-drawer-status" data-status={i.status}>
                  <StatusTag i={i} />
                </span>
              ),
            },
            ...(i.answeredAt
              ? [
                  {
                    key: 'answered',
                    label: it('detail.answeredAt'),
                    children: formatInstant(i.answeredAt, lang),
                  },
                ]
              : []),
          ]}
        />
        <Card size="small" title={it('detail.figures')}>
          {i.figures ? (
            <Figures figures={i.figures} />
          ) : (
            <Typography.Text type="secondary">{it('detail.noFigures')}</Typography.Text>
          )}
        </Card>
        {i.status === 'answered' ? <Records i={i} /> : null}
      </Space>
    </Drawer>
  )
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x)

/** One figure as the platform sent it: a number, a duration, or nothing. */
function figureText(section: string, key: string, v: unknown, t: ReturnType<typeof useT>): string {
  if (v === null || v === undefined) return '—'
  if (section === 'disposals' && key === 'medianMs' && typeof v === 'number') return durationText(v, t) ?? '—'
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return String(v)
  return JSON.stringify(v)
}

/**
 * The platform's figures, read defensively: the regulator keeps whatever a platform sent, so known sections get
 * their labels and anything else is shown by its own key.
 */
function Figures({ figures }: { figures: Record<string, unknown> }) {
  const it = useIT()
  const rt = useRT()
  const t = useT()
  const label = (key: string) => (isIKey(`fig.${key}`) ? it(`fig.${key}` as IKey) : key)
  const known = SECTIONS.filter((s) => isRecord(figures[s]))
  const others = Object.keys(figures).filter(
    (k) =>
      !(SECTIONS as readonly string[]).includes(k) &&
      k !== 'period' &&
      k !== 'records' &&
      k !== 'recommendation',
  )
  const rec = isRecord(figures.recommendation)
    ? (figures.recommendation as InspectionFigures['recommendation'])
    : null
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="inspection-figures">
      {known.map((section) => {
        const values = figures[section] as Record<string, unknown>
        return (
          <Descriptions
            key={section}
            size="small"
            bordered
            title={label(section)}
            column={{ xs: 1, md: 3 }}
            data-testid={`inspection-figures-${section}`}
            items={Object.entries(values).map(([k, v]) => ({
              key: k,
              label: label(`${section}.${k}`),
              children: (
                <span data-testid={`figure-${section}-${k}`} data-value={String(v)}>
                  {figureText(section, k, v, t)}
                </span>
              ),
            }))}
          />
        )
      })}
      {rec && isRecord(rec.model) && Array.isArray(rec.interventions) ? (
        <Card size="small" title={rt('console.title')} data-testid="inspection-figures-recommendation">
          <Space orientation="vertical" style={{ width: '100%' }}>
            <ModelSummary
              rt={rt}
              model={{
                version: rec.modelVersion,
                document: rec.model,
                note: '',
                publishedAt: rec.modelPublishedAt,
                publishedByName: null,
              }}
            />
            <Typography.Text strong>{rt('console.tab.interventions')}</Typography.Text>
            <InterventionsTable items={rec.interventions} />
          </Space>
        </Card>
      ) : null}
      {others.length > 0 ? (
        <Descriptions
          size="small"
          bordered
          column={1}
          items={others.map((k) => ({
            key: k,
            label: k,
            children: <code style={{ whiteSpace: 'pre-wrap' }}>{JSON.stringify(figures[k], null, 1)}</code>,
          }))}
        />
      ) : null}
    </Space>
  )
}

/** The records the platform filed for the inspection, each with its inclusion proof as the regulator checked it. */
function Records({ i }: { i: InspectionView }) {
  const it = useIT()
  const lang = useLang()
  const can = useCan()
  const readReports = can('platform_report.read')
  const report = usePlatformReport(i.proof && readReports ? i.proof.reportId : null)
  const records = isRecord(i.figures?.records) ? i.figures.records : null
  const cited = typeof records?.cited === 'number' ? records.cited : null
  return (
    <Card
      size="small"
      title={it('detail.records')}
      data-testid="inspection-records"
      extra={
        i.proof && readReports ? (
          <Link to={`/platform-reports?report=${encodeURIComponent(i.proof.reportId)}`}>
            {it('detail.openReport')}
          </Link>
        ) : null
      }
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {i.filingId === null ? (
          <Typography.Text type="secondary">{it('detail.noRecords')}</Typography.Text>
        ) : (
          <Space wrap>
            <ProofTag i={i} testId="inspection-drawer-proof" />
            {cited !== null ? (
              <Typography.Text>
                {it('detail.recordsCited', {
                  n: cited,
                  more: records?.more === true ? it('detail.recordsMore', { n: cited }) : '',
                })}
              </Typography.Text>
            ) : null}
            {i.proof ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {it('detail.proofReceived', { at: formatInstant(i.proof.receivedAt, lang) })}
              </Typography.Text>
            ) : null}
          </Space>
        )}
        {report.isError ? <ErrorAlert error={report.error} onRetry={() => report.refetch()} /> : null}
        {report.data ? (
          <Table
            size="small"
            rowKey="id"
            data-testid="inspection-entries"
            dataSource={report.data.entries.filter((e) => !e.isFilingRecord)}
            pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
            columns={[
              { title: it('detail.entry.index'), dataIndex: 'index', key: 'index', width: 90 },
              {
                title: it('detail.entry.action'),
                key: 'action',
                render: (_: unknown, e) => <code>{e.action ?? '—'}</code>,
              },
              {
                title: it('detail.entry.at'),
                key: 'at',
                width: 170,
                render: (_: unknown, e) => (e.recordedAt ? formatTime(e.recordedAt, lang) : '—'),
              },
              {
                title: it('detail.entry.proof'),
                key: 'verified',
                width: 100,
                render: (_: unknown, e) =>
                  e.verified ? (
                    <Tag color="success" data-verified="true">
                      {it('detail.entry.verified')}
                    </Tag>
                  ) : (
                    <Tag color="error" data-verified="false">
                      {it('detail.entry.failed')}
                    </Tag>
                  ),
              },
            ]}
          />
        ) : null}
      </Space>
    </Card>
  )
}

interface RequestForm {
  toNode: string
  kind: InspectionView['kind']
  periodFrom: string
  periodTo: string
  reason: string
}

const DATALIST = 'inspection-known-platforms'

function RequestModal({
  platforms,
  peersKnown,
  nameOf,
  onClose,
  onRequested,
}: {
  platforms: readonly string[]
  peersKnown: boolean
  nameOf: (nodeId: string) => string | null
  onClose: () => void
  onRequested: (id: string) => void
}) {
  const it = useIT()
  const lang = useLang()
  const { message } = App.useApp()
  const request = useRequestInspection()
  const [form] = Form.useForm<RequestForm>()
  const [error, setError] = useState<unknown>(null)
  const today = chinaDate()
  return (
    <Modal
      open
      title={it('form.title')}
      onCancel={onClose}
      destroyOnHidden
      width={600}
      okText={it('form.submit')}
      okButtonProps={{ loading: request.isPending, 'data-testid': 'inspection-submit' }}
      onOk={() => form.submit()}
    >
      <Space orientation="vertical" style={{ width: '100%' }} data-testid="inspection-form">
        {error ? <ErrorAlert error={error} /> : null}
        <Form<RequestForm>
          form={form}
          layout="vertical"
          disabled={request.isPending}
          initialValues={{ kind: 'routine', periodFrom: chinaDate(-30), periodTo: today }}
          onFinish={(v) => {
            setError(null)
            request.mutate(
              {
                toNode: v.toNode.trim(),
                kind: v.kind,
                periodFrom: chinaDayStart(v.periodFrom),
                periodTo: chinaDayStart(nextDay(v.periodTo)),
                reason: v.reason.trim(),
              },
              {
                onSuccess: (i) => {
                  message.success(it('form.done', { platform: nameOf(i.toNode) ?? i.toNode }))
                  onRequested(i.id)
                },
                onError: (e) => {
                  const fields = ['toNode', 'kind', 'periodFrom', 'periodTo', 'reason']
                  if (!showFieldErrors(form, e, lang, fields)) setError(e)
                },
              },
            )
          }}
        >
          <Form.Item
            name="toNode"
            label={it('form.platform')}
            extra={peersKnown ? undefined : it('form.platformHelp')}
            rules={[
              { required: true, whitespace: true, message: it('required') },
              ...(peersKnown ? [] : [{ pattern: NODE_ID_PATTERN, message: it('form.platformHelp') }]),
            ]}
          >
            {peersKnown ? (
              <Select
                data-testid="inspection-platform"
                placeholder={it('form.platformPlaceholder')}
                options={platforms.map((id) => ({ value: id, label: `${nameOf(id) ?? ''} (${id})` }))}
              />
            ) : (
              <Input
                data-testid="inspection-platform"
                placeholder="platform-a"
                list={DATALIST}
                autoComplete="off"
                maxLength={100}
              />
            )}
          </Form.Item>
          {peersKnown ? null : (
            <datalist id={DATALIST}>
              {platforms.map((id) => (
                <option key={id} value={id} />
              ))}
            </datalist>
          )}
          <Form.Item name="kind" label={it('form.kind')}>
            <Radio.Group data-testid="inspection-kind">
              <Radio value="routine">{it('kind.routine')}</Radio>
              <Radio value="special">{it('kind.special')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Space size={16} align="start" wrap>
            <Form.Item
              name="periodFrom"
              label={it('form.from')}
              rules={[{ required: true, message: it('required') }]}
              extra={it('form.periodHint')}
              style={{ maxWidth: 260 }}
            >
              <Input type="date" max={today} data-testid="inspection-from" />
            </Form.Item>
            <Form.Item
              name="periodTo"
              label={it('form.to')}
              dependencies={['periodFrom']}
              rules={[
                { required: true, message: it('required') },
                ({ getFieldValue }) => ({
                  validator: async (_, v: string | undefined) => {
                    const from = getFieldValue('periodFrom') as string | undefined
                    if (v && from && v < from) throw new Error(it('form.periodOrder'))
                  },
                }),
              ]}
            >
              <Input type="date" data-testid="inspection-to" />
            </Form.Item>
          </Space>
          <Form.Item
            name="reason"
            label={it('form.reason')}
            rules={[{ required: true, whitespace: true, message: it('required') }]}
          >
            <Input.TextArea rows={3} maxLength={REASON_MAX} showCount data-testid="inspection-reason" />
          </Form.Item>
        </Form>
      </Space>
    </Modal>
  )
}
