// One published clarification, as platforms link to it from every item they labelled: the title, the claim as it
// circulated marked false or misleading, the facts, the date and the publisher. While it is shown, the page head
// carries its schema.org ClaimReview as JSON-LD, so that search engines and fact-check readers can find it.
import { Card, Descriptions, Result, Space, Typography } from 'antd'
import { useEffect } from 'react'
import { Link, useParams } from 'react-router'
import type { ClaimReview } from '../../api/types.ts'
import { errorMessage, isApiError } from '../../app/api.ts'
import { pick, useLang, useT } from '../../app/i18n.ts'
import { useNode } from '../../app/queries.ts'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { usePortalTitle } from '../../portal/portalUi.tsx'
import { usePublicClarification } from '../../public-site/publicApi.ts'
import { ClaimMark } from '../../public-site/publicUi.tsx'

/** Puts the ClaimReview into the document head while the page shows it. */
function useClaimReview(review: ClaimReview | undefined): void {
  useEffect(() => {
    if (!review) return
    const script = document.createElement('script')
    script.type = 'application/ld+json'
    script.dataset.claimReview = 'true'
    // textContent, not innerHTML: the text is never parsed as markup.
    script.textContent = JSON.stringify(review)
    document.head.appendChild(script)
    return () => script.remove()
  }, [review])
}

export default function ClarificationScreen() {
  const { id = '' } = useParams()
  const t = useT()
  const lang = useLang()
  const node = useNode()
  const one = usePublicClarification(id)
  const c = one.data
  usePortalTitle(c?.title ?? t('public.clarifications.title'))
  useClaimReview(c?.claimReview)
  const back = (
    <Link to="/p/clarifications" data-testid="public-clarification-back">
      {t('public.clarifications.back')}
    </Link>
  )
  if (one.isError) {
    return isApiError(one.error) && one.error.status === 404 ? (
      <Result
        status="404"
        data-testid="public-clarification-missing"
        title={errorMessage(one.error, lang)}
        extra={back}
      />
    ) : (
      <Space orientation="vertical" style={{ width: '100%' }}>
        <ErrorAlert error={one.error} onRetry={() => one.refetch()} />
        {back}
      </Space>
    )
  }
  const publisher = node.data
    ? pick(lang, node.data.nameZh, node.data.nameEn)
    : (c?.claimReview.author.name ?? '')
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      {back}
      <Card loading={one.isPending} data-testid="public-clarification">
        {c ? (
          <article>
            <Typography.Title level={3} style={{ marginTop: 0 }} data-testid="public-clarification-title">
              {c.title}
            </Typography.Title>
            <Typography.Text type="secondary" className="ql-site-label">
              {t('public.clarifications.claim')}
            </Typography.Text>
            <ClaimMark claim={c.claim} verdict={c.verdict} testId="public-clarification-claim" />
            <Typography.Title level={5}>{t('public.clarifications.facts')}</Typography.Title>
            <Typography.Paragraph
              style={{ whiteSpace: 'pre-wrap', fontSize: 16, lineHeight: 1.8 }}
              data-testid="public-clarification-body"
            >
              {c.body}
            </Typography.Paragraph>
            <Descriptions
              size="small"
              column={1}
              items={[
                {
                  key: 'publisher',
                  label: t('public.clarifications.publisher'),
                  children: <span data-testid="public-clarification-publisher">{publisher}</span>,
                },
                {
                  key: 'date',
                  label: t('public.clarifications.publishedAt'),
                  children: (
                    <time dateTime={c.publishedAt} data-testid="public-clarification-date">
                      {formatTime(c.publishedAt, lang)}
                    </time>
                  ),
                },
              ]}
            />
          </article>
        ) : null}
      </Card>
    </Space>
  )
}
