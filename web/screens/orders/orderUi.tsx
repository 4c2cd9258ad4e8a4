// Pieces both orders pages show: the kind, what the order names (items, a claim), the deadline with the time left
// or how late, the items a platform no longer had, a node by its id and name, and the item ids an issue form reads.
import { Space, Tag, Tooltip, Typography } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import type { OrderKind, OrderTarget, PeerDirectoryEntry } from '../../api/types.ts'
import { type Lang, pick, useLang, useT } from '../../app/i18n.ts'
import { formatTime, shortHash } from '../../app/ui.tsx'
import { durationText } from '../clarifications/clarificationUi.tsx'
import { usePeerDirectory } from '../protocol/protocolApi.ts'

const EXCERPT = 36

export const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text)

/** The time now, again every `everyMs`, so a deadline's time left moves while the page is open. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs)
    return () => clearInterval(timer)
  }, [everyMs])
  return now
}

/** `11/30 06:51` (`30/11, 06:51`): a time of this year's work, short enough for a table cell; whole on hover. */
export function compactTime(iso: string, lang: Lang): string {
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(d)
}

/** Nodes by name, from the peer directory every staff member may read. */
export function usePeerNames(): {
  nameOf: (nodeId: string) => string | null
  platforms: readonly PeerDirectoryEntry[]
  regulators: readonly PeerDirectoryEntry[]
  known: boolean
  loading: boolean
} {
  const lang = useLang()
  const directory = usePeerDirectory()
  const byId = useMemo(() => new Map((directory.data ?? []).map((p) => [p.nodeId, p])), [directory.data])
  const platforms = useMemo(
    () => (directory.data ?? []).filter((p) => p.kind === 'platform' && p.status === 'active'),
    [directory.data],
  )
  const regulators = useMemo(
    () => (directory.data ?? []).filter((p) => p.kind === 'regulator' && p.status === 'active'),
    [directory.data],
  )
  return {
    nameOf: (nodeId: string) => {
      const p = byId.get(nodeId)
      return p ? pick(lang, p.nameZh, p.nameEn) : null
    },
    platforms,
    regulators,
    known: directory.isSuccess,
    loading: directory.isPending,
  }
}

/** A node: its name where known, and its id. */
export function NodeName({ nodeId, name }: { nodeId: string; name: string | null }) {
  return (
    <Space size={0} orientation="vertical">
      {name ? <span>{name}</span> : null}
      <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
        {nodeId}
      </Typography.Text>
    </Space>
  )
}

export function OrderKindTag({ kind }: { kind: OrderKind }) {
  const t = useT()
  return (
    <Tag color={kind === 'remove' ? 'red' : 'orange'} data-kind={kind} style={{ marginInlineEnd: 0 }}>
      {t(kind === 'remove' ? 'orders.kind.remove' : 'orders.kind.stop')}
    </Tag>
  )
}

/** What an order names, in short: how many items, and the claim's beginning (all of it on hover). */
export function TargetSummary({ target, testId }: { target: OrderTarget; testId?: string }) {
  const t = useT()
  const ids = target.itemIds ?? []
  return (
    <Space orientation="vertical" size={0} data-testid={testId}>
      {ids.length > 0 ? (
        <Tooltip
          title={
            <span style={{ fontFamily: 'monospace', fontSize: 12 }}>
              {ids.map((id) => (
                <div key={id}>{id}</div>
              ))}
            </span>
          }
        >
          <span>{t('orders.target.items', { n: ids.length })}</span>
        </Tooltip>
      ) : null}
      {target.claim ? (
        <Typography.Text title={target.claim}>
          <Typography.Text type="secondary">{t('orders.target.claim')}</Typography.Text>
          {excerpt(target.claim)}
        </Typography.Text>
      ) : null}
    </Space>
  )
}

/**
 * The deadline and, until the order is done, the time left — or in red how long ago it passed. `late` says the
 * order is overdue by the server's word (it may be a few seconds behind the clock).
 */
export function Deadline({
  deadlineAt,
  done,
  late,
  now,
  testId,
}: {
  deadlineAt: string
  done: boolean
  late: boolean
  now: number
  testId?: string
}) {
  const t = useT()
  const lang = useLang()
  const left = new Date(deadlineAt).getTime() - now
  const overdue = !done && (late || left <= 0)
  return (
    <Space orientation="vertical" size={0} data-testid={testId} data-overdue={overdue ? 'true' : 'false'}>
      <span title={deadlineAt} style={{ whiteSpace: 'nowrap' }}>
        {formatTime(deadlineAt, lang)}
      </span>
      {done ? null : overdue ? (
        <Typography.Text type="danger" strong style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {t('orders.deadline.overdue')}
          {left < 0 ? ` · ${t('orders.deadline.late', { d: durationText(-left, t) ?? '' })}` : ''}
        </Typography.Text>
      ) : (
        <Typography.Text
          type={left < 6 * 3_600_000 ? 'warning' : 'secondary'}
          style={{ fontSize: 12, whiteSpace: 'nowrap' }}
        >
          {t('orders.deadline.left', { d: durationText(left, t) ?? '' })}
        </Typography.Text>
      )}
    </Space>
  )
}

/** The named items the platform no longer had; each id whole on hover. */
export function MissingItems({ missing }: { missing: readonly string[] }) {
  const t = useT()
  if (missing.length === 0) return null
  return (
    <Tooltip
      title={
        <span style={{ fontFamily: 'monospace', fontSize: 12 }}>
          {missing.map((id) => (
            <div key={id}>{id}</div>
          ))}
        </span>
      }
    >
      <Typography.Text type="warning" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
        {t('orders.result.missing', { n: missing.length })}
        {missing.length === 1 ? ` (${shortHash(missing[0] ?? '')})` : ''}
      </Typography.Text>
    </Tooltip>
  )
}

/** An item id as the server checks it (format `uuid`). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The item ids of a text box, one a line (commas and spaces also part them): distinct, and those not ids. */
export function parseItemIds(text: string): { ids: string[]; invalid: string[] } {
  const parts = text
    .split(/[\s,，;；]+/)
    .map((s) => s.trim())
    .filter((s) => s !== '')
  const ids: string[] = []
  const invalid: string[] = []
  for (const p of parts) {
    if (!UUID_PATTERN.test(p)) invalid.push(p)
    else if (!ids.includes(p.toLowerCase())) ids.push(p.toLowerCase())
  }
  return { ids, invalid }
}
