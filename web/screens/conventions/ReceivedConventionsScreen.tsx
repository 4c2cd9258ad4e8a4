// 行业公约 (A10), platform console: the convention versions received from the regulator; the platform admin signs one,
// and the platform answers the regulator with its node key's signature.
import { Alert, App, Button, Card, Empty, List, Popconfirm, Space, Tag, Typography } from 'antd'
import { errorMessage } from '../../app/api.ts'
import { useLang } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { useReceivedConventions, useSignConvention } from './conventionsApi.ts'
import { useCT } from './strings.ts'

export default function ReceivedConventionsScreen() {
  const ct = useCT()
  const lang = useLang()
  const can = useCan()
  const { message } = App.useApp()
  const list = useReceivedConventions()
  const sign = useSignConvention()
  return (
    <Card title={ct('received.title')}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="info" showIcon title={ct('received.intro')} />
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
        {sign.isError ? <Alert type="error" showIcon title={errorMessage(sign.error, lang)} /> : null}
        {list.data && list.data.length === 0 ? <Empty description={ct('received.empty')} /> : null}
        <List
          loading={list.isPending}
          dataSource={list.data ?? []}
          rowKey="id"
          itemLayout="vertical"
          renderItem={(c) => (
            <List.Item
              data-testid={`received-convention-${c.id}`}
              extra={
                c.signedAt ? (
                  <Tag color="green">
                    {ct('received.done')} · {c.signedByName} · {formatTime(c.signedAt, lang)}
                  </Tag>
                ) : can('convention.sign') ? (
                  <Popconfirm
                    title={ct('received.signConfirm')}
                    onConfirm={() =>
                      sign.mutate(c.id, { onSuccess: () => void message.success(ct('received.done')) })
                    }
                  >
                    <Button
                      type="primary"
                      loading={sign.isPending}
                      data-testid={`received-convention-sign-${c.id}`}
                    >
                      {ct('received.sign')}
                    </Button>
                  </Popconfirm>
                ) : (
                  <Tag>{ct('notSigned')}</Tag>
                )
              }
            >
              <Space wrap>
                <Typography.Text strong>{c.title}</Typography.Text>
                <Tag>{ct('version', { version: c.version })}</Tag>
                <Typography.Text type="secondary">{formatTime(c.publishedAt, lang)}</Typography.Text>
              </Space>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>
                {c.body}
              </Typography.Paragraph>
            </List.Item>
          )}
        />
      </Space>
    </Card>
  )
}
