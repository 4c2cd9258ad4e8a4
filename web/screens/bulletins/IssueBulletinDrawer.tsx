// Issuing a bulletin (通报, A5.1): title, text, the requirement ids it rests on, the case it is about (preset when
// opened from a case), and its recipients — departments and county offices of this node, and platforms. The server's
// refusals land beside the field they name, above the form otherwise.
import { App, Button, Drawer, Form, Input, Select, Space, Typography } from 'antd'
import { useState } from 'react'
import type { BulletinView, IssueBulletinBody } from '../../api/types.ts'
import { useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert, showFieldErrors } from '../../app/ui.tsx'
import { useCases } from '../cases/casesApi.ts'
import {
  ARTICLE_PATTERN,
  ARTICLES_MAX,
  BODY_MAX,
  TITLE_MAX,
  useBulletins,
  useIssueBulletin,
} from './bulletinsApi.ts'
import { useRecipientChoices } from './bulletinUi.tsx'
import { useBT } from './strings.ts'

const BASIS_OPTIONS = ['A5.1', 'A5.2', 'A7', 'A12.1', 'A16', 'A19.1']

interface IssueForm {
  title: string
  body: string
  articles: string[]
  caseId: string
  organisationIds: string[]
  platformNodeIds: string[]
}

export function IssueBulletinDrawer({
  caseId,
  onClose,
  onIssued,
}: {
  /** The case the bulletin is about, when issued from its drawer. */
  caseId?: string
  onClose: () => void
  onIssued: (b: BulletinView) => void
}) {
  const bt = useBT()
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<IssueForm>()
  const issue = useIssueBulletin()
  const seen = useBulletins({})
  const cases = useCases({})
  const choices = useRecipientChoices(seen.data ?? [])
  const [error, setError] = useState<unknown>(null)

  const submit = (v: IssueForm) => {
    setError(null)
    const body: IssueBulletinBody = {
      title: v.title.trim(),
      body: v.body.trim(),
      ...(v.articles.length > 0 ? { articles: v.articles } : {}),
      ...(v.caseId ? { caseId: v.caseId } : {}),
      organisationIds: v.organisationIds,
      platformNodeIds: v.platformNodeIds.map((p) => p.trim()).filter((p) => p !== ''),
    }
    issue.mutate(body, {
      onSuccess: (b) => {
        message.success(bt('form.done', { number: b.number }))
        onIssued(b)
      },
      onError: (e) => {
        const fields = ['title', 'body', 'articles', 'caseId', 'organisationIds', 'platformNodeIds']
        if (!showFieldErrors(form, e, lang, fields)) setError(e)
      },
    })
  }

  // one of the two lists must name someone: checked on either field, shown on the organisations
  const eitherRecipient = {
    validator: async () => {
      const o = form.getFieldValue('organisationIds') as string[] | undefined
      const p = form.getFieldValue('platformNodeIds') as string[] | undefined
      if ((o?.length ?? 0) + (p?.length ?? 0) === 0) throw new Error(bt('form.recipientsRequired'))
    },
  }

  return (
    <Drawer
      open
      title={bt('form.title')}
      onClose={onClose}
      size={640}
      destroyOnHidden
      data-testid="bulletin-issue-drawer"
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={issue.isPending}
            onClick={() => form.submit()}
            data-testid="bulletin-issue-submit"
          >
            {bt('form.submit')}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {bt('form.intro')}
        </Typography.Paragraph>
        {error ? <ErrorAlert error={error} /> : null}
        <Form<IssueForm>
          form={form}
          layout="vertical"
          onFinish={submit}
          disabled={issue.isPending}
          initialValues={{
            articles: ['A5.1'],
            caseId: caseId ?? '',
            organisationIds: [],
            platformNodeIds: [],
          }}
        >
          <Form.Item
            name="title"
            label={bt('form.bulletinTitle')}
            rules={[{ required: true, whitespace: true, message: bt('required') }]}
          >
            <Input maxLength={TITLE_MAX} data-testid="bulletin-issue-title" />
          </Form.Item>
          <Form.Item
            name="body"
            label={bt('form.body')}
            rules={[{ required: true, whitespace: true, message: bt('required') }]}
          >
            <Input.TextArea rows={6} maxLength={BODY_MAX} showCount data-testid="bulletin-issue-body" />
          </Form.Item>
          <Form.Item
            name="articles"
            label={bt('form.articles')}
            extra={bt('form.articlesHint')}
            rules={[
              {
                validator: async (_, v: string[] | undefined) => {
                  const bad = (v ?? []).filter((a) => !ARTICLE_PATTERN.test(a))
                  if (bad.length > 0) throw new Error(`${bt('form.articlesBad')}: ${bad.join('、')}`)
                },
              },
            ]}
          >
            <Select
              mode="tags"
              maxCount={ARTICLES_MAX}
              data-testid="bulletin-issue-articles"
              options={BASIS_OPTIONS.map((a) => ({ value: a, label: a }))}
            />
          </Form.Item>
          <Form.Item name="caseId" label={bt('form.case')}>
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              loading={cases.isPending}
              disabled={caseId !== undefined}
              data-testid="bulletin-issue-case"
              options={[
                { value: '', label: bt('form.caseNone') },
                ...(cases.data ?? []).map((c) => ({ value: c.id, label: `${c.number} ${c.title}` })),
              ]}
            />
          </Form.Item>
          <Form.Item
            name="organisationIds"
            label={bt('form.organisations')}
            dependencies={['platformNodeIds']}
            rules={[eitherRecipient]}
          >
            <Select
              mode="multiple"
              showSearch={{ optionFilterProp: 'label' }}
              data-testid="bulletin-issue-organisations"
              options={choices.organisations}
            />
          </Form.Item>
          <Form.Item
            name="platformNodeIds"
            label={bt('form.platforms')}
            extra={bt('form.platformsHint')}
            dependencies={['organisationIds']}
          >
            <Select
              mode="tags"
              data-testid="bulletin-issue-platforms"
              options={choices.platforms}
              notFoundContent={bt('form.platformsEmpty')}
            />
          </Form.Item>
        </Form>
      </Space>
    </Drawer>
  )
}
