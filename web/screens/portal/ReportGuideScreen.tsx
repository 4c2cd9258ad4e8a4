// The published page on how to report (A15: 公布投诉举报方式): the steps, every category with what it covers, how
// soon it is handled and the requirements it rests on, and the hourly limit that keeps reporting from being abused.
// Public: anyone may read it before signing in.
import { Alert, Card, Space, Steps, Table, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import type { ReportGuideCategory } from '../../api/types.ts'
import { pick, useLang, useT } from '../../app/i18n.ts'
import { useReportGuide } from '../../app/queries.ts'
import { ErrorAlert } from '../../app/ui.tsx'
import { usePortalTitle } from '../../portal/portalUi.tsx'

export default function ReportGuideScreen() {
  const t = useT()
  const lang = useLang()
  const guide = useReportGuide()
  usePortalTitle(t('reportGuide.title'))
  const g = guide.data
  return (
    <Card title={t('reportGuide.title')} loading={guide.isPending} data-testid="report-guide">
      {guide.isError ? <ErrorAlert error={guide.error} onRetry={() => guide.refetch()} /> : null}
      {g ? (
        <Space orientation="vertical" size={20} style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>{t('reportGuide.intro')}</Typography.Paragraph>
          <div>
            <Typography.Title level={5}>{t('reportGuide.steps')}</Typography.Title>
            <Steps
              orientation="vertical"
              size="small"
              current={-1}
              data-testid="report-guide-steps"
              items={(lang === 'zh' ? g.stepsZh : g.stepsEn).map((s, i) => ({
                key: i,
                title: s,
              }))}
            />
          </div>
          <div>
            <Typography.Title level={5}>{t('reportGuide.categories')}</Typography.Title>
            <Table<ReportGuideCategory>
              data-testid="report-guide-categories"
              rowKey="key"
              size="middle"
              pagination={false}
              dataSource={g.categories}
              columns={[
                {
                  title: t('reportGuide.category'),
                  key: 'name',
                  render: (_: unknown, c) => (
                    <Typography.Text strong>{pick(lang, c.zh, c.en)}</Typography.Text>
                  ),
                },
                {
                  title: t('reportGuide.description'),
                  key: 'description',
                  render: (_: unknown, c) => pick(lang, c.descriptionZh, c.descriptionEn),
                },
                {
                  title: t('reportGuide.deadline'),
                  key: 'deadline',
                  render: (_: unknown, c) => (
                    <Tag color="blue" data-testid={`report-guide-deadline-${c.key}`}>
                      {t('report.deadlineHours', { hours: c.deadlineHours })}
                    </Tag>
                  ),
                },
                {
                  title: t('reportGuide.basis'),
                  dataIndex: 'articles',
                  key: 'articles',
                  render: (a: string[]) => a.join('、'),
                },
              ]}
            />
          </div>
          <Alert
            type="info"
            showIcon
            data-testid="report-guide-limit"
            title={t('reportGuide.limit', { n: g.perHour })}
            description={t('reportGuide.limitDetail')}
          />
          <Link to="/u/me/reports">{t('report.followMine')}</Link>
        </Space>
      ) : null}
    </Card>
  )
}
