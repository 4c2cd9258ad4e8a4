// The node's ledger: its latest signed checkpoint and how far sequencing lags, the entries (filtered, paged by
// index), and for each entry a check in the browser that it is in the log the node signed (VerifyDrawer).
import {
  LeftOutlined,
  ReloadOutlined,
  RightOutlined,
  SafetyCertificateOutlined,
  SearchOutlined,
  VerticalAlignTopOutlined,
} from '@ant-design/icons'
import {
  Alert,
  Button,
  Card,
  Collapse,
  Descriptions,
  Form,
  Input,
  Segmented,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd'
import { useMemo, useState } from 'react'
import type { LedgerEntry, LedgerStatus } from '../../api/types.ts'
import { type Translate, useLang, useT } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert } from '../../app/ui.tsx'
import {
  ARTICLES,
  type Cursor,
  type EntryFilters,
  firstCursor,
  type Order,
  PAGE_SIZE,
  useLedgerEntries,
  useLedgerStatus,
} from './ledgerApi.ts'
import { formatInstant, SignButton, shortHash } from './ledgerUi.tsx'
import { VerifyDrawer } from './VerifyDrawer.tsx'

function formatAge(ms: number, t: Translate): string {
  if (ms < 120_000) {
    const s = ms / 1000
    return t('ledger.age.seconds', { n: s < 10 ? s.toFixed(1) : Math.round(s) })
  }
  return t('ledger.age.minutes', { n: Math.round(ms / 60_000) })
}

/** The gap is normal below a few seconds, or two sequencing intervals when those are longer. */
function gapLimitMs(status: LedgerStatus): number {
  return Math.max(5000, 2 * status.sequenceIntervalMs)
}

export default function LedgerScreen() {
  const t = useT()
  const [order, setOrder] = useState<Order>('desc')
  const [filters, setFilters] = useState<EntryFilters>({})
  const [cursor, setCursor] = useState<Cursor>(firstCursor('desc'))
  const [verifying, setVerifying] = useState<{ entry: LedgerEntry; attempt: number } | null>(null)

  const entries = useLedgerEntries({ filters, cursor })
  const rows = useMemo(
    () =>
      [...(entries.data?.items ?? [])].sort((a, b) =>
        order === 'desc' ? b.index - a.index : a.index - b.index,
      ),
    [entries.data, order],
  )

  const changeOrder = (next: Order) => {
    setOrder(next)
    setCursor(firstCursor(next))
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <CheckpointCard />
      <Card title={t('ledger.title')}>
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('ledger.intro')} />
          <FilterBar
            order={order}
            onOrder={changeOrder}
            onSearch={(f) => {
              setFilters(f)
              setCursor(firstCursor(order))
            }}
          />
          {entries.isError ? <ErrorAlert error={entries.error} onRetry={() => entries.refetch()} /> : null}
          <div data-testid="ledger-table">
            <EntriesTable
              rows={rows}
              loading={entries.isFetching}
              onVerify={(entry) => setVerifying((v) => ({ entry, attempt: (v?.attempt ?? 0) + 1 }))}
            />
          </div>
          <Pager
            order={order}
            cursor={cursor}
            rows={rows}
            size={entries.data?.size ?? null}
            busy={entries.isFetching}
            onCursor={setCursor}
          />
        </Space>
      </Card>
      {verifying ? (
        <VerifyDrawer
          key={`${verifying.entry.index}-${verifying.attempt}`}
          entry={verifying.entry}
          attempt={verifying.attempt}
          onAgain={() => setVerifying((v) => (v ? { ...v, attempt: v.attempt + 1 } : v))}
          onClose={() => setVerifying(null)}
        />
      ) : null}
    </Space>
  )
}

function CheckpointCard() {
  const t = useT()
  const lang = useLang()
  const can = useCan()
  const status = useLedgerStatus()
  const s = status.data
  const cp = s?.checkpoint ?? null

  const gap = (() => {
    if (!s) return null
    if (s.pending === 0 || s.oldestPendingAgeMs === null) {
      return (
        <Tag color="success" data-testid="ledger-gap" data-state="ok">
          {t('ledger.gapNone')}
        </Tag>
      )
    }
    const age = formatAge(s.oldestPendingAgeMs, t)
    return s.oldestPendingAgeMs < gapLimitMs(s) ? (
      <Tag color="success" data-testid="ledger-gap" data-state="ok">
        {t('ledger.gapOk', { age })}
      </Tag>
    ) : (
      <Tag color="warning" data-testid="ledger-gap" data-state="warn">
        {t('ledger.gapWarn', { age, interval: formatAge(s.sequenceIntervalMs, t) })}
      </Tag>
    )
  })()

  return (
    <Card
      title={t('ledger.checkpoint')}
      loading={status.isPending}
      data-testid="ledger-checkpoint"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => status.refetch()} loading={status.isRefetching}>
            {t('ledger.refresh')}
          </Button>
          {can('ledger.checkpoint') ? <SignButton testId="ledger-sign" /> : null}
        </Space>
      }
    >
      {status.isError ? <ErrorAlert error={status.error} onRetry={() => status.refetch()} /> : null}
      {s ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2, xl: 3 }}
            items={[
              {
                key: 'size',
                label: t('ledger.checkpointSize'),
                children: cp ? (
                  <Typography.Text strong data-testid="ledger-checkpoint-size">
                    {cp.size}
                  </Typography.Text>
                ) : (
                  <Typography.Text type="secondary" data-testid="ledger-checkpoint-size">
                    {t('ledger.noCheckpoint')}
                  </Typography.Text>
                ),
              },
              {
                key: 'root',
                label: t('ledger.checkpointRoot'),
                children: cp ? (
                  <Typography.Text
                    code
                    copyable={{ text: cp.root }}
                    title={cp.root}
                    data-testid="ledger-root"
                  >
                    {shortHash(cp.root)}
                  </Typography.Text>
                ) : (
                  t('common.none')
                ),
              },
              {
                key: 'time',
                label: t('ledger.checkpointTime'),
                children: cp ? formatInstant(cp.timestamp, lang) : t('common.none'),
              },
              {
                key: 'origin',
                label: t('ledger.origin'),
                children: (
                  <Typography.Text code>
                    {cp ? cp.origin : t('common.none')} / {s.keyName}
                  </Typography.Text>
                ),
              },
              {
                key: 'key',
                label: t('ledger.publicKey'),
                children: (
                  <Typography.Text code copyable={{ text: s.publicKey }} title={s.publicKey}>
                    {shortHash(s.publicKey)}
                  </Typography.Text>
                ),
              },
              {
                key: 'logSize',
                label: t('ledger.logSize'),
                children: (
                  <Space size={8} wrap>
                    <Typography.Text strong data-testid="ledger-size">
                      {s.size}
                    </Typography.Text>
                    {cp && s.size > cp.size ? (
                      <Tag color="processing">{t('ledger.unsigned', { n: s.size - cp.size })}</Tag>
                    ) : null}
                  </Space>
                ),
              },
              {
                key: 'pending',
                label: t('ledger.pending'),
                children: (
                  <Space size={8} wrap>
                    <Typography.Text strong data-testid="ledger-pending">
                      {s.pending}
                    </Typography.Text>
                    {gap}
                  </Space>
                ),
              },
            ]}
          />
          {cp ? (
            <Collapse
              size="small"
              items={[
                {
                  key: 'note',
                  label: t('ledger.note'),
                  children: (
                    <pre
                      data-testid="ledger-note"
                      style={{ margin: 0, fontFamily: 'monospace', fontSize: 12 }}
                    >
                      {cp.note}
                    </pre>
                  ),
                },
              ]}
            />
          ) : null}
        </Space>
      ) : null}
    </Card>
  )
}

interface FilterForm {
  action?: string
  subjectType?: string
  subjectId?: string
  article?: string
  actorId?: string
}

function FilterBar({
  order,
  onOrder,
  onSearch,
}: {
  order: Order
  onOrder: (o: Order) => void
  onSearch: (f: EntryFilters) => void
}) {
  const t = useT()
  const [form] = Form.useForm<FilterForm>()
  const submit = (v: FilterForm) => {
    const f: EntryFilters = {}
    for (const key of ['action', 'subjectType', 'subjectId', 'article', 'actorId'] as const) {
      const value = v[key]?.trim()
      if (value) f[key] = value
    }
    onSearch(f)
  }
  return (
    <Form<FilterForm> form={form} layout="inline" onFinish={submit} style={{ rowGap: 8 }}>
      <Form.Item name="action" label={t('ledger.filter.action')}>
        <Input allowClear maxLength={100} placeholder="staff.created" data-testid="ledger-filter-action" />
      </Form.Item>
      <Form.Item name="subjectType" label={t('ledger.filter.subjectType')}>
        <Input allowClear maxLength={100} placeholder="staff" data-testid="ledger-filter-subject-type" />
      </Form.Item>
      <Form.Item name="subjectId" label={t('ledger.filter.subjectId')}>
        <Input allowClear maxLength={200} data-testid="ledger-filter-subject-id" />
      </Form.Item>
      <Form.Item name="article" label={t('ledger.filter.article')}>
        <Select
          allowClear
          showSearch
          style={{ width: 120 }}
          options={ARTICLES.map((a) => ({ value: a, label: a }))}
          data-testid="ledger-filter-article"
        />
      </Form.Item>
      <Form.Item name="actorId" label={t('ledger.filter.actor')}>
        <Input allowClear maxLength={200} data-testid="ledger-filter-actor" />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SearchOutlined />}
            data-testid="ledger-filter-submit"
          >
            {t('ledger.filter.search')}
          </Button>
          <Button
            data-testid="ledger-filter-reset"
            onClick={() => {
              form.resetFields()
              onSearch({})
            }}
          >
            {t('ledger.filter.reset')}
          </Button>
          <Segmented<Order>
            value={order}
            onChange={onOrder}
            data-testid="ledger-order"
            options={[
              { value: 'desc', label: t('ledger.order.desc') },
              { value: 'asc', label: t('ledger.order.asc') },
            ]}
          />
        </Space>
      </Form.Item>
    </Form>
  )
}

/** Public facts of an entry as `key: value`, values that are not text in JSON. */
function detailLines(details: Record<string, unknown>): [string, string][] {
  return Object.entries(details).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])
}

function EntriesTable({
  rows,
  loading,
  onVerify,
}: {
  rows: LedgerEntry[]
  loading: boolean
  onVerify: (e: LedgerEntry) => void
}) {
  const t = useT()
  const lang = useLang()
  const columns: TableColumnsType<LedgerEntry> = [
    {
      title: t('ledger.col.index'),
      dataIndex: 'index',
      key: 'index',
      width: 80,
      render: (i: number) => <Typography.Text strong>#{i}</Typography.Text>,
    },
    {
      title: t('ledger.col.time'),
      dataIndex: 'recordedAt',
      key: 'time',
      width: 180,
      render: (at: string) => <span title={at}>{formatInstant(at, lang)}</span>,
    },
    {
      title: t('ledger.col.action'),
      dataIndex: 'action',
      key: 'action',
      render: (action: string) => (
        <Tag color="blue" style={{ fontFamily: 'monospace' }}>
          {action}
        </Tag>
      ),
    },
    {
      title: t('ledger.col.subject'),
      key: 'subject',
      render: (_, e) => (
        <span>
          <Typography.Text type="secondary">{e.subject.type}</Typography.Text>{' '}
          <Typography.Text code ellipsis={{ tooltip: e.subject.id }} style={{ maxWidth: 160 }}>
            {e.subject.id}
          </Typography.Text>
        </span>
      ),
    },
    {
      title: t('ledger.col.articles'),
      dataIndex: 'articles',
      key: 'articles',
      render: (articles: string[]) => (
        <Space size={[0, 4]} wrap>
          {articles.map((a) => (
            <Tag key={a} color="purple">
              {a}
            </Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('ledger.col.actor'),
      key: 'actor',
      render: (_, e) => (
        <span title={e.actor.id}>
          {e.actor.name} <Tag style={{ marginInlineStart: 4 }}>{t(`ledger.actor.${e.actor.kind}`)}</Tag>
        </span>
      ),
    },
    {
      title: t('ledger.col.details'),
      dataIndex: 'details',
      key: 'details',
      render: (details: Record<string, unknown>) => (
        <div style={{ display: 'flex', flexDirection: 'column', maxWidth: 260 }}>
          {detailLines(details).map(([k, v]) => (
            <Typography.Text key={k} ellipsis={{ tooltip: `${k}: ${v}` }} style={{ fontSize: 12 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {k}:
              </Typography.Text>{' '}
              {v}
            </Typography.Text>
          ))}
        </div>
      ),
    },
    {
      title: t('common.actions'),
      key: 'verify',
      width: 100,
      render: (_, e) => (
        <Button
          size="small"
          icon={<SafetyCertificateOutlined />}
          onClick={() => onVerify(e)}
          data-testid={`ledger-verify-${e.index}`}
        >
          {t('ledger.verify')}
        </Button>
      ),
    },
  ]
  return (
    <Table<LedgerEntry>
      rowKey="index"
      size="small"
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={false}
      expandable={{ expandedRowRender: (e) => <EntryDetail entry={e} /> }}
    />
  )
}

function EntryDetail({ entry }: { entry: LedgerEntry }) {
  const t = useT()
  return (
    <Descriptions
      size="small"
      column={1}
      items={[
        {
          key: 'id',
          label: t('ledger.entry.id'),
          children: <Typography.Text code>{entry.id}</Typography.Text>,
        },
        {
          key: 'actor',
          label: t('ledger.col.actor'),
          children: <Typography.Text code>{JSON.stringify(entry.actor)}</Typography.Text>,
        },
        {
          key: 'ruleVersion',
          label: t('ledger.entry.ruleVersion'),
          children: entry.ruleVersion ?? t('common.none'),
        },
        {
          key: 'evidence',
          label: t('ledger.entry.evidenceDigest'),
          children: <Typography.Text code>{entry.evidenceDigest}</Typography.Text>,
        },
        {
          key: 'leafHash',
          label: t('ledger.entry.leafHash'),
          children: (
            <Typography.Text code copyable>
              {entry.leafHash}
            </Typography.Text>
          ),
        },
        {
          key: 'leafData',
          label: t('ledger.entry.leafData'),
          children: (
            <pre style={{ margin: 0, whiteSpace: 'pre-wrap', wordBreak: 'break-all', fontSize: 12 }}>
              {entry.leafData}
            </pre>
          ),
        },
      ]}
    />
  )
}

function Pager({
  order,
  cursor,
  rows,
  size,
  busy,
  onCursor,
}: {
  order: Order
  cursor: Cursor
  rows: LedgerEntry[]
  size: number | null
  busy: boolean
  onCursor: (c: Cursor) => void
}) {
  const t = useT()
  const indexes = rows.map((r) => r.index)
  const min = indexes.length ? Math.min(...indexes) : null
  const max = indexes.length ? Math.max(...indexes) : null
  const full = rows.length >= PAGE_SIZE

  // Older: the entries below this page. None when a page read downwards came back short, or it reached index 0.
  let older: Cursor | null = null
  if (min !== null) {
    if (min > 0 && !(cursor.dir === 'before' && !full)) older = { dir: 'before', at: min }
  } else if (cursor.dir === 'after' && cursor.at > 0) {
    older = { dir: 'before', at: cursor.at }
  }
  // Newer: the entries above this page. None on the newest page, or when a page read upwards came back short.
  let newer: Cursor | null = null
  if (max !== null) {
    if (!(cursor.dir === 'before' && cursor.at === undefined) && !(cursor.dir === 'after' && !full)) {
      newer = { dir: 'after', at: max + 1 }
    }
  } else if (cursor.dir === 'before' && cursor.at !== undefined) {
    newer = { dir: 'after', at: cursor.at }
  }
  const first = firstCursor(order)
  const atFirst = cursor.dir === first.dir && cursor.at === first.at

  // Buttons in reading order: what comes before this page on the left.
  const [left, right] = order === 'desc' ? [newer, older] : [older, newer]
  const [leftLabel, rightLabel] =
    order === 'desc'
      ? [t('ledger.page.newer'), t('ledger.page.older')]
      : [t('ledger.page.older'), t('ledger.page.newer')]

  return (
    <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
      <Typography.Text type="secondary" data-testid="ledger-range">
        {size === null
          ? null
          : min !== null && max !== null
            ? t('ledger.page.range', { first: min, last: max, n: rows.length, size })
            : t('ledger.page.empty', { size })}
      </Typography.Text>
      <Space>
        <Button
          icon={<VerticalAlignTopOutlined />}
          disabled={atFirst || busy}
          onClick={() => onCursor(first)}
          data-testid="ledger-first"
        >
          {t('ledger.page.first')}
        </Button>
        <Button
          icon={<LeftOutlined />}
          disabled={left === null || busy}
          onClick={() => left && onCursor(left)}
          data-testid={order === 'desc' ? 'ledger-newer' : 'ledger-older'}
        >
          {leftLabel}
        </Button>
        <Button
          disabled={right === null || busy}
          onClick={() => right && onCursor(right)}
          data-testid={order === 'desc' ? 'ledger-older' : 'ledger-newer'}
        >
          {rightLabel} <RightOutlined />
        </Button>
      </Space>
    </Space>
  )
}
