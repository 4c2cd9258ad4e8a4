import { Button, Result } from 'antd'
import { useEffect } from 'react'
import { Link, useLocation } from 'react-router'
import { useT } from '../../app/i18n.ts'

/** Inside the layout, for any address no page claims. */
export function NotFoundScreen() {
  const t = useT()
  const location = useLocation()
  const title = t('notFound.title')
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`
  }, [title, t])
  return (
    <Result
      data-testid="not-found"
      status="404"
      title={title}
      subTitle={t('notFound.detail', { path: location.pathname })}
      extra={
        <Link to="/">
          <Button type="primary">{t('notFound.home')}</Button>
        </Link>
      }
    />
  )
}
