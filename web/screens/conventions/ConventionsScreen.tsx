// 行业公约 (A10), regulator console: every version of every convention with the platforms it went to and which of them
// signed it; those who may publish add a convention or its next version.
import { PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Collapse, Drawer, Empty, Form, Input, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../app/api.ts'
import { pick, useLang } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatTime, shortHash } from '../../app/ui.tsx'
import {
  type ConventionView,
  KEY_PATTERN,
  type PublishConventionBody,
  useConventions,
  usePublishConvention,
} from './conventionsApi.ts'
import { useCT } from './strings.ts'

export default function ConventionsScreen() {
  const ct = useCT()
  const can = useCan()
  const list = useConventions()
  const [writing, setWriting] = useState(false)
  return (
    <Card
      title={ct('title')}
      extra={
        can('convention.publish') ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setWriting(true)}
            data-testid="convention-new"
          >
            {ct('new')}
          </Button>
        ) : null
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="info" showIcon title={ct('intro')} />
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
        {list.data && list.data.length === 0 ? <Empty description={ct('empty')} /> : null}
        {list.data && list.data.length > 0 ? (
          <Collapse
            data-testid="conventions"
            items={list.data.map((c) => ({
              key: c.id,
              label: <ConventionLabel c={c} />,
              children: <ConventionBody c={c} />,
            }))}
          />
        ) : null}
      </Space>
      {writing ? <PublishDrawer onClose={() => setWriting(false)} /> : null}
    </Card>
  )
}

function ConventionLabel({ c }: { c: ConventionView }) {
  const ct = useCT()
  const signed = c.platforms.filter((p) => p.signedAt !== null).length
  return (
    <Space wrap data-testid={`convention-${c.id}`}>
      <Typography.Text strong>{c.title}</Typography.Text>
      <Tag>{ct('version', { version: c.version })}</Tag>
      <Tag color={signed === c.platforms.length && signed > 0 ? 'green' : 'orange'}>
        {ct('signed')} {signed}/{c.platforms.length}
      </Tag>
    </Space>
  )
}

export function Signatories({ c }: { c: ConventionView }) {
  const ct = useCT()
  const lang = useLang()
  return (
    <Space wrap>
      {c.platforms.map((p) => (
        <Tag
          key={p.platformNodeId}
          color={p.signedAt ? 'green' : 'default'}
          data-testid={`convention-${c.id}-platform-${p.platformNodeId}`}
          data-signed={String(p.signedAt !== null)}
        >
          {pick(lang, p.nameZh, p.nameEn)} ·{' '}
          {p.signedAt
            ? ct('signedBy', { name: p.signedByName ?? '', at: formatTime(p.signedAt, lang) ?? '' })
            : ct('notSigned')}
        </Tag>
      ))}
    </Space>
  )
}

function ConventionBody({ c }: { c: ConventionView }) {
  const ct = useCT()
  const lang = useLang()
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {c.key} · {c.publishedByName} · {formatTime(c.publishedAt, lang)} · {ct('digest')}{' '}
        {shortHash(c.textSha256)}
      </Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{c.body}</Typography.Paragraph>
      <Signatories c={c} />
    </Space>
  )
}

function PublishDrawer({ onClose }: { onClose: () => void }) {
  const ct = useCT()
  const lang = useLang()
  const { message } = App.useApp()
  const publish = usePublishConvention()
  const [form] = Form.useForm<PublishConventionBody>()
  const req = [{ required: true, whitespace: true, message: ct('required') }]
  return (
    <Drawer open onClose={onClose} title={ct('form.title')} size="large" destroyOnHidden>
      <Form<PublishConventionBody>
        form={form}
        layout="vertical"
        onFinish={(v) =>
          publish.mutate(v, {
            onSuccess: (c) => {
              void message.success(ct('form.done', { version: c.version }))
              onClose()
            },
          })
        }
      >
        <Form.Item
          name="key"
          label={ct('form.key')}
          extra={ct('form.keyHint')}
          rules={[...req, { pattern: KEY_PATTERN, message: ct('form.keyBad') }]}
        >
          <Input maxLength={64} data-testid="convention-key" />
        </Form.Item>
        <Form.Item name="title" label={ct('form.conventionTitle')} rules={req}>
          <Input maxLength={200} data-testid="convention-title" />
        </Form.Item>
        <Form.Item name="body" label={ct('form.body')} rules={req}>
          <Input.TextArea maxLength={20_000} autoSize={{ minRows: 8 }} data-testid="convention-body" />
        </Form.Item>
        {publish.isError ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(publish.error, lang)}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <Button type="primary" htmlType="submit" loading={publish.isPending} data-testid="convention-submit">
          {ct('form.submit')}
        </Button>
      </Form>
    </Drawer>
  )
}
