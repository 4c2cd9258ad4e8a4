// Small pieces of the public portal: the page title, the page for an address no portal page claims.
import { Button, Result } from 'antd'
import { useEffect } from 'react'
import { Link, useLocation } from 'react-router'
import { pick, useLang, useT } from '../app/i18n.ts'
import { useNode } from '../app/queries.ts'

/** `<page> · <platform name>` in the browser's title bar. */
export function usePortalTitle(title: string): void {
  const lang = useLang()
  const node = useNode()
  const t = useT()
  const site = node.data ? pick(lang, node.data.nameZh, node.data.nameEn) : t('app.name')
  useEffect(() => {
    document.title = `${title} · ${site}`
  }, [title, site])
}

export function PortalNotFound() {
  const t = useT()
  const location = useLocation()
  usePortalTitle(t('notFound.title'))
  return (
    <Result
      data-testid="portal-not-found"
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.detail', { path: location.pathname })}
      extra={
        <Link to="/u/me">
          <Button type="primary">{t('portal.nav.me')}</Button>
        </Link>
      }
    />
  )
}

/** What the identity page tells the user's page after verifying: how the credit moved. */
export interface MeLocationState {
  identityDone?: { delta: number; score: number; tier: { zh: string; en: string } }
}
