// 移送 (A20), regulator console: the referrals the caller's organisation sent, received or was drawn into (the city
// CAC: all; the procuratorate: what is addressed to it) with their stage and next statutory deadline; a row opens the
// referral (`?referral=<id>`). Those who manage referrals refer a case; the second tab records individuals as case
// parties (A21).
import { PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Space, Table, type TableColumnsType, Tabs, Typography } from 'antd'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert } from '../../app/ui.tsx'
import { IndividualsTab } from './IndividualsTab.tsx'
import { ReferralDrawer } from './ReferralDrawer.tsx'
import { type ReferralView, useReferrals } from './referralsApi.ts'
import { DeadlineText, StatusTag } from './referralUi.tsx'
import { SendReferralDrawer } from './SendReferralDrawer.tsx'
import { useRT } from './strings.ts'

export default function ReferralsScreen() {
  const rt = useRT()
  const can = useCan()
  const [params, setParams] = useSearchParams()
  const [sending, setSending] = useState(false)
  const list = useReferrals()
  const open = params.get('referral')
  const show = (id: string | null) => setParams(id ? { referral: id } : {}, { replace: true })

  const columns: TableColumnsType<ReferralView> = [
    {
      title: rt('col.number'),
      key: 'number',
      width: 130,
      render: (_: unknown, r) => <Typography.Text strong>{r.number}</Typography.Text>,
    },
    {
      title: rt('col.kind'),
      key: 'kind',
      width: 200,
      render: (_: unknown, r) => rt(r.kind === 'criminal' ? 'kind.criminal' : 'kind.public_interest'),
    },
    { title: rt('col.case'), key: 'case', width: 130, render: (_: unknown, r) => r.caseNumber },
    { title: rt('col.receiver'), key: 'receiver', width: 170, render: (_: unknown, r) => r.receivingNameZh },
    { title: rt('col.status'), key: 'status', width: 150, render: (_: unknown, r) => <StatusTag r={r} /> },
    {
      title: rt('col.deadline'),
      key: 'deadline',
      width: 180,
      render: (_: unknown, r) => <DeadlineText r={r} rt={rt} />,
    },
  ]

  const referrals = (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={rt('intro')} />
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
      <Table<ReferralView>
        data-testid="referrals"
        rowKey="id"
        size="middle"
        loading={list.isPending}
        dataSource={list.data ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: rt('empty') }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        onRow={(r) =>
          ({
            onClick: () => show(r.id),
            style: { cursor: 'pointer' },
            'data-testid': `referral-row-${r.id}`,
            'data-number': r.number,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
    </Space>
  )

  return (
    <Card
      title={rt('title')}
      extra={
        can('referral.manage') ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setSending(true)}
            data-testid="referral-new"
          >
            {rt('new')}
          </Button>
        ) : null
      }
    >
      {can('case.read') ? (
        <Tabs
          items={[
            { key: 'referrals', label: rt('tab.referrals'), children: referrals },
            { key: 'individuals', label: rt('tab.individuals'), children: <IndividualsTab /> },
          ]}
        />
      ) : (
        referrals
      )}
      {open ? <ReferralDrawer id={open} onClose={() => show(null)} /> : null}
      {sending ? (
        <SendReferralDrawer
          onClose={() => setSending(false)}
          onSent={(r) => {
            setSending(false)
            show(r.id)
          }}
        />
      ) : null}
    </Card>
  )
}
