import { Button, Result } from 'antd'
import { useRouteError } from 'react-router'
import { errorMessage } from '../../app/api.ts'
import { useLang, useT } from '../../app/i18n.ts'

/** A screen that failed to load or render (often a stale chunk after an upgrade: reloading fixes it). */
export function RouteError() {
  const error = useRouteError()
  const lang = useLang()
  const t = useT()
  return (
    <Result
      status="error"
      title={t('common.loadFailed')}
      subTitle={errorMessage(error, lang)}
      extra={<Button onClick={() => window.location.reload()}>{t('common.retry')}</Button>}
    />
  )
}
