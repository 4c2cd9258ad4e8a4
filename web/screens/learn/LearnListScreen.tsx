// 识谣防谣 (A6) on the public site: the education articles, newest first, each with its topic, title and summary in
// the reader's language; a tap opens the article. Narrow enough for a phone.
import { Card, Empty, List, Space, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import { pick, useLang } from '../../app/i18n.ts'
import { useNode } from '../../app/queries.ts'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { usePortalTitle } from '../../portal/portalUi.tsx'
import { usePublicArticles } from './learnApi.ts'
import { topicKey, useLT } from './strings.ts'

export default function LearnListScreen() {
  const lt = useLT()
  const lang = useLang()
  const node = useNode()
  const list = usePublicArticles()
  usePortalTitle(lt('public.title'))
  const name = node.data ? pick(lang, node.data.nameZh, node.data.nameEn) : ''
  return (
    <Card title={lt('public.title')} loading={list.isPending} data-testid="public-learn">
      <Typography.Paragraph type="secondary">{lt('public.intro', { name })}</Typography.Paragraph>
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
      {list.data ? (
        list.data.length === 0 ? (
          <Empty description={lt('public.empty')} />
        ) : (
          <List
            itemLayout="vertical"
            dataSource={list.data}
            rowKey="id"
            renderItem={(a) => (
              <List.Item data-testid={`public-learn-${a.id}`}>
                <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                  <Space size={8} wrap>
                    <Tag color="blue">{lt(topicKey(a.topic))}</Tag>
                    <Link to={`/p/learn/${a.id}`} data-testid={`public-learn-open-${a.id}`}>
                      <Typography.Text strong style={{ fontSize: 16, color: 'inherit' }}>
                        {pick(lang, a.titleZh, a.titleEn)}
                      </Typography.Text>
                    </Link>
                  </Space>
                  <Typography.Paragraph style={{ marginBottom: 0 }}>
                    {pick(lang, a.summaryZh, a.summaryEn)}
                  </Typography.Paragraph>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatTime(a.publishedAt, lang)}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )
      ) : null}
      <Typography.Paragraph style={{ marginTop: 16 }}>
        <Link to="/p/report">{lt('public.report')}</Link>
      </Typography.Paragraph>
    </Card>
  )
}
