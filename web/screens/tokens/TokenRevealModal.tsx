import { CheckOutlined, CopyOutlined } from '@ant-design/icons'
import { Alert, App, Button, Descriptions, Input, Modal, Space } from 'antd'
import { useState } from 'react'
import type { CreatedToken } from '../../api/types.ts'
import { useT } from '../../app/i18n.ts'
import { copyText, RoleTags } from '../../app/ui.tsx'

/** The one time a token's secret is shown. It closes only by the explicit button, not by a stray click. */
export function TokenRevealModal({ created, onClose }: { created: CreatedToken; onClose: () => void }) {
  const t = useT()
  const { message } = App.useApp()
  const [copied, setCopied] = useState(false)

  const copy = async () => {
    if (await copyText(created.token)) {
      setCopied(true)
      message.success(t('common.copied'))
    } else {
      message.error(t('common.copyFailed'))
    }
  }

  return (
    <Modal
      open
      title={t('tokens.revealTitle')}
      closable={false}
      mask={{ closable: false }}
      keyboard={false}
      onCancel={onClose}
      footer={
        <Button type="primary" onClick={onClose} data-testid="token-reveal-done">
          {t('tokens.revealDone')}
        </Button>
      }
      data-testid="token-reveal"
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('tokens.revealWarning')} />
        <Space.Compact style={{ width: '100%' }}>
          <Input
            readOnly
            value={created.token}
            onFocus={(e) => e.target.select()}
            style={{ fontFamily: 'monospace' }}
            data-testid="token-secret"
          />
          <Button
            icon={copied ? <CheckOutlined /> : <CopyOutlined />}
            onClick={copy}
            data-testid="token-copy"
          >
            {copied ? t('common.copied') : t('common.copy')}
          </Button>
        </Space.Compact>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('tokens.name')}>{created.view.name}</Descriptions.Item>
          <Descriptions.Item label={t('tokens.roles')}>
            <RoleTags roles={created.view.roles} />
          </Descriptions.Item>
        </Descriptions>
      </Space>
    </Modal>
  )
}
