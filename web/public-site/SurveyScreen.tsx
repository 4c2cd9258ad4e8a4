// /p/survey (A17): a short anonymous survey — the platform, optionally the county, three scores 1–5. Nothing that
// names the person is asked or kept; the server slows an address to a few answers an hour.
import { useMutation, useQuery } from '@tanstack/react-query'
import { Alert, Button, Card, Form, Rate, Result, Select, Space, Typography } from 'antd'
import { request } from '../app/api.ts'
import { pick, useLang } from '../app/i18n.ts'
import { ErrorAlert } from '../app/ui.tsx'
import { useST } from './surveyStrings.ts'

const PUBLIC = { csrfToken: null, ignoreUnauthorized: true } as const

interface Choices {
  platforms: { id: string; nameZh: string; nameEn: string }[]
  counties: { code: string; zh: string; en: string }[]
}
interface Answer {
  platform: string
  county?: string
  handling: number
  clarificationSpeed: number
  reporting: number
}

export default function SurveyScreen() {
  const st = useST()
  const lang = useLang()
  const [form] = Form.useForm<Answer>()
  const choices = useQuery({
    queryKey: ['public', 'survey'],
    queryFn: () => request<Choices>('GET', '/api/public/survey', undefined, PUBLIC),
  })
  const send = useMutation({
    mutationFn: (a: Answer) => request<{ received: boolean }>('POST', '/api/public/survey', a, PUBLIC),
  })
  if (send.isSuccess) {
    return (
      <Result
        status="success"
        title={st('thanks')}
        data-testid="survey-thanks"
        extra={
          <Button
            onClick={() => {
              form.resetFields()
              send.reset()
            }}
          >
            {st('again')}
          </Button>
        }
      />
    )
  }
  return (
    <Card title={st('title')} data-testid="survey">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="info" showIcon title={st('intro')} />
        {(choices.error ?? send.error) && <ErrorAlert error={choices.error ?? send.error} />}
        {choices.data && choices.data.platforms.length === 0 ? (
          <Typography.Text type="secondary">{st('none')}</Typography.Text>
        ) : (
          <Form<Answer> form={form} layout="vertical" onFinish={(a) => send.mutate(a)}>
            <Form.Item name="platform" label={st('platform')} rules={[{ required: true }]}>
              <Select
                data-testid="survey-platform"
                loading={choices.isLoading}
                options={(choices.data?.platforms ?? []).map((p) => ({
                  value: p.id,
                  label: pick(lang, p.nameZh, p.nameEn),
                }))}
              />
            </Form.Item>
            <Form.Item name="county" label={st('county')}>
              <Select
                allowClear
                data-testid="survey-county"
                options={(choices.data?.counties ?? []).map((c) => ({
                  value: c.code,
                  label: pick(lang, c.zh, c.en),
                }))}
              />
            </Form.Item>
            <Form.Item name="handling" label={st('handling')} rules={[{ required: true }]}>
              <Rate data-testid="survey-handling" />
            </Form.Item>
            <Form.Item name="clarificationSpeed" label={st('speed')} rules={[{ required: true }]}>
              <Rate data-testid="survey-speed" />
            </Form.Item>
            <Form.Item name="reporting" label={st('reporting')} rules={[{ required: true }]}>
              <Rate data-testid="survey-reporting" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={send.isPending} data-testid="survey-submit">
              {st('submit')}
            </Button>
          </Form>
        )}
      </Space>
    </Card>
  )
}
