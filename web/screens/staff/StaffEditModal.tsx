import { App, Form, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import type { Organisation, Role, RoleInfo, StaffView } from '../../api/types.ts'
import { pick, useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert, showFieldErrors } from '../../app/ui.tsx'
import { rolesFitting } from './StaffCreateDrawer.tsx'
import { useUpdateStaff } from './staffApi.ts'

interface EditForm {
  displayName: string
  roles: Role[]
}

/** Name and roles of one person; the roles offered are those that fit the person's organisation. */
export function StaffEditModal({
  staff,
  organisation,
  roles,
  onClose,
}: {
  staff: StaffView
  organisation: Organisation | undefined
  roles: readonly RoleInfo[]
  onClose: () => void
}) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<EditForm>()
  const update = useUpdateStaff()
  const [generalError, setGeneralError] = useState<unknown>(null)
  // Without the organisation list, offer every role of the node and let the server judge.
  const fitting = organisation ? rolesFitting(roles, organisation) : [...roles]

  const submit = (values: EditForm) => {
    setGeneralError(null)
    update.mutate(
      { id: staff.id, body: { displayName: values.displayName.trim(), roles: values.roles } },
      {
        onSuccess: () => {
          message.success(t('staff.saved'))
          onClose()
        },
        onError: (e) => {
          if (!showFieldErrors(form, e, lang, ['displayName', 'roles'])) setGeneralError(e)
        },
      },
    )
  }

  return (
    <Modal
      open
      title={t('staff.editTitle', { name: staff.displayName })}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      {generalError ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={generalError} />
        </div>
      ) : null}
      <Form<EditForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={update.isPending}
        initialValues={{ displayName: staff.displayName, roles: staff.roles }}
      >
        <Form.Item
          name="displayName"
          label={t('staff.displayName')}
          rules={[{ required: true, whitespace: true, message: t('staff.displayNameRequired') }]}
        >
          <Input autoComplete="off" maxLength={80} data-testid="staff-edit-display-name" />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('staff.roles')}
          extra={t('staff.rolesHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('staff.rolesRequired') }]}
        >
          <Select
            mode="multiple"
            data-testid="staff-edit-roles"
            options={fitting.map((r) => ({ value: r.role, label: pick(lang, r.zh, r.en) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
