// The address of any item (`/u/items/:id`), for links that know only its id (a report): a published item opens on
// its post's page; one no longer shown (stopped, removed, held) says so.
import { Button, Result } from 'antd'
import { Link, Navigate, useParams } from 'react-router'
import { ApiError } from '../../app/api.ts'
import { useT } from '../../app/i18n.ts'
import { FullPageSpin } from '../../app/Layout.tsx'
import { ErrorAlert } from '../../app/ui.tsx'
import { usePost } from '../../portal/portalApi.ts'
import { usePortalTitle } from '../../portal/portalUi.tsx'

export default function ItemScreen() {
  const { id = '' } = useParams()
  const t = useT()
  const item = usePost(id)
  usePortalTitle(t('content.post.title'))
  if (item.data) return <Navigate to={`/u/posts/${item.data.postId ?? item.data.id}`} replace />
  if (item.isPending) return <FullPageSpin />
  if (item.error instanceof ApiError && item.error.status === 404) {
    return (
      <Result
        status="info"
        data-testid="item-gone"
        title={t('content.gone.title')}
        subTitle={t('content.gone.detail')}
        extra={
          <Link to="/u">
            <Button>{t('content.backToFeed')}</Button>
          </Link>
        }
      />
    )
  }
  return <ErrorAlert error={item.error} onRetry={() => item.refetch()} />
}
