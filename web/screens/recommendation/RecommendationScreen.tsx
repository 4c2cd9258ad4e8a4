// 推荐管理 (A14), platform only: the human interventions in recommendation — pin, boost, demote, exclude an item, an
// author or a topic, each with reason and expiry, revocable, all on the ledger — and the recommendation model in
// force (weights, bounds, the A9 topic lists), its earlier versions, and publishing a new one.
import { PlusOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Card,
  DatePicker,
  type DatePickerProps,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Popconfirm,
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
import { type Lang, useLang } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatTime, showFieldErrors } from '../../app/ui.tsx'
import {
  type InterventionAction,
  type InterventionTargetKind,
  type InterventionView,
  MAX_ENCOURAGE_BOOST,
  MAX_INTERVENTION_BOUND,
  MAX_INTERVENTION_DAYS,
  MAX_PER_AUTHOR,
  type ModelDocument,
  type ModelView,
  type TopicDefinition,
  useAddIntervention,
  useInterventions,
  useModels,
  usePublishModel,
  useRevokeIntervention,
} from './recommendationApi.ts'
import { type RTranslate, useRT } from './strings.ts'

export default function RecommendationScreen() {
  const rt = useRT()
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="recommendation-page">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {rt('console.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {rt('console.intro')}
      </Typography.Paragraph>
      <Tabs
        items={[
          { key: 'interventions', label: rt('console.tab.interventions'), children: <Interventions /> },
          {
            key: 'model',
            label: <span data-testid="tab-model">{rt('console.tab.model')}</span>,
            children: <Model />,
          },
        ]}
      />
    </Space>
  )
}

function stateOf(iv: InterventionView): 'active' | 'revoked' | 'ended' {
  if (iv.revokedAt) return 'revoked'
  return iv.active ? 'active' : 'ended'
}

function Interventions() {
  const rt = useRT()
  const lang = useLang()
  const can = useCan()
  const { message } = App.useApp()
  const [activeOnly, setActiveOnly] = useState(true)
  const [adding, setAdding] = useState(false)
  const list = useInterventions(activeOnly)
  const revoke = useRevokeIntervention()
  const manage = can('recommendation.manage')
  const columns: TableColumnsType<InterventionView> = [
    {
      title: rt('console.col.target'),
      key: 'target',
      render: (_: unknown, iv) => (
        <Space orientation="vertical" size={0}>
          <Tag>{rt(`target.${iv.targetKind}`)}</Tag>
          <Typography.Text code copyable={iv.targetKind !== 'topic'} style={{ fontSize: 12 }}>
            {iv.target}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: rt('console.col.action'),
      key: 'action',
      width: 110,
      render: (_: unknown, iv) => (
        <Tag color={iv.action === 'exclude' ? 'red' : iv.action === 'pin' ? 'gold' : 'blue'}>
          {rt(`action.${iv.action}`)}
          {iv.factor ? ` ×${iv.factor}` : ''}
        </Tag>
      ),
    },
    { title: rt('console.col.reason'), dataIndex: 'reason', key: 'reason' },
    {
      title: rt('console.col.expires'),
      key: 'expires',
      width: 170,
      render: (_: unknown, iv) => formatTime(iv.expiresAt, lang),
    },
    {
      title: rt('console.col.by'),
      key: 'by',
      width: 160,
      render: (_: unknown, iv) => (
        <Typography.Text type="secondary">
          {iv.createdByName} · {formatTime(iv.createdAt, lang)}
        </Typography.Text>
      ),
    },
    {
      title: rt('console.col.state'),
      key: 'state',
      width: 150,
      render: (_: unknown, iv) => {
        const s = stateOf(iv)
        return (
          <Space>
            <Tag color={s === 'active' ? 'green' : 'default'} data-testid={`intervention-state-${iv.id}`}>
              {rt(`console.${s}`)}
            </Tag>
            {s === 'active' && manage ? (
              <Popconfirm
                title={rt('console.revokeConfirm')}
                onConfirm={() =>
                  revoke.mutateAsync(iv.id).then(
                    () => void message.success(rt('console.revokedOk')),
                    (e: Error) => void message.error(e.message),
                  )
                }
              >
                <Button size="small" danger data-testid={`intervention-revoke-${iv.id}`}>
                  {rt('console.revoke')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        )
      },
    },
  ]
  return (
    <Card
      title={
        <Space>
          <Switch
            size="small"
            checked={activeOnly}
            onChange={setActiveOnly}
            data-testid="interventions-active-only"
          />
          <Typography.Text>{rt('console.activeOnly')}</Typography.Text>
        </Space>
      }
      extra={
        manage ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="intervention-add"
          >
            {rt('console.add')}
          </Button>
        ) : null
      }
    >
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
      <Table
        data-testid="interventions"
        rowKey="id"
        size="middle"
        loading={list.isPending}
        columns={columns}
        dataSource={list.data ?? []}
        locale={{ emptyText: <Empty description={rt('console.empty')} /> }}
        onRow={(iv) => ({ 'data-testid': `intervention-${iv.id}` }) as React.HTMLAttributes<HTMLElement>}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
      />
      <AddInterventionDrawer open={adding} onClose={() => setAdding(false)} />
    </Card>
  )
}

// antd's date value (a Dayjs), named without importing dayjs, which the console does not depend on directly
type DateValue = Exclude<NonNullable<DatePickerProps['value']>, readonly unknown[]>
const DAY_MS = 86_400_000

interface AddForm {
  targetKind: InterventionTargetKind
  target: string
  action: InterventionAction
  factor?: number
  reason: string
  expiresAt: DateValue
}

function AddInterventionDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const rt = useRT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<AddForm>()
  const add = useAddIntervention()
  const models = useModels()
  const topics = models.data?.[0]?.document.topics ?? []
  const bound = models.data?.[0]?.document.interventionBound ?? MAX_INTERVENTION_BOUND
  const kind = Form.useWatch('targetKind', form)
  const action = Form.useWatch('action', form)
  const submit = (v: AddForm) =>
    add.mutate(
      {
        targetKind: v.targetKind,
        target: v.target.trim(),
        action: v.action,
        ...(v.action === 'boost' || v.action === 'demote' ? { factor: v.factor } : {}),
        reason: v.reason,
        expiresAt: v.expiresAt.toISOString(),
      },
      {
        onSuccess: () => {
          void message.success(rt('form.added'))
          form.resetFields()
          onClose()
        },
        onError: (e) => {
          if (
            !showFieldErrors(form, e, lang, [
              'targetKind',
              'target',
              'action',
              'factor',
              'reason',
              'expiresAt',
            ])
          )
            void message.error(e.message)
        },
      },
    )
  return (
    <Drawer open={open} onClose={onClose} title={rt('form.title')} size="large" destroyOnHidden>
      <Form<AddForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="intervention-form"
        initialValues={{ targetKind: 'item', action: 'pin' }}
      >
        <Form.Item name="targetKind" label={rt('form.targetKind')} rules={[{ required: true }]}>
          <Select
            data-testid="intervention-target-kind"
            options={(['item', 'author', 'topic'] as const).map((k) => ({
              value: k,
              label: rt(`target.${k}`),
            }))}
            onChange={(k) => {
              form.setFieldValue('target', undefined)
              if (k !== 'item' && form.getFieldValue('action') === 'pin')
                form.setFieldValue('action', 'boost')
            }}
          />
        </Form.Item>
        <Form.Item
          name="target"
          label={
            kind === 'topic'
              ? rt('form.targetTopic')
              : kind === 'author'
                ? rt('form.targetAuthor')
                : rt('form.targetItem')
          }
          rules={[{ required: true }]}
        >
          {kind === 'topic' ? (
            <Select
              data-testid="intervention-topic"
              options={topics.map((t) => ({ value: t.tag, label: t.tag }))}
            />
          ) : (
            <Input data-testid="intervention-target" maxLength={64} />
          )}
        </Form.Item>
        <Form.Item name="action" label={rt('form.action')} rules={[{ required: true }]}>
          <Select
            data-testid="intervention-action"
            options={(['pin', 'boost', 'demote', 'exclude'] as const).map((a) => ({
              value: a,
              label: rt(`action.${a}`),
              disabled: a === 'pin' && kind !== 'item',
            }))}
          />
        </Form.Item>
        {action === 'boost' || action === 'demote' ? (
          <Form.Item name="factor" label={rt('form.factor', { bound })} rules={[{ required: true }]}>
            <InputNumber min={1.1} max={bound} step={0.5} data-testid="intervention-factor" />
          </Form.Item>
        ) : null}
        <Form.Item name="reason" label={rt('form.reason')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea
            rows={2}
            maxLength={500}
            placeholder={rt('form.reasonPlaceholder')}
            data-testid="intervention-reason"
          />
        </Form.Item>
        <Form.Item
          name="expiresAt"
          label={rt('form.expires', { days: MAX_INTERVENTION_DAYS })}
          rules={[{ required: true }]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            style={{ width: 240 }}
            data-testid="intervention-expires"
            disabledDate={(d) =>
              d.valueOf() < Date.now() - DAY_MS || d.valueOf() > Date.now() + MAX_INTERVENTION_DAYS * DAY_MS
            }
          />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="intervention-submit">
          {rt('form.submit')}
        </Button>
      </Form>
    </Drawer>
  )
}

export function ModelSummary({ model, rt }: { model: ModelView; rt: RTranslate }) {
  const d = model.document
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={rt('model.version', { version: model.version })}>
          {model.note}
        </Descriptions.Item>
        <Descriptions.Item
          label={rt('model.candidate', { hours: d.candidateHours, limit: d.candidateLimit })}
        >
          {rt('model.weights', {
            fresh: d.weights.freshness,
            half: d.weights.freshnessHalfLifeHours,
            eng: d.weights.engagement,
            personal: d.weights.personal,
          })}
        </Descriptions.Item>
        <Descriptions.Item
          label={rt('model.boost', { factor: 1 + d.encourageBoost, max: 1 + MAX_ENCOURAGE_BOOST })}
        >
          {rt('model.prevent', { factor: d.preventFactor })}
        </Descriptions.Item>
        <Descriptions.Item label={rt('model.bound', { bound: d.interventionBound })}>
          {rt('model.gate')}
        </Descriptions.Item>
        <Descriptions.Item label={rt('model.diversity')}>
          {d.maxPerAuthor ? rt('model.perAuthor', { n: d.maxPerAuthor }) : rt('model.perAuthorNone')}
        </Descriptions.Item>
        <Descriptions.Item label={rt('model.fading')}>
          {d.weights.interestHalfLifeDays
            ? rt('model.interestFade', { days: d.weights.interestHalfLifeDays })
            : rt('model.interestFadeNone')}
        </Descriptions.Item>
      </Descriptions>
      <Table<TopicDefinition>
        size="small"
        rowKey="tag"
        pagination={false}
        dataSource={d.topics}
        columns={[
          { title: rt('model.col.tag'), dataIndex: 'tag', width: 120 },
          {
            title: rt('model.col.kind'),
            key: 'kind',
            width: 140,
            render: (_: unknown, t) =>
              t.encourage ? (
                <Tag color="green">{rt('model.encourage')}</Tag>
              ) : (
                <Tag>{rt('model.neutral')}</Tag>
              ),
          },
          { title: rt('model.col.terms'), key: 'terms', render: (_: unknown, t) => t.terms.join('、') },
        ]}
      />
    </Space>
  )
}

function Model() {
  const rt = useRT()
  const lang = useLang()
  const can = useCan()
  const models = useModels()
  const [publishing, setPublishing] = useState(false)
  const current = models.data?.[0]
  if (models.isError) return <ErrorAlert error={models.error} onRetry={() => models.refetch()} />
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        loading={models.isPending}
        data-testid="model-current"
        title={
          current
            ? current.version === 0
              ? rt('model.builtIn')
              : rt('model.version', { version: current.version })
            : null
        }
        extra={
          can('recommendation.manage') ? (
            <Button type="primary" onClick={() => setPublishing(true)} data-testid="model-publish">
              {rt('model.publish')}
            </Button>
          ) : null
        }
      >
        {current ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            {current.publishedAt ? (
              <Typography.Text type="secondary">
                {rt('model.publishedBy', {
                  name: current.publishedByName ?? '',
                  at: formatTime(current.publishedAt, lang) ?? '',
                })}
              </Typography.Text>
            ) : null}
            <ModelSummary model={current} rt={rt} />
          </Space>
        ) : null}
      </Card>
      {models.data && models.data.length > 1 ? (
        <Card title={rt('model.history')} size="small">
          <Table<ModelView>
            size="small"
            rowKey="version"
            pagination={false}
            dataSource={models.data.slice(1)}
            columns={[
              {
                title: '#',
                key: 'v',
                width: 80,
                render: (_: unknown, m) => (m.version === 0 ? rt('model.builtIn') : m.version),
              },
              { title: rt('model.note'), dataIndex: 'note' },
              {
                title: rt('console.col.by'),
                key: 'by',
                render: (_: unknown, m) =>
                  m.publishedAt ? `${m.publishedByName} · ${formatTime(m.publishedAt, lang)}` : '—',
              },
            ]}
          />
        </Card>
      ) : null}
      {current ? (
        <PublishModelDrawer open={publishing} onClose={() => setPublishing(false)} base={current} />
      ) : null}
    </Space>
  )
}

interface PublishForm {
  note: string
  candidateHours: number
  candidateLimit: number
  freshness: number
  freshnessHalfLifeHours: number
  engagement: number
  personal: number
  encourageBoost: number
  preventFactor: number
  interventionBound: number
  maxPerAuthor: number | null
  interestHalfLifeDays: number | null
  topics: string
}

export function topicsToText(topics: TopicDefinition[]): string {
  return topics.map((t) => `${t.tag} | ${t.encourage ? '鼓励' : '一般'} | ${t.terms.join('、')}`).join('\n')
}

/** Reads the topic lines back; the line numbers of malformed ones. */
export function textToTopics(text: string): { topics: TopicDefinition[]; bad: number[] } {
  const topics: TopicDefinition[] = []
  const bad: number[] = []
  text.split('\n').forEach((line, i) => {
    if (!line.trim()) return
    const parts = line.split('|').map((p) => p.trim())
    const terms = (parts[2] ?? '')
      .split(/[、,，]/)
      .map((w) => w.trim())
      .filter(Boolean)
    if (parts.length !== 3 || !parts[0] || !['鼓励', '一般'].includes(parts[1] ?? '') || terms.length === 0) {
      bad.push(i + 1)
      return
    }
    topics.push({ tag: parts[0], encourage: parts[1] === '鼓励', terms })
  })
  return { topics, bad }
}

function PublishModelDrawer({
  open,
  onClose,
  base,
}: {
  open: boolean
  onClose: () => void
  base: ModelView
}) {
  const rt = useRT()
  const lang: Lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<PublishForm>()
  const publish = usePublishModel()
  const d = base.document
  const submit = (v: PublishForm) => {
    const { topics, bad } = textToTopics(v.topics)
    if (bad.length > 0) {
      form.setFields([{ name: 'topics', errors: bad.map((line) => rt('model.topicsBad', { line })) }])
      return
    }
    // the notes of topics kept under the same tag stay as they were
    const notes = new Map(d.topics.map((t) => [t.tag, t]))
    const document: ModelDocument = {
      candidateHours: v.candidateHours,
      candidateLimit: v.candidateLimit,
      weights: {
        freshness: v.freshness,
        freshnessHalfLifeHours: v.freshnessHalfLifeHours,
        engagement: v.engagement,
        personal: v.personal,
        // empty: interests do not fade
        ...(v.interestHalfLifeDays ? { interestHalfLifeDays: v.interestHalfLifeDays } : {}),
      },
      encourageBoost: v.encourageBoost,
      preventFactor: v.preventFactor,
      interventionBound: v.interventionBound,
      maxPerAuthor: v.maxPerAuthor ?? 0,
      creditGate: true,
      topics: topics.map((t) => {
        const old = notes.get(t.tag)
        return {
          ...t,
          ...(old?.noteZh ? { noteZh: old.noteZh } : {}),
          ...(old?.noteEn ? { noteEn: old.noteEn } : {}),
        }
      }),
    }
    publish.mutate(
      { document, note: v.note },
      {
        onSuccess: (m) => {
          void message.success(rt('model.published', { version: m.version }))
          onClose()
        },
        onError: (e) => {
          if (!showFieldErrors(form, e, lang, [])) void message.error(e.message)
        },
      },
    )
  }
  const num = (
    name: keyof PublishForm,
    label: string,
    min: number,
    max: number,
    step = 0.1,
    required = true,
  ) => (
    <Form.Item name={name} label={label} rules={[{ required }]}>
      <InputNumber min={min} max={max} step={step} data-testid={`model-${name}`} />
    </Form.Item>
  )
  return (
    <Drawer open={open} onClose={onClose} title={rt('model.publishTitle')} size="large" destroyOnHidden>
      <Form<PublishForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        data-testid="model-form"
        initialValues={{
          note: '',
          candidateHours: d.candidateHours,
          candidateLimit: d.candidateLimit,
          ...d.weights,
          encourageBoost: d.encourageBoost,
          preventFactor: d.preventFactor,
          interventionBound: d.interventionBound,
          maxPerAuthor: d.maxPerAuthor ?? 0,
          interestHalfLifeDays: d.weights.interestHalfLifeDays ?? null,
          topics: topicsToText(d.topics),
        }}
      >
        <Form.Item name="note" label={rt('model.note')} rules={[{ required: true }]}>
          <Input maxLength={500} data-testid="model-note" />
        </Form.Item>
        <Space wrap size={16}>
          {num('candidateHours', rt('field.candidateHours'), 1, 720, 1)}
          {num('candidateLimit', rt('field.candidateLimit'), 10, 5000, 10)}
          {num('freshness', rt('field.freshness'), 0, 10)}
          {num('freshnessHalfLifeHours', rt('field.freshnessHalfLifeHours'), 0.5, 720, 1)}
          {num('engagement', rt('field.engagement'), 0, 10)}
          {num('personal', rt('field.personal'), 0, 10)}
          {num(
            'encourageBoost',
            rt('field.encourageBoost', { max: MAX_ENCOURAGE_BOOST }),
            0,
            MAX_ENCOURAGE_BOOST,
          )}
          {num('preventFactor', rt('field.preventFactor'), 0, 1)}
          {num(
            'interventionBound',
            rt('field.interventionBound', { max: MAX_INTERVENTION_BOUND }),
            1,
            MAX_INTERVENTION_BOUND,
            0.5,
          )}
          {num('maxPerAuthor', rt('field.maxPerAuthor'), 0, MAX_PER_AUTHOR, 1)}
          {num('interestHalfLifeDays', rt('field.interestHalfLifeDays'), 1, 365, 1, false)}
        </Space>
        <Form.Item name="topics" label={rt('model.topicsText')} rules={[{ required: true }]}>
          <Input.TextArea rows={10} data-testid="model-topics" style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={publish.isPending} data-testid="model-submit">
          {rt('model.publish')}
        </Button>
      </Form>
    </Drawer>
  )
}

/** The interventions a platform reported in an inspection (A14, A19), read-only. */
export function InterventionsTable({ items }: { items: InterventionView[] }) {
  const rt = useRT()
  const lang = useLang()
  return (
    <Table<InterventionView>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={items}
      locale={{ emptyText: <Empty description={rt('console.empty')} /> }}
      columns={[
        {
          title: rt('console.col.target'),
          key: 'target',
          render: (_: unknown, iv) => `${rt(`target.${iv.targetKind}`)} ${iv.target}`,
        },
        {
          title: rt('console.col.action'),
          key: 'action',
          render: (_: unknown, iv) => `${rt(`action.${iv.action}`)}${iv.factor ? ` ×${iv.factor}` : ''}`,
        },
        { title: rt('console.col.reason'), dataIndex: 'reason' },
        { title: rt('console.col.by'), dataIndex: 'createdByName' },
        {
          title: rt('console.col.expires'),
          key: 'exp',
          render: (_: unknown, iv) => formatTime(iv.expiresAt, lang),
        },
        {
          title: rt('console.col.state'),
          key: 'state',
          render: (_: unknown, iv) => rt(`console.${stateOf(iv)}`),
        },
      ]}
    />
  )
}
