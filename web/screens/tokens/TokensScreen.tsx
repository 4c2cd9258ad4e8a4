// API tokens: programs act with them on behalf of an organisation. A token's secret is shown once, when made.
import { PlusOutlined } from '@ant-design/icons'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import {
  Alert,
  App,
  Button,
  Card,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd'
import { useMemo, useState } from 'react'
import type { CreatedToken, Role, TokenView } from '../../api/types.ts'
import { del, errorMessage } from '../../app/api.ts'
import { useLang, useT } from '../../app/i18n.ts'
import { keys, useStaffList, useTokens } from '../../app/queries.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatTime, RoleTags } from '../../app/ui.tsx'
import { TokenCreateModal } from './TokenCreateModal.tsx'
import { TokenRevealModal } from './TokenRevealModal.tsx'

export default function TokensScreen() {
  const t = useT()
  const lang = useLang()
  const can = useCan()
  const tokens = useTokens()
  const staff = useStaffList(can('staff.read'))
  const [creating, setCreating] = useState(false)
  const [created, setCreated] = useState<CreatedToken | null>(null)

  const staffName = useMemo(() => new Map((staff.data ?? []).map((s) => [s.id, s.displayName])), [staff.data])
  // Live tokens first, newest first within each group.
  const rows = useMemo(
    () =>
      [...(tokens.data ?? [])].sort(
        (a, b) =>
          Number(a.revokedAt !== null) - Number(b.revokedAt !== null) ||
          b.createdAt.localeCompare(a.createdAt),
      ),
    [tokens.data],
  )

  const columns: TableColumnsType<TokenView> = [
    { title: t('tokens.name'), dataIndex: 'name', key: 'name' },
    {
      title: t('tokens.prefix'),
      dataIndex: 'prefix',
      key: 'prefix',
      render: (prefix: string) => <Typography.Text code>{prefix}…</Typography.Text>,
    },
    {
      title: t('tokens.roles'),
      dataIndex: 'roles',
      key: 'roles',
      render: (roles: Role[]) => <RoleTags roles={roles} />,
    },
    {
      title: t('tokens.createdBy'),
      dataIndex: 'createdBy',
      key: 'createdBy',
      render: (id: string) => staffName.get(id) ?? <Typography.Text code>{id}</Typography.Text>,
    },
    {
      title: t('tokens.createdAt'),
      dataIndex: 'createdAt',
      key: 'createdAt',
      render: (at: string) => formatTime(at, lang),
    },
    {
      title: t('tokens.lastUsed'),
      dataIndex: 'lastUsedAt',
      key: 'lastUsedAt',
      render: (at: string | null) =>
        formatTime(at, lang) ?? <Typography.Text type="secondary">{t('tokens.neverUsed')}</Typography.Text>,
    },
    {
      title: t('tokens.status'),
      dataIndex: 'revokedAt',
      key: 'status',
      render: (revokedAt: string | null) =>
        revokedAt === null ? (
          <Tag color="green">{t('tokens.active')}</Tag>
        ) : (
          <Space size={4} wrap>
            <Tag color="default">{t('tokens.revoked')}</Tag>
            <Typography.Text type="secondary">{formatTime(revokedAt, lang)}</Typography.Text>
          </Space>
        ),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, token) => (token.revokedAt === null ? <RevokeButton token={token} /> : null),
    },
  ]

  return (
    <Card
      title={t('tokens.title')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setCreating(true)}
          data-testid="token-new"
        >
          {t('tokens.new')}
        </Button>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('tokens.intro')} />
        {tokens.isError ? <ErrorAlert error={tokens.error} onRetry={() => tokens.refetch()} /> : null}
        <div data-testid="tokens-table">
          <Table<TokenView>
            rowKey="id"
            size="middle"
            loading={tokens.isPending}
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
          />
        </div>
      </Space>
      {creating ? (
        <TokenCreateModal
          onClose={() => setCreating(false)}
          onCreated={(c) => {
            setCreating(false)
            setCreated(c)
          }}
        />
      ) : null}
      {created ? <TokenRevealModal created={created} onClose={() => setCreated(null)} /> : null}
    </Card>
  )
}

function RevokeButton({ token }: { token: TokenView }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const client = useQueryClient()
  const revoke = useMutation({
    mutationFn: () => del(`/api/tokens/${encodeURIComponent(token.id)}`),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.tokens }),
  })
  return (
    <Popconfirm
      title={t('tokens.confirmRevoke', { name: token.name })}
      okText={t('tokens.revoke')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onConfirm={() =>
        revoke.mutateAsync().then(
          () => {
            message.success(t('tokens.revokedDone', { name: token.name }))
          },
          (e: unknown) => {
            message.error(errorMessage(e, lang))
          },
        )
      }
    >
      <Button
        type="link"
        size="small"
        danger
        loading={revoke.isPending}
        data-testid={`token-revoke-${token.id}`}
      >
        {t('tokens.revoke')}
      </Button>
    </Popconfirm>
  )
}
