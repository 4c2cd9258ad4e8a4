// The recommended feed's parts in the portal: why an item is shown (A14), the pin, and the like button.
import { LikeFilled, LikeOutlined, PushpinFilled, QuestionCircleOutlined } from '@ant-design/icons'
import { Button, List, Popover, Tag, Typography } from 'antd'
import type { WhyReason } from './recommendationApi.ts'
import { useInteract, useLiked, useWithdrawLike } from './recommendationApi.ts'
import { type RTranslate, useRT } from './strings.ts'

export function whyText(r: WhyReason, rt: RTranslate): string {
  switch (r.code) {
    case 'interest':
      return rt('why.interest', { tags: (r.tags ?? []).join('、') })
    case 'encouraged':
      return rt('why.encouraged', { topics: r.topics?.length ? `：${r.topics.join('、')}` : '' })
    case 'pinned':
    case 'boosted':
    case 'demoted':
      return rt(`why.${r.code}`, { reason: r.reason ?? '' })
    default:
      return rt(`why.${r.code}`)
  }
}

export function WhyButton({ itemId, why }: { itemId: string; why: WhyReason[] }) {
  const rt = useRT()
  return (
    <Popover
      trigger="click"
      title={rt('why.title')}
      content={
        <List
          size="small"
          data-testid={`why-list-${itemId}`}
          dataSource={why}
          renderItem={(r, i) => (
            <List.Item key={i} data-why={r.code}>
              <Typography.Text>{whyText(r, rt)}</Typography.Text>
            </List.Item>
          )}
          style={{ maxWidth: 320 }}
        />
      }
    >
      <Button type="link" size="small" icon={<QuestionCircleOutlined />} data-testid={`why-${itemId}`}>
        {rt('why')}
      </Button>
    </Popover>
  )
}

export function PinnedTag() {
  const rt = useRT()
  return (
    <Tag color="red" icon={<PushpinFilled />} data-testid="pinned-tag">
      {rt('pinned')}
    </Tag>
  )
}

/**
 * A like, for a signed-in user, and its withdrawal: a second click takes it back (the item's count and the user's
 * interests fall back). `liked` is the server's word where the page has it (the feed); without it (the post page)
 * the button asks the server.
 */
export function LikeButton({ itemId, liked: given }: { itemId: string; liked?: boolean }) {
  const rt = useRT()
  const interact = useInteract()
  const withdraw = useWithdrawLike()
  const asked = useLiked(itemId, given === undefined)
  // both mutations mark the item in the cached feed and the cached answer, so this follows them at once
  const liked = given ?? asked.data?.liked ?? false
  return (
    <Button
      type="link"
      size="small"
      icon={liked ? <LikeFilled /> : <LikeOutlined />}
      aria-pressed={liked}
      title={liked ? rt('unlike') : rt('like')}
      loading={interact.isPending || withdraw.isPending}
      data-testid={`like-${itemId}`}
      data-liked={liked ? 'true' : 'false'}
      onClick={() => (liked ? withdraw.mutate(itemId) : interact.mutate({ itemId, kind: 'like' }))}
    >
      {liked ? rt('liked') : rt('like')}
    </Button>
  )
}
