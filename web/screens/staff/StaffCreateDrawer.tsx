import { App, Button, Drawer, Form, type FormRule, Input, Select, Space } from 'antd'
import { useState } from 'react'
import type { Organisation, Role, RoleInfo } from '../../api/types.ts'
import { pick, type Translate, useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert, OrgKindTag, showFieldErrors } from '../../app/ui.tsx'
import { passwordProblem, useCreateStaff } from './staffApi.ts'

interface CreateForm {
  login: string
  displayName: string
  password: string
  organisationId: string
  roles: Role[]
}

/** The server's rule for logins (src/core/auth/routes.ts). */
const LOGIN_PATTERN = /^[a-z0-9][a-z0-9._-]{2,63}$/

const FIELDS = ['login', 'displayName', 'password', 'organisationId', 'roles'] as const

/** Rules for a new password, checked against the login the way the server checks it. */
export function passwordRules(t: Translate, login: () => string): FormRule[] {
  return [
    { required: true, message: t('staff.passwordRequired') },
    {
      validator: async (_, value: string | undefined) => {
        if (!value) return
        const problem = passwordProblem(login(), value)
        if (problem === 'short') throw new Error(t('staff.passwordTooShort'))
        if (problem === 'sameAsLogin') throw new Error(t('staff.passwordSameAsLogin'))
      },
    },
  ]
}

/** The roles a person at an organisation of this kind may hold. */
export function rolesFitting(roles: readonly RoleInfo[], org: Organisation | undefined): RoleInfo[] {
  return org ? roles.filter((r) => r.organisationKinds.includes(org.kind)) : []
}

export function StaffCreateDrawer({
  open,
  onClose,
  organisations,
  roles,
}: {
  open: boolean
  onClose: () => void
  organisations: readonly Organisation[]
  roles: readonly RoleInfo[]
}) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<CreateForm>()
  const create = useCreateStaff()
  const [generalError, setGeneralError] = useState<unknown>(null)
  const organisationId = Form.useWatch('organisationId', form)
  const org = organisations.find((o) => o.id === organisationId)
  const fitting = rolesFitting(roles, org)

  const close = () => {
    form.resetFields()
    setGeneralError(null)
    create.reset()
    onClose()
  }

  const submit = (values: CreateForm) => {
    setGeneralError(null)
    create.mutate(
      { ...values, login: values.login.trim(), displayName: values.displayName.trim() },
      {
        onSuccess: (staff) => {
          message.success(t('staff.created', { name: staff.displayName }))
          close()
        },
        onError: (e) => {
          if (!showFieldErrors(form, e, lang, FIELDS)) setGeneralError(e)
        },
      },
    )
  }

  return (
    <Drawer
      title={t('staff.new')}
      open={open}
      onClose={close}
      size={480}
      destroyOnHidden
      data-testid="staff-create-drawer"
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={create.isPending}
            onClick={() => form.submit()}
            data-testid="staff-create-submit"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
    >
      {generalError ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={generalError} />
        </div>
      ) : null}
      <Form<CreateForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={create.isPending}
        onValuesChange={(changed: Partial<CreateForm>) => {
          // A new organisation may not take the roles chosen for the old one.
          if ('organisationId' in changed) {
            const next = organisations.find((o) => o.id === changed.organisationId)
            const allowed = new Set(rolesFitting(roles, next).map((r) => r.role))
            const chosen: Role[] = form.getFieldValue('roles') ?? []
            form.setFieldValue(
              'roles',
              chosen.filter((r) => allowed.has(r)),
            )
          }
        }}
      >
        <Form.Item
          name="login"
          label={t('staff.login')}
          rules={[
            { required: true, whitespace: true, message: t('staff.loginRequired') },
            { pattern: LOGIN_PATTERN, message: t('staff.loginPattern') },
          ]}
        >
          <Input autoComplete="off" maxLength={64} data-testid="staff-login" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('staff.displayName')}
          rules={[{ required: true, whitespace: true, message: t('staff.displayNameRequired') }]}
        >
          <Input autoComplete="off" maxLength={80} data-testid="staff-display-name" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('staff.password')}
          extra={t('staff.passwordHint')}
          dependencies={['login']}
          rules={passwordRules(t, () => form.getFieldValue('login') ?? '')}
        >
          <Input.Password autoComplete="new-password" maxLength={256} data-testid="staff-password" />
        </Form.Item>
        <Form.Item
          name="organisationId"
          label={t('staff.organisation')}
          rules={[{ required: true, message: t('staff.organisationRequired') }]}
        >
          <Select
            data-testid="staff-organisation"
            showSearch={{ optionFilterProp: 'search' }}
            options={organisations.map((o) => ({
              value: o.id,
              search: `${o.nameZh} ${o.nameEn} ${o.key}`,
              label: (
                <Space>
                  <OrgKindTag kind={o.kind} />
                  {pick(lang, o.nameZh, o.nameEn)}
                </Space>
              ),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="roles"
          label={t('staff.roles')}
          extra={t('staff.rolesHint')}
          rules={[{ required: true, type: 'array', min: 1, message: t('staff.rolesRequired') }]}
        >
          <Select
            mode="multiple"
            data-testid="staff-roles"
            disabled={!org}
            placeholder={org ? undefined : t('staff.chooseOrganisationFirst')}
            options={fitting.map((r) => ({ value: r.role, label: pick(lang, r.zh, r.en) }))}
          />
        </Form.Item>
      </Form>
    </Drawer>
  )
}
