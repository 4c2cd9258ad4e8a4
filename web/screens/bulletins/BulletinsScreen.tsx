// 通报 (A5.1), regulator only: the bulletins the caller's organisation issued or received (the city CAC: all), newest
// first, unread ones or all — number, title, issuing organisation, when, how many recipients have read it, and an
// unread tag where it is addressed to the caller's organisation and not read. A row opens the bulletin's drawer
// (`?bulletin=<id>`, so other pages may link one); those who manage cases issue new ones.
import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Empty, Segmented, Space, Table, type TableColumnsType, Typography } from 'antd'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import type { BulletinView } from '../../api/types.ts'
import { useLang } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { BulletinDrawer } from './BulletinDrawer.tsx'
import { unreadByMe, useBulletins } from './bulletinsApi.ts'
import { ReadCountTag, UnreadTag } from './bulletinUi.tsx'
import { IssueBulletinDrawer } from './IssueBulletinDrawer.tsx'
import { useBT } from './strings.ts'

type Show = 'unread' | 'all'

export default function BulletinsScreen() {
  const bt = useBT()
  const lang = useLang()
  const can = useCan()
  const [params, setParams] = useSearchParams()
  const [showing, setShowing] = useState<Show>('all')
  const [issuing, setIssuing] = useState(false)
  const all = useBulletins({})
  const unread = useBulletins({ unread: true })
  const list = showing === 'unread' ? unread : all
  const unreadCount = (all.data ?? []).filter(unreadByMe).length
  const open = params.get('bulletin')
  const show = (id: string | null) => setParams(id ? { bulletin: id } : {}, { replace: true })

  const columns: TableColumnsType<BulletinView> = [
    {
      title: bt('col.number'),
      key: 'number',
      width: 130,
      render: (_: unknown, b) => (
        <Typography.Text strong style={{ whiteSpace: 'nowrap' }} data-testid={`bulletin-number-${b.id}`}>
          {b.number}
        </Typography.Text>
      ),
    },
    {
      title: bt('col.title'),
      key: 'title',
      width: 380,
      render: (_: unknown, b) => (
        <Space size={6} align="start">
          <UnreadTag b={b} testId={`bulletin-unread-${b.id}`} />
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: b.title }} style={{ marginBottom: 0 }}>
            {b.title}
          </Typography.Paragraph>
        </Space>
      ),
    },
    { title: bt('col.issuer'), key: 'issuer', width: 150, render: (_: unknown, b) => b.issuingNameZh },
    {
      title: bt('col.issuedAt'),
      key: 'issuedAt',
      width: 160,
      render: (_: unknown, b) => (
        <Typography.Text style={{ whiteSpace: 'nowrap' }}>{formatTime(b.issuedAt, lang)}</Typography.Text>
      ),
    },
    {
      title: bt('col.recipients'),
      key: 'recipients',
      width: 110,
      render: (_: unknown, b) => <ReadCountTag b={b} testId={`bulletin-read-count-${b.id}`} />,
    },
  ]

  return (
    <Card title={bt('title')}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="info" showIcon title={bt('intro')} />
        <Space size={12} wrap style={{ width: '100%', justifyContent: 'space-between' }}>
          <Segmented<Show>
            data-testid="bulletins-filter"
            value={showing}
            onChange={setShowing}
            options={[
              {
                value: 'unread',
                label: (
                  <span data-testid="bulletins-filter-unread">
                    {bt('filter.unread')}
                    {unreadCount > 0 ? ` (${unreadCount})` : ''}
                  </span>
                ),
              },
              { value: 'all', label: <span data-testid="bulletins-filter-all">{bt('filter.all')}</span> },
            ]}
          />
          {can('case.manage') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setIssuing(true)}
              data-testid="bulletin-new"
            >
              {bt('new')}
            </Button>
          ) : null}
        </Space>
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<BulletinView>
          data-testid="bulletins"
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{
            emptyText: <Empty description={bt(showing === 'unread' ? 'emptyUnread' : 'empty')} />,
          }}
          onRow={(b) =>
            ({
              onClick: () => show(b.id),
              style: { cursor: 'pointer' },
              'data-testid': `bulletin-row-${b.id}`,
              'data-number': b.number,
              'data-unread': String(unreadByMe(b)),
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </Space>
      {open ? <BulletinDrawer id={open} onClose={() => show(null)} /> : null}
      {issuing ? (
        <IssueBulletinDrawer
          onClose={() => setIssuing(false)}
          onIssued={(b) => {
            setIssuing(false)
            show(b.id)
          }}
        />
      ) : null}
    </Card>
  )
}
