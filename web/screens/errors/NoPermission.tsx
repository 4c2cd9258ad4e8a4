import { Result } from 'antd'
import type { Permission } from '../../api/types.ts'
import { useT } from '../../app/i18n.ts'

/** A page the signed-in person's roles do not allow; the menu hides it, but an address can still lead here. */
export function NoPermission({ permission }: { permission: Permission }) {
  const t = useT()
  return (
    <Result
      data-testid="no-permission"
      status="403"
      title={t('noPermission.title')}
      subTitle={t('noPermission.detail', { permission })}
    />
  )
}
