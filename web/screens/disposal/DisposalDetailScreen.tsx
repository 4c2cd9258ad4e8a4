// One disposal (A16): what it was about (the confirmed claim and its clarification, or one item), the measures,
// reason and requirements, the counts and how long the sweep took, and every item it acted on — kind, how close
// it was to the claim, applied or sent to a reviewer, the measures taken (a legal hold keeps an item as it is),
// how long after the start, and the item as it is now. Asked again every 2 s until the sweep has finished.
import { Card, Descriptions, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { Link, useParams } from 'react-router'
import type { ContentKind, ContentStatus, DisposalItemView } from '../../api/types.ts'
import { useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { KindTag, StatusTag } from '../../portal/contentUi.tsx'
import { useDisposal } from './disposalApi.ts'
import {
  afterLabel,
  categoryKey,
  DisposalStatus,
  durationLabel,
  MeasureTags,
  sourceKey,
  verdictKey,
} from './disposalUi.tsx'

const STATUSES: readonly string[] = ['published', 'held', 'rejected', 'removed']

export default function DisposalDetailScreen() {
  const { id = '' } = useParams()
  const t = useT()
  const lang = useLang()
  const detail = useDisposal(id)
  const d = detail.data?.disposal
  const columns: TableColumnsType<DisposalItemView> = [
    {
      title: t('disposal.item'),
      key: 'item',
      render: (_: unknown, i) => (
        <Space orientation="vertical" size={2}>
          <Space size={4} wrap>
            <KindTag kind={i.kind as ContentKind} />
            {i.status && STATUSES.includes(i.status) ? (
              <StatusTag status={i.status as ContentStatus} />
            ) : null}
            {i.restriction === 'stopped' || i.restriction === 'limited' ? (
              <Tag color="volcano" data-testid="disposal-item-restriction">
                {t(`content.restriction.${i.restriction}` as const)}
              </Tag>
            ) : null}
            {i.falseLabelled ? <Tag color="red">{t('disposal.falseLabelled')}</Tag> : null}
            {i.legalHold ? <Tag color="purple">{t('disposal.legalHold')}</Tag> : null}
          </Space>
          <Typography.Text type={i.excerpt ? undefined : 'secondary'}>
            {i.excerpt ?? t('content.removedText')}
          </Typography.Text>
          <Typography.Text type="secondary" copyable={{ text: i.itemId }} style={{ fontSize: 11 }}>
            {i.itemId}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('disposal.similarity'),
      dataIndex: 'similarity',
      key: 'similarity',
      width: 100,
      render: (s: number) => `${Math.round(s * 100)}%`,
    },
    {
      title: t('disposal.outcome'),
      dataIndex: 'outcome',
      key: 'outcome',
      width: 120,
      render: (o: string) =>
        o === 'applied' ? (
          <Tag color="red">{t('disposal.outcome.applied')}</Tag>
        ) : (
          <Tag color="orange">{t('disposal.outcome.review')}</Tag>
        ),
    },
    {
      title: t('disposal.measures'),
      dataIndex: 'measures',
      key: 'measures',
      render: (m: string[]) => (m.length > 0 ? <MeasureTags measures={m} /> : t('common.none')),
    },
    {
      title: t('disposal.after'),
      dataIndex: 'afterMs',
      key: 'after',
      width: 110,
      render: (ms: number, i) => (
        <span title={formatTime(i.appliedAt, lang) ?? ''} data-testid={`disposal-after-${i.itemId}`}>
          {afterLabel(ms)}
        </span>
      ),
    },
  ]
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="disposal-detail">
      <Link to="/disposals">{t('disposal.back')}</Link>
      {detail.isError ? <ErrorAlert error={detail.error} onRetry={() => detail.refetch()} /> : null}
      <Card title={t('disposal.detail')} loading={detail.isPending}>
        {d ? (
          <Descriptions column={2} size="small" bordered>
            <Descriptions.Item label={t('common.status')}>
              <DisposalStatus disposal={d} testId="disposal-detail-status" />
            </Descriptions.Item>
            <Descriptions.Item label={t('disposal.duration')}>
              <span data-testid="disposal-detail-duration">{durationLabel(d.durationMs)}</span>
            </Descriptions.Item>
            {d.rumor ? (
              <>
                <Descriptions.Item label={t('rumor.text')} span={2}>
                  <Space size={8} wrap>
                    <Tag color={d.rumor.verdict === 'false' ? 'red' : 'orange'}>
                      {t(verdictKey(d.rumor.verdict))}
                    </Tag>
                    <span data-testid="disposal-detail-claim">{d.rumor.text}</span>
                  </Space>
                </Descriptions.Item>
                <Descriptions.Item label={t('rumor.source')}>
                  {t(sourceKey(d.rumor.source))} · {d.rumor.sourceRef}
                </Descriptions.Item>
                <Descriptions.Item label={t('rumor.clarification')}>
                  {d.rumor.clarificationUrl ? (
                    <Typography.Link
                      href={d.rumor.clarificationUrl}
                      target="_blank"
                      rel="noopener noreferrer"
                    >
                      {d.rumor.clarificationTitle || d.rumor.clarificationUrl}
                    </Typography.Link>
                  ) : (
                    t('common.none')
                  )}
                </Descriptions.Item>
              </>
            ) : (
              <Descriptions.Item label={t('disposal.target')} span={2}>
                {t('disposal.singleItem')} · {d.itemId}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('disposal.measures')}>
              <MeasureTags measures={d.measures} />
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.category')}>
              {t(categoryKey(d.category))} · {d.articles.join('、')}
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.reason')} span={2}>
              {d.reason}
            </Descriptions.Item>
            <Descriptions.Item label={t('disposal.counts')} span={2}>
              <Space size={4} wrap data-testid="disposal-detail-counts">
                <Tag>{t('disposal.candidates', { n: d.candidates })}</Tag>
                <Tag color="red" data-testid="disposal-detail-applied" data-n={d.applied}>
                  {t('disposal.applied', { n: d.applied })}
                </Tag>
                <Tag color={d.toReview > 0 ? 'orange' : 'default'}>
                  {t('disposal.toReview', { n: d.toReview })}
                </Tag>
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('disposal.createdAt')}>
              {formatTime(d.createdAt, lang)} · {d.createdByName}
            </Descriptions.Item>
            <Descriptions.Item label={t('disposal.finishedAt')}>
              {formatTime(d.finishedAt, lang) ?? t('common.none')}
            </Descriptions.Item>
            <Descriptions.Item label={t('rumor.notifyInteractors')} span={2}>
              {d.notifyInteractors ? t('common.yes') : t('common.no')}
            </Descriptions.Item>
          </Descriptions>
        ) : null}
      </Card>
      <Card title={t('disposal.items', { n: detail.data?.items.length ?? 0 })} loading={detail.isPending}>
        <Table<DisposalItemView>
          data-testid="disposal-items"
          rowKey="itemId"
          size="middle"
          dataSource={detail.data?.items ?? []}
          columns={columns}
          pagination={{ pageSize: 50 }}
          locale={{ emptyText: t('disposal.noItems') }}
          onRow={(i) =>
            ({
              'data-testid': `disposal-item-${i.itemId}`,
              'data-outcome': i.outcome,
              'data-status': i.status ?? '',
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </Card>
    </Space>
  )
}
