// The signed-in frame: side menu built from PAGES (only what the person may use), a header saying which node,
// organisation and person this is, and the page.
import { BankOutlined, LogoutOutlined } from '@ant-design/icons'
import { Button, Layout, Menu, type MenuProps, Result, Space, Spin, Tag, Typography, theme } from 'antd'
import { Suspense, useEffect, useState } from 'react'
import { Link, Navigate, Outlet, useLocation, useNavigate } from 'react-router'
import { NoPermission } from '../screens/errors/NoPermission.tsx'
import { NotFoundScreen } from '../screens/errors/NotFoundScreen.tsx'
import { errorMessage } from './api.ts'
import { pick, roleKey, useLang, useT } from './i18n.ts'
import { LanguageSwitch } from './LanguageSwitch.tsx'
import { PAGES, type PageDef, pageOf } from './pages.ts'
import { useNode } from './queries.ts'
import { MeProvider, useCan, useLogout, useMe, useMeQuery, wasSessionExpired } from './session.tsx'

/** Where the login page sends the browser back to, and why it was sent there. */
export interface LoginState {
  from?: string
  expired?: boolean
}

export function FullPageSpin({ label }: { label?: string }) {
  return (
    <div style={{ minHeight: '60vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Spin size="large" description={label} />
    </div>
  )
}

/** The layout route: waits for /api/auth/me, sends a stranger to the login page. */
export function SignedIn() {
  const me = useMeQuery()
  const location = useLocation()
  const t = useT()
  const lang = useLang()
  if (me.data) {
    return (
      <MeProvider me={me.data}>
        <AppLayout />
      </MeProvider>
    )
  }
  if (me.isPending) return <FullPageSpin label={t('session.checking')} />
  if (me.isError) {
    return (
      <Result
        status="error"
        title={t('session.failed')}
        subTitle={errorMessage(me.error, lang)}
        extra={<Button onClick={() => me.refetch()}>{t('common.retry')}</Button>}
      />
    )
  }
  const state: LoginState = { from: location.pathname + location.search, expired: wasSessionExpired() }
  return <Navigate to="/login" replace state={state} />
}

type MenuItem = NonNullable<MenuProps['items']>[number] & { 'data-testid'?: string }

function AppLayout() {
  const me = useMe()
  const can = useCan()
  const t = useT()
  const lang = useLang()
  const location = useLocation()
  const navigate = useNavigate()
  const node = useNode()
  const logout = useLogout()
  const [collapsed, setCollapsed] = useState(false)
  const { token } = theme.useToken()

  const menuPages = PAGES.filter(
    (p) => p.menu !== false && can(p.permission) && (!p.node || p.node === node.data?.role),
  )
  const items: MenuItem[] = menuPages.map((p) => ({
    key: p.key,
    icon: <p.icon />,
    label: <Link to={p.path}>{t(p.label)}</Link>,
    'data-testid': `menu-${p.key}`,
  }))
  const selected = pageOf(location.pathname, menuPages)?.key

  const signOut = () =>
    logout.mutate(undefined, { onSettled: () => navigate('/login', { replace: true, state: {} }) })

  const org = me.organisation
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider collapsible collapsed={collapsed} onCollapse={setCollapsed} breakpoint="lg" width={220}>
        <div className="ql-brand" data-testid="brand" title={t('app.subtitle')}>
          <span>{t('app.name')}</span>
          {collapsed ? null : <small>{t('app.subtitle')}</small>}
        </div>
        <Menu
          data-testid="main-menu"
          theme="dark"
          mode="inline"
          selectedKeys={selected ? [selected] : []}
          items={items}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="ql-header" style={{ background: token.colorBgContainer }}>
          <Space size="middle" style={{ minWidth: 0 }}>
            <Typography.Text strong data-testid="header-node" ellipsis>
              {node.data ? pick(lang, node.data.nameZh, node.data.nameEn) : null}
            </Typography.Text>
            {node.data ? (
              <Tag color={node.data.role === 'regulator' ? 'volcano' : 'green'}>
                {t(`node.kind.${node.data.role}`)}
              </Tag>
            ) : null}
            <Typography.Text type="secondary" data-testid="header-organisation" ellipsis>
              <BankOutlined aria-label={t('dashboard.organisation')} /> {pick(lang, org.nameZh, org.nameEn)}
            </Typography.Text>
          </Space>
          <Space size="middle">
            <Space size={4} data-testid="header-user">
              <Typography.Text strong>{me.staff.displayName}</Typography.Text>
              {me.staff.roles.map((r) => (
                <Tag key={r} style={{ marginInlineEnd: 0 }}>
                  {t(roleKey(r))}
                </Tag>
              ))}
            </Space>
            <LanguageSwitch />
            <Button
              data-testid="logout"
              icon={<LogoutOutlined />}
              loading={logout.isPending}
              onClick={signOut}
            >
              {t('header.logout')}
            </Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ margin: 24 }}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  )
}

/** One page: the permission check, the page title, and the lazily loaded screen. */
export function PageGate({ page }: { page: PageDef }) {
  const can = useCan()
  const t = useT()
  const node = useNode()
  const title = t(page.label)
  const appName = t('app.name')
  useEffect(() => {
    document.title = `${title} · ${appName}`
  }, [title, appName])
  if (!can(page.permission)) return <NoPermission permission={page.permission} />
  if (page.node && node.data?.role !== page.node) {
    return node.isPending ? <FullPageSpin /> : <NotFoundScreen />
  }
  const Screen = page.screen
  return (
    <Suspense fallback={<FullPageSpin />}>
      <Screen />
    </Suspense>
  )
}
