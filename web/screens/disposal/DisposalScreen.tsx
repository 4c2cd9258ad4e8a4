// The rumor registry and disposals (谣言库与处置, A16): every disposal with its sweep — running ones spin and the
// page asks again every 2 s until they finish — and its counts; the index of published items the sweeps read;
// the registry of confirmed false claims with their source and clarification, and confirming a new one (it joins
// the claim bank, so new uploads are blocked, and every copy already published is swept). With `retention.read`:
// the legal holds and opening the sealed copy of a removed item; with `retention.hold`: placing and releasing holds.
import {
  Alert,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Progress,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import type {
  ConfirmRumorBody,
  DisposalView,
  HoldView,
  IndexStatus,
  Measure,
  RumorSource,
  RumorView,
} from '../../api/types.ts'
import { useLang, useT } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatTime, shortHash } from '../../app/ui.tsx'
import {
  REASON_MAX,
  useConfirmRumor,
  useDisposals,
  useLegalHolds,
  useOpenRetained,
  usePlaceHold,
  useReleaseHold,
  useRumors,
} from './disposalApi.ts'
import {
  categoryKey,
  DisposalStatus,
  durationLabel,
  MeasuresInput,
  MeasureTags,
  sourceKey,
  verdictKey,
} from './disposalUi.tsx'

export default function DisposalScreen() {
  const t = useT()
  const can = useCan()
  const list = useDisposals()
  return (
    <Card title={t('disposal.title')}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('disposal.intro')}
        </Typography.Paragraph>
        {list.data ? <IndexLine index={list.data.index} /> : null}
        <Tabs
          items={[
            { key: 'disposals', label: t('disposal.tab.disposals'), children: <DisposalsTab /> },
            { key: 'rumors', label: t('disposal.tab.rumors'), children: <RumorsTab /> },
            ...(can('retention.read')
              ? [{ key: 'retention', label: t('disposal.tab.retention'), children: <RetentionTab /> }]
              : []),
          ]}
        />
      </Space>
    </Card>
  )
}

/** How far the index of published items is built: the sweeps read it. */
function IndexLine({ index }: { index: IndexStatus }) {
  const t = useT()
  const percent = index.total > 0 ? Math.min(100, Math.floor((index.indexed / index.total) * 100)) : 100
  return (
    <Space size={12} wrap data-testid="disposal-index" data-state={index.state}>
      <Typography.Text type="secondary">{t('disposal.index.label')}</Typography.Text>
      {index.state === 'building' ? (
        <Progress percent={percent} size="small" status="active" style={{ width: 200 }} />
      ) : null}
      <Typography.Text type={index.state === 'failed' ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
        {index.state === 'ready'
          ? t('disposal.index.ready', { n: index.indexed, ms: index.builtInMs ?? 0 })
          : index.state === 'building'
            ? t('disposal.index.building', { n: index.indexed, total: index.total })
            : t('disposal.index.failed', { error: index.error ?? '' })}
      </Typography.Text>
    </Space>
  )
}

function DisposalsTab() {
  const t = useT()
  const lang = useLang()
  const list = useDisposals()
  const columns: TableColumnsType<DisposalView> = [
    {
      title: t('common.status'),
      key: 'status',
      width: 130,
      render: (_: unknown, d) => <DisposalStatus disposal={d} testId={`disposal-status-${d.id}`} />,
    },
    {
      title: t('disposal.target'),
      key: 'target',
      render: (_: unknown, d) => (
        <Space orientation="vertical" size={2}>
          <Link to={`/disposals/${d.id}`} data-testid={`disposal-open-${d.id}`}>
            {d.rumor ? d.rumor.text : t('disposal.singleItem')}
          </Link>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {d.reason}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('disposal.measures'),
      key: 'measures',
      render: (_: unknown, d) => (
        <Space orientation="vertical" size={2}>
          <MeasureTags measures={d.measures} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t(categoryKey(d.category))} · {d.articles.join('、')}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('disposal.counts'),
      key: 'counts',
      render: (_: unknown, d) => (
        <Space size={4} wrap data-testid={`disposal-counts-${d.id}`}>
          <Tag>{t('disposal.candidates', { n: d.candidates })}</Tag>
          <Tag color="red" data-testid={`disposal-applied-${d.id}`} data-n={d.applied}>
            {t('disposal.applied', { n: d.applied })}
          </Tag>
          <Tag color={d.toReview > 0 ? 'orange' : 'default'}>{t('disposal.toReview', { n: d.toReview })}</Tag>
        </Space>
      ),
    },
    {
      title: t('disposal.duration'),
      key: 'duration',
      render: (_: unknown, d) => <span style={{ whiteSpace: 'nowrap' }}>{durationLabel(d.durationMs)}</span>,
    },
    {
      title: t('disposal.createdAt'),
      key: 'createdAt',
      render: (_: unknown, d) => `${formatTime(d.createdAt, lang)} · ${d.createdByName}`,
    },
  ]
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
      <Table<DisposalView>
        data-testid="disposals"
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        columns={columns}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: t('disposal.empty') }}
        onRow={(d) =>
          ({
            'data-testid': `disposal-row-${d.id}`,
            'data-status': d.status,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
    </Space>
  )
}

function RumorsTab() {
  const t = useT()
  const lang = useLang()
  const can = useCan()
  const rumors = useRumors()
  const [open, setOpen] = useState(false)
  const columns: TableColumnsType<RumorView> = [
    {
      title: t('rumor.text'),
      dataIndex: 'text',
      key: 'text',
      render: (text: string) => <Typography.Paragraph style={{ margin: 0 }}>{text}</Typography.Paragraph>,
    },
    {
      title: t('rumor.verdict'),
      dataIndex: 'verdict',
      key: 'verdict',
      width: 110,
      render: (v: string) => <Tag color={v === 'false' ? 'red' : 'orange'}>{t(verdictKey(v))}</Tag>,
    },
    {
      title: t('rumor.source'),
      key: 'source',
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          <span>{t(sourceKey(r.source))}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.sourceRef}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('rumor.clarification'),
      key: 'clarification',
      render: (_: unknown, r) =>
        r.clarificationUrl ? (
          <Typography.Link href={r.clarificationUrl} target="_blank" rel="noopener noreferrer">
            {r.clarificationTitle || r.clarificationUrl}
          </Typography.Link>
        ) : (
          t('common.none')
        ),
    },
    {
      title: t('rumor.confirmedAt'),
      key: 'confirmedAt',
      render: (_: unknown, r) => `${formatTime(r.confirmedAt, lang)} · ${r.confirmedByName}`,
    },
  ]
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {can('disposal.act') ? (
        <Button type="primary" danger onClick={() => setOpen(true)} data-testid="rumor-confirm-open">
          {t('rumor.confirm')}
        </Button>
      ) : null}
      {rumors.isError ? <ErrorAlert error={rumors.error} onRetry={() => rumors.refetch()} /> : null}
      <Table<RumorView>
        data-testid="rumors"
        rowKey="id"
        size="middle"
        loading={rumors.isPending}
        dataSource={rumors.data ?? []}
        columns={columns}
        pagination={{ pageSize: 20 }}
        locale={{ emptyText: t('rumor.empty') }}
        onRow={(r) => ({ 'data-testid': `rumor-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
      />
      <ConfirmRumorDrawer open={open} onClose={() => setOpen(false)} />
    </Space>
  )
}

interface ConfirmValues {
  text: string
  verdict: 'false' | 'misleading'
  source: RumorSource
  sourceRef: string
  clarificationUrl: string
  clarificationTitle: string
  measures: Measure[]
  reason: string
  category: 'false' | 'prohibit'
  notifyInteractors: boolean
}

const URL_PATTERN = /^https?:\/\/\S+$/

function ConfirmRumorDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT()
  const navigate = useNavigate()
  const confirm = useConfirmRumor()
  const [form] = Form.useForm<ConfirmValues>()
  return (
    <Drawer open={open} onClose={onClose} size={640} title={t('rumor.confirmTitle')} destroyOnHidden>
      <Form<ConfirmValues>
        form={form}
        layout="vertical"
        data-testid="rumor-form"
        initialValues={{
          text: '',
          verdict: 'false',
          source: 'regulator',
          sourceRef: '',
          clarificationUrl: '',
          clarificationTitle: '',
          measures: ['stop', 'label'],
          reason: '',
          category: 'false',
          notifyInteractors: true,
        }}
        onFinish={(v) => {
          const url = v.clarificationUrl.trim()
          const title = v.clarificationTitle.trim()
          const body: ConfirmRumorBody = {
            text: v.text.trim(),
            verdict: v.verdict,
            source: v.source,
            sourceRef: v.sourceRef.trim(),
            ...(url ? { clarificationUrl: url } : {}),
            ...(title ? { clarificationTitle: title } : {}),
            measures: v.measures,
            reason: v.reason.trim(),
            category: v.category,
            notifyInteractors: v.notifyInteractors,
          }
          confirm.mutate(body, { onSuccess: (r) => navigate(`/disposals/${r.disposal.id}`) })
        }}
      >
        <Typography.Paragraph type="secondary">{t('rumor.confirmIntro')}</Typography.Paragraph>
        <Form.Item
          name="text"
          label={t('rumor.text')}
          rules={[{ required: true, whitespace: true, max: 2000 }]}
        >
          <Input.TextArea rows={3} maxLength={2000} data-testid="rumor-text" />
        </Form.Item>
        <Form.Item name="verdict" label={t('rumor.verdict')}>
          <Radio.Group>
            <Radio value="false">{t('rumor.verdict.false')}</Radio>
            <Radio value="misleading">{t('rumor.verdict.misleading')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Space size={12} align="start" style={{ width: '100%' }}>
          <Form.Item name="source" label={t('rumor.source')} style={{ width: 200 }}>
            <Select
              data-testid="rumor-source"
              options={(['review', 'regulator', 'trusted'] as const).map((s) => ({
                value: s,
                label: t(sourceKey(s)),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="sourceRef"
            label={t('rumor.sourceRef')}
            style={{ width: 360 }}
            rules={[{ required: true, whitespace: true, max: 200 }]}
          >
            <Input placeholder={t('rumor.sourceRefPlaceholder')} data-testid="rumor-source-ref" />
          </Form.Item>
        </Space>
        <Form.Item
          name="clarificationUrl"
          label={t('rumor.clarificationUrl')}
          rules={[{ max: 500 }, { pattern: URL_PATTERN, message: t('rumor.urlInvalid') }]}
        >
          <Input placeholder="https://" data-testid="rumor-clarification-url" />
        </Form.Item>
        <Form.Item name="clarificationTitle" label={t('rumor.clarificationTitle')} rules={[{ max: 200 }]}>
          <Input data-testid="rumor-clarification-title" />
        </Form.Item>
        <Form.Item
          name="measures"
          label={t('reports.measures')}
          extra={t('reports.measuresHelp')}
          rules={[{ required: true, type: 'array', min: 1, message: t('reports.measuresRequired') }]}
        >
          <MeasuresInput testId="rumor-measures" />
        </Form.Item>
        <Form.Item name="category" label={t('reports.category')}>
          <Radio.Group>
            <Radio value="false">{t('disposal.category.false')}</Radio>
            <Radio value="prohibit">{t('disposal.category.prohibit')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('reports.reason')}
          rules={[{ required: true, whitespace: true, max: REASON_MAX }]}
        >
          <Input.TextArea rows={2} maxLength={REASON_MAX} data-testid="rumor-reason" />
        </Form.Item>
        <Form.Item
          name="notifyInteractors"
          label={t('rumor.notifyInteractors')}
          valuePropName="checked"
          extra={t('rumor.notifyInteractorsHelp')}
        >
          <Switch />
        </Form.Item>
        {confirm.error ? <ErrorAlert error={confirm.error} /> : null}
        <Button
          type="primary"
          danger
          htmlType="submit"
          loading={confirm.isPending}
          data-testid="rumor-submit"
        >
          {t('rumor.confirmSubmit')}
        </Button>
      </Form>
    </Drawer>
  )
}

function RetentionTab() {
  const t = useT()
  const lang = useLang()
  const can = useCan()
  const holds = useLegalHolds()
  const place = usePlaceHold()
  const release = useReleaseHold()
  const openCopy = useOpenRetained()
  const [placeForm] = Form.useForm<{ itemId: string; reason: string }>()
  const [openForm] = Form.useForm<{ itemId: string; reason: string }>()
  const [releaseReason, setReleaseReason] = useState('')
  const mayHold = can('retention.hold')
  const columns: TableColumnsType<HoldView> = [
    {
      title: t('retention.itemId'),
      dataIndex: 'itemId',
      key: 'itemId',
      render: (id: string) => (
        <Typography.Text copyable={{ text: id }} style={{ fontFamily: 'monospace', fontSize: 12 }}>
          {id}
        </Typography.Text>
      ),
    },
    { title: t('reports.reason'), dataIndex: 'reason', key: 'reason' },
    {
      title: t('retention.placed'),
      key: 'placed',
      render: (_: unknown, h) => `${formatTime(h.placedAt, lang)} · ${h.placedBy}`,
    },
    ...(mayHold
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, h: HoldView) => (
              <Popconfirm
                title={t('retention.releaseTitle')}
                description={
                  <Input
                    value={releaseReason}
                    maxLength={REASON_MAX}
                    onChange={(e) => setReleaseReason(e.target.value)}
                    placeholder={t('retention.releaseReason')}
                    data-testid="hold-release-reason"
                  />
                }
                okButtonProps={{ disabled: releaseReason.trim() === '' }}
                onConfirm={() =>
                  release.mutate(
                    { itemId: h.itemId, reason: releaseReason.trim() },
                    { onSuccess: () => setReleaseReason('') },
                  )
                }
              >
                <Button size="small" data-testid={`hold-release-${h.itemId}`}>
                  {t('retention.release')}
                </Button>
              </Popconfirm>
            ),
          },
        ]
      : []),
  ]
  return (
    <Space orientation="vertical" size={20} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={5}>{t('retention.holds')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('retention.holdsIntro')}</Typography.Paragraph>
        {mayHold ? (
          <Form
            form={placeForm}
            layout="inline"
            style={{ marginBottom: 12 }}
            onFinish={(v) =>
              place.mutate(
                { itemId: v.itemId.trim(), reason: v.reason.trim() },
                { onSuccess: () => placeForm.resetFields() },
              )
            }
          >
            <Form.Item name="itemId" rules={[{ required: true, whitespace: true }]} style={{ width: 320 }}>
              <Input placeholder={t('retention.itemId')} data-testid="hold-item" />
            </Form.Item>
            <Form.Item
              name="reason"
              rules={[{ required: true, whitespace: true, max: REASON_MAX }]}
              style={{ width: 320 }}
            >
              <Input placeholder={t('retention.holdReason')} data-testid="hold-reason" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={place.isPending} data-testid="hold-place">
              {t('retention.place')}
            </Button>
          </Form>
        ) : null}
        {place.error ? <ErrorAlert error={place.error} /> : null}
        {release.error ? <ErrorAlert error={release.error} /> : null}
        {holds.isError ? <ErrorAlert error={holds.error} onRetry={() => holds.refetch()} /> : null}
        <Table<HoldView>
          data-testid="holds"
          rowKey="itemId"
          size="middle"
          loading={holds.isPending}
          dataSource={holds.data ?? []}
          columns={columns}
          pagination={false}
          locale={{ emptyText: t('retention.noHolds') }}
        />
      </div>
      <div>
        <Typography.Title level={5}>{t('retention.open')}</Typography.Title>
        <Typography.Paragraph type="secondary">{t('retention.openIntro')}</Typography.Paragraph>
        <Form
          form={openForm}
          layout="inline"
          onFinish={(v) => openCopy.mutate({ itemId: v.itemId.trim(), reason: v.reason.trim() })}
        >
          <Form.Item name="itemId" rules={[{ required: true, whitespace: true }]} style={{ width: 320 }}>
            <Input placeholder={t('retention.itemId')} data-testid="retained-item" />
          </Form.Item>
          <Form.Item
            name="reason"
            rules={[{ required: true, whitespace: true, max: REASON_MAX }]}
            style={{ width: 320 }}
          >
            <Input placeholder={t('retention.openReason')} data-testid="retained-reason" />
          </Form.Item>
          <Button htmlType="submit" loading={openCopy.isPending} data-testid="retained-open">
            {t('retention.openSubmit')}
          </Button>
        </Form>
        {openCopy.error ? (
          <div style={{ marginTop: 12 }}>
            <ErrorAlert error={openCopy.error} />
          </div>
        ) : null}
        {openCopy.data ? (
          <Alert
            style={{ marginTop: 12 }}
            type="info"
            showIcon
            data-testid="retained-copy"
            title={t('retention.recorded')}
            description={
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }} strong>
                  {openCopy.data.text}
                </Typography.Paragraph>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('retention.digest')}{' '}
                  <Typography.Text copyable={{ text: openCopy.data.digest }} code>
                    {shortHash(openCopy.data.digest)}
                  </Typography.Text>
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('retention.removedAt', {
                    at: formatTime(openCopy.data.removedAt, lang) ?? '',
                    until: formatTime(openCopy.data.retainUntil, lang) ?? '',
                  })}
                  {openCopy.data.legalHold ? ` · ${t('retention.underHold')}` : ''}
                </Typography.Text>
              </Space>
            }
          />
        ) : null}
      </div>
    </Space>
  )
}
