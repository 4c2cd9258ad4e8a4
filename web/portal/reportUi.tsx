// The report entry beside every item the portal shows (A15): a small button that opens the report form — the
// categories of the published guide with what each covers and how soon it is handled, an optional note — and,
// once sent, the tracking number to follow it by and its deadline. Refusals say what to do next. Also a report's
// status, which the console shows the same way.
import { FlagOutlined } from '@ant-design/icons'
import { Alert, Button, Input, Modal, Radio, Result, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link, useLocation } from 'react-router'
import type { ContentView, ReportCategoryKey, ReportView } from '../api/types.ts'
import { ApiError } from '../app/api.ts'
import { type MessageKey, pick, useLang, useT } from '../app/i18n.ts'
import { useReportGuide } from '../app/queries.ts'
import { ErrorAlert, formatTime } from '../app/ui.tsx'
import { useFileReport } from './portalApi.ts'
import { type UserLoginState, useUserState } from './userSession.tsx'

/** The server's bound on a report's note (src/platform/reports/routes.ts). */
export const REPORT_NOTE_MAX = 500

const REPORT_STATUS: Record<ReportView['status'], { color: string; key: MessageKey }> = {
  open: { color: 'processing', key: 'report.status.open' },
  upheld: { color: 'success', key: 'report.status.upheld' },
  dismissed: { color: 'default', key: 'report.status.dismissed' },
}

export function ReportStatusTag({ status }: { status: ReportView['status'] }) {
  const t = useT()
  const s = REPORT_STATUS[status]
  return (
    <Tag color={s.color} data-testid="report-status" data-status={status}>
      {t(s.key)}
    </Tag>
  )
}

/** The report button of one item; an author does not report their own items. */
export function ReportButton({ item }: { item: ContentView }) {
  const t = useT()
  const user = useUserState()
  const [open, setOpen] = useState(false)
  if (user.data && user.data.user.id === item.authorId) return null
  return (
    <>
      <Button
        type="link"
        size="small"
        icon={<FlagOutlined />}
        style={{ color: 'rgba(0, 0, 0, 0.55)', paddingInline: 4 }}
        onClick={() => setOpen(true)}
        data-testid={`report-open-${item.id}`}
      >
        {t('report.button')}
      </Button>
      {open ? <ReportModal item={item} onClose={() => setOpen(false)} /> : null}
    </>
  )
}

function ReportModal({ item, onClose }: { item: ContentView; onClose: () => void }) {
  const t = useT()
  const user = useUserState()
  const file = useFileReport()
  const [category, setCategory] = useState<ReportCategoryKey | null>(null)
  const [note, setNote] = useState('')
  const done = file.data
  const signedIn = !!user.data
  const submit = () => {
    if (!category) return
    file.mutate({ itemId: item.id, category, ...(note.trim() ? { note: note.trim() } : {}) })
  }
  return (
    <Modal
      open
      title={t('report.title')}
      onCancel={onClose}
      destroyOnHidden
      width={600}
      footer={
        done || !signedIn ? (
          <Button type="primary" onClick={onClose} data-testid="report-close">
            {t('common.close')}
          </Button>
        ) : (
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button
              type="primary"
              danger
              disabled={category === null}
              loading={file.isPending}
              onClick={submit}
              data-testid="report-submit"
            >
              {t('report.submit')}
            </Button>
          </Space>
        )
      }
    >
      <div data-testid="report-modal">
        {!signedIn ? (
          <SignInFirst />
        ) : done ? (
          <Filed report={done} />
        ) : (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
              {t('report.about', { name: item.authorName, text: item.text })}
            </Typography.Paragraph>
            <CategoryChoice value={category} onChange={setCategory} />
            <Input.TextArea
              value={note}
              onChange={(e) => setNote(e.target.value)}
              maxLength={REPORT_NOTE_MAX}
              showCount
              rows={3}
              placeholder={t('report.notePlaceholder')}
              data-testid="report-note"
            />
            <Link to="/u/report-guide" onClick={onClose} data-testid="report-guide-link">
              {t('report.guideLink')}
            </Link>
            {file.isError ? <ReportError error={file.error} /> : null}
          </Space>
        )}
      </div>
    </Modal>
  )
}

function SignInFirst() {
  const t = useT()
  const location = useLocation()
  const state: UserLoginState = { from: location.pathname + location.search }
  return (
    <Alert
      type="info"
      showIcon
      data-testid="report-signin"
      title={t('report.signIn')}
      action={
        <Link to="/u/login" state={state}>
          <Button size="small" type="primary">
            {t('portal.nav.signIn')}
          </Button>
        </Link>
      }
    />
  )
}

function CategoryChoice({
  value,
  onChange,
}: {
  value: ReportCategoryKey | null
  onChange: (key: ReportCategoryKey) => void
}) {
  const t = useT()
  const lang = useLang()
  const guide = useReportGuide()
  if (guide.isError) return <ErrorAlert error={guide.error} onRetry={() => guide.refetch()} />
  return (
    <Radio.Group
      value={value}
      onChange={(e) => onChange(e.target.value as ReportCategoryKey)}
      style={{ width: '100%' }}
      data-testid="report-categories"
    >
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {(guide.data?.categories ?? []).map((c) => (
          <Radio key={c.key} value={c.key}>
            <div data-testid={`report-category-${c.key}`}>
              <Space size={6} wrap>
                <Typography.Text strong>{pick(lang, c.zh, c.en)}</Typography.Text>
                <Tag color="blue">{t('report.deadlineHours', { hours: c.deadlineHours })}</Tag>
              </Space>
              <div>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {pick(lang, c.descriptionZh, c.descriptionEn)}
                </Typography.Text>
              </div>
            </div>
          </Radio>
        ))}
      </Space>
    </Radio.Group>
  )
}

/** The tracking number, copyable, and by when the report will be handled. */
function Filed({ report }: { report: ReportView }) {
  const t = useT()
  const lang = useLang()
  return (
    <Result
      status="success"
      title={t('report.filed')}
      style={{ padding: '8px 0' }}
      subTitle={
        <Space orientation="vertical" size={6}>
          <Space size={6} wrap style={{ justifyContent: 'center' }}>
            <span>{t('report.trackingNo')}</span>
            <Typography.Text
              strong
              copyable={{ text: report.trackingNo }}
              style={{ fontFamily: 'monospace', fontSize: 16 }}
              data-testid="report-tracking"
            >
              {report.trackingNo}
            </Typography.Text>
          </Space>
          <span data-testid="report-deadline">
            {t('report.deadlineAt', {
              at: formatTime(report.deadlineAt, lang) ?? '',
              category: pick(lang, report.categoryZh, report.categoryEn),
            })}
          </span>
          <Link to="/u/me/reports" data-testid="report-mine-link">
            {t('report.followMine')}
          </Link>
        </Space>
      }
    />
  )
}

/** A refusal, said with what the problem document carries: the existing report, the limit, the pause's end. */
function ReportError({ error }: { error: unknown }) {
  const t = useT()
  const lang = useLang()
  if (!(error instanceof ApiError)) return <ErrorAlert error={error} />
  const p = error.problem
  const known =
    error.code === 'REPORT_DUPLICATE'
      ? {
          title: t('report.error.duplicate'),
          extra:
            typeof p.trackingNo === 'string' ? (
              <Space size={6}>
                <span>{t('report.trackingNo')}</span>
                <Typography.Text
                  strong
                  copyable={{ text: p.trackingNo }}
                  style={{ fontFamily: 'monospace' }}
                  data-testid="report-error-tracking"
                >
                  {p.trackingNo}
                </Typography.Text>
              </Space>
            ) : null,
        }
      : error.code === 'REPORT_RATE_LIMITED'
        ? { title: t('report.error.rateLimited', { limit: typeof p.limit === 'number' ? p.limit : '' }) }
        : error.code === 'REPORTER_MUTED'
          ? {
              title: t('report.error.muted', {
                until: typeof p.until === 'string' ? (formatTime(p.until, lang) ?? p.until) : '',
              }),
            }
          : null
  if (!known) return <ErrorAlert error={error} />
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="report-error"
      data-code={error.code}
      title={known.title}
      description={
        <Space orientation="vertical" size={2}>
          <span>{error.messageIn(lang)}</span>
          {'extra' in known ? known.extra : null}
        </Space>
      }
    />
  )
}
