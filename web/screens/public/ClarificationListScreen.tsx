// The regulator's published clarifications (辟谣), newest first: each claim marked false or misleading, the title,
// and the date; a tap opens the clarification.
import { Card, Empty, List, Space, Typography } from 'antd'
import { Link } from 'react-router'
import type { PublicClarification } from '../../api/types.ts'
import { pick, useLang, useT } from '../../app/i18n.ts'
import { useNode } from '../../app/queries.ts'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { usePortalTitle } from '../../portal/portalUi.tsx'
import { usePublicClarifications } from '../../public-site/publicApi.ts'
import { ClaimMark } from '../../public-site/publicUi.tsx'

export default function ClarificationListScreen() {
  const t = useT()
  const lang = useLang()
  const node = useNode()
  const list = usePublicClarifications()
  usePortalTitle(t('public.clarifications.title'))
  const name = node.data ? pick(lang, node.data.nameZh, node.data.nameEn) : ''
  return (
    <Card
      title={t('public.clarifications.title')}
      loading={list.isPending}
      data-testid="public-clarifications"
    >
      <Typography.Paragraph type="secondary">
        {t('public.clarifications.intro', { name })}
      </Typography.Paragraph>
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
      {list.data ? (
        list.data.length === 0 ? (
          <Empty description={t('public.clarifications.empty')} />
        ) : (
          <List itemLayout="vertical" dataSource={list.data} rowKey="id" renderItem={(c) => <Item c={c} />} />
        )
      ) : null}
    </Card>
  )
}

function Item({ c }: { c: PublicClarification }) {
  const t = useT()
  const lang = useLang()
  return (
    <List.Item data-testid={`public-clarification-${c.id}`}>
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Link to={`/p/clarifications/${c.id}`} data-testid={`public-clarification-open-${c.id}`}>
          <Typography.Text strong style={{ fontSize: 16, color: 'inherit' }}>
            {c.title}
          </Typography.Text>
        </Link>
        <ClaimMark claim={c.claim} verdict={c.verdict} small />
        <Space size={12} wrap>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatTime(c.publishedAt, lang)}
          </Typography.Text>
          <Link to={`/p/clarifications/${c.id}`}>{t('public.clarifications.read')}</Link>
        </Space>
      </Space>
    </List.Item>
  )
}
