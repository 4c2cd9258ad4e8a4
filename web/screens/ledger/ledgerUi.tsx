// Small pieces the ledger screen and its verify drawer share.
import { SafetyCertificateOutlined } from '@ant-design/icons'
import { App, Button } from 'antd'
import { errorMessage } from '../../app/api.ts'
import { type Lang, useLang, useT } from '../../app/i18n.ts'
import { useSignCheckpoint } from './ledgerApi.ts'

/** `abcd1234…ef567890` for a long hash or key; the whole value is copied. */
export function shortHash(text: string): string {
  return text.length > 20 ? `${text.slice(0, 8)}…${text.slice(-8)}` : text
}

/** A local date and time to the second: ledger times are compared closely. */
export function formatInstant(at: string | number, lang: Lang): string {
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return String(at)
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(d)
}

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
