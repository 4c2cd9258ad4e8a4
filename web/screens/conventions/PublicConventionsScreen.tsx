// 行业自律公约 (A10) on the public site: each published version, its text, and the platforms that signed it.
import { Card, Empty, List, Space, Tag, Typography } from 'antd'
import { pick, useLang } from '../../app/i18n.ts'
import { useNode } from '../../app/queries.ts'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { usePortalTitle } from '../../portal/portalUi.tsx'
import { usePublicConventions } from './conventionsApi.ts'
import { useCT } from './strings.ts'

export default function PublicConventionsScreen() {
  const ct = useCT()
  const lang = useLang()
  const node = useNode()
  const list = usePublicConventions()
  usePortalTitle(ct('public.title'))
  const name = node.data ? pick(lang, node.data.nameZh, node.data.nameEn) : ''
  return (
    <Card title={ct('public.title')} loading={list.isPending} data-testid="public-conventions">
      <Typography.Paragraph type="secondary">{ct('public.intro', { name })}</Typography.Paragraph>
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
      {list.data && list.data.length === 0 ? <Empty description={ct('empty')} /> : null}
      <List
        dataSource={list.data ?? []}
        rowKey="id"
        itemLayout="vertical"
        renderItem={(c) => {
          const signed = c.platforms.filter((p) => p.signedAt !== null)
          return (
            <List.Item data-testid={`public-convention-${c.id}`}>
              <Space wrap>
                <Typography.Text strong style={{ fontSize: 16 }}>
                  {c.title}
                </Typography.Text>
                <Tag>{ct('version', { version: c.version })}</Tag>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(c.publishedAt, lang)}
                </Typography.Text>
              </Space>
              <Typography.Paragraph
                style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}
                ellipsis={{ rows: 6, expandable: true }}
              >
                {c.body}
              </Typography.Paragraph>
              <Space wrap>
                <Typography.Text type="secondary">{ct('public.signatories')}：</Typography.Text>
                {signed.length === 0 ? (
                  <Typography.Text type="secondary">{ct('public.none')}</Typography.Text>
                ) : (
                  signed.map((p) => (
                    <Tag key={p.platformNodeId} color="green">
                      {pick(lang, p.nameZh, p.nameEn)}
                    </Tag>
                  ))
                )}
              </Space>
            </List.Item>
          )
        }}
      />
    </Card>
  )
}
