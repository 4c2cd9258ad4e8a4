// Pieces the clarifications page and its drawer share: the status and verdict tags, durations in words, what each
// platform did (compact in the list, a table in the drawer), and the step buttons with their reasons.
import { CheckCircleOutlined, ClockCircleOutlined } from '@ant-design/icons'
import {
  App,
  Button,
  Popconfirm,
  Space,
  Spin,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd'
import { useMemo } from 'react'
import type { ClarificationView, DeliveryView, Organisation } from '../../api/types.ts'
import { type MessageKey, pick, type Translate, useLang, useT } from '../../app/i18n.ts'
import { useOrganisations } from '../../app/queries.ts'
import { useCan, useMe } from '../../app/session.tsx'
import { formatInstant, shortHash } from '../../app/ui.tsx'
import { usePeers } from '../protocol/protocolApi.ts'
import { stepsFor, type Viewer } from './clarificationActions.ts'
import { useClarificationStep } from './clarificationsApi.ts'

export interface Names {
  organisations: readonly Organisation[]
  orgName: (id: string | null) => string
  platformName: (nodeId: string) => string | null
}

/** Names of organisations and platforms, as far as the person may read them. */
export function useNames(): Names {
  const can = useCan()
  const lang = useLang()
  const organisations = useOrganisations(can('organisation.read'))
  const peers = usePeers(can('protocol.read'))
  const orgs = useMemo(() => new Map((organisations.data ?? []).map((o) => [o.id, o])), [organisations.data])
  const platforms = useMemo(() => new Map((peers.data?.items ?? []).map((p) => [p.nodeId, p])), [peers.data])
  return {
    organisations: organisations.data ?? [],
    orgName: (id: string | null) => {
      if (id === null) return ''
      const o = orgs.get(id)
      return o ? pick(lang, o.nameZh, o.nameEn) : shortHash(id)
    },
    platformName: (nodeId: string) => {
      const p = platforms.get(nodeId)
      return p ? pick(lang, p.nameZh, p.nameEn) : null
    },
  }
}

export function useViewer(): Viewer {
  const me = useMe()
  const can = useCan()
  return { organisationId: me.organisation.id, staffId: me.staff.id, displayName: me.staff.displayName, can }
}

const STATUS: Record<ClarificationView['status'], { color: string; label: MessageKey }> = {
  draft: { color: 'default', label: 'clarifications.status.draft' },
  approved: { color: 'gold', label: 'clarifications.status.approved' },
  published: { color: 'green', label: 'clarifications.status.published' },
}

export function ClarificationStatusTag({
  status,
  testId,
}: {
  status: ClarificationView['status']
  testId?: string
}) {
  const t = useT()
  const s = STATUS[status]
  return (
    <Tag color={s.color} data-testid={testId} data-status={status}>
      {t(s.label)}
    </Tag>
  )
}

export const verdictKey = (v: string): MessageKey =>
  v === 'misleading' ? 'rumor.verdict.misleading' : 'rumor.verdict.false'

export function VerdictTag({ verdict }: { verdict: string }) {
  const t = useT()
  return (
    <Tag color={verdict === 'misleading' ? 'orange' : 'red'} data-verdict={verdict}>
      {t(verdictKey(verdict))}
    </Tag>
  )
}

/** `850 毫秒`, `3.2 秒`, `12 分钟`, `2 小时 5 分钟`, `3 天 4 小时`. */
export function durationText(ms: number | null, t: Translate): string | null {
  if (ms === null) return null
  const n = Math.max(0, ms)
  if (n < 1000) return t('duration.ms', { n: Math.round(n) })
  if (n < 60_000) {
    const s = n / 1000
    return t('duration.s', { n: s < 10 ? s.toFixed(1) : Math.round(s) })
  }
  const minutes = Math.floor(n / 60_000)
  if (minutes < 60) return t('duration.m', { m: minutes })
  const hours = Math.floor(minutes / 60)
  if (hours < 24) return t('duration.hm', { h: hours, m: minutes % 60 })
  return t('duration.dh', { d: Math.floor(hours / 24), h: hours % 24 })
}

/** Each platform on one line: acted (with what it stopped and how fast) or still waiting. */
export function DeliveriesSummary({ c }: { c: ClarificationView }) {
  const t = useT()
  if (c.status !== 'published') {
    return <Typography.Text type="secondary">{t('clarifications.delivery.notSent')}</Typography.Text>
  }
  return (
    <Space orientation="vertical" size={4}>
      {c.deliveries.map((d) => (
        <Space
          key={d.platformNode}
          orientation="vertical"
          size={0}
          data-testid={`delivery-${c.id}-${d.platformNode}`}
          data-acted={d.actedAt ? 'true' : 'false'}
          data-stopped={d.stopped ?? ''}
        >
          <Space size={4}>
            <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
              {d.platformNode}
            </Typography.Text>
            <DeliveryTag d={d} />
          </Space>
          {d.actedAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
              {t('clarifications.delivery.stopped', { n: d.stopped ?? 0 })}
              {d.timeToActMs !== null
                ? ` · ${t('clarifications.delivery.inTime', { d: durationText(d.timeToActMs, t) ?? '' })}`
                : ''}
            </Typography.Text>
          ) : null}
        </Space>
      ))}
    </Space>
  )
}

function DeliveryTag({ d }: { d: DeliveryView }) {
  const t = useT()
  return d.actedAt ? (
    <Tag color="success" icon={<CheckCircleOutlined />} style={{ marginInlineEnd: 0 }}>
      {t('clarifications.delivery.acted')}
    </Tag>
  ) : (
    <Tag color="processing" icon={<ClockCircleOutlined />} style={{ marginInlineEnd: 0 }}>
      {t('clarifications.delivery.waiting')}
    </Tag>
  )
}

/** Every platform the clarification went to: when sent, when it answered, what it stopped, how fast. */
export function DeliveriesTable({
  c,
  nameOf,
}: {
  c: ClarificationView
  nameOf: (nodeId: string) => string | null
}) {
  const t = useT()
  const lang = useLang()
  const columns: TableColumnsType<DeliveryView> = [
    {
      title: t('clarifications.delivery.platform'),
      dataIndex: 'platformNode',
      key: 'platform',
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
      title: t('common.status'),
      key: 'status',
      render: (_: unknown, d) => (
        <Space size={6}>
          {d.actedAt ? null : <Spin size="small" />}
          <DeliveryTag d={d} />
        </Space>
      ),
    },
    {
      title: t('clarifications.delivery.sentAt'),
      dataIndex: 'sentAt',
      key: 'sentAt',
      render: (at: string) => <span title={at}>{formatInstant(at, lang)}</span>,
    },
    {
      title: t('clarifications.delivery.actedAt'),
      dataIndex: 'actedAt',
      key: 'actedAt',
      render: (at: string | null) => (at ? <span title={at}>{formatInstant(at, lang)}</span> : '—'),
    },
    {
      title: t('clarifications.delivery.stoppedCol'),
      dataIndex: 'stopped',
      key: 'stopped',
      render: (n: number | null, d) => (
        <Typography.Text strong={n !== null && n > 0} data-testid={`delivery-stopped-${d.platformNode}`}>
          {n ?? '—'}
        </Typography.Text>
      ),
    },
    {
      title: t('clarifications.delivery.toReviewCol'),
      dataIndex: 'toReview',
      key: 'toReview',
      render: (n: number | null) => n ?? '—',
    },
    {
      title: t('clarifications.delivery.timeToAct'),
      dataIndex: 'timeToActMs',
      key: 'timeToAct',
      render: (ms: number | null) => durationText(ms, t) ?? '—',
    },
  ]
  return (
    <Table<DeliveryView>
      data-testid="clarification-deliveries"
      rowKey="platformNode"
      size="small"
      columns={columns}
      dataSource={c.deliveries}
      pagination={false}
      scroll={{ x: 'max-content' }}
      onRow={(d) =>
        ({
          'data-testid': `delivery-row-${d.platformNode}`,
          'data-acted': d.actedAt ? 'true' : 'false',
        }) as React.HTMLAttributes<HTMLElement>
      }
    />
  )
}

/**
 * The steps this person may take on this clarification, each behind a confirmation; a step blocked says why (the
 * server's code and words). A refusal from the server goes to `onRefused`, to be shown with its problem document.
 */
export function StepButtons({
  c,
  viewer,
  cosignOrgName,
  onRefused,
  size = 'small',
  explain = false,
}: {
  c: ClarificationView
  viewer: Viewer
  cosignOrgName: string
  onRefused: (error: unknown) => void
  size?: 'small' | 'middle'
  /** Say why a step is blocked beside its button too, not only on hover. */
  explain?: boolean
}) {
  const t = useT()
  const { message } = App.useApp()
  const step = useClarificationStep()
  const steps = stepsFor(c, viewer)
  if (steps.length === 0) return null
  return (
    <Space size={4} wrap>
      {steps.map(({ action, blocked }) => {
        const testId = `clarification-${action.step}-${c.id}`
        const button = (
          <Button
            size={size}
            type="primary"
            disabled={blocked !== null}
            loading={step.isPending && step.variables?.step === action.step}
            data-testid={testId}
            data-blocked={blocked?.code ?? ''}
          >
            {t(action.label)}
          </Button>
        )
        if (blocked) {
          const why = (
            <span data-testid={`${testId}-why`}>
              {t(blocked.message)} <code>{blocked.code}</code>
            </span>
          )
          return (
            <Space key={action.step} size={8} wrap>
              <Tooltip title={why}>
                {/* a disabled button gets no pointer events; the span does */}
                <span style={{ display: 'inline-block', cursor: 'not-allowed' }}>{button}</span>
              </Tooltip>
              {explain ? <Typography.Text type="secondary">{why}</Typography.Text> : null}
            </Space>
          )
        }
        return (
          <Popconfirm
            key={action.step}
            title={t(action.confirm, { org: cosignOrgName })}
            okButtonProps={{ 'data-testid': `${testId}-ok` }}
            onConfirm={() =>
              step.mutate(
                { id: c.id, step: action.step },
                {
                  onSuccess: () => {
                    onRefused(null)
                    message.success(t(action.done))
                  },
                  onError: onRefused,
                },
              )
            }
          >
            {button}
          </Popconfirm>
        )
      })}
    </Space>
  )
}
