// Registration of a platform account: a mainland mobile number, a password and a free display name (前台自愿);
// the real identity comes later, on its own page, and only for the back office.
import { LockOutlined, MobileOutlined, SmileOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd'
import { useState } from 'react'
import { Link, Navigate } from 'react-router'
import { useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert, showFieldErrors } from '../../app/ui.tsx'
import {
  cleanPhone,
  DISPLAY_NAME_MAX,
  looksLikeMobile,
  nationalDigits,
  USER_PASSWORD_MIN,
} from '../../portal/phone.ts'
import { usePortalTitle } from '../../portal/portalUi.tsx'
import { useRegister, useUserState } from '../../portal/userSession.tsx'

interface RegisterForm {
  phone: string
  displayName: string
  password: string
  password2: string
}

const FIELDS = ['phone', 'displayName', 'password'] as const

export default function RegisterScreen() {
  const t = useT()
  const lang = useLang()
  const user = useUserState()
  const register = useRegister()
  const [form] = Form.useForm<RegisterForm>()
  const [generalError, setGeneralError] = useState<unknown>(null)
  usePortalTitle(t('portal.register.title'))

  if (user.data) return <Navigate to="/u/me" replace />

  const submit = (v: RegisterForm) => {
    setGeneralError(null)
    register.mutate(
      { phone: cleanPhone(v.phone), password: v.password, displayName: v.displayName.trim() },
      {
        onError: (e) => {
          if (!showFieldErrors(form, e, lang, FIELDS)) setGeneralError(e)
        },
      },
    )
  }

  return (
    <div className="ql-portal-narrow">
      <Card title={t('portal.register.title')} data-testid="portal-register">
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('portal.register.intro')} />
          {generalError ? <ErrorAlert error={generalError} /> : null}
          <Form<RegisterForm>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={submit}
            disabled={register.isPending}
            data-testid="portal-register-form"
          >
            <Form.Item
              name="phone"
              label={t('portal.phone')}
              rules={[
                { required: true, whitespace: true, message: t('portal.phone.required') },
                {
                  validator: async (_, value: string | undefined) => {
                    if (value && !looksLikeMobile(value)) throw new Error(t('portal.phone.pattern'))
                  },
                },
              ]}
            >
              <Input
                prefix={<MobileOutlined />}
                placeholder="139 1234 5678"
                inputMode="tel"
                autoComplete="tel-national"
                maxLength={24}
                autoFocus
                data-testid="portal-register-phone"
              />
            </Form.Item>
            <Form.Item
              name="displayName"
              label={t('portal.displayName')}
              extra={
                <span data-testid="portal-register-display-name-hint">{t('portal.displayName.hint')}</span>
              }
              rules={[{ required: true, whitespace: true, message: t('portal.displayName.required') }]}
            >
              <Input
                prefix={<SmileOutlined />}
                maxLength={DISPLAY_NAME_MAX}
                showCount
                autoComplete="nickname"
                data-testid="portal-register-display-name"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('portal.password')}
              extra={t('portal.password.hint')}
              rules={[
                { required: true, message: t('portal.password.required') },
                {
                  validator: async (_, value: string | undefined) => {
                    if (!value) return
                    if (value.length < USER_PASSWORD_MIN) throw new Error(t('portal.password.short'))
                    const phone = nationalDigits(form.getFieldValue('phone') ?? '')
                    if (phone !== '' && nationalDigits(value) === phone)
                      throw new Error(t('portal.password.phone'))
                  },
                },
              ]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="new-password"
                data-testid="portal-register-password"
              />
            </Form.Item>
            <Form.Item
              name="password2"
              label={t('portal.password2')}
              dependencies={['password']}
              rules={[
                { required: true, message: t('portal.password2.required') },
                ({ getFieldValue }) => ({
                  validator: async (_, value: string | undefined) => {
                    if (value && value !== getFieldValue('password'))
                      throw new Error(t('portal.password2.mismatch'))
                  },
                }),
              ]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="new-password"
                data-testid="portal-register-password2"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={register.isPending}
              data-testid="portal-register-submit"
            >
              {t('portal.register.submit')}
            </Button>
          </Form>
          <Typography.Text type="secondary">
            {t('portal.register.haveAccount')}{' '}
            <Link to="/u/login" data-testid="portal-register-login-link">
              {t('portal.login.submit')}
            </Link>
          </Typography.Text>
        </Space>
      </Card>
    </div>
  )
}
