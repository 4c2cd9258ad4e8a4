// One bulletin in a drawer: its number, title and text, the requirement ids it rests on, who issued it and when, the
// case it is about (a link to the case's drawer), and every recipient with when and by whom it was read — platforms by
// their acknowledgement. A recipient organisation marks it read from here (once, on the ledger).
import { CheckOutlined } from '@ant-design/icons'
import { App, Button, Card, Descriptions, Drawer, List, Space, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import { useLang } from '../../app/i18n.ts'
import { ErrorAlert, formatTime, shortHash } from '../../app/ui.tsx'
import { useCase } from '../cases/casesApi.ts'
import { unreadByMe, useBulletin, useMarkBulletinRead } from './bulletinsApi.ts'
import { ReadCountTag, RecipientLine, UnreadTag } from './bulletinUi.tsx'
import { useBT } from './strings.ts'

export function BulletinDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const bt = useBT()
  const lang = useLang()
  const { message } = App.useApp()
  const one = useBulletin(id)
  const mark = useMarkBulletinRead()
  const b = one.data

  return (
    <Drawer
      open
      size={720}
      onClose={onClose}
      destroyOnHidden
      title={b ? bt('detail.title', { number: b.number }) : ''}
      data-testid="bulletin-drawer"
      extra={
        b && unreadByMe(b) ? (
          <Button
            type="primary"
            icon={<CheckOutlined />}
            loading={mark.isPending}
            data-testid="bulletin-mark-read"
            onClick={() => mark.mutate(b.id, { onSuccess: () => message.success(bt('marked')) })}
          >
            {bt('markRead')}
          </Button>
        ) : null
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="bulletin-detail">
        {one.isError ? <ErrorAlert error={one.error} onRetry={() => one.refetch()} /> : null}
        {mark.isError ? <ErrorAlert error={mark.error} /> : null}
        {b ? (
          <>
            <Descriptions
              size="small"
              bordered
              column={1}
              styles={{ label: { width: 110 } }}
              items={[
                {
                  key: 'title',
                  label: bt('col.title'),
                  children: (
                    <Space wrap size={6}>
                      <Typography.Text strong data-testid="bulletin-drawer-title">
                        {b.title}
                      </Typography.Text>
                      <UnreadTag b={b} testId="bulletin-drawer-unread" />
                    </Space>
                  ),
                },
                {
                  key: 'issuer',
                  label: bt('detail.issuer'),
                  children: (
                    <Space orientation="vertical" size={0}>
                      <span>{b.issuingNameZh}</span>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {bt('detail.issuedBy', {
                          name: b.issuedByName,
                          at: formatTime(b.issuedAt, lang) ?? '',
                        })}
                      </Typography.Text>
                    </Space>
                  ),
                },
                {
                  key: 'articles',
                  label: bt('detail.articles'),
                  children: b.articles.map((a) => <Tag key={a}>{a}</Tag>),
                },
                ...(b.caseId
                  ? [{ key: 'case', label: bt('detail.case'), children: <CaseLink id={b.caseId} /> }]
                  : []),
              ]}
            />
            <Card size="small" title={bt('detail.body')}>
              <Typography.Paragraph
                style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
                data-testid="bulletin-drawer-body"
              >
                {b.body}
              </Typography.Paragraph>
            </Card>
            <Card
              size="small"
              title={`${bt('detail.recipients')} (${b.recipients.length})`}
              extra={<ReadCountTag b={b} testId="bulletin-drawer-read-count" />}
            >
              <List
                size="small"
                data-testid="bulletin-recipients"
                dataSource={b.recipients}
                renderItem={(r) => (
                  <List.Item>
                    <RecipientLine r={r} />
                  </List.Item>
                )}
              />
            </Card>
          </>
        ) : null}
      </Space>
    </Drawer>
  )
}

/** The case a bulletin is about, by its number where the caller may see the case. */
function CaseLink({ id }: { id: string }) {
  const bt = useBT()
  const c = useCase(id)
  return (
    <Link to={`/cases?case=${encodeURIComponent(id)}`} data-testid="bulletin-drawer-case">
      {c.data ? `${c.data.number} ${c.data.title}` : bt('detail.openCase')}
      {c.data ? null : (
        <Typography.Text code style={{ marginInlineStart: 6 }}>
          {shortHash(id)}
        </Typography.Text>
      )}
    </Link>
  )
}
