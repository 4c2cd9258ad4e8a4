import { Alert, App, Button, Modal, Popconfirm, Table, Tag, Typography } from 'antd'
import type { StaffView } from '../../api/types.ts'
import { useLang } from '../../app/i18n.ts'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { type StaffKeyView, useKT, useRotateStaffKey, useStaffKeys } from './staffKeys.ts'

/** A person's signing keys, current and retired; those who manage staff may rotate the current one. */
export function StaffKeysModal({
  staff,
  manage,
  onClose,
}: {
  staff: StaffView
  manage: boolean
  onClose: () => void
}) {
  const kt = useKT()
  const lang = useLang()
  const { message } = App.useApp()
  const keys = useStaffKeys(staff.id)
  const rotate = useRotateStaffKey(staff.id)
  return (
    <Modal
      open
      width={760}
      title={kt('title', { name: staff.displayName })}
      onCancel={onClose}
      footer={[
        manage ? (
          <Popconfirm
            key="rotate"
            title={kt('rotateConfirm')}
            onConfirm={() => rotate.mutate(undefined, { onSuccess: () => message.success(kt('rotated')) })}
          >
            <Button loading={rotate.isPending} data-testid="staff-keys-rotate">
              {kt('rotate')}
            </Button>
          </Popconfirm>
        ) : null,
        <Button key="close" type="primary" onClick={onClose}>
          {kt('close')}
        </Button>,
      ]}
    >
      <Alert type="info" showIcon title={kt('intro')} style={{ marginBottom: 12 }} />
      {keys.isError ? <ErrorAlert error={keys.error} onRetry={() => keys.refetch()} /> : null}
      {rotate.isError ? <ErrorAlert error={rotate.error} /> : null}
      <Table<StaffKeyView>
        data-testid="staff-keys"
        rowKey="keyId"
        size="small"
        pagination={false}
        loading={keys.isPending}
        dataSource={keys.data ?? []}
        locale={{ emptyText: kt('none') }}
        columns={[
          {
            title: kt('keyId'),
            key: 'keyId',
            render: (_: unknown, k) => <Typography.Text code>{k.keyId}</Typography.Text>,
          },
          {
            title: kt('publicKey'),
            key: 'publicKey',
            render: (_: unknown, k) => (
              <Typography.Text
                copyable={{ text: k.publicKey }}
                style={{ fontFamily: 'monospace', fontSize: 12 }}
              >
                {`${k.publicKey.slice(0, 16)}…`}
              </Typography.Text>
            ),
          },
          {
            title: kt('createdAt'),
            key: 'createdAt',
            render: (_: unknown, k) => formatTime(k.createdAt, lang),
          },
          {
            title: kt('state'),
            key: 'state',
            render: (_: unknown, k) =>
              k.retiredAt === null ? (
                <Tag color="green">{kt('current')}</Tag>
              ) : (
                <Tag>{kt('retired', { at: formatTime(k.retiredAt, lang) ?? '' })}</Tag>
              ),
          },
        ]}
      />
    </Modal>
  )
}
