import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Form, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import type { CreatedToken, CreateTokenBody, Role } from '../../api/types.ts'
import { post } from '../../app/api.ts'
import { roleKey, useLang, useT } from '../../app/i18n.ts'
import { keys } from '../../app/queries.ts'
import { useMe } from '../../app/session.tsx'
import { ErrorAlert, showFieldErrors } from '../../app/ui.tsx'

interface CreateForm {
  name: string
  roles: Role[]
}

/** Names a new token and picks its roles, which can only be roles the signed-in person holds. */
export function TokenCreateModal({
  onClose,
  onCreated,
}: {
  onClose: () => void
  onCreated: (created: CreatedToken) => void
}) {
  const t = useT()
  const lang = useLang()
  const me = useMe()
  const client = useQueryClient()
  const [form] = Form.useForm<CreateForm>()
  const [generalError, setGeneralError] = useState<unknown>(null)
  const create = useMutation({
    mutationFn: (body: CreateTokenBody) => post<CreatedToken>('/api/tokens', body),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.tokens }),
  })

  const submit = (values: CreateForm) => {
    setGeneralError(null)
    create.mutate(
      { name: values.name.trim(), roles: values.roles },
      {
        onSuccess: onCreated,
        onError: (e) => {
          if (!showFieldErrors(form, e, lang, ['name', 'roles'])) setGeneralError(e)
        },
      },
    )
  }

  return (
    <Modal
      open
      title={t('tokens.new')}
      okText={t('tokens.new')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      {generalError ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={generalError} />
        </div>
      ) : null}
      <Form<CreateForm> form={form} layout="vertical" onFinish={submit} disabled={create.isPending}>
        <Form.Item
          name="name"
          label={t('tokens.name')}
          rules={[{ required: true, whitespace: true, message: t('tokens.nameRequired') }]}
        >
          <Input
            autoComplete="off"
            maxLength={80}
            placeholder={t('tokens.namePlaceholder')}
            data-testid="token-name"
          />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('tokens.roles')}
          extra={t('tokens.rolesHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('tokens.rolesRequired') }]}
        >
          <Select
            mode="multiple"
            data-testid="token-roles"
            options={me.staff.roles.map((r) => ({ value: r, label: t(roleKey(r)) }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
