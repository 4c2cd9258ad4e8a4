// Appeals (申诉, A15, A13.3): on the author's own items a decision went against — rejected, removed, stopped or
// labelled false — a button that asks why the decision is wrong and files the appeal; where an appeal is already
// open or decided, its state instead. Someone other than who decided looks at it again.
import { Alert, Button, Input, Modal, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import type { AppealView, ContentView } from '../api/types.ts'
import { ApiError } from '../app/api.ts'
import { type MessageKey, useLang, useT } from '../app/i18n.ts'
import { ErrorAlert, formatTime } from '../app/ui.tsx'
import { useFileAppeal } from './portalApi.ts'

/** The server's bound on an appeal's reason (src/platform/appeals/routes.ts). */
export const APPEAL_REASON_MAX = 1000

/** Whether a decision went against the item, so that its author may appeal it. */
export function appealable(item: ContentView): boolean {
  return (
    item.status === 'rejected' ||
    item.status === 'removed' ||
    item.restriction !== null ||
    item.falseLabel !== null
  )
}

/** The decision an appeal is against, in words. */
export function decisionKindKey(kind: string): MessageKey {
  return kind === 'review' || kind === 'screening' || kind === 'disposal'
    ? `appeal.kind.${kind}`
    : 'appeal.kind.other'
}

const APPEAL_STATUS: Record<AppealView['status'], { color: string; key: MessageKey }> = {
  open: { color: 'processing', key: 'appeal.status.open' },
  upheld: { color: 'success', key: 'appeal.status.upheld' },
  dismissed: { color: 'default', key: 'appeal.status.dismissed' },
}

export function AppealStatusTag({ status }: { status: AppealView['status'] }) {
  const t = useT()
  const s = APPEAL_STATUS[status]
  return (
    <Tag color={s.color} data-testid="appeal-status" data-status={status}>
      {t(s.key)}
    </Tag>
  )
}

/**
 * The appeal entry of one of the user's items: nothing when there is nothing to appeal, the open appeal's state
 * while one is open, otherwise the button (with the last outcome beside it, if there was one).
 */
export function AppealEntry({ item, appeals }: { item: ContentView; appeals: AppealView[] }) {
  const t = useT()
  const [open, setOpen] = useState(false)
  const latest = appeals.find((a) => a.itemId === item.id)
  // The form stays open after filing, to say so, while the entry beside the item turns into the appeal's state.
  const modal = open ? <AppealModal item={item} onClose={() => setOpen(false)} /> : null
  if (latest?.status === 'open') {
    return (
      <Space size={4} data-testid={`appeal-state-${item.id}`}>
        <AppealStatusTag status="open" />
        <Link to="/u/me/appeals">{t('appeal.mine')}</Link>
        {modal}
      </Space>
    )
  }
  if (!appealable(item)) return latest ? <AppealStatusTag status={latest.status} /> : null
  return (
    <Space size={4}>
      {latest ? <AppealStatusTag status={latest.status} /> : null}
      <Button size="small" onClick={() => setOpen(true)} data-testid={`appeal-open-${item.id}`}>
        {t('appeal.button')}
      </Button>
      {modal}
    </Space>
  )
}

function AppealModal({ item, onClose }: { item: ContentView; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const file = useFileAppeal()
  const [reason, setReason] = useState('')
  const done = file.data
  return (
    <Modal
      open
      title={t('appeal.title')}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      footer={
        done ? (
          <Button type="primary" onClick={onClose} data-testid="appeal-close">
            {t('common.close')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              disabled={reason.trim() === ''}
              loading={file.isPending}
              onClick={() => file.mutate({ itemId: item.id, reason: reason.trim() })}
              data-testid="appeal-submit"
            >
              {t('appeal.submit')}
            </Button>
          </Space>
        )
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="appeal-modal">
        <Typography.Paragraph type="secondary" ellipsis={{ rows: 3 }} style={{ marginBottom: 0 }}>
          {item.text || t('appeal.removedText')}
        </Typography.Paragraph>
        {done ? (
          <Alert
            type="success"
            showIcon
            data-testid="appeal-filed"
            title={t('appeal.filed')}
            description={t('appeal.filedDetail', { at: formatTime(done.createdAt, lang) ?? '' })}
          />
        ) : (
          <>
            <Typography.Text>{t('appeal.intro')}</Typography.Text>
            <Input.TextArea
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={APPEAL_REASON_MAX}
              showCount
              rows={4}
              placeholder={t('appeal.reasonPlaceholder')}
              data-testid="appeal-reason"
            />
          </>
        )}
        {file.isError ? <AppealError error={file.error} /> : null}
      </Space>
    </Modal>
  )
}

function AppealError({ error }: { error: unknown }) {
  const t = useT()
  const lang = useLang()
  if (!(error instanceof ApiError)) return <ErrorAlert error={error} />
  const p = error.problem
  const title =
    error.code === 'APPEAL_WINDOW_CLOSED'
      ? t('appeal.error.windowClosed', {
          at: typeof p.closedAt === 'string' ? (formatTime(p.closedAt, lang) ?? p.closedAt) : '',
          days: typeof p.windowDays === 'number' ? p.windowDays : '',
        })
      : error.code === 'APPEAL_DUPLICATE'
        ? t('appeal.error.duplicate')
        : null
  if (title === null) {
    return (
      <div data-testid="appeal-error" data-code={error.code}>
        <ErrorAlert error={error} />
      </div>
    )
  }
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="appeal-error"
      data-code={error.code}
      title={title}
      description={error.messageIn(lang)}
    />
  )
}
