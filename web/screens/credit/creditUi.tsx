// Pieces of account credit (A13.3) that the staff console and the public portal both show: a tier as a tag, what a
// tier allows, the table of every tier, and the history of changes with their reasons and policy versions.
import { CheckCircleOutlined, CloseCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons'
import { Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import type { Capabilities, ContentKind, CreditEventView, CreditTier } from '../../api/types.ts'
import { type MessageKey, messages, pick, type Translate, useLang, useT } from '../../app/i18n.ts'
import { formatInstant } from '../../app/ui.tsx'

const PALETTE = ['green', 'cyan', 'blue', 'gold', 'orange', 'volcano', 'red'] as const

/** Highest tier green, lowest red, the rest spread between. */
export function tierColour(tiers: readonly CreditTier[], key: string): string {
  const i = tiers.findIndex((t) => t.key === key)
  if (i < 0) return 'default'
  const at = tiers.length > 1 ? Math.round((i * (PALETTE.length - 1)) / (tiers.length - 1)) : 0
  return PALETTE[at] ?? 'default'
}

export function TierTag({
  tier,
  tiers,
  testId,
}: {
  tier: CreditTier | undefined
  tiers: readonly CreditTier[]
  testId?: string
}) {
  const lang = useLang()
  if (!tier) return null
  return (
    <Tag
      color={tierColour(tiers, tier.key)}
      data-testid={testId}
      data-tier={tier.key}
      style={{ marginInlineEnd: 0 }}
    >
      {pick(lang, tier.zh, tier.en)}
    </Tag>
  )
}

/** A change of score with its sign: +10, −15, 0. */
export function signed(delta: number): string {
  return delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : '0'
}

/** A change of score: +10 in green, −15 in red. */
export function DeltaText({ delta, testId }: { delta: number; testId?: string }) {
  const text = signed(delta)
  return (
    <Typography.Text
      strong
      type={delta > 0 ? 'success' : delta < 0 ? 'danger' : 'secondary'}
      data-testid={testId}
      data-delta={delta}
    >
      {text}
    </Typography.Text>
  )
}

/** The name of an event kind; a kind this console does not know shows as the server wrote it. */
export function eventKindLabel(kind: string, t: Translate): string {
  const key = `credit.kind.${kind}`
  return key in messages.zh ? t(key as MessageKey) : kind
}

export function policyVersionLabel(version: number, t: Translate): string {
  return version === 0 ? t('credit.policyDefault') : t('credit.policyVersion', { v: version })
}

export const CONTENT_KINDS: readonly ContentKind[] = ['post', 'comment', 'reply', 'danmaku']

function Allowed({ ok, warn, children }: { ok: boolean; warn?: boolean; children: ReactNode }) {
  const icon = ok ? (
    <CheckCircleOutlined style={{ color: '#389e0d' }} />
  ) : warn ? (
    <ExclamationCircleOutlined style={{ color: '#d48806' }} />
  ) : (
    <CloseCircleOutlined style={{ color: '#cf1322' }} />
  )
  return (
    <Space size={6}>
      {icon}
      <span>{children}</span>
    </Space>
  )
}

/** What a tier allows, one line each: publishing, pre-review, recommendation, messaging, daily limits. */
export function CapabilitiesView({
  capabilities: c,
  testId,
}: {
  capabilities: Capabilities
  testId?: string
}) {
  const t = useT()
  return (
    <Space orientation="vertical" size={4} data-testid={testId}>
      <Allowed ok={c.publishing}>
        {t(c.publishing ? 'credit.cap.publishing' : 'credit.cap.noPublishing')}
      </Allowed>
      <Allowed ok={!c.preReview} warn>
        {t(c.preReview ? 'credit.cap.preReview' : 'credit.cap.noPreReview')}
      </Allowed>
      <Allowed ok={c.recommend} warn>
        {t(c.recommend ? 'credit.cap.recommend' : 'credit.cap.noRecommend')}
      </Allowed>
      <Allowed ok={c.messaging}>{t(c.messaging ? 'credit.cap.messaging' : 'credit.cap.noMessaging')}</Allowed>
      <span>
        {t('credit.cap.dailyLimits')}: <Limits limits={c.dailyLimits} />
      </span>
    </Space>
  )
}

function Limits({ limits }: { limits: Capabilities['dailyLimits'] }) {
  const t = useT()
  return <span>{CONTENT_KINDS.map((k) => `${t(`credit.limit.${k}`)} ${limits[k]}`).join(' · ')}</span>
}

function YesNo({ value, good }: { value: boolean; good: boolean }) {
  const t = useT()
  return <Tag color={value === good ? 'success' : 'error'}>{t(value ? 'common.yes' : 'common.no')}</Tag>
}

/** Every tier of a policy, highest first, with its score range and what it allows; the current one marked. */
export function TiersTable({
  tiers,
  max,
  current,
  testId,
}: {
  tiers: readonly CreditTier[]
  /** The policy's highest score, for the top tier's range; unknown when only the tiers are at hand. */
  max?: number
  current?: string
  testId?: string
}) {
  const t = useT()
  const lang = useLang()
  const upper = (i: number) => {
    const above = tiers[i - 1]
    return above ? String(above.min - 1) : max !== undefined ? String(max) : ''
  }
  const columns: TableColumnsType<CreditTier> = [
    {
      title: t('credit.tiers.tier'),
      key: 'tier',
      render: (_, tier) => (
        <Space size={4} wrap>
          <TierTag tier={tier} tiers={tiers} />
          {tier.key === current ? <Tag color="processing">{t('credit.tiers.current')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('credit.tiers.range'),
      key: 'range',
      render: (_, tier, i) => (
        <span style={{ whiteSpace: 'nowrap' }}>
          {upper(i) === '' ? `≥ ${tier.min}` : `${tier.min}–${upper(i)}`}
        </span>
      ),
    },
    {
      title: t('credit.tiers.description'),
      key: 'description',
      render: (_, tier) => pick(lang, tier.descriptionZh, tier.descriptionEn),
    },
    {
      title: t('credit.tiers.publishing'),
      key: 'publishing',
      render: (_, tier) => <YesNo value={tier.capabilities.publishing} good />,
    },
    {
      title: t('credit.tiers.preReview'),
      key: 'preReview',
      render: (_, tier) => <YesNo value={tier.capabilities.preReview} good={false} />,
    },
    {
      title: t('credit.tiers.recommend'),
      key: 'recommend',
      render: (_, tier) => <YesNo value={tier.capabilities.recommend} good />,
    },
    {
      title: t('credit.tiers.messaging'),
      key: 'messaging',
      render: (_, tier) => <YesNo value={tier.capabilities.messaging} good />,
    },
    {
      title: t('credit.tiers.limits'),
      key: 'limits',
      render: (_, tier) => <Limits limits={tier.capabilities.dailyLimits} />,
    },
  ]
  return (
    <div data-testid={testId}>
      <Table<CreditTier>
        rowKey="key"
        size="small"
        columns={columns}
        dataSource={[...tiers]}
        pagination={false}
        scroll={{ x: 'max-content' }}
        rowClassName={(tier) => (tier.key === current ? 'ql-row-current' : '')}
      />
    </div>
  )
}

/** The deductions in a history that an upheld appeal has already given back. */
export function restoredIds(history: readonly CreditEventView[]): Set<string> {
  return new Set(history.flatMap((e) => (e.restoresEventId ? [e.restoresEventId] : [])))
}

/** The changes of an account's credit, newest first; `actions` adds a column (the staff's restore button). */
export function HistoryTable({
  history,
  actions,
  testId,
}: {
  history: readonly CreditEventView[]
  actions?: (event: CreditEventView, restored: boolean) => ReactNode
  testId?: string
}) {
  const t = useT()
  const lang = useLang()
  const restored = restoredIds(history)
  const columns: TableColumnsType<CreditEventView> = [
    {
      title: t('credit.col.time'),
      dataIndex: 'createdAt',
      key: 'time',
      width: 120,
      render: (at: string) => formatInstant(at, lang),
    },
    {
      title: t('credit.col.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (kind: string, e) => (
        <Space size={4} wrap>
          <Tag data-testid={`credit-kind-${e.id}`} data-kind={kind} style={{ marginInlineEnd: 0 }}>
            {eventKindLabel(kind, t)}
          </Tag>
          {restored.has(e.id) ? <Tag color="success">{t('credit.restored')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('credit.col.delta'),
      dataIndex: 'delta',
      key: 'delta',
      align: 'right',
      render: (delta: number, e) => <DeltaText delta={delta} testId={`credit-delta-${e.id}`} />,
    },
    {
      title: t('credit.col.scoreAfter'),
      dataIndex: 'scoreAfter',
      key: 'scoreAfter',
      align: 'right',
    },
    {
      title: t('credit.col.reason'),
      dataIndex: 'reason',
      key: 'reason',
      render: (reason: string, e) => (
        <Space orientation="vertical" size={0}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{reason}</span>
          {/* An account's own events name the account as their subject; only other subjects say anything. */}
          {e.subject && e.subject.type !== 'user' ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('credit.col.subject')}: <code>{`${e.subject.type}/${e.subject.id}`}</code>
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('credit.col.policyVersion'),
      dataIndex: 'policyVersion',
      key: 'policyVersion',
      render: (v: number) => <span style={{ whiteSpace: 'nowrap' }}>{policyVersionLabel(v, t)}</span>,
    },
  ]
  if (actions) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_, e) => actions(e, restored.has(e.id)),
    })
  }
  return (
    <div data-testid={testId}>
      <Table<CreditEventView>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={[...history]}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('credit.history.empty') }}
      />
    </div>
  )
}
