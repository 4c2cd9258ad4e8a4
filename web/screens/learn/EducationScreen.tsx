// 宣传教育 (A6), regulator console: the articles published, and a form to publish one in Chinese and English.
import { PlusOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Drawer, Form, Input, Select, Space, Table, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import { errorMessage } from '../../app/api.ts'
import { pick, useLang } from '../../app/i18n.ts'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { type EducationArticle, type PublishArticleBody, useArticles, usePublishArticle } from './learnApi.ts'
import { TOPICS, topicKey, useLT } from './strings.ts'

export default function EducationScreen() {
  const lt = useLT()
  const lang = useLang()
  const list = useArticles()
  const [writing, setWriting] = useState(false)
  return (
    <Card
      title={lt('console.title')}
      extra={
        <Space>
          <Link to="/p/learn" target="_blank">
            {lt('console.open')}
          </Link>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setWriting(true)}
            data-testid="education-new"
          >
            {lt('console.new')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="info" showIcon title={lt('console.intro')} />
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<EducationArticle>
          data-testid="education-articles"
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data ?? []}
          locale={{ emptyText: lt('console.empty') }}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          columns={[
            {
              title: lt('col.title'),
              key: 'title',
              render: (_: unknown, a) => (
                <Link to={`/p/learn/${a.id}`} target="_blank">
                  {pick(lang, a.titleZh, a.titleEn)}
                </Link>
              ),
            },
            {
              title: lt('col.topic'),
              key: 'topic',
              width: 140,
              render: (_: unknown, a) => lt(topicKey(a.topic)),
            },
            {
              title: lt('col.publishedAt'),
              key: 'at',
              width: 170,
              render: (_: unknown, a) => (
                <Typography.Text style={{ whiteSpace: 'nowrap' }}>
                  {formatTime(a.publishedAt, lang)}
                </Typography.Text>
              ),
            },
          ]}
        />
      </Space>
      {writing ? <PublishDrawer onClose={() => setWriting(false)} /> : null}
    </Card>
  )
}

function PublishDrawer({ onClose }: { onClose: () => void }) {
  const lt = useLT()
  const lang = useLang()
  const { message } = App.useApp()
  const publish = usePublishArticle()
  const [form] = Form.useForm<PublishArticleBody>()
  const req = [{ required: true, whitespace: true, message: lt('required') }]
  return (
    <Drawer open onClose={onClose} title={lt('form.title')} size="large" destroyOnHidden>
      <Form<PublishArticleBody>
        form={form}
        layout="vertical"
        initialValues={{ topic: 'spot_rumours' }}
        onFinish={(v) =>
          publish.mutate(v, {
            onSuccess: () => {
              void message.success(lt('form.done'))
              onClose()
            },
          })
        }
      >
        <Form.Item name="topic" label={lt('form.topic')} rules={req}>
          <Select options={TOPICS.map((t) => ({ value: t, label: lt(topicKey(t)) }))} />
        </Form.Item>
        <Form.Item name="titleZh" label={lt('form.titleZh')} rules={req}>
          <Input maxLength={200} data-testid="education-title-zh" />
        </Form.Item>
        <Form.Item name="titleEn" label={lt('form.titleEn')} rules={req}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="summaryZh" label={lt('form.summaryZh')} rules={req}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="summaryEn" label={lt('form.summaryEn')} rules={req}>
          <Input.TextArea maxLength={1000} autoSize={{ minRows: 2 }} />
        </Form.Item>
        <Form.Item name="bodyZh" label={lt('form.bodyZh')} rules={req}>
          <Input.TextArea maxLength={20_000} autoSize={{ minRows: 6 }} />
        </Form.Item>
        <Form.Item name="bodyEn" label={lt('form.bodyEn')} rules={req}>
          <Input.TextArea maxLength={40_000} autoSize={{ minRows: 6 }} />
        </Form.Item>
        {publish.isError ? (
          <Alert
            type="error"
            showIcon
            title={errorMessage(publish.error, lang)}
            style={{ marginBottom: 12 }}
          />
        ) : null}
        <Button type="primary" htmlType="submit" loading={publish.isPending} data-testid="education-submit">
          {lt('form.submit')}
        </Button>
      </Form>
    </Drawer>
  )
}
