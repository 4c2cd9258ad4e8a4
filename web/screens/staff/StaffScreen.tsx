// Everyone who works on this node. With `staff.manage` one can add people, change their names and roles, disable
// or enable them and reset their passwords; without it the page only shows.
import { PlusOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Input,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd'
import { useMemo, useState } from 'react'
import type { Role, StaffView } from '../../api/types.ts'
import { errorMessage } from '../../app/api.ts'
import { pick, roleKey, useLang, useT } from '../../app/i18n.ts'
import { useOrganisations, useRoles, useStaffList } from '../../app/queries.ts'
import { useCan, useMe } from '../../app/session.tsx'
import { ErrorAlert, formatTime, RoleTags } from '../../app/ui.tsx'
import { StaffCreateDrawer } from './StaffCreateDrawer.tsx'
import { StaffEditModal } from './StaffEditModal.tsx'
import { StaffKeysModal } from './StaffKeysModal.tsx'
import { StaffPasswordModal } from './StaffPasswordModal.tsx'
import { useUpdateStaff } from './staffApi.ts'
import { useKT } from './staffKeys.ts'

type Dialog =
  | { kind: 'edit'; staff: StaffView }
  | { kind: 'password'; staff: StaffView }
  | { kind: 'keys'; staff: StaffView }
  | null

export default function StaffScreen() {
  const t = useT()
  const kt = useKT()
  const lang = useLang()
  const me = useMe()
  const can = useCan()
  const manage = can('staff.manage')
  const staff = useStaffList()
  const orgs = useOrganisations(can('organisation.read'))
  const roles = useRoles(manage)
  const [creating, setCreating] = useState(false)
  const [dialog, setDialog] = useState<Dialog>(null)
  const [search, setSearch] = useState('')

  const orgById = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o])), [orgs.data])
  const orgName = (id: string) => {
    const o = orgById.get(id)
    return o ? pick(lang, o.nameZh, o.nameEn) : id
  }

  const needle = search.trim().toLowerCase()
  const rows = (staff.data ?? []).filter(
    (s) =>
      needle === '' ||
      s.login.toLowerCase().includes(needle) ||
      s.displayName.toLowerCase().includes(needle) ||
      orgName(s.organisationId).toLowerCase().includes(needle),
  )
  const orgIdsPresent = [...new Set((staff.data ?? []).map((s) => s.organisationId))]
  const rolesPresent = [...new Set((staff.data ?? []).flatMap((s) => s.roles))]

  const columns: TableColumnsType<StaffView> = [
    {
      title: t('staff.login'),
      dataIndex: 'login',
      key: 'login',
      sorter: (a, b) => a.login.localeCompare(b.login),
      render: (login: string, s) => (
        <span>
          <Typography.Text code>{login}</Typography.Text>
          {s.id === me.staff.id ? (
            <Typography.Text type="secondary">{t('common.you')}</Typography.Text>
          ) : null}
        </span>
      ),
    },
    {
      title: t('staff.displayName'),
      dataIndex: 'displayName',
      key: 'displayName',
      sorter: (a, b) => a.displayName.localeCompare(b.displayName),
    },
    {
      title: t('staff.organisation'),
      key: 'organisation',
      filters: orgIdsPresent.map((id) => ({ text: orgName(id), value: id })),
      onFilter: (value, s) => s.organisationId === value,
      render: (_, s) => orgName(s.organisationId),
    },
    {
      title: t('staff.roles'),
      dataIndex: 'roles',
      key: 'roles',
      filters: rolesPresent.map((r) => ({ text: t(roleKey(r)), value: r })),
      onFilter: (value, s) => s.roles.includes(value as Role),
      render: (roles: Role[]) => <RoleTags roles={roles} />,
    },
    {
      title: t('staff.status'),
      dataIndex: 'disabled',
      key: 'status',
      filters: [
        { text: t('staff.active'), value: false },
        { text: t('staff.disabled'), value: true },
      ],
      onFilter: (value, s) => s.disabled === value,
      render: (disabled: boolean) =>
        disabled ? (
          <Tag color="red">{t('staff.disabled')}</Tag>
        ) : (
          <Tag color="green">{t('staff.active')}</Tag>
        ),
    },
    {
      title: t('staff.lastLogin'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      sorter: (a, b) => (a.lastLoginAt ?? '').localeCompare(b.lastLoginAt ?? ''),
      render: (at: string | null) =>
        formatTime(at, lang) ?? <Typography.Text type="secondary">{t('staff.never')}</Typography.Text>,
    },
    {
      title: kt('button'),
      key: 'keys',
      render: (_: unknown, s: StaffView) => (
        <Button
          size="small"
          type="link"
          onClick={() => setDialog({ kind: 'keys', staff: s })}
          data-testid={`staff-keys-${s.login}`}
        >
          {kt('button')}
        </Button>
      ),
    },
    ...(manage
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, s: StaffView) => (
              <StaffActions
                staff={s}
                isSelf={s.id === me.staff.id}
                onEdit={() => setDialog({ kind: 'edit', staff: s })}
                onResetPassword={() => setDialog({ kind: 'password', staff: s })}
              />
            ),
          },
        ]
      : []),
  ]

  return (
    <Card
      title={t('staff.title')}
      extra={
        <Space>
          {staff.data ? (
            <Typography.Text type="secondary">{t('staff.count', { n: staff.data.length })}</Typography.Text>
          ) : null}
          <Input.Search
            allowClear
            size="middle"
            style={{ width: 220 }}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="staff-search"
          />
          {manage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setCreating(true)}
              data-testid="staff-new"
              disabled={!roles.data || !orgs.data}
            >
              {t('staff.new')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {!manage ? (
          <Alert type="info" showIcon title={t('staff.readOnly')} data-testid="staff-read-only" />
        ) : null}
        {staff.isError ? <ErrorAlert error={staff.error} onRetry={() => staff.refetch()} /> : null}
        {manage && roles.isError ? <ErrorAlert error={roles.error} onRetry={() => roles.refetch()} /> : null}
        <div data-testid="staff-table">
          <Table<StaffView>
            rowKey="id"
            size="middle"
            loading={staff.isPending}
            columns={columns}
            dataSource={rows}
            pagination={{ pageSize: 50, hideOnSinglePage: true }}
          />
        </div>
      </Space>

      {manage && roles.data && orgs.data ? (
        <StaffCreateDrawer
          open={creating}
          onClose={() => setCreating(false)}
          organisations={orgs.data}
          roles={roles.data}
        />
      ) : null}
      {dialog?.kind === 'edit' && roles.data ? (
        <StaffEditModal
          staff={dialog.staff}
          organisation={orgById.get(dialog.staff.organisationId)}
          roles={roles.data}
          onClose={() => setDialog(null)}
        />
      ) : null}
      {dialog?.kind === 'password' ? (
        <StaffPasswordModal staff={dialog.staff} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'keys' ? (
        <StaffKeysModal staff={dialog.staff} manage={manage} onClose={() => setDialog(null)} />
      ) : null}
    </Card>
  )
}

function StaffActions({
  staff,
  isSelf,
  onEdit,
  onResetPassword,
}: {
  staff: StaffView
  isSelf: boolean
  onEdit: () => void
  onResetPassword: () => void
}) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const update = useUpdateStaff()

  const setDisabled = (disabled: boolean) =>
    update.mutateAsync({ id: staff.id, body: { disabled } }).then(
      () => {
        message.success(t(disabled ? 'staff.disabledDone' : 'staff.enabledDone', { name: staff.displayName }))
      },
      (e: unknown) => {
        message.error(errorMessage(e, lang))
      },
    )

  return (
    <Space size={0} wrap>
      <Button type="link" size="small" onClick={onEdit} data-testid={`staff-edit-${staff.login}`}>
        {t('staff.edit')}
      </Button>
      <Button
        type="link"
        size="small"
        onClick={onResetPassword}
        data-testid={`staff-password-${staff.login}`}
      >
        {t('staff.resetPassword')}
      </Button>
      {staff.disabled ? (
        <Popconfirm
          title={t('staff.confirmEnable', { name: staff.displayName })}
          okText={t('staff.enable')}
          cancelText={t('common.cancel')}
          onConfirm={() => setDisabled(false)}
        >
          <Button
            type="link"
            size="small"
            loading={update.isPending}
            data-testid={`staff-enable-${staff.login}`}
          >
            {t('staff.enable')}
          </Button>
        </Popconfirm>
      ) : (
        <Popconfirm
          title={t('staff.confirmDisable', { name: staff.displayName })}
          okText={t('staff.disable')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => setDisabled(true)}
          disabled={isSelf}
        >
          <Button
            type="link"
            size="small"
            danger
            disabled={isSelf}
            loading={update.isPending}
            data-testid={`staff-disable-${staff.login}`}
          >
            {t('staff.disable')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  )
}
