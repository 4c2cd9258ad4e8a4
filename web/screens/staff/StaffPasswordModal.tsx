import { Alert, App, Form, Input, Modal } from 'antd'
import { useState } from 'react'
import type { StaffView } from '../../api/types.ts'
import { useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert, showFieldErrors } from '../../app/ui.tsx'
import { passwordRules } from './StaffCreateDrawer.tsx'
import { useUpdateStaff } from './staffApi.ts'

/** Sets a new password for someone; the server then ends all of that person's sessions. */
export function StaffPasswordModal({ staff, onClose }: { staff: StaffView; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ password: string }>()
  const update = useUpdateStaff()
  const [generalError, setGeneralError] = useState<unknown>(null)

  const submit = ({ password }: { password: string }) => {
    setGeneralError(null)
    update.mutate(
      { id: staff.id, body: { password } },
      {
        onSuccess: () => {
          message.success(t('staff.passwordResetDone', { name: staff.displayName }))
          onClose()
        },
        onError: (e) => {
          if (!showFieldErrors(form, e, lang, ['password'])) setGeneralError(e)
        },
      },
    )
  }

  return (
    <Modal
      open
      title={t('staff.resetTitle', { name: staff.displayName })}
      okText={t('staff.resetPassword')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={update.isPending}
      destroyOnHidden
    >
      <Alert type="info" showIcon title={t('staff.passwordResetHint')} style={{ marginBottom: 16 }} />
      {generalError ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={generalError} />
        </div>
      ) : null}
      <Form form={form} layout="vertical" onFinish={submit} disabled={update.isPending}>
        <Form.Item
          name="password"
          label={t('staff.newPassword')}
          extra={t('staff.passwordHint')}
          rules={passwordRules(t, () => staff.login)}
        >
          <Input.Password autoComplete="new-password" maxLength={256} data-testid="staff-new-password" />
        </Form.Item>
      </Form>
    </Modal>
  )
}
