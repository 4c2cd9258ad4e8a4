// 履职监督 (A27), regulator only: for a period, findings per officer and per department (overdue steps, public
// reports closed late or without feedback, refused out-of-bounds decisions, seal openings, unusual patterns) with
// why each fired; a supervisor ticks one officer's findings and makes an accountability record of them, and
// concludes records with their outcome.
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd'
import { useMemo, useState } from 'react'
import { useLang } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import {
  type AccountabilityRecordView,
  type DepartmentSummary,
  type Finding,
  type FindingKind,
  MEASURES,
  type Measure,
  type OfficerSummary,
  useAccountabilityRecords,
  useConcludeAccountability,
  useRecordAccountability,
  useSupervision,
} from './accountabilityApi.ts'
import { type AKey, useAT } from './strings.ts'

const KINDS: readonly FindingKind[] = [
  'overdue_step',
  'public_report_late',
  'public_report_no_feedback',
  'public_report_open_overdue',
  'bounds_refused',
  'seal_opened',
  'pattern',
]
const KIND_COLOR: Record<FindingKind, string> = {
  overdue_step: 'orange',
  public_report_late: 'gold',
  public_report_no_feedback: 'gold',
  public_report_open_overdue: 'volcano',
  bounds_refused: 'red',
  seal_opened: 'purple',
  pattern: 'magenta',
}

const chinaDate = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10)

export default function AccountabilityScreen() {
  const at = useAT()
  const lang = useLang()
  const can = useCan()
  const { message } = App.useApp()
  const today = chinaDate(new Date())
  const [from, setFrom] = useState(chinaDate(new Date(Date.now() - 29 * 86_400_000)))
  const [to, setTo] = useState(today)
  const [officer, setOfficer] = useState<string | null>(null)
  const [chosen, setChosen] = useState<string[]>([])
  const [recording, setRecording] = useState(false)
  const [concluding, setConcluding] = useState<AccountabilityRecordView | null>(null)
  const view = useSupervision(from, to)
  const records = useAccountabilityRecords()
  const record = useRecordAccountability()
  const conclude = useConcludeAccountability()
  const [form] = Form.useForm<{ measure: Measure; note: string }>()
  const [outcomeForm] = Form.useForm<{ outcome: string }>()

  const text = (f: { zh: string; en: string }) => (lang === 'zh' ? f.zh : f.en)
  const kindTag = (k: FindingKind) => <Tag color={KIND_COLOR[k]}>{at(`kind.${k}` as AKey)}</Tag>
  const findings = useMemo(
    () => (view.data?.findings ?? []).filter((f) => officer === null || f.staffId === officer),
    [view.data, officer],
  )
  const officerName = view.data?.officers.find((o) => o.staffId === officer)?.name ?? ''
  const countColumns = <T extends { counts: Partial<Record<FindingKind, number>>; total: number }>() =>
    [
      ...KINDS.map((k) => ({
        title: at(`kind.${k}` as AKey),
        key: k,
        width: 90,
        render: (_: unknown, r: T) => r.counts[k] ?? 0,
      })),
      {
        title: at('col.total'),
        key: 'total',
        width: 70,
        render: (_: unknown, r: T) => <strong>{r.total}</strong>,
      },
    ] as TableColumnsType<T>

  const officerColumns: TableColumnsType<OfficerSummary> = [
    {
      title: at('col.officer'),
      key: 'name',
      width: 160,
      render: (_: unknown, o) => (
        <Button
          type="link"
          size="small"
          data-testid={`accountability-officer-${o.staffId}`}
          onClick={() => {
            setOfficer(o.staffId)
            setChosen([])
          }}
        >
          {o.name}
        </Button>
      ),
    },
    ...countColumns<OfficerSummary>(),
  ]
  const departmentColumns: TableColumnsType<DepartmentSummary> = [
    {
      title: at('col.department'),
      key: 'name',
      width: 200,
      render: (_: unknown, d) => (lang === 'zh' ? d.nameZh : d.nameEn),
    },
    ...countColumns<DepartmentSummary>(),
  ]
  const findingColumns: TableColumnsType<Finding> = [
    { title: at('col.kind'), key: 'kind', width: 130, render: (_: unknown, f) => kindTag(f.kind) },
    {
      title: at('col.officer'),
      key: 'officer',
      width: 130,
      render: (_: unknown, f) =>
        f.staffName ?? <Typography.Text type="secondary">{at('noOfficer')}</Typography.Text>,
    },
    {
      title: at('col.at'),
      key: 'at',
      width: 160,
      render: (_: unknown, f) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(f.at, lang)}</span>,
    },
    {
      title: at('col.why'),
      key: 'why',
      width: 520,
      render: (_: unknown, f) => <div style={{ maxWidth: 520, whiteSpace: 'normal' }}>{text(f)}</div>,
    },
  ]
  const recordColumns: TableColumnsType<AccountabilityRecordView> = [
    {
      title: at('col.number'),
      key: 'number',
      width: 140,
      render: (_: unknown, r) => <strong>{r.number}</strong>,
    },
    { title: at('col.officer'), key: 'officer', width: 120, render: (_: unknown, r) => r.staffName },
    {
      title: at('col.measure'),
      key: 'measure',
      width: 120,
      render: (_: unknown, r) => at(`measure.${r.measure}` as AKey),
    },
    {
      title: at('col.findings'),
      key: 'findings',
      width: 400,
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={2} style={{ maxWidth: 400, whiteSpace: 'normal' }}>
          {r.findings.map((f) => (
            <span key={f.id}>
              {kindTag(f.kind as FindingKind)} {text(f)}
            </span>
          ))}
          <Typography.Text type="secondary">{r.note}</Typography.Text>
          {r.outcome ? <Typography.Text>{at('outcome', { outcome: r.outcome })}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: at('col.createdBy'),
      key: 'createdBy',
      width: 160,
      render: (_: unknown, r) => `${r.createdByName} · ${formatTime(r.createdAt, lang)}`,
    },
    {
      title: at('col.status'),
      key: 'status',
      width: 110,
      render: (_: unknown, r) =>
        r.status === 'open' && can('accountability.manage') ? (
          <Button
            size="small"
            data-testid={`accountability-conclude-${r.id}`}
            onClick={() => setConcluding(r)}
          >
            {at('conclude')}
          </Button>
        ) : (
          <Tag color={r.status === 'open' ? 'blue' : 'green'}>{at(`status.${r.status}` as AKey)}</Tag>
        ),
    },
  ]
  const rules = (view.data?.rules ?? []).map((r) => {
    const vars = Object.fromEntries(
      Object.entries(r).filter(([, v]) => typeof v === 'number') as [string, number][],
    )
    return { id: String(r.id), text: at(`rule.${String(r.id)}` as AKey, vars) }
  })

  return (
    <Card title={at('title')}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="info" showIcon title={at('intro')} />
        <Space wrap>
          <span>{at('period.from')}</span>
          <Input
            type="date"
            value={from}
            max={to}
            onChange={(e) => e.target.value && setFrom(e.target.value)}
            style={{ width: 170 }}
            data-testid="accountability-from"
          />
          <span>{at('period.to')}</span>
          <Input
            type="date"
            value={to}
            min={from}
            max={today}
            onChange={(e) => e.target.value && setTo(e.target.value)}
            style={{ width: 170 }}
            data-testid="accountability-to"
          />
        </Space>
        {view.isError ? <ErrorAlert error={view.error} onRetry={() => view.refetch()} /> : null}
        {view.data?.truncated ? (
          <Alert type="warning" showIcon data-testid="accountability-truncated" title={at('truncated')} />
        ) : null}
        <Tabs
          items={[
            {
              key: 'officers',
              label: at('tab.officers'),
              children: (
                <Table<OfficerSummary>
                  data-testid="accountability-officers"
                  rowKey="staffId"
                  size="small"
                  loading={view.isPending}
                  dataSource={view.data?.officers ?? []}
                  columns={officerColumns}
                  scroll={{ x: 'max-content' }}
                  pagination={false}
                  locale={{ emptyText: <Empty description={at('empty')} /> }}
                />
              ),
            },
            {
              key: 'departments',
              label: at('tab.departments'),
              children: (
                <Table<DepartmentSummary>
                  data-testid="accountability-departments"
                  rowKey={(d) => d.organisationId ?? 'none'}
                  size="small"
                  loading={view.isPending}
                  dataSource={view.data?.departments ?? []}
                  columns={departmentColumns}
                  scroll={{ x: 'max-content' }}
                  pagination={false}
                  locale={{ emptyText: <Empty description={at('empty')} /> }}
                />
              ),
            },
            {
              key: 'findings',
              label: at('tab.findings'),
              children: (
                <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                  <Space wrap>
                    <Select<string>
                      style={{ width: 220 }}
                      value={officer ?? ''}
                      data-testid="accountability-officer-filter"
                      onChange={(v) => {
                        setOfficer(v === '' ? null : v)
                        setChosen([])
                      }}
                      options={[
                        { value: '', label: at('filter.all') },
                        ...(view.data?.officers ?? []).map((o) => ({ value: o.staffId, label: o.name })),
                      ]}
                    />
                    {can('accountability.manage') ? (
                      <Button
                        type="primary"
                        disabled={officer === null || chosen.length === 0}
                        title={officer === null ? at('recordHint') : undefined}
                        onClick={() => setRecording(true)}
                        data-testid="accountability-record"
                      >
                        {at('record')}
                      </Button>
                    ) : null}
                  </Space>
                  <Table<Finding>
                    data-testid="accountability-findings"
                    rowKey="id"
                    size="small"
                    loading={view.isPending}
                    dataSource={findings}
                    columns={findingColumns}
                    rowSelection={
                      can('accountability.manage') && officer !== null
                        ? { selectedRowKeys: chosen, onChange: (keys) => setChosen(keys as string[]) }
                        : undefined
                    }
                    scroll={{ x: 'max-content' }}
                    pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                    locale={{ emptyText: <Empty description={at('empty')} /> }}
                  />
                </Space>
              ),
            },
            {
              key: 'records',
              label: at('tab.records'),
              children: (
                <>
                  {records.isError ? (
                    <ErrorAlert error={records.error} onRetry={() => records.refetch()} />
                  ) : null}
                  <Table<AccountabilityRecordView>
                    data-testid="accountability-records"
                    rowKey="id"
                    size="small"
                    loading={records.isPending}
                    dataSource={records.data ?? []}
                    columns={recordColumns}
                    scroll={{ x: 'max-content' }}
                    pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
                    locale={{ emptyText: <Empty description={at('emptyRecords')} /> }}
                  />
                </>
              ),
            },
            {
              key: 'rules',
              label: at('tab.rules'),
              children: (
                <ul data-testid="accountability-rules">
                  {rules.map((r) => (
                    <li key={r.id}>{r.text}</li>
                  ))}
                </ul>
              ),
            },
          ]}
        />
      </Space>
      <Modal
        open={recording}
        title={at('form.title', { name: officerName })}
        okText={at('submit')}
        cancelText={at('cancel')}
        confirmLoading={record.isPending}
        onCancel={() => setRecording(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ measure: 'interview_reminder' }}
          onFinish={(v) => {
            if (officer === null) return
            record.mutate(
              { staffId: officer, from, to, findingIds: chosen, measure: v.measure, note: v.note },
              {
                onSuccess: (r) => {
                  message.success(at('recorded', { number: r.number }))
                  setRecording(false)
                  setChosen([])
                  form.resetFields()
                },
              },
            )
          }}
        >
          <Typography.Paragraph type="secondary">
            {at('form.findings', { n: chosen.length })}
          </Typography.Paragraph>
          <Form.Item name="measure" label={at('form.measure')} rules={[{ required: true }]}>
            <Select<Measure>
              data-testid="accountability-measure"
              options={MEASURES.map((m) => ({ value: m, label: at(`measure.${m}` as AKey) }))}
            />
          </Form.Item>
          <Form.Item
            name="note"
            label={at('form.note')}
            rules={[{ required: true, whitespace: true, max: 2000 }]}
          >
            <Input.TextArea
              rows={4}
              placeholder={at('form.notePlaceholder')}
              data-testid="accountability-note"
            />
          </Form.Item>
          {record.isError ? <ErrorAlert error={record.error} /> : null}
        </Form>
      </Modal>
      <Modal
        open={concluding !== null}
        title={at('conclude.title', { number: concluding?.number ?? '' })}
        okText={at('submit')}
        cancelText={at('cancel')}
        confirmLoading={conclude.isPending}
        onCancel={() => setConcluding(null)}
        onOk={() => outcomeForm.submit()}
        destroyOnHidden
      >
        <Form
          form={outcomeForm}
          layout="vertical"
          onFinish={(v) => {
            if (!concluding) return
            conclude.mutate(
              { id: concluding.id, outcome: v.outcome },
              {
                onSuccess: () => {
                  message.success(at('concluded'))
                  setConcluding(null)
                  outcomeForm.resetFields()
                },
              },
            )
          }}
        >
          <Form.Item
            name="outcome"
            label={at('conclude.outcome')}
            rules={[{ required: true, whitespace: true, max: 2000 }]}
          >
            <Input.TextArea rows={3} data-testid="accountability-outcome" />
          </Form.Item>
          {conclude.isError ? <ErrorAlert error={conclude.error} /> : null}
        </Form>
      </Modal>
    </Card>
  )
}
