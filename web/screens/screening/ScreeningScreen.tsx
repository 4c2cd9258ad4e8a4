// Screening rules (A12.1) and patrol: the rule set versions with the one in force, publishing a new version from a
// line-per-term editor (a publication starts a patrol of recent items), the bank of known false claims (A16), and
// the patrols with their progress, polled while one runs.
import {
  Alert,
  Button,
  Card,
  Drawer,
  Form,
  Input,
  InputNumber,
  Progress,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import type { FalseClaim, PatrolRun, RuleSetView } from '../../api/types.ts'
import { type MessageKey, pick, useLang, useT } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import {
  lexiconToText,
  textToLexicon,
  useAddClaim,
  useClaims,
  usePatrols,
  usePublishRuleSet,
  useRuleSets,
  useStartPatrol,
} from './screeningApi.ts'

export default function ScreeningScreen() {
  const t = useT()
  const sets = useRuleSets()
  const current = sets.data?.items.find((s) => s.version === sets.data?.current)
  return (
    <Card title={t('screening.title')}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('screening.intro')}
        </Typography.Paragraph>
        {sets.data ? (
          <Alert
            type={current ? 'info' : 'warning'}
            showIcon
            data-testid="screening-current"
            title={
              current
                ? t('screening.current', {
                    v: current.version,
                    terms: current.terms,
                    claims: sets.data.claims,
                  })
                : t('screening.none')
            }
          />
        ) : null}
        <Tabs
          items={[
            { key: 'rule-sets', label: t('screening.tab.ruleSets'), children: <RuleSetsTab /> },
            { key: 'patrols', label: t('screening.tab.patrols'), children: <PatrolsTab /> },
            { key: 'claims', label: t('screening.tab.claims'), children: <ClaimsTab /> },
          ]}
        />
      </Space>
    </Card>
  )
}

function RuleSetsTab() {
  const t = useT()
  const lang = useLang()
  const can = useCan()
  const sets = useRuleSets()
  const [open, setOpen] = useState(false)
  const [published, setPublished] = useState<number | null>(null)
  const columns: TableColumnsType<RuleSetView> = [
    {
      title: t('screening.version'),
      dataIndex: 'version',
      key: 'version',
      render: (v: number) => (
        <Space size={4}>
          <span>{v}</span>
          {v === sets.data?.current ? <Tag color="green">✓</Tag> : null}
        </Space>
      ),
    },
    { title: t('screening.label'), dataIndex: 'label', key: 'label' },
    { title: t('screening.terms'), dataIndex: 'terms', key: 'terms' },
    { title: t('screening.note'), dataIndex: 'note', key: 'note' },
    {
      title: t('screening.publishedAt'),
      dataIndex: 'publishedAt',
      key: 'at',
      render: (at: string) => formatTime(at, lang),
    },
  ]
  const current = sets.data?.items.find((s) => s.version === sets.data?.current)
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {published !== null ? (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setPublished(null)}
          data-testid="screening-published"
          title={t('screening.published', { v: published })}
        />
      ) : null}
      {can('screening.manage') ? (
        <Button type="primary" onClick={() => setOpen(true)} data-testid="screening-publish">
          {t('screening.publish')}
        </Button>
      ) : null}
      {sets.isError ? <ErrorAlert error={sets.error} onRetry={() => sets.refetch()} /> : null}
      <Table<RuleSetView>
        rowKey="version"
        size="middle"
        loading={sets.isPending}
        dataSource={sets.data?.items ?? []}
        columns={columns}
        pagination={{ pageSize: 10 }}
        expandable={{
          expandedRowRender: (s) => (
            <Space size={[4, 4]} wrap>
              {s.lexicon.map((e) => (
                <Tag
                  key={e.term}
                  color={e.category === 'prohibit' ? 'red' : e.category === 'prevent' ? 'orange' : 'green'}
                >
                  {e.term} · {t(`screening.category.${e.category}` as MessageKey)} · {e.severity}
                </Tag>
              ))}
            </Space>
          ),
        }}
      />
      <PublishDrawer
        open={open}
        onClose={() => setOpen(false)}
        current={current ?? null}
        onPublished={(v) => {
          setOpen(false)
          setPublished(v)
        }}
      />
    </Space>
  )
}

function PublishDrawer({
  open,
  onClose,
  current,
  onPublished,
}: {
  open: boolean
  onClose: () => void
  current: RuleSetView | null
  onPublished: (version: number) => void
}) {
  const t = useT()
  const lang = useLang()
  const publish = usePublishRuleSet()
  const [form] = Form.useForm<{ label: string; note: string; lexicon: string }>()
  const [problems, setProblems] = useState<{ line: number; zh: string; en: string }[]>([])
  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={720}
      title={t('screening.publishTitle')}
      destroyOnHidden
      data-testid="screening-drawer"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          label: current ? `${current.label}（修订）` : '',
          note: '',
          lexicon: current ? lexiconToText(current.lexicon) : '',
        }}
        onFinish={(v) => {
          const parsed = textToLexicon(v.lexicon, current?.lexicon ?? [])
          setProblems(parsed.problems)
          if (parsed.problems.length > 0) return
          publish.mutate(
            { label: v.label.trim(), note: v.note.trim(), lexicon: parsed.lexicon },
            { onSuccess: (r) => onPublished(r.version) },
          )
        }}
      >
        <Form.Item name="label" label={t('screening.label')} rules={[{ required: true, max: 100 }]}>
          <Input data-testid="screening-label" />
        </Form.Item>
        <Form.Item name="note" label={t('screening.note')} rules={[{ required: true, max: 500 }]}>
          <Input data-testid="screening-note" />
        </Form.Item>
        <Form.Item name="lexicon" label={t('screening.lexicon')} extra={t('screening.lexiconHelp')}>
          <Input.TextArea rows={16} style={{ fontFamily: 'monospace' }} data-testid="screening-lexicon" />
        </Form.Item>
        {problems.length > 0 ? (
          <Alert
            type="error"
            showIcon
            data-testid="screening-problems"
            title={problems
              .slice(0, 10)
              .map((p) => t('screening.lineError', { line: p.line, problem: pick(lang, p.zh, p.en) }))
              .join('；')}
          />
        ) : null}
        {publish.error ? <ErrorAlert error={publish.error} /> : null}
        <Button
          type="primary"
          htmlType="submit"
          loading={publish.isPending}
          style={{ marginTop: 12 }}
          data-testid="screening-submit"
        >
          {t('screening.publish')}
        </Button>
      </Form>
    </Drawer>
  )
}

function PatrolsTab() {
  const t = useT()
  const lang = useLang()
  const can = useCan()
  const patrols = usePatrols()
  const start = useStartPatrol()
  const [days, setDays] = useState(30)
  const columns: TableColumnsType<PatrolRun> = [
    {
      title: t('patrol.runs.progress'),
      key: 'progress',
      width: 220,
      render: (_: unknown, p) => (
        <Progress
          percent={Math.floor(p.progress * 100)}
          size="small"
          status={p.status === 'running' ? 'active' : p.status === 'done' ? 'success' : 'normal'}
          data-testid={`patrol-progress-${p.id}`}
          data-status={p.status}
        />
      ),
    },
    {
      title: t('screening.version'),
      dataIndex: 'ruleVersion',
      key: 'ruleVersion',
    },
    {
      title: t('patrol.runs.window'),
      key: 'window',
      render: (_: unknown, p) =>
        `${t('patrol.runs.windowDays', { days: p.windowDays })} · ${p.scanned}/${p.total}`,
    },
    {
      title: t('patrol.runs.hits'),
      dataIndex: 'hits',
      key: 'hits',
      render: (h: number, p) => (
        <Tag color={h > 0 ? 'red' : 'default'} data-testid={`patrol-hits-${p.id}`}>
          {h}
        </Tag>
      ),
    },
    {
      title: t('common.status'),
      key: 'status',
      render: (_: unknown, p) =>
        `${t(`patrol.runs.status.${p.status}` as MessageKey)} · ${t(`patrol.runs.trigger.${p.trigger}` as MessageKey)}`,
    },
    {
      title: t('patrol.runs.startedAt'),
      dataIndex: 'startedAt',
      key: 'startedAt',
      render: (at: string, p) => `${formatTime(at, lang)} · ${p.startedBy}`,
    },
  ]
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {can('screening.manage') ? (
        <Space>
          <InputNumber min={1} max={365} value={days} onChange={(v) => setDays(v ?? 30)} />
          <Button onClick={() => start.mutate(days)} loading={start.isPending} data-testid="patrol-start">
            {t('patrol.runs.start', { days })}
          </Button>
        </Space>
      ) : null}
      {start.error ? <ErrorAlert error={start.error} /> : null}
      {patrols.isError ? <ErrorAlert error={patrols.error} onRetry={() => patrols.refetch()} /> : null}
      <Table<PatrolRun>
        data-testid="patrol-runs"
        rowKey="id"
        size="middle"
        loading={patrols.isPending}
        dataSource={patrols.data ?? []}
        columns={columns}
        pagination={false}
        locale={{ emptyText: t('patrol.runs.empty') }}
      />
    </Space>
  )
}

function ClaimsTab() {
  const t = useT()
  const lang = useLang()
  const can = useCan()
  const claims = useClaims()
  const add = useAddClaim()
  const [form] = Form.useForm<{ text: string; source: string }>()
  const columns: TableColumnsType<FalseClaim> = [
    { title: t('screening.claims.text'), dataIndex: 'text', key: 'text' },
    { title: t('screening.claims.source'), dataIndex: 'source', key: 'source' },
    {
      title: t('screening.claims.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (at: string) => formatTime(at, lang),
    },
  ]
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {can('screening.manage') ? (
        <Form
          form={form}
          layout="inline"
          onFinish={(v) =>
            add.mutate(
              { text: v.text.trim(), source: v.source.trim() },
              { onSuccess: () => form.resetFields() },
            )
          }
        >
          <Form.Item name="text" rules={[{ required: true, max: 2000 }]} style={{ width: 420 }}>
            <Input placeholder={t('screening.claims.text')} data-testid="claim-text" />
          </Form.Item>
          <Form.Item name="source" rules={[{ required: true, max: 300 }]} style={{ width: 240 }}>
            <Input placeholder={t('screening.claims.source')} data-testid="claim-source" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending} data-testid="claim-add">
            {t('screening.claims.add')}
          </Button>
        </Form>
      ) : null}
      {add.isSuccess ? <Alert type="success" showIcon title={t('screening.claims.added')} /> : null}
      {add.error ? <ErrorAlert error={add.error} /> : null}
      {claims.isError ? <ErrorAlert error={claims.error} onRetry={() => claims.refetch()} /> : null}
      <Table<FalseClaim>
        rowKey="id"
        size="middle"
        loading={claims.isPending}
        dataSource={claims.data ?? []}
        columns={columns}
        pagination={{ pageSize: 10 }}
      />
    </Space>
  )
}
