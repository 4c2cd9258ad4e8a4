// One education article (A6) on the public site: in the reader's language, with the other language below it, the
// publisher and the date.
import { Card, Divider, Space, Tag, Typography } from 'antd'
import { Link, useParams } from 'react-router'
import { pick, useLang } from '../../app/i18n.ts'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { usePortalTitle } from '../../portal/portalUi.tsx'
import { usePublicArticle } from './learnApi.ts'
import { topicKey, useLT } from './strings.ts'

export default function LearnArticleScreen() {
  const { id = '' } = useParams()
  const lt = useLT()
  const lang = useLang()
  const a = usePublicArticle(id)
  usePortalTitle(a.data ? pick(lang, a.data.titleZh, a.data.titleEn) : lt('public.title'))
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Link to="/p/learn">{lt('public.back')}</Link>
      {a.isError ? <ErrorAlert error={a.error} onRetry={() => a.refetch()} /> : null}
      <Card loading={a.isPending} data-testid="public-learn-article">
        {a.data ? (
          <>
            <Tag color="blue">{lt(topicKey(a.data.topic))}</Tag>
            <Typography.Title level={3} style={{ marginTop: 8 }}>
              {pick(lang, a.data.titleZh, a.data.titleEn)}
            </Typography.Title>
            <Typography.Paragraph type="secondary">
              {lt('public.publisher')}：{pick(lang, a.data.organisationNameZh, a.data.organisationNameEn)} ·{' '}
              {lt('public.publishedAt')}：{formatTime(a.data.publishedAt, lang)}
            </Typography.Paragraph>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }}>
              {pick(lang, a.data.bodyZh, a.data.bodyEn)}
            </Typography.Paragraph>
            <Divider />
            <Typography.Paragraph
              type="secondary"
              style={{ whiteSpace: 'pre-wrap' }}
              lang={lang === 'zh' ? 'en' : 'zh'}
            >
              {pick(lang, a.data.bodyEn, a.data.bodyZh)}
            </Typography.Paragraph>
          </>
        ) : null}
      </Card>
    </Space>
  )
}
