// 行政处罚信息公示 (A26): the penalty decisions on display today, each with its party, the articles, the measures that
// are published, its display period and the deciding organ — the same list as GET /api/public/disclosures.
import { useQuery } from '@tanstack/react-query'
import { Card, Empty, List, Space, Tag, Typography } from 'antd'
import { get } from '../../app/api.ts'
import { ErrorAlert } from '../../app/ui.tsx'
import { usePortalTitle } from '../../portal/portalUi.tsx'
import { type DTranslate, useDT } from './disclosureStrings.ts'

export interface PublicDisclosure {
  decisionNumber: string
  partyName: string
  article: string
  violated: string[]
  measures: { kind: string; amountYuan?: number }[]
  personsFined: number
  months: number
  from: string
  until: string
  decidedOn: string
  organ: string
}

function measureText(m: { kind: string; amountYuan?: number }, dt: DTranslate): string {
  const key = `kind.${m.kind}` as Parameters<DTranslate>[0]
  const label = dt(key) || m.kind
  return m.amountYuan !== undefined ? `${label} ${dt('yuan', { n: m.amountYuan.toLocaleString() })}` : label
}

export default function DisclosuresScreen() {
  const dt = useDT()
  usePortalTitle(dt('title'))
  const list = useQuery({
    queryKey: ['public', 'disclosures'],
    queryFn: () =>
      get<{ rulesVersion: string; items: PublicDisclosure[] }>('/api/public/disclosures', {
        ignoreUnauthorized: true,
      }),
  })
  return (
    <Card
      title={dt('title')}
      loading={list.isPending}
      data-testid="public-disclosures"
      extra={
        <a href="/api/public/disclosures" target="_blank" rel="noreferrer">
          {dt('json')}
        </a>
      }
    >
      <Typography.Paragraph type="secondary">{dt('intro')}</Typography.Paragraph>
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
      {list.data ? (
        list.data.items.length === 0 ? (
          <Empty description={dt('empty')} />
        ) : (
          <List
            itemLayout="vertical"
            dataSource={list.data.items}
            rowKey="decisionNumber"
            renderItem={(d) => (
              <List.Item data-testid={`public-disclosure-${d.decisionNumber}`}>
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {d.decisionNumber}
                  </Typography.Text>
                  <Typography.Text>
                    {dt('party')}：{d.partyName}
                  </Typography.Text>
                  <Space size={4} wrap>
                    <Typography.Text type="secondary">{dt('basis')}：</Typography.Text>
                    {d.violated.map((v) => (
                      <Tag key={v}>{v}</Tag>
                    ))}
                    <Tag color="purple">{d.article}</Tag>
                  </Space>
                  <Typography.Text>
                    {dt('measures')}：{d.measures.map((m) => measureText(m, dt)).join('；')}
                    {d.personsFined > 0 ? `；${dt('persons', { n: d.personsFined })}` : ''}
                  </Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {dt('decided', { organ: d.organ, date: d.decidedOn })} ·{' '}
                    {dt('period', { from: d.from, until: d.until })}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        )
      ) : null}
    </Card>
  )
}
