// The portal's home: the publish box for a signed-in user, then the newest published posts, each fiction-labelled
// one with its label at the top (A11.2), one confirmed false with its red label and clarification (A16), and each
// with its report entry (A15).
import { MessageOutlined } from '@ant-design/icons'
import { Card, Empty, List, Space, Typography } from 'antd'
import { Link } from 'react-router'
import type { ContentView } from '../../api/types.ts'
import { useT } from '../../app/i18n.ts'
import { ErrorAlert } from '../../app/ui.tsx'
import { FalseLabelTag, FictionTag, ItemByline, PublishBox } from '../../portal/contentUi.tsx'
import { useFeed } from '../../portal/portalApi.ts'
import { usePortalTitle } from '../../portal/portalUi.tsx'
import { ReportButton } from '../../portal/reportUi.tsx'

export default function FeedScreen() {
  const t = useT()
  const feed = useFeed()
  usePortalTitle(t('content.feed.title'))
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('content.publishTitle')} data-testid="publish-box">
        <PublishBox
          kind="post"
          prefix="publish"
          fiction
          placeholder={t('content.postPlaceholder')}
          rows={4}
        />
      </Card>
      <Card title={t('content.feed.title')} loading={feed.isPending}>
        {feed.isError ? <ErrorAlert error={feed.error} onRetry={() => feed.refetch()} /> : null}
        {feed.data ? (
          feed.data.length === 0 ? (
            <Empty description={t('content.feed.empty')} />
          ) : (
            <List
              data-testid="feed"
              itemLayout="vertical"
              dataSource={feed.data}
              rowKey="id"
              renderItem={(item) => <FeedItem item={item} />}
            />
          )
        ) : null}
      </Card>
    </Space>
  )
}

function FeedItem({ item }: { item: ContentView }) {
  const t = useT()
  return (
    <List.Item
      data-testid={`feed-item-${item.id}`}
      data-fiction={item.fictionLabel ? 'true' : 'false'}
      actions={[
        <Link key="open" to={`/u/posts/${item.id}`} data-testid={`feed-open-${item.id}`}>
          <MessageOutlined /> {t('content.openPost')}
        </Link>,
        <ReportButton key="report" item={item} />,
      ]}
    >
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <FalseLabelTag item={item} />
        <FictionTag item={item} />
        <ItemByline item={item} />
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0, fontSize: 15 }}>
          {item.text}
        </Typography.Paragraph>
      </Space>
    </List.Item>
  )
}
