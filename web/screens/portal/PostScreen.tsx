// One post: the post itself (its fiction label and, once confirmed false, its red label at the top), its comments
// with their replies, its bullet comments on their timeline, and the boxes that add a comment, a reply or a bullet
// comment. Every item has its report entry (A15).
import { Button, Card, Empty, List, Space, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { Link, useParams } from 'react-router'
import type { ContentView } from '../../api/types.ts'
import { useT } from '../../app/i18n.ts'
import { ErrorAlert } from '../../app/ui.tsx'
import { FalseLabelTag, FictionTag, ItemByline, PublishBox, timelineOf } from '../../portal/contentUi.tsx'
import { usePost, useThread } from '../../portal/portalApi.ts'
import { usePortalTitle } from '../../portal/portalUi.tsx'
import { ReportButton } from '../../portal/reportUi.tsx'
import { useUserState } from '../../portal/userSession.tsx'
import { LikeButton } from '../recommendation/feedUi.tsx'
import { useInteract } from '../recommendation/recommendationApi.ts'

export default function PostScreen() {
  const { id = '' } = useParams()
  const t = useT()
  const post = usePost(id)
  const thread = useThread(id)
  const user = useUserState().data
  const interact = useInteract()
  const viewed = post.data?.id
  // a signed-in reader's view counts towards the post's engagement and their interest tags (A14)
  // biome-ignore lint/correctness/useExhaustiveDependencies: once per post and user
  useEffect(() => {
    if (user && viewed) interact.mutate({ itemId: viewed, kind: 'view' })
  }, [user?.user.id, viewed])
  usePortalTitle(t('content.post.title'))
  if (post.isError) {
    return (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <ErrorAlert error={post.error} onRetry={() => post.refetch()} />
        <Link to="/u">{t('content.backToFeed')}</Link>
      </Space>
    )
  }
  const items = thread.data ?? []
  const comments = items.filter((i) => i.kind === 'comment')
  const replies = items.filter((i) => i.kind === 'reply')
  const danmaku = items
    .filter((i) => i.kind === 'danmaku')
    .sort((a, b) => (a.danmakuMs ?? 0) - (b.danmakuMs ?? 0))
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="post-page">
      <Link to="/u">{t('content.backToFeed')}</Link>
      <Card loading={post.isPending} data-testid="post">
        {post.data ? (
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            <FalseLabelTag item={post.data} />
            <FictionTag item={post.data} />
            <ItemByline
              item={post.data}
              extra={
                <Space size={0}>
                  {user ? <LikeButton itemId={post.data.id} /> : null}
                  <ReportButton item={post.data} />
                </Space>
              }
            />
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 16, marginBottom: 0 }}>
              {post.data.text}
            </Typography.Paragraph>
          </Space>
        ) : null}
      </Card>
      <Card title={t('content.comments', { n: comments.length })} loading={thread.isPending}>
        {thread.isError ? <ErrorAlert error={thread.error} onRetry={() => thread.refetch()} /> : null}
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <PublishBox
            kind="comment"
            parentId={id}
            prefix="comment"
            placeholder={t('content.commentPlaceholder')}
          />
          <div data-testid="post-comments">
            {comments.length === 0 ? (
              <Empty description={t('content.noComments')} />
            ) : (
              <List
                itemLayout="vertical"
                dataSource={comments}
                rowKey="id"
                renderItem={(c) => (
                  <Comment comment={c} replies={replies.filter((r) => r.parentId === c.id)} />
                )}
              />
            )}
          </div>
        </Space>
      </Card>
      <Card title={t('content.danmaku.title', { n: danmaku.length })} data-testid="post-danmaku">
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <PublishBox
            kind="danmaku"
            parentId={id}
            prefix="danmaku"
            danmaku
            rows={1}
            placeholder={t('content.danmaku.placeholder')}
          />
          {danmaku.length === 0 ? null : (
            <List
              size="small"
              dataSource={danmaku}
              rowKey="id"
              renderItem={(d) => (
                <List.Item data-testid={`danmaku-${d.id}`}>
                  <Space size={8} wrap>
                    <Typography.Text code>{timelineOf(d.danmakuMs)}</Typography.Text>
                    <FalseLabelTag item={d} />
                    <FictionTag item={d} />
                    <span>{d.text}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {d.authorName}
                    </Typography.Text>
                    <ReportButton item={d} />
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Space>
      </Card>
    </Space>
  )
}

function Comment({ comment, replies }: { comment: ContentView; replies: ContentView[] }) {
  const t = useT()
  const [replying, setReplying] = useState(false)
  return (
    <List.Item data-testid={`comment-${comment.id}`}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <FalseLabelTag item={comment} />
        <FictionTag item={comment} />
        <ItemByline
          item={comment}
          extra={
            <>
              <Button
                type="link"
                size="small"
                onClick={() => setReplying((r) => !r)}
                data-testid={`reply-link-${comment.id}`}
              >
                {t('content.reply')}
              </Button>
              <ReportButton item={comment} />
            </>
          }
        />
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
          {comment.text}
        </Typography.Paragraph>
        {replies.length > 0 ? (
          <div style={{ paddingLeft: 24, borderLeft: '2px solid rgba(0,0,0,0.06)' }}>
            {replies.map((r) => (
              <div key={r.id} data-testid={`reply-${r.id}`} style={{ marginBottom: 8 }}>
                <FalseLabelTag item={r} />
                <FictionTag item={r} />
                <ItemByline item={r} extra={<ReportButton item={r} />} />
                <div style={{ whiteSpace: 'pre-wrap' }}>{r.text}</div>
              </div>
            ))}
          </div>
        ) : null}
        {replying ? (
          <div style={{ paddingLeft: 24 }}>
            <PublishBox
              kind="reply"
              parentId={comment.id}
              prefix={`reply-${comment.id}`}
              rows={2}
              placeholder={t('content.replyPlaceholder', { name: comment.authorName })}
            />
          </div>
        ) : null}
      </Space>
    </List.Item>
  )
}
