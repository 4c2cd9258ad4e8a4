// The public portal of a platform node (网民): a top bar with the platform's name, the rules, the user's own page,
// their reports and the language switch, outside the staff console's layout; the footer links the published guide
// to reporting (A15). On a regulator node there is no portal.
import { LogoutOutlined, UserOutlined } from '@ant-design/icons'
import { Button, Layout, Result, Space, Typography, theme } from 'antd'
import { type ReactNode, Suspense } from 'react'
import { Link, NavLink, Outlet, useNavigate } from 'react-router'
import type { NodeInfo } from '../api/types.ts'
import { errorMessage } from '../app/api.ts'
import { pick, useLang, useT } from '../app/i18n.ts'
import { LanguageSwitch } from '../app/LanguageSwitch.tsx'
import { FullPageSpin } from '../app/Layout.tsx'
import { useNode } from '../app/queries.ts'
import { usePortalTitle } from './portalUi.tsx'
import { UserProvider, useUserSignOut, useUserState } from './userSession.tsx'

export default function PortalRoot() {
  const node = useNode()
  const t = useT()
  const lang = useLang()
  if (node.isPending) return <FullPageSpin />
  if (node.isError) {
    return (
      <Result
        status="error"
        title={t('login.nodeUnavailable')}
        subTitle={errorMessage(node.error, lang)}
        extra={<Button onClick={() => node.refetch()}>{t('common.retry')}</Button>}
      />
    )
  }
  if (node.data.role !== 'platform') {
    return (
      <PortalFrame node={node.data} nav={null}>
        <NoPortal node={node.data} />
      </PortalFrame>
    )
  }
  return (
    <UserProvider>
      <PortalFrame node={node.data} nav={<PortalNav />}>
        <Suspense fallback={<FullPageSpin />}>
          <Outlet />
        </Suspense>
      </PortalFrame>
    </UserProvider>
  )
}

function PortalFrame({ node, nav, children }: { node: NodeInfo; nav: ReactNode; children: ReactNode }) {
  const t = useT()
  const lang = useLang()
  const { token } = theme.useToken()
  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="portal">
      <Layout.Header
        className="ql-header ql-portal-header"
        style={{
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Space size="large" style={{ minWidth: 0 }}>
          <Link to="/u/rules" className="ql-portal-brand" data-testid="portal-brand">
            <span>{pick(lang, node.nameZh, node.nameEn)}</span>
            <small>{pick(lang, node.nameEn, node.nameZh)}</small>
          </Link>
          {nav}
        </Space>
        <LanguageSwitch />
      </Layout.Header>
      <Layout.Content className="ql-portal-content">{children}</Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', background: 'transparent' }}>
        <Space size="middle" wrap style={{ justifyContent: 'center' }}>
          <Typography.Text type="secondary">{t('portal.footer', { name: t('app.name') })}</Typography.Text>
          {nav ? (
            <Link to="/u/report-guide" data-testid="portal-report-guide-link">
              {t('reportGuide.title')}
            </Link>
          ) : null}
          <Link to="/login" data-testid="portal-staff-link">
            {t('portal.staffSignIn')}
          </Link>
        </Space>
      </Layout.Footer>
    </Layout>
  )
}

const navClass = ({ isActive }: { isActive: boolean }) =>
  isActive ? 'ql-portal-nav active' : 'ql-portal-nav'

function PortalNav() {
  const t = useT()
  const user = useUserState()
  const signOut = useUserSignOut()
  const navigate = useNavigate()
  return (
    <Space size="middle" wrap>
      <NavLink to="/u" end className={navClass} data-testid="portal-nav-feed">
        {t('portal.nav.feed')}
      </NavLink>
      <NavLink to="/u/rules" end={false} className={navClass} data-testid="portal-nav-rules">
        {t('portal.nav.rules')}
      </NavLink>
      <NavLink to="/u/me" end className={navClass} data-testid="portal-nav-me">
        {t('portal.nav.me')}
      </NavLink>
      <NavLink to="/u/me/reports" className={navClass} data-testid="portal-nav-reports">
        {t('portal.nav.myReports')}
      </NavLink>
      {user.data ? (
        <Space size={8}>
          <Typography.Text data-testid="portal-user-name">
            <UserOutlined /> {user.data.user.displayName}
          </Typography.Text>
          <Button
            size="small"
            icon={<LogoutOutlined />}
            loading={signOut.isPending}
            data-testid="portal-logout"
            onClick={() =>
              signOut.mutate(undefined, {
                onSettled: () => navigate('/u/login', { replace: true, state: {} }),
              })
            }
          >
            {t('portal.signOut')}
          </Button>
        </Space>
      ) : user.isPending ? null : (
        <NavLink to="/u/login" className={navClass} data-testid="portal-nav-login">
          {t('portal.nav.signIn')}
        </NavLink>
      )}
    </Space>
  )
}

function NoPortal({ node }: { node: NodeInfo }) {
  const t = useT()
  const lang = useLang()
  usePortalTitle(t('portal.none.title'))
  return (
    <Result
      data-testid="portal-none"
      status="info"
      title={t('portal.none.title')}
      subTitle={t('portal.none.detail', { name: pick(lang, node.nameZh, node.nameEn) })}
      extra={
        <Link to="/login">
          <Button type="primary">{t('portal.staffSignIn')}</Button>
        </Link>
      }
    />
  )
}
