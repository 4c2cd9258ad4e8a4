// One reported item: the item as it is, every report on it with the reporter's record (accuracy, paused or not),
// pausing and resuming a reporter, and the decision that closes every open report at once — dismissed, or upheld
// with measures (A16) and, for a false claim, confirmed into the rumor registry so that every copy is swept. An
// item without open reports can still be disposed of directly.
import {
  Alert,
  Button,
  type ButtonProps,
  Divider,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Space,
  Switch,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import type {
  DecideReportsAnswer,
  DecideReportsBody,
  DisposalCategory,
  ItemReport,
  Measure,
  OwnContentView,
} from '../../api/types.ts'
import { pick, useLang, useT } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import {
  FalseLabelTag,
  FictionTag,
  KindTag,
  ReasonTags,
  RestrictionTag,
  StatusTag,
} from '../../portal/contentUi.tsx'
import { ReportStatusTag } from '../../portal/reportUi.tsx'
import { REASON_MAX, useDisposeItem } from '../disposal/disposalApi.ts'
import { MeasuresInput, MeasureTags } from '../disposal/disposalUi.tsx'
import { useDecideReports, useItemReports, useMuteReporter, useUnmuteReporter } from './reportsApi.ts'

export function ReportItemDrawer({ itemId, onClose }: { itemId: string | null; onClose: () => void }) {
  const t = useT()
  const can = useCan()
  const detail = useItemReports(itemId)
  const [decided, setDecided] = useState<DecideReportsAnswer | null>(null)
  const data = detail.data
  const open = (data?.reports ?? []).filter((r) => r.status === 'open')
  const close = () => {
    setDecided(null)
    onClose()
  }
  return (
    <Drawer open={itemId !== null} onClose={close} size={760} title={t('reports.drawer')} destroyOnHidden>
      <div data-testid="reports-drawer">
        {detail.isError ? <ErrorAlert error={detail.error} onRetry={() => detail.refetch()} /> : null}
        {data ? (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <ItemView item={data.item} />
            <ReportsTable reports={data.reports} />
            {decided ? <Decided answer={decided} /> : null}
            {can('report.handle') && open.length > 0 ? (
              <>
                <Divider style={{ margin: 0 }} />
                <DecisionForm item={data.item} open={open} onDecided={setDecided} />
              </>
            ) : null}
            {can('disposal.act') &&
            open.length === 0 &&
            !decided &&
            (data.item.status === 'published' || data.item.status === 'held') ? (
              <>
                <Divider style={{ margin: 0 }} />
                <DisposeForm itemId={data.item.id} />
              </>
            ) : null}
          </Space>
        ) : null}
      </div>
    </Drawer>
  )
}

function ItemView({ item }: { item: OwnContentView }) {
  const t = useT()
  const lang = useLang()
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="reports-item">
      <FalseLabelTag item={item} />
      <Space size={8} wrap>
        <StatusTag status={item.status} />
        <RestrictionTag item={item} />
        <KindTag kind={item.kind} />
        <FictionTag item={item} />
        <Typography.Text>{item.authorName}</Typography.Text>
        <Typography.Text type="secondary">{formatTime(item.createdAt, lang)}</Typography.Text>
      </Space>
      <Typography.Paragraph
        style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
        data-testid="reports-item-text"
      >
        {item.status === 'removed' && item.text === '' ? t('content.removedText') : item.text}
      </Typography.Paragraph>
      <ReasonTags reasons={item.reasons} />
      {item.decisionReason ? (
        <Typography.Text type="secondary">
          {t('content.mine.decisionReason', { reason: item.decisionReason })}
        </Typography.Text>
      ) : null}
    </Space>
  )
}

function ReportsTable({ reports }: { reports: ItemReport[] }) {
  const t = useT()
  const lang = useLang()
  const can = useCan()
  const unmute = useUnmuteReporter()
  const [muting, setMuting] = useState<ItemReport | null>(null)
  const columns: TableColumnsType<ItemReport> = [
    {
      title: t('report.trackingNo'),
      dataIndex: 'trackingNo',
      key: 'trackingNo',
      render: (no: string, r) => (
        <Space orientation="vertical" size={2}>
          <Typography.Text copyable={{ text: no }} style={{ fontFamily: 'monospace', fontSize: 12 }}>
            {no}
          </Typography.Text>
          <Space size={4} wrap>
            <ReportStatusTag status={r.status} />
            <Tag>{pick(lang, r.categoryZh, r.categoryEn)}</Tag>
          </Space>
        </Space>
      ),
    },
    {
      title: t('reports.reporter'),
      key: 'reporter',
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={2}>
          <Typography.Text>{r.reporterName}</Typography.Text>
          <Space size={4} wrap>
            <Tag color={r.accuracy >= 0.5 ? 'green' : 'orange'}>
              {t('reports.accuracyOf', { n: Math.round(r.accuracy * 100) })}
            </Tag>
            {r.muted ? (
              <Tag color="red" data-testid={`reports-muted-${r.reporterId}`}>
                {t('reports.muted')}
              </Tag>
            ) : null}
          </Space>
        </Space>
      ),
    },
    {
      title: t('reports.note'),
      dataIndex: 'note',
      key: 'note',
      render: (note: string, r) => (
        <Space orientation="vertical" size={2}>
          <span>{note || t('common.none')}</span>
          {r.outcomeReason ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('report.mine.reason', { reason: r.outcomeReason })}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('reports.deadline'),
      key: 'deadline',
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatTime(r.createdAt, lang)}
          </Typography.Text>
          <Typography.Text
            type={r.overdue ? 'danger' : undefined}
            strong={r.overdue}
            style={{ fontSize: 12 }}
          >
            {formatTime(r.deadlineAt, lang)}
            {r.overdue ? ` · ${t('report.overdue')}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    ...(can('report.handle')
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, r: ItemReport) =>
              r.muted ? (
                <Popconfirm
                  title={t('reports.unmuteConfirm', { name: r.reporterName })}
                  onConfirm={() => unmute.mutate(r.reporterId)}
                >
                  <Button size="small" data-testid={`reports-unmute-${r.id}`}>
                    {t('reports.unmute')}
                  </Button>
                </Popconfirm>
              ) : (
                <Button size="small" danger onClick={() => setMuting(r)} data-testid={`reports-mute-${r.id}`}>
                  {t('reports.mute')}
                </Button>
              ),
          },
        ]
      : []),
  ]
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('reports.onItem', { n: reports.length })}
      </Typography.Title>
      {unmute.error ? <ErrorAlert error={unmute.error} /> : null}
      <Table<ItemReport>
        data-testid="reports-list"
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={reports}
        columns={columns}
        onRow={(r) =>
          ({ 'data-testid': `reports-report-${r.trackingNo}` }) as React.HTMLAttributes<HTMLElement>
        }
      />
      {muting ? <MuteModal report={muting} onClose={() => setMuting(null)} /> : null}
    </Space>
  )
}

function MuteModal({ report, onClose }: { report: ItemReport; onClose: () => void }) {
  const t = useT()
  const mute = useMuteReporter()
  const [form] = Form.useForm<{ days: number; reason: string }>()
  return (
    <Modal
      open
      title={t('reports.muteTitle', { name: report.reporterName })}
      onCancel={onClose}
      okText={t('reports.mute')}
      okButtonProps={
        { danger: true, loading: mute.isPending, 'data-testid': 'reports-mute-submit' } as ButtonProps
      }
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ days: 7, reason: '' }}
        onFinish={(v) =>
          mute.mutate(
            { userId: report.reporterId, body: { days: v.days, reason: v.reason.trim() } },
            { onSuccess: onClose },
          )
        }
      >
        <Typography.Paragraph type="secondary">
          {t('reports.muteIntro', { n: Math.round(report.accuracy * 100) })}
        </Typography.Paragraph>
        <Form.Item name="days" label={t('reports.muteDays')} rules={[{ required: true }]}>
          <InputNumber min={1} max={365} data-testid="reports-mute-days" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('reports.reason')}
          rules={[{ required: true, whitespace: true, max: REASON_MAX }]}
        >
          <Input.TextArea rows={2} maxLength={REASON_MAX} data-testid="reports-mute-reason" />
        </Form.Item>
        {mute.error ? <ErrorAlert error={mute.error} /> : null}
      </Form>
    </Modal>
  )
}

interface DecisionValues {
  outcome: 'uphold' | 'dismiss'
  reason: string
  measures: Measure[]
  category: DisposalCategory
  confirm: boolean
  claimText: string
  verdict: 'false' | 'misleading'
  clarificationUrl: string
  clarificationTitle: string
}

function decisionBody(v: DecisionValues): DecideReportsBody {
  const reason = v.reason.trim()
  if (v.outcome === 'dismiss') return { outcome: 'dismiss', reason }
  const url = v.clarificationUrl?.trim() ?? ''
  const title = v.clarificationTitle?.trim() ?? ''
  const text = v.claimText?.trim() ?? ''
  return {
    outcome: 'uphold',
    reason,
    measures: v.measures,
    category: v.category,
    ...(v.confirm
      ? {
          confirm: {
            verdict: v.verdict,
            ...(text ? { text } : {}),
            ...(url ? { clarificationUrl: url } : {}),
            ...(title ? { clarificationTitle: title } : {}),
          },
        }
      : {}),
  }
}

const URL_PATTERN = /^https?:\/\/\S+$/

function DecisionForm({
  item,
  open,
  onDecided,
}: {
  item: OwnContentView
  open: ItemReport[]
  onDecided: (answer: DecideReportsAnswer) => void
}) {
  const t = useT()
  const decide = useDecideReports()
  const [form] = Form.useForm<DecisionValues>()
  const outcome = Form.useWatch('outcome', form) ?? 'uphold'
  const confirm = Form.useWatch('confirm', form) ?? false
  const upholding = outcome === 'uphold'
  return (
    <Form<DecisionValues>
      form={form}
      layout="vertical"
      data-testid="decision-form"
      initialValues={{
        outcome: 'uphold',
        reason: '',
        measures: ['stop', 'label'],
        category: open.some((r) => r.category === 'illegal') ? 'prohibit' : 'false',
        confirm: false,
        claimText: item.text,
        verdict: 'false',
        clarificationUrl: '',
        clarificationTitle: '',
      }}
      onFinish={(v) =>
        decide.mutate(
          { itemId: item.id, body: decisionBody(v) },
          {
            onSuccess: (answer) => {
              onDecided(answer)
              form.resetFields()
            },
          },
        )
      }
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('reports.decide', { n: open.length })}
      </Typography.Title>
      <Form.Item name="outcome" label={t('reports.outcome')}>
        <Radio.Group data-testid="decision-outcome">
          <Radio.Button value="uphold" data-testid="decision-outcome-uphold">
            {t('reports.uphold')}
          </Radio.Button>
          <Radio.Button value="dismiss" data-testid="decision-outcome-dismiss">
            {t('reports.dismiss')}
          </Radio.Button>
        </Radio.Group>
      </Form.Item>
      {upholding ? (
        <>
          <Form.Item
            name="measures"
            label={t('reports.measures')}
            extra={t('reports.measuresHelp')}
            rules={[{ required: true, type: 'array', min: 1, message: t('reports.measuresRequired') }]}
          >
            <MeasuresInput testId="decision-measures" />
          </Form.Item>
          <Form.Item name="category" label={t('reports.category')}>
            <Radio.Group data-testid="decision-category">
              <Radio value="false">{t('disposal.category.false')}</Radio>
              <Radio value="prohibit">{t('disposal.category.prohibit')}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="confirm"
            label={t('reports.confirm')}
            valuePropName="checked"
            extra={t('reports.confirmHelp')}
          >
            <Switch data-testid="decision-confirm" />
          </Form.Item>
          {confirm ? (
            <div style={{ paddingLeft: 12, borderLeft: '3px solid #ffccc7' }}>
              <Form.Item
                name="claimText"
                label={t('rumor.text')}
                rules={[{ required: true, whitespace: true, max: 2000 }]}
              >
                <Input.TextArea rows={3} maxLength={2000} data-testid="decision-claim-text" />
              </Form.Item>
              <Form.Item name="verdict" label={t('rumor.verdict')}>
                <Radio.Group data-testid="decision-verdict">
                  <Radio value="false">{t('rumor.verdict.false')}</Radio>
                  <Radio value="misleading">{t('rumor.verdict.misleading')}</Radio>
                </Radio.Group>
              </Form.Item>
              <Form.Item
                name="clarificationUrl"
                label={t('rumor.clarificationUrl')}
                rules={[{ max: 500 }, { pattern: URL_PATTERN, message: t('rumor.urlInvalid') }]}
              >
                <Input placeholder="https://" data-testid="decision-clarification-url" />
              </Form.Item>
              <Form.Item
                name="clarificationTitle"
                label={t('rumor.clarificationTitle')}
                rules={[{ max: 200 }]}
              >
                <Input data-testid="decision-clarification-title" />
              </Form.Item>
            </div>
          ) : null}
        </>
      ) : null}
      <Form.Item
        name="reason"
        label={t('reports.reason')}
        extra={t('reports.reasonHelp')}
        rules={[{ required: true, whitespace: true, max: REASON_MAX }]}
      >
        <Input.TextArea rows={3} maxLength={REASON_MAX} showCount data-testid="decision-reason" />
      </Form.Item>
      {decide.error ? <ErrorAlert error={decide.error} /> : null}
      <Button
        type="primary"
        danger={upholding}
        htmlType="submit"
        loading={decide.isPending}
        data-testid="decision-submit"
      >
        {upholding ? t('reports.submitUphold') : t('reports.submitDismiss')}
      </Button>
    </Form>
  )
}

/** What one decision did: how many reports it closed and, when it disposed of the item, where to follow that. */
function Decided({ answer }: { answer: DecideReportsAnswer }) {
  const t = useT()
  const d = answer.disposal
  return (
    <Alert
      type="success"
      showIcon
      data-testid="reports-decided"
      data-closed={answer.closed}
      title={t(d ? 'reports.decided.upheld' : 'reports.decided.dismissed', { n: answer.closed })}
      description={
        d ? (
          <Space orientation="vertical" size={4}>
            <Space size={4} wrap>
              <span>{t('reports.decided.measures')}</span>
              <MeasureTags measures={d.measures} />
            </Space>
            {answer.rumor ? <span>{t('reports.decided.rumor')}</span> : null}
            <Link to={`/disposals/${d.id}`} data-testid="reports-disposal-link">
              {t(answer.rumor ? 'reports.decided.followSweep' : 'reports.decided.openDisposal')}
            </Link>
          </Space>
        ) : undefined
      }
    />
  )
}

/** Disposes of an item directly (no open reports needed): measures, category and reason (A16). */
function DisposeForm({ itemId }: { itemId: string }) {
  const t = useT()
  const dispose = useDisposeItem()
  const [form] = Form.useForm<{ measures: Measure[]; category: DisposalCategory; reason: string }>()
  return (
    <Form
      form={form}
      layout="vertical"
      data-testid="dispose-form"
      initialValues={{ measures: ['stop'], category: 'false', reason: '' }}
      onFinish={(v) =>
        dispose.mutate({
          itemId,
          body: { measures: v.measures, category: v.category, reason: v.reason.trim() },
        })
      }
    >
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('dispose.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('dispose.intro')}</Typography.Paragraph>
      <Form.Item
        name="measures"
        label={t('reports.measures')}
        rules={[{ required: true, type: 'array', min: 1, message: t('reports.measuresRequired') }]}
      >
        <MeasuresInput testId="dispose-measures" />
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
        <Input.TextArea rows={2} maxLength={REASON_MAX} data-testid="dispose-reason" />
      </Form.Item>
      {dispose.error ? <ErrorAlert error={dispose.error} /> : null}
      {dispose.data ? (
        <Alert
          type="success"
          showIcon
          data-testid="dispose-done"
          title={t('dispose.done')}
          action={<Link to={`/disposals/${dispose.data.id}`}>{t('reports.decided.openDisposal')}</Link>}
        />
      ) : (
        <Button danger htmlType="submit" loading={dispose.isPending} data-testid="dispose-submit">
          {t('dispose.submit')}
        </Button>
      )}
    </Form>
  )
}
