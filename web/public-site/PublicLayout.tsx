// The frame of the regulator's public pages: the node's name (home link to the clarifications), the language switch,
// and a footer with the staff sign-in; narrow enough to read on a phone. Outside the staff console's layout, so no
// one is asked to sign in. A platform node publishes no clarifications: its /p says so.
import { Button, Layout, Result, Space, Typography, theme } from 'antd'
import { type ReactNode, Suspense, useEffect } from 'react'
import { Link, Outlet, useLocation } from 'react-router'
import type { NodeInfo } from '../api/types.ts'
import { errorMessage } from '../app/api.ts'
import { pick, useLang, useT } from '../app/i18n.ts'
import { LanguageSwitch } from '../app/LanguageSwitch.tsx'
import { FullPageSpin } from '../app/Layout.tsx'
import { useNode } from '../app/queries.ts'
import { usePortalTitle } from '../portal/portalUi.tsx'
import { useDT } from '../screens/public/disclosureStrings.ts'

export default function PublicRoot() {
  const node = useNode()
  const t = useT()
  const lang = useLang()
  useIndexable()
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
  return (
    <PublicFrame node={node.data}>
      {node.data.role === 'regulator' ? (
        <Suspense fallback={<FullPageSpin />}>
          <Outlet />
        </Suspense>
      ) : (
        <NoPublicPages node={node.data} />
      )}
    </PublicFrame>
  )
}

/**
 * The console's page tells search engines to stay away; clarifications are meant to be found, so while a public page
 * is shown the robots rule is lifted, and put back on the way out.
 */
function useIndexable(): void {
  useEffect(() => {
    const meta = document.querySelector<HTMLMetaElement>('meta[name="robots"]')
    if (!meta) return
    const before = meta.content
    meta.content = 'index, follow'
    return () => {
      meta.content = before
    }
  }, [])
}

function PublicFrame({ node, children }: { node: NodeInfo; children: ReactNode }) {
  const t = useT()
  const dt = useDT()
  const lang = useLang()
  const { token } = theme.useToken()
  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="public-site">
      <Layout.Header
        className="ql-header ql-site-header"
        style={{
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
        }}
      >
        <Link to="/p/clarifications" className="ql-portal-brand ql-site-brand" data-testid="public-brand">
          <span>{pick(lang, node.nameZh, node.nameEn)}</span>
          <small>{pick(lang, node.nameEn, node.nameZh)}</small>
        </Link>
        <LanguageSwitch />
      </Layout.Header>
      <Layout.Content className="ql-site-content">{children}</Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', background: 'transparent', padding: '16px' }}>
        <Space size="middle" wrap style={{ justifyContent: 'center' }}>
          <Typography.Text type="secondary">{t('public.footer')}</Typography.Text>
          <Link to="/p/clarifications">{t('public.nav.clarifications')}</Link>
          <Link to="/p/learn" data-testid="public-learn-link">
            {t('public.nav.learn')}
          </Link>
          <Link to="/p/conventions" data-testid="public-conventions-link">
            {t('public.nav.conventions')}
          </Link>
          <Link to="/p/disclosures" data-testid="public-disclosures-link">
            {dt('nav')}
          </Link>
          <Link to="/login" data-testid="public-staff-link">
            {t('portal.staffSignIn')}
          </Link>
        </Space>
      </Layout.Footer>
    </Layout>
  )
}

function NoPublicPages({ node }: { node: NodeInfo }) {
  const t = useT()
  const lang = useLang()
  usePortalTitle(t('public.none.title'))
  return (
    <Result
      data-testid="public-none"
      status="info"
      title={t('public.none.title')}
      subTitle={t('public.none.detail', { name: pick(lang, node.nameZh, node.nameEn) })}
      extra={
        <Link to="/u">
          <Button type="primary">{t('portal.nav.feed')}</Button>
        </Link>
      }
    />
  )
}

export function PublicNotFound() {
  const t = useT()
  const location = useLocation()
  usePortalTitle(t('notFound.title'))
  return (
    <Result
      data-testid="public-not-found"
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.detail', { path: location.pathname })}
      extra={
        <Link to="/p/clarifications">
          <Button type="primary">{t('public.clarifications.title')}</Button>
        </Link>
      }
    />
  )
}
