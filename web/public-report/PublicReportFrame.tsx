// The frame of the public report pages on a regulator node: who takes the report, the two pages, the language
// switch, and the promise of confidentiality; narrow enough for a phone, nothing that needs signing in. A platform
// node has its own report entry beside each item (the portal under /u), so it says so here instead.
import { Button, Layout, Result, Space, Typography, theme } from 'antd'
import { type ReactNode, Suspense, useEffect } from 'react'
import { Link, NavLink, Outlet } from 'react-router'
import { errorMessage } from '../app/api.ts'
import { pick, useLang } from '../app/i18n.ts'
import { LanguageSwitch } from '../app/LanguageSwitch.tsx'
import { FullPageSpin } from '../app/Layout.tsx'
import { useNode } from '../app/queries.ts'
import { usePT } from './strings.ts'

/** `<page> · <regulator>` in the title bar. */
export function usePublicTitle(title: string): void {
  const lang = useLang()
  const node = useNode()
  const site = node.data ? pick(lang, node.data.nameZh, node.data.nameEn) : ''
  useEffect(() => {
    document.title = site ? `${title} · ${site}` : title
  }, [title, site])
}

const navStyle = ({ isActive }: { isActive: boolean }) => ({
  color: isActive ? '#1d6b57' : 'rgba(0, 0, 0, 0.75)',
  borderBottom: `2px solid ${isActive ? '#1d6b57' : 'transparent'}`,
  padding: '4px 2px',
  whiteSpace: 'nowrap' as const,
})

export default function PublicReportFrame() {
  const node = useNode()
  const pt = usePT()
  const lang = useLang()
  const { token } = theme.useToken()
  let body: ReactNode
  if (node.isPending) body = <FullPageSpin />
  else if (node.isError) {
    body = (
      <Result
        status="error"
        title={pt('node.unavailable')}
        subTitle={errorMessage(node.error, lang)}
        extra={<Button onClick={() => node.refetch()}>{pt('common.retry')}</Button>}
      />
    )
  } else if (node.data.role !== 'regulator') {
    body = (
      <Result
        data-testid="preport-none"
        status="info"
        title={pt('none.title')}
        subTitle={pt('none.detail', { name: pick(lang, node.data.nameZh, node.data.nameEn) })}
      />
    )
  } else {
    body = (
      <Suspense fallback={<FullPageSpin />}>
        <Outlet />
      </Suspense>
    )
  }
  const name = node.data ? pick(lang, node.data.nameZh, node.data.nameEn) : ''
  return (
    <Layout style={{ minHeight: '100vh' }} data-testid="public-report-site">
      <header
        style={{
          background: token.colorBgContainer,
          borderBottom: `1px solid ${token.colorBorderSecondary}`,
          padding: '10px 16px',
        }}
      >
        <div
          style={{
            maxWidth: 720,
            margin: '0 auto',
            display: 'flex',
            flexWrap: 'wrap',
            alignItems: 'center',
            justifyContent: 'space-between',
            gap: 8,
          }}
        >
          <Link to="/p/report" style={{ color: '#1d6b57', lineHeight: 1.25 }}>
            <div style={{ fontSize: 18, fontWeight: 600 }}>{pt('site.title')}</div>
            {name ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {pt('site.subtitle', { name })}
              </Typography.Text>
            ) : null}
          </Link>
          <Space size="middle" wrap>
            <NavLink to="/p/report" end style={navStyle} data-testid="preport-nav-report">
              {pt('nav.report')}
            </NavLink>
            <NavLink to="/p/report/status" style={navStyle} data-testid="preport-nav-status">
              {pt('nav.status')}
            </NavLink>
            <LanguageSwitch />
          </Space>
        </div>
      </header>
      <Layout.Content
        style={{ width: '100%', maxWidth: 720, margin: '0 auto', padding: 16, boxSizing: 'border-box' }}
      >
        {body}
      </Layout.Content>
      <Layout.Footer style={{ textAlign: 'center', background: 'transparent', padding: '16px' }}>
        <Space orientation="vertical" size={4}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {pt('footer.confidential')}
          </Typography.Text>
          <Link to="/login" style={{ fontSize: 12 }}>
            {pt('footer.staff')}
          </Link>
        </Space>
      </Layout.Footer>
    </Layout>
  )
}
