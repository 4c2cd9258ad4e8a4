// Pieces the bulletins page, the case drawer and the issue form share: how many recipients have read a bulletin, the
// unread tag, each recipient with when and by whom it was read, and the recipients one may address.
import { Space, Tag, Typography } from 'antd'
import { useMemo } from 'react'
import type { BulletinRecipientView, BulletinView } from '../../api/types.ts'
import { pick, useLang } from '../../app/i18n.ts'
import { useOrganisations } from '../../app/queries.ts'
import { useCan, useMe } from '../../app/session.tsx'
import { formatTime } from '../../app/ui.tsx'
import { usePeerNames } from '../orders/orderUi.tsx'
import { readCount, unreadByMe } from './bulletinsApi.ts'
import { useBT } from './strings.ts'

/** `已阅 2/4`: green once every recipient has read (or acknowledged) it. */
export function ReadCountTag({ b, testId }: { b: BulletinView; testId?: string }) {
  const bt = useBT()
  const { read, total } = readCount(b)
  return (
    <Tag
      color={read === total ? 'success' : read === 0 ? 'default' : 'processing'}
      data-testid={testId}
      data-read={read}
      data-total={total}
      style={{ marginInlineEnd: 0, whiteSpace: 'nowrap' }}
    >
      {bt('readCount', { read, total })}
    </Tag>
  )
}

/** Shown when the bulletin is addressed to the caller's organisation and it has not read it. */
export function UnreadTag({ b, testId }: { b: BulletinView; testId?: string }) {
  const bt = useBT()
  if (!unreadByMe(b)) return null
  return (
    <Tag color="red" data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {bt('unread')}
    </Tag>
  )
}

/** One recipient: kind, name, and who read (an organisation) or acknowledged (a platform) it and when. */
export function RecipientLine({ r }: { r: BulletinRecipientView }) {
  const bt = useBT()
  const lang = useLang()
  const platform = r.kind === 'platform'
  return (
    <Space
      wrap
      size={6}
      data-testid={`bulletin-recipient-${r.id}`}
      data-read={String(r.readAt !== null)}
      style={{ width: '100%', justifyContent: 'space-between' }}
    >
      <Space size={6}>
        <Tag color={platform ? 'green' : 'blue'} style={{ marginInlineEnd: 0 }}>
          {bt(platform ? 'detail.platform' : 'detail.organisation')}
        </Tag>
        <span>{pick(lang, r.nameZh, r.nameEn)}</span>
      </Space>
      {r.readAt !== null ? (
        <Typography.Text type="success" style={{ fontSize: 12 }}>
          {bt(platform ? 'detail.ackBy' : 'detail.readBy', {
            name: r.readByName ?? '',
            at: formatTime(r.readAt, lang) ?? '',
          })}
        </Typography.Text>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {bt(platform ? 'detail.notAcked' : 'detail.notRead')}
        </Typography.Text>
      )}
    </Space>
  )
}

/** Organisation kinds a bulletin may go to (the server's RECIPIENT_KINDS): not the procuratorate. */
const RECIPIENT_KINDS = new Set(['cac', 'department', 'county'])

export interface RecipientChoices {
  organisations: { value: string; label: string }[]
  platforms: { value: string; label: string }[]
  /** Whether the platforms come from the peers the person may read; otherwise from bulletins seen before. */
  peersKnown: boolean
}

/**
 * Whom one may address: the organisations of this node but one's own and the procuratorate; the active platform
 * peers from the peer directory, and the platforms earlier bulletins went to.
 */
export function useRecipientChoices(seen: readonly BulletinView[]): RecipientChoices {
  const lang = useLang()
  const me = useMe()
  const can = useCan()
  const orgs = useOrganisations(can('organisation.read'))
  const peers = usePeerNames()
  return useMemo(() => {
    const organisations = (orgs.data ?? [])
      .filter((o) => RECIPIENT_KINDS.has(o.kind) && o.id !== me.organisation.id)
      .map((o) => ({ value: o.id, label: pick(lang, o.nameZh, o.nameEn) }))
    const platforms = new Map<string, string>()
    for (const p of peers.platforms) platforms.set(p.nodeId, pick(lang, p.nameZh, p.nameEn))
    for (const b of seen) {
      for (const r of b.recipients) {
        if (r.kind === 'platform' && !platforms.has(r.id)) platforms.set(r.id, pick(lang, r.nameZh, r.nameEn))
      }
    }
    return {
      organisations,
      platforms: [...platforms].map(([value, name]) => ({ value, label: `${name} (${value})` })),
      peersKnown: peers.known,
    }
  }, [orgs.data, me.organisation.id, lang, peers.platforms, peers.known, seen])
}
