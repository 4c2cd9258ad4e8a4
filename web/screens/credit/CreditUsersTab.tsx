// The platform's users, by display name only (never a phone or an identity), with verification and credit; a click
// opens one user's credit.
import { LeftOutlined, RightOutlined } from '@ant-design/icons'
import { Alert, Button, Input, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useState } from 'react'
import type { PlatformUserRow } from '../../api/types.ts'
import { useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { CreditUserDrawer } from './CreditUserDrawer.tsx'
import { SEARCH_MAX, USERS_PAGE, useCreditPolicy, usePlatformUsers } from './creditApi.ts'
import { TierTag } from './creditUi.tsx'

export function CreditUsersTab() {
  const t = useT()
  const lang = useLang()
  const [q, setQ] = useState('')
  const [offset, setOffset] = useState(0)
  const [openUser, setOpenUser] = useState<PlatformUserRow | null>(null)
  const users = usePlatformUsers(q, offset)
  const policy = useCreditPolicy()
  const tiers = policy.data?.document.tiers ?? []
  const rows = users.data ?? []

  const columns: TableColumnsType<PlatformUserRow> = [
    {
      title: t('credit.user.displayName'),
      dataIndex: 'displayName',
      key: 'displayName',
      render: (name: string, u) => (
        <Button
          type="link"
          style={{ padding: 0 }}
          onClick={() => setOpenUser(u)}
          data-testid={`credit-user-${u.id}`}
        >
          {name}
        </Button>
      ),
    },
    {
      title: t('credit.user.identity'),
      dataIndex: 'identityVerified',
      key: 'identityVerified',
      render: (verified: boolean, u) => (
        <Tag
          color={verified ? 'success' : 'default'}
          data-testid={`credit-verified-${u.id}`}
          data-state={verified ? 'verified' : 'unverified'}
        >
          {t(verified ? 'portal.identity.verified' : 'portal.identity.unverified')}
        </Tag>
      ),
    },
    {
      title: t('credit.score'),
      dataIndex: 'score',
      key: 'score',
      align: 'right',
      render: (score: number, u) => (
        <Typography.Text strong data-testid={`credit-score-${u.id}`}>
          {score}
        </Typography.Text>
      ),
    },
    {
      title: t('credit.tier'),
      dataIndex: 'tier',
      key: 'tier',
      render: (key: string) => {
        const tier = tiers.find((x) => x.key === key)
        return tier ? <TierTag tier={tier} tiers={tiers} /> : <Tag>{key}</Tag>
      },
    },
    {
      title: t('credit.user.status'),
      dataIndex: 'status',
      key: 'status',
      render: (status: string) =>
        status === 'active' ? (
          <Tag color="green">{t('credit.user.active')}</Tag>
        ) : (
          <Tag color="red">{t('credit.user.suspended')}</Tag>
        ),
    },
    {
      title: t('credit.user.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(at, lang)}</span>,
    },
  ]

  const more = rows.length === USERS_PAGE
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('credit.users.intro')} />
      <Input.Search
        allowClear
        enterButton={t('credit.users.search')}
        placeholder={t('credit.users.searchPlaceholder')}
        maxLength={SEARCH_MAX}
        style={{ maxWidth: 420 }}
        onSearch={(value) => {
          setQ(value.trim())
          setOffset(0)
        }}
        data-testid="credit-search"
      />
      {users.isError ? <ErrorAlert error={users.error} onRetry={() => users.refetch()} /> : null}
      <div data-testid="credit-users">
        <Table<PlatformUserRow>
          rowKey="id"
          size="middle"
          loading={users.isFetching}
          columns={columns}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: t(q ? 'credit.users.noMatch' : 'credit.users.empty') }}
        />
      </div>
      <Space>
        <Button
          icon={<LeftOutlined />}
          disabled={offset === 0 || users.isFetching}
          onClick={() => setOffset(Math.max(0, offset - USERS_PAGE))}
          data-testid="credit-users-prev"
        >
          {t('credit.users.prev')}
        </Button>
        <Button
          icon={<RightOutlined />}
          disabled={!more || users.isFetching}
          onClick={() => setOffset(offset + USERS_PAGE)}
          data-testid="credit-users-next"
        >
          {t('credit.users.next')}
        </Button>
        {rows.length > 0 ? (
          <Typography.Text type="secondary">
            {t('credit.users.range', { from: offset + 1, to: offset + rows.length })}
          </Typography.Text>
        ) : null}
      </Space>
      {openUser ? <CreditUserDrawer user={openUser} onClose={() => setOpenUser(null)} /> : null}
    </Space>
  )
}
