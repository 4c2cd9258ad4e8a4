// Sign-in to a platform account with the mobile number and password; back to where the user was going.
import { LockOutlined, MobileOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Form, Input, Space, Typography } from 'antd'
import { useState } from 'react'
import { Link, Navigate, useLocation, useNavigate } from 'react-router'
import { useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert, showFieldErrors } from '../../app/ui.tsx'
import { cleanPhone, looksLikeMobile } from '../../portal/phone.ts'
import { usePortalTitle } from '../../portal/portalUi.tsx'
import { type UserLoginState, useUserSignIn, useUserState } from '../../portal/userSession.tsx'

interface LoginForm {
  phone: string
  password: string
}

export default function UserLoginScreen() {
  const t = useT()
  const lang = useLang()
  const user = useUserState()
  const signIn = useUserSignIn()
  const navigate = useNavigate()
  const location = useLocation()
  const [form] = Form.useForm<LoginForm>()
  const state = (location.state ?? {}) as UserLoginState
  const [expired, setExpired] = useState(state.expired === true)
  const from = state.from?.startsWith('/u/') && state.from !== '/u/login' ? state.from : '/u/me'
  usePortalTitle(t('portal.login.title'))

  if (user.data && !signIn.isPending) return <Navigate to={from} replace />

  const submit = (v: LoginForm) => {
    setExpired(false)
    signIn.mutate(
      { phone: cleanPhone(v.phone), password: v.password },
      {
        onSuccess: () => navigate(from, { replace: true }),
        onError: (e) => showFieldErrors(form, e, lang, ['phone', 'password']),
      },
    )
  }

  return (
    <div className="ql-portal-narrow">
      <Card title={t('portal.login.title')} data-testid="portal-login">
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {expired ? (
            <Alert type="warning" showIcon title={t('login.expired')} data-testid="portal-login-expired" />
          ) : null}
          {signIn.isError ? <ErrorAlert error={signIn.error} /> : null}
          <Form<LoginForm>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={submit}
            disabled={signIn.isPending}
            data-testid="portal-login-form"
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
                autoComplete="username"
                maxLength={24}
                autoFocus
                data-testid="portal-login-phone"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('portal.password')}
              rules={[{ required: true, message: t('portal.password.required') }]}
            >
              <Input.Password
                prefix={<LockOutlined />}
                autoComplete="current-password"
                data-testid="portal-login-password"
              />
            </Form.Item>
            <Button
              type="primary"
              htmlType="submit"
              block
              loading={signIn.isPending}
              data-testid="portal-login-submit"
            >
              {t('portal.login.submit')}
            </Button>
          </Form>
          <Typography.Text type="secondary">
            {t('portal.login.noAccount')}{' '}
            <Link to="/u/register" data-testid="portal-login-register-link">
              {t('portal.register.title')}
            </Link>
          </Typography.Text>
        </Space>
      </Card>
    </div>
  )
}
