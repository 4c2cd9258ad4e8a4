// The user's reports (A15): each with its tracking number, category, the item, its status, the deadline (overdue
// flagged) and, once decided, the outcome, its reason and the requirements it rests on; and a lookup by tracking
// number.
import { Alert, Card, Empty, Input, List, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import type { ReportView } from '../../api/types.ts'
import { pick, useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { useMyReports, useTrackReport } from '../../portal/portalApi.ts'
import { usePortalTitle } from '../../portal/portalUi.tsx'
import { ReportStatusTag } from '../../portal/reportUi.tsx'
import { RequireUser } from '../../portal/userSession.tsx'

export default function MyReportsScreen() {
  return (
    <RequireUser>
      <MyReports />
    </RequireUser>
  )
}

function MyReports() {
  const t = useT()
  const reports = useMyReports()
  const [wanted, setWanted] = useState('')
  const found = useTrackReport(wanted)
  usePortalTitle(t('portal.nav.myReports'))
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="my-reports">
      <Card title={t('report.lookup.title')}>
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Input.Search
            allowClear
            enterButton={t('report.lookup.button')}
            placeholder={t('report.lookup.placeholder')}
            style={{ maxWidth: 480 }}
            onSearch={(v) => setWanted(v.trim().toUpperCase())}
            data-testid="report-lookup"
          />
          {found.isError ? <ErrorAlert error={found.error} /> : null}
          {found.data ? (
            <div data-testid="report-lookup-result">
              <ReportEntry report={found.data} />
            </div>
          ) : null}
        </Space>
      </Card>
      <Card
        title={t('portal.nav.myReports')}
        loading={reports.isPending}
        extra={<Link to="/u/report-guide">{t('reportGuide.title')}</Link>}
      >
        {reports.isError ? <ErrorAlert error={reports.error} onRetry={() => reports.refetch()} /> : null}
        {reports.data && reports.data.length === 0 ? <Empty description={t('report.mine.empty')} /> : null}
        {reports.data && reports.data.length > 0 ? (
          <List
            itemLayout="vertical"
            dataSource={reports.data}
            rowKey="id"
            renderItem={(r) => (
              <List.Item data-testid={`my-report-${r.trackingNo}`} data-status={r.status}>
                <ReportEntry report={r} />
              </List.Item>
            )}
          />
        ) : null}
      </Card>
    </Space>
  )
}

function ReportEntry({ report: r }: { report: ReportView }) {
  const t = useT()
  const lang = useLang()
  return (
    <Space orientation="vertical" size={6} style={{ width: '100%' }}>
      <Space size={8} wrap>
        <Typography.Text strong copyable={{ text: r.trackingNo }} style={{ fontFamily: 'monospace' }}>
          {r.trackingNo}
        </Typography.Text>
        <ReportStatusTag status={r.status} />
        <Tag>{pick(lang, r.categoryZh, r.categoryEn)}</Tag>
        {r.item?.shown !== false ? (
          <Link to={`/u/items/${r.itemId}`} data-testid="report-item-link">
            {t('report.mine.item')}
          </Link>
        ) : (
          <Typography.Text type="secondary" data-testid="report-item-gone">
            {t('report.mine.itemGone')}
          </Typography.Text>
        )}
      </Space>
      {r.item?.excerpt ? (
        <Typography.Text type="secondary" data-testid="report-item-excerpt" style={{ fontSize: 13 }}>
          “{r.item.excerpt}”
        </Typography.Text>
      ) : null}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('report.mine.filedAt', { at: formatTime(r.createdAt, lang) ?? '' })}
        {' · '}
        <Typography.Text
          type={r.overdue ? 'danger' : 'secondary'}
          strong={r.overdue}
          style={{ fontSize: 12 }}
          data-testid="report-deadline-line"
          data-overdue={r.overdue ? 'true' : 'false'}
        >
          {t('report.mine.deadline', { at: formatTime(r.deadlineAt, lang) ?? '' })}
          {r.overdue ? ` · ${t('report.overdue')}` : ''}
        </Typography.Text>
      </Typography.Text>
      {r.note ? <Typography.Text>{t('report.mine.note', { note: r.note })}</Typography.Text> : null}
      {r.status !== 'open' ? (
        <Alert
          type={r.status === 'upheld' ? 'success' : 'info'}
          showIcon
          data-testid="report-outcome"
          title={t(r.status === 'upheld' ? 'report.mine.upheld' : 'report.mine.dismissed', {
            at: formatTime(r.decidedAt, lang) ?? '',
          })}
          description={
            <Space orientation="vertical" size={2}>
              {r.outcomeReason ? <span>{t('report.mine.reason', { reason: r.outcomeReason })}</span> : null}
              {r.outcomeArticles.length > 0 ? (
                <Space size={[4, 4]} wrap>
                  <span>{t('report.mine.basis')}</span>
                  {r.outcomeArticles.map((a) => (
                    <Tag key={a}>{a}</Tag>
                  ))}
                </Space>
              ) : null}
            </Space>
          }
        />
      ) : null}
    </Space>
  )
}
