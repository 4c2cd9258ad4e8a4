// One clarification: its full text, who signed it and when (drafted, co-signed, approved, published), its public
// link, the steps the person may take, and what each platform did — asked again every 2 s while any platform has
// yet to answer.
import { SyncOutlined } from '@ant-design/icons'
import { Card, Descriptions, Drawer, Space, Table, type TableColumnsType, Typography } from 'antd'
import { useState } from 'react'
import { useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert, formatInstant, formatTime } from '../../app/ui.tsx'
import { useClarification, waiting } from './clarificationsApi.ts'
import {
  ClarificationStatusTag,
  DeliveriesTable,
  durationText,
  type Names,
  StepButtons,
  useViewer,
  VerdictTag,
} from './clarificationUi.tsx'

interface Signature {
  key: string
  step: string
  department: string
  person: string | null
  at: string | null
}

export function ClarificationDrawer({
  id,
  names,
  onClose,
}: {
  id: string
  names: Names
  onClose: () => void
}) {
  const t = useT()
  const lang = useLang()
  const viewer = useViewer()
  const one = useClarification(id)
  const [refusal, setRefusal] = useState<unknown>(null)
  const c = one.data

  const signatures: Signature[] = c
    ? [
        {
          key: 'drafted',
          step: t('clarifications.col.drafted'),
          department: names.orgName(c.authorOrgId),
          person: c.draftedByName,
          at: c.draftedAt,
        },
        ...(c.cosignOrgId !== null
          ? [
              {
                key: 'cosigned',
                step: t('clarifications.col.cosign'),
                department: names.orgName(c.cosignOrgId),
                person: c.cosignedByName,
                at: c.cosignedAt,
              },
            ]
          : []),
        {
          key: 'approved',
          step: t('clarifications.col.approved'),
          department: '',
          person: c.approvedByName,
          at: c.approvedAt,
        },
        {
          key: 'published',
          step: t('clarifications.detail.published'),
          department: '',
          person: null,
          at: c.publishedAt,
        },
      ]
    : []
  const signatureColumns: TableColumnsType<Signature> = [
    { title: '', dataIndex: 'step', key: 'step', width: 90 },
    {
      title: t('clarifications.detail.department'),
      dataIndex: 'department',
      key: 'department',
      render: (d: string) => d || t('common.none'),
    },
    {
      title: t('clarifications.detail.person'),
      dataIndex: 'person',
      key: 'person',
      render: (p: string | null, s) => (
        <span data-testid={`signature-${s.key}`}>{p ?? t('common.none')}</span>
      ),
    },
    {
      title: t('clarifications.detail.at'),
      dataIndex: 'at',
      key: 'at',
      render: (at: string | null) => (at ? formatInstant(at, lang) : t('common.none')),
    },
  ]

  return (
    <Drawer open size={960} onClose={onClose} destroyOnHidden title={t('clarifications.detail.title')}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="clarification-drawer">
        {one.isError ? <ErrorAlert error={one.error} onRetry={() => one.refetch()} /> : null}
        {refusal ? <ErrorAlert error={refusal} /> : null}
        {c ? (
          <>
            <Space size={8} wrap>
              <ClarificationStatusTag status={c.status} testId="clarification-drawer-status" />
              <StepButtons
                c={c}
                viewer={viewer}
                cosignOrgName={names.orgName(c.cosignOrgId)}
                onRefused={setRefusal}
                size="middle"
                explain
              />
            </Space>
            <Descriptions
              size="small"
              bordered
              column={{ xs: 1, md: 2 }}
              items={[
                {
                  key: 'title',
                  label: t('clarifications.field.title'),
                  span: 2,
                  children: (
                    <Typography.Text strong data-testid="clarification-drawer-title">
                      {c.title}
                    </Typography.Text>
                  ),
                },
                {
                  key: 'claim',
                  label: t('clarifications.field.claim'),
                  span: 2,
                  children: (
                    <Space size={8} align="start">
                      <VerdictTag verdict={c.verdict} />
                      <span data-testid="clarification-drawer-claim">{c.claim}</span>
                    </Space>
                  ),
                },
                {
                  key: 'body',
                  label: t('clarifications.field.body'),
                  span: 2,
                  children: (
                    <Typography.Paragraph
                      style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
                      data-testid="clarification-drawer-body"
                    >
                      {c.body}
                    </Typography.Paragraph>
                  ),
                },
                {
                  key: 'reportedAt',
                  label: t('clarifications.detail.reportedAt'),
                  children: formatTime(c.reportedAt, lang) ?? t('common.none'),
                },
                {
                  key: 'reportTo',
                  label: t('clarifications.col.reportToClarification'),
                  children: durationText(c.reportToClarificationMs, t) ?? t('common.none'),
                },
                {
                  key: 'url',
                  label: t('clarifications.detail.url'),
                  span: 2,
                  children: (
                    <Space size={8} wrap>
                      {c.status === 'published' ? (
                        <Typography.Link
                          href={c.url}
                          target="_blank"
                          rel="noopener noreferrer"
                          copyable={{ text: c.url }}
                          data-testid="clarification-drawer-url"
                        >
                          {c.url}
                        </Typography.Link>
                      ) : (
                        <Typography.Text type="secondary" data-testid="clarification-drawer-url">
                          {c.url} {t('clarifications.detail.urlNotYet')}
                        </Typography.Text>
                      )}
                    </Space>
                  ),
                },
              ]}
            />
            <Card size="small" title={t('clarifications.detail.signatures')}>
              <Table<Signature>
                rowKey="key"
                size="small"
                columns={signatureColumns}
                dataSource={signatures}
                pagination={false}
              />
            </Card>
            <Card
              size="small"
              title={t('clarifications.detail.deliveries')}
              extra={
                waiting(c) ? (
                  <Typography.Text type="secondary" data-testid="clarification-polling">
                    <SyncOutlined spin /> {t('clarifications.detail.polling')}
                  </Typography.Text>
                ) : null
              }
            >
              {c.status === 'published' ? (
                <DeliveriesTable c={c} nameOf={names.platformName} />
              ) : (
                <Typography.Text type="secondary">{t('clarifications.detail.notPublished')}</Typography.Text>
              )}
            </Card>
          </>
        ) : null}
      </Space>
    </Drawer>
  )
}
