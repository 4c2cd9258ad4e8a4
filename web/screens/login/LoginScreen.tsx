import { LockOutlined, UserOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Flex, Form, Input, Space, Tag, Typography } from 'antd'
import { useEffect, useState } from 'react'
import { Link, Navigate, useLocation, useNavigate } from 'react-router'
import { pick, useLang, useT } from '../../app/i18n.ts'
import { LanguageSwitch } from '../../app/LanguageSwitch.tsx'
import type { LoginState } from '../../app/Layout.tsx'
import { useNode } from '../../app/queries.ts'
import { useLogin, useMeQuery } from '../../app/session.tsx'
import { ErrorAlert, showFieldErrors } from '../../app/ui.tsx'

interface LoginForm {
  login: string
  password: string
}

export function LoginScreen() {
  const t = useT()
  const lang = useLang()
  const node = useNode()
  const me = useMeQuery()
  const login = useLogin()
  const navigate = useNavigate()
  const location = useLocation()
  const [form] = Form.useForm<LoginForm>()
  const state = (location.state ?? {}) as LoginState
  // Shown until the person tries again.
  const [expired, setExpired] = useState(state.expired === true)
  const from = state.from && state.from !== '/login' ? state.from : '/'

  const title = t('login.title')
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`
  }, [title, t])

  if (me.data && !login.isPending) return <Navigate to={from} replace />

  const submit = (values: LoginForm) => {
    setExpired(false)
    login.mutate(values, {
      onSuccess: () => navigate(from, { replace: true }),
      onError: (e) => showFieldErrors(form, e, lang, ['login', 'password']),
    })
  }

  return (
    <div className="ql-login">
      <Card style={{ width: 420, maxWidth: '100%' }} data-testid="login-card">
        <Flex justify="space-between" align="start" gap={12} style={{ marginBottom: 16 }}>
          <div>
            <Typography.Title level={3} style={{ margin: 0 }}>
              {t('app.name')}
            </Typography.Title>
            <Typography.Text type="secondary">{t('app.subtitle')}</Typography.Text>
          </div>
          <LanguageSwitch />
        </Flex>

        <div data-testid="login-node" style={{ marginBottom: 20 }}>
          {node.data ? (
            <Space orientation="vertical" size={4}>
              <Typography.Text strong style={{ fontSize: 16 }}>
                {pick(lang, node.data.nameZh, node.data.nameEn)}
              </Typography.Text>
              <Space size={8} wrap>
                <Tag
                  color={node.data.role === 'regulator' ? 'volcano' : 'green'}
                  data-testid="login-node-kind"
                >
                  {t(`node.kind.${node.data.role}`)}
                </Tag>
                <Typography.Text type="secondary">
                  {pick(lang, node.data.nameEn, node.data.nameZh)}
                </Typography.Text>
              </Space>
            </Space>
          ) : node.isError ? (
            <ErrorAlert
              title={t('login.nodeUnavailable')}
              error={node.error}
              onRetry={() => node.refetch()}
            />
          ) : null}
        </div>

        <Space orientation="vertical" size={12} style={{ width: '100%', marginBottom: 16 }}>
          {expired ? (
            <Alert type="warning" showIcon title={t('login.expired')} data-testid="login-expired" />
          ) : null}
          {node.data?.demo ? (
            <Alert type="info" showIcon title={t('login.demoHint')} data-testid="demo-hint" />
          ) : null}
          {login.isError ? <ErrorAlert error={login.error} /> : null}
        </Space>

        <Form<LoginForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={submit}
          disabled={login.isPending}
          data-testid="login-form"
        >
          <Form.Item
            name="login"
            label={t('login.login')}
            rules={[{ required: true, whitespace: true, message: t('login.loginRequired') }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoFocus
              maxLength={64}
              data-testid="login-login"
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              data-testid="login-password"
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={login.isPending} data-testid="login-submit">
            {t('login.submit')}
          </Button>
        </Form>
        {node.data?.role === 'platform' ? (
          <div style={{ marginTop: 16, textAlign: 'center' }}>
            <Typography.Text type="secondary">{t('login.portalHint')} </Typography.Text>
            <Link to="/u/login" data-testid="login-portal-link">
              {t('login.portal')}
            </Link>
          </div>
        ) : null}
      </Card>
    </div>
  )
}
