// The portal's home: the publish box for a signed-in user, then the recommended feed (A14: personalised for a
// signed-in user unless they turned it off, each item with why it is shown, pinned items first) or the newest posts;
// each fiction-labelled one with its label at the top (A11.2), one confirmed false with its red label and
// clarification (A16), and each with its report entry (A15).
import { MessageOutlined, SettingOutlined } from '@ant-design/icons'
import { Card, Empty, List, Space, Tabs, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import type { ContentView } from '../../api/types.ts'
import { useT } from '../../app/i18n.ts'
import { ErrorAlert } from '../../app/ui.tsx'
import { FalseLabelTag, FictionTag, ItemByline, PublishBox } from '../../portal/contentUi.tsx'
import { useFeed } from '../../portal/portalApi.ts'
import { usePortalTitle } from '../../portal/portalUi.tsx'
import { ReportButton } from '../../portal/reportUi.tsx'
import { useUserState } from '../../portal/userSession.tsx'
import { LikeButton, PinnedTag, WhyButton } from '../recommendation/feedUi.tsx'
import { type FeedItemView, useRecommendedFeed } from '../recommendation/recommendationApi.ts'
import { useRT } from '../recommendation/strings.ts'

export default function FeedScreen() {
  const t = useT()
  const rt = useRT()
  const [tab, setTab] = useState<'recommended' | 'latest'>('recommended')
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
      <Card
        title={
          <Tabs
            activeKey={tab}
            onChange={(k) => setTab(k as typeof tab)}
            items={[
              {
                key: 'recommended',
                label: <span data-testid="tab-recommended">{rt('tab.recommended')}</span>,
              },
              { key: 'latest', label: <span data-testid="tab-latest">{rt('tab.latest')}</span> },
            ]}
            style={{ marginBottom: -17 }}
          />
        }
      >
        {tab === 'recommended' ? <RecommendedFeed /> : <LatestFeed />}
      </Card>
    </Space>
  )
}

function RecommendedFeed() {
  const rt = useRT()
  const user = useUserState()
  const signedIn = Boolean(user.data)
  const feed = useRecommendedFeed(signedIn)
  if (user.isPending) return null
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }} data-testid="recommended-feed">
      {feed.isError ? <ErrorAlert error={feed.error} onRetry={() => feed.refetch()} /> : null}
      {feed.data ? (
        <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
          <Typography.Text type="secondary" data-testid="feed-mode">
            {!signedIn
              ? rt('feed.anonymous')
              : feed.data.personalised
                ? rt('feed.personalised')
                : rt('feed.notPersonalised')}
          </Typography.Text>
          {signedIn ? (
            <Link to="/u/me/recommendation" data-testid="feed-settings-link">
              <SettingOutlined /> {rt('feed.settings')}
            </Link>
          ) : null}
        </Space>
      ) : null}
      {feed.isPending ? <Card loading variant="borderless" /> : null}
      {feed.data ? (
        feed.data.items.length === 0 ? (
          <Empty description={rt('feed.empty')} />
        ) : (
          <List
            data-testid="feed"
            itemLayout="vertical"
            dataSource={feed.data.items}
            rowKey="id"
            renderItem={(item) => <FeedItem item={item} signedIn={signedIn} />}
          />
        )
      ) : null}
    </Space>
  )
}

function LatestFeed() {
  const t = useT()
  const feed = useFeed()
  return (
    <>
      {feed.isPending ? <Card loading variant="borderless" /> : null}
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
    </>
  )
}

function FeedItem({ item, signedIn }: { item: ContentView | FeedItemView; signedIn?: boolean }) {
  const t = useT()
  const recommended = 'why' in item ? item : null
  return (
    <List.Item
      data-testid={`feed-item-${item.id}`}
      data-fiction={item.fictionLabel ? 'true' : 'false'}
      actions={[
        <Link key="open" to={`/u/posts/${item.id}`} data-testid={`feed-open-${item.id}`}>
          <MessageOutlined /> {t('content.openPost')}
        </Link>,
        ...(recommended ? [<WhyButton key="why" itemId={item.id} why={recommended.why} />] : []),
        ...(recommended && signedIn
          ? [<LikeButton key="like" itemId={item.id} liked={recommended.liked} />]
          : []),
        <ReportButton key="report" item={item} />,
      ]}
    >
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        {recommended?.pinned ? <PinnedTag /> : null}
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
