// Small pieces the ledger screen and its verify drawer share.
import { SafetyCertificateOutlined } from '@ant-design/icons'
import { App, Button } from 'antd'
import { errorMessage } from '../../app/api.ts'
import { useLang, useT } from '../../app/i18n.ts'
import { useSignCheckpoint } from './ledgerApi.ts'

// Shared with the other screens; kept importable from here for the ledger's files.
export { formatInstant, shortHash } from '../../app/ui.tsx'

/** Signs a checkpoint now (for those who may); the caller hears of the new size. */
export function SignButton({ testId, onSigned }: { testId: string; onSigned?: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const sign = useSignCheckpoint()
  return (
    <Button
      type="primary"
      icon={<SafetyCertificateOutlined />}
      loading={sign.isPending}
      data-testid={testId}
      onClick={() =>
        sign.mutate(undefined, {
          onSuccess: (c) => {
            message.success(t('ledger.signed', { size: c.size }))
            onSigned?.()
          },
          onError: (e) => {
            message.error(errorMessage(e, lang))
          },
        })
      }
    >
      {t('ledger.sign')}
    </Button>
  )
}
