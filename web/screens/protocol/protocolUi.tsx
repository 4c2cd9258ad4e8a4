// Tags the protocol page shows in more than one tab.
import { Tag, Typography } from 'antd'
import type { NodeRole, OutboxStatus, PeerView } from '../../api/types.ts'
import { type MessageKey, useT } from '../../app/i18n.ts'
import { shortHash } from '../../app/ui.tsx'

export function NodeKindTag({ kind }: { kind: NodeRole }) {
  const t = useT()
  return <Tag color={kind === 'regulator' ? 'volcano' : 'green'}>{t(`node.kind.${kind}`)}</Tag>
}

export function PeerStatusTag({ peer }: { peer: PeerView }) {
  const t = useT()
  return peer.status === 'active' ? (
    <Tag color="success" data-testid={`peer-status-${peer.nodeId}`} data-status="active">
      {t('protocol.peer.active')}
    </Tag>
  ) : (
    <Tag color="warning" data-testid={`peer-status-${peer.nodeId}`} data-status="suspended">
      {t('protocol.peer.suspended')}
    </Tag>
  )
}

const OUTBOX_STATUS: Record<OutboxStatus, { color: string; label: MessageKey }> = {
  pending: { color: 'processing', label: 'protocol.outbox.status.pending' },
  delivered: { color: 'success', label: 'protocol.outbox.status.delivered' },
  failed: { color: 'error', label: 'protocol.outbox.status.failed' },
}

export function isOutboxStatus(s: string): s is OutboxStatus {
  return Object.hasOwn(OUTBOX_STATUS, s)
}

/** A message's status; one this console does not know is shown as the server wrote it. */
export function OutboxStatusTag({ id, status }: { id: string; status: string }) {
  const t = useT()
  const known = isOutboxStatus(status) ? OUTBOX_STATUS[status] : null
  return (
    <Tag color={known?.color ?? 'default'} data-testid={`outbox-status-${id}`} data-status={status}>
      {known ? t(known.label) : status}
    </Tag>
  )
}

/** A key shortened, the whole of it copyable and in the tooltip. */
export function ShortKey({ value, testId }: { value: string; testId?: string }) {
  return (
    <Typography.Text
      code
      copyable={{ text: value }}
      title={value}
      style={{ whiteSpace: 'nowrap' }}
      data-testid={testId}
    >
      {shortHash(value)}
    </Typography.Text>
  )
}
