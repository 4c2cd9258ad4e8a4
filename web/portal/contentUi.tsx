// Pieces of the portal's content pages: the fiction label (A11.2), the false-information label and a disposal's
// restriction (A16), one item, the status and reasons of the user's own items, and the box that publishes a post,
// comment, reply or bullet comment and says what became of it.
import { WarningFilled } from '@ant-design/icons'
import { Alert, Button, Checkbox, Input, InputNumber, Space, Tag, Typography } from 'antd'
import { type ReactNode, useState } from 'react'
import { Link } from 'react-router'
import type { ContentKind, ContentStatus, ContentView, OwnContentView, ReasonView } from '../api/types.ts'
import { ApiError } from '../app/api.ts'
import { type MessageKey, pick, useLang, useT } from '../app/i18n.ts'
import { ErrorAlert, formatTime } from '../app/ui.tsx'
import { usePublish } from './portalApi.ts'
import { useUserState } from './userSession.tsx'

/** The server's bounds (src/platform/content/content.ts). */
export const MAX_TEXT = 5000
export const MAX_DANMAKU_SECONDS = 86_400

/** The prominent fiction / dramatisation label, shown at the top of a labelled item. */
export function FictionTag({ item }: { item: ContentView }) {
  const lang = useLang()
  const t = useT()
  if (!item.fictionLabel) return null
  return (
    <Tag
      color="magenta"
      data-testid="fiction-label"
      style={{ fontSize: 14, padding: '2px 10px', fontWeight: 600 }}
    >
      {item.label ? pick(lang, item.label.zh, item.label.en) : t('content.fiction')}
    </Tag>
  )
}

/**
 * The red label of an item confirmed false (A16), with the link to the clarification. Shown wherever the item is,
 * above its text, so nobody reads the claim without it.
 */
export function FalseLabelTag({ item }: { item: ContentView }) {
  const lang = useLang()
  const t = useT()
  const label = item.falseLabel
  if (!label) return null
  return (
    <Space size={8} wrap data-testid="false-label" data-rumor={label.rumorId ?? ''}>
      <Tag
        color="red"
        icon={<WarningFilled />}
        style={{ fontSize: 14, padding: '2px 10px', fontWeight: 600, marginInlineEnd: 0 }}
      >
        {pick(lang, label.zh, label.en)}
      </Tag>
      {label.url ? (
        <Typography.Link
          href={label.url}
          target="_blank"
          rel="noopener noreferrer"
          data-testid="false-label-link"
        >
          {t('content.falseLabel.clarification', { title: label.title || label.url })}
        </Typography.Link>
      ) : null}
    </Space>
  )
}

/** What a disposal did to the spread of the author's own item: stopped (out of every view) or limited. */
export function RestrictionTag({ item }: { item: ContentView }) {
  const t = useT()
  if (!item.restriction) return null
  return (
    <Tag
      color={item.restriction === 'stopped' ? 'red' : 'orange'}
      data-testid="content-restriction"
      data-restriction={item.restriction}
    >
      {t(item.restriction === 'stopped' ? 'content.restriction.stopped' : 'content.restriction.limited')}
    </Tag>
  )
}

/** Who wrote it and when. */
export function ItemByline({ item, extra }: { item: ContentView; extra?: ReactNode }) {
  const lang = useLang()
  return (
    <Space size={8} wrap>
      <Typography.Text strong>{item.authorName}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {formatTime(item.createdAt, lang)}
      </Typography.Text>
      {extra}
    </Space>
  )
}

const STATUS: Record<ContentStatus, { color: string; key: MessageKey }> = {
  published: { color: 'success', key: 'content.status.published' },
  held: { color: 'processing', key: 'content.status.held' },
  rejected: { color: 'error', key: 'content.status.rejected' },
  removed: { color: 'default', key: 'content.status.removed' },
}

export function StatusTag({ status }: { status: ContentStatus }) {
  const t = useT()
  const s = STATUS[status]
  return (
    <Tag color={s.color} data-testid="content-status" data-status={status}>
      {t(s.key)}
    </Tag>
  )
}

export function KindTag({ kind }: { kind: ContentKind }) {
  const t = useT()
  return <Tag>{t(`content.kind.${kind}` as MessageKey)}</Tag>
}

const REASON_COLOR: Record<string, string> = {
  block: 'red',
  hold: 'orange',
  label: 'magenta',
  allow: 'green',
}

/** The reasons of a verdict, one tag each, in the current language. */
export function ReasonTags({ reasons }: { reasons: ReasonView[] }) {
  const lang = useLang()
  if (reasons.length === 0) return null
  return (
    <Space size={[4, 4]} wrap data-testid="content-reasons">
      {reasons.map((r) => (
        <Tag
          key={`${r.type}-${r.start}-${r.end}-${r.zh}`}
          color={REASON_COLOR[r.outcome] ?? 'default'}
          style={{ whiteSpace: 'normal' }}
        >
          {pick(lang, r.zh, r.en)}
          {r.basis.length > 0 ? ` (${r.basis.join(', ')})` : ''}
        </Tag>
      ))}
    </Space>
  )
}

/** What became of an item just published. */
export function PublishOutcome({ item, testId }: { item: OwnContentView; testId: string }) {
  const t = useT()
  const type = item.status === 'published' ? 'success' : item.status === 'held' ? 'warning' : 'error'
  const title =
    item.status === 'published'
      ? t(item.fictionLabel ? 'content.result.publishedLabelled' : 'content.result.published')
      : item.status === 'held'
        ? t('content.result.held')
        : t('content.result.rejected')
  return (
    <Alert
      type={type}
      showIcon
      data-testid={testId}
      data-status={item.status}
      title={title}
      description={
        item.reasons.length > 0 ? (
          <Space orientation="vertical" size={4}>
            <span>{t('content.result.reasons')}</span>
            <ReasonTags reasons={item.reasons} />
          </Space>
        ) : undefined
      }
    />
  )
}

/** A refusal before screening: identity and rules lead to their pages. */
function PublishError({ error, testId }: { error: unknown; testId: string }) {
  const t = useT()
  if (error instanceof ApiError && error.code === 'IDENTITY_REQUIRED') {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid={testId}
        data-status="identity"
        title={t('content.error.identity')}
        action={
          <Link to="/u/identity" data-testid="publish-identity-link">
            <Button size="small" type="primary">
              {t('portal.identity.go')}
            </Button>
          </Link>
        }
      />
    )
  }
  if (error instanceof ApiError && error.code === 'RULES_NOT_ACCEPTED') {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid={testId}
        data-status="rules"
        title={t('content.error.rules')}
        action={
          <Link to="/u/rules/accept" data-testid="publish-rules-link">
            <Button size="small" type="primary">
              {t('portal.rules.readAndAccept')}
            </Button>
          </Link>
        }
      />
    )
  }
  return (
    <div data-testid={testId} data-status="error">
      <ErrorAlert error={error} />
    </div>
  )
}

/**
 * The box that publishes one kind of item. `prefix` names its test ids (`<prefix>-text`, `<prefix>-submit`,
 * `<prefix>-result`, and `<prefix>-fiction` / `<prefix>-position` where they apply).
 */
export function PublishBox({
  kind,
  parentId,
  prefix,
  placeholder,
  fiction = false,
  danmaku = false,
  rows = 3,
  onDone,
}: {
  kind: ContentKind
  parentId?: string
  prefix: string
  placeholder: string
  fiction?: boolean
  danmaku?: boolean
  rows?: number
  onDone?: (item: OwnContentView) => void
}) {
  const t = useT()
  const user = useUserState()
  const publish = usePublish()
  const [text, setText] = useState('')
  const [declared, setDeclared] = useState(false)
  const [seconds, setSeconds] = useState<number | null>(0)

  if (!user.data) {
    if (user.isPending) return null
    return (
      <Alert
        type="info"
        showIcon
        data-testid={`${prefix}-signin`}
        title={t('content.signInToPublish')}
        action={
          <Link to="/u/login">
            <Button size="small">{t('portal.nav.signIn')}</Button>
          </Link>
        }
      />
    )
  }

  const submit = () => {
    const body = {
      kind,
      text,
      ...(parentId ? { parentId } : {}),
      ...(fiction && declared ? { fictionDeclared: true } : {}),
      ...(danmaku ? { danmakuMs: Math.round((seconds ?? 0) * 1000) } : {}),
    }
    publish.mutate(body, {
      onSuccess: (item) => {
        if (item.status !== 'rejected') {
          setText('')
          setDeclared(false)
        }
        onDone?.(item)
      },
    })
  }

  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      <Input.TextArea
        value={text}
        onChange={(e) => setText(e.target.value)}
        rows={rows}
        maxLength={MAX_TEXT}
        placeholder={placeholder}
        data-testid={`${prefix}-text`}
      />
      <Space size={16} wrap>
        {fiction ? (
          <Checkbox
            checked={declared}
            onChange={(e) => setDeclared(e.target.checked)}
            data-testid={`${prefix}-fiction`}
          >
            {t('content.fictionDeclare')}
          </Checkbox>
        ) : null}
        {danmaku ? (
          <Space size={4}>
            <span>{t('content.danmaku.position')}</span>
            <InputNumber
              min={0}
              max={MAX_DANMAKU_SECONDS}
              value={seconds}
              onChange={(v) => setSeconds(v)}
              data-testid={`${prefix}-position`}
            />
            <span>{t('content.danmaku.seconds')}</span>
          </Space>
        ) : null}
        <Button
          type="primary"
          disabled={text.trim() === ''}
          loading={publish.isPending}
          onClick={submit}
          data-testid={`${prefix}-submit`}
        >
          {t('content.publish')}
        </Button>
      </Space>
      {publish.isError ? <PublishError error={publish.error} testId={`${prefix}-result`} /> : null}
      {publish.data && !publish.isError && !publish.isPending ? (
        <PublishOutcome item={publish.data} testId={`${prefix}-result`} />
      ) : null}
    </Space>
  )
}

/** `mm:ss` of a bullet comment's place on the timeline. */
export function timelineOf(ms: number | null): string {
  const s = Math.floor((ms ?? 0) / 1000)
  const h = Math.floor(s / 3600)
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, '0')
  const ss = String(s % 60).padStart(2, '0')
  return h > 0 ? `${h}:${mm}:${ss}` : `${mm}:${ss}`
}
