// Drafting a clarification for one's own department: the claim as it circulates (what platforms will match), the
// title and the facts, the verdict, a second department asked to co-sign, and when the claim was first reported.
// Opened from a public report, it carries that report: the first report's arrival is when the claim was reported,
// and its reporter is answered when the clarification is published (A18).
import {
  App,
  Button,
  DatePicker,
  type DatePickerProps,
  Drawer,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd'
import { type ReactNode, useState } from 'react'
import type { DraftClarificationBody, Organisation } from '../../api/types.ts'
import { pick, useLang, useT } from '../../app/i18n.ts'
import { useMe } from '../../app/session.tsx'
import { ErrorAlert, showFieldErrors } from '../../app/ui.tsx'
import { BODY_MAX, CLAIM_MAX, TITLE_MAX, useDraftClarification } from './clarificationsApi.ts'

// antd's date value (a Dayjs), named without importing dayjs, which the console does not depend on directly
type DateValue = Exclude<NonNullable<DatePickerProps['value']>, readonly unknown[]>

interface DraftForm {
  claim: string
  title: string
  body: string
  verdict: 'false' | 'misleading'
  cosignOrgId?: string
  reportedAt?: DateValue | null
}

const FIELDS = ['claim', 'title', 'body', 'verdict', 'cosignOrgId', 'reportedAt'] as const

export function DraftClarificationDrawer({
  open,
  onClose,
  organisations,
  onDrafted,
  publicReportIds,
  linked,
}: {
  open: boolean
  onClose: () => void
  organisations: readonly Organisation[]
  onDrafted: (id: string) => void
  /** The public reports this clarification answers (told of it when it is published). */
  publicReportIds?: readonly string[]
  /** What the drawer says about those reports, in the caller's words. */
  linked?: ReactNode
}) {
  const t = useT()
  const lang = useLang()
  const me = useMe()
  const { message } = App.useApp()
  const [form] = Form.useForm<DraftForm>()
  const draft = useDraftClarification()
  const [generalError, setGeneralError] = useState<unknown>(null)
  // A second department: any other department (the drafting one cannot co-sign its own draft).
  const departments = organisations.filter((o) => o.kind === 'department' && o.id !== me.organisation.id)

  const close = () => {
    form.resetFields()
    setGeneralError(null)
    draft.reset()
    onClose()
  }

  const submit = (v: DraftForm) => {
    setGeneralError(null)
    const body: DraftClarificationBody = {
      claim: v.claim.trim(),
      title: v.title.trim(),
      body: v.body.trim(),
      verdict: v.verdict,
      ...(v.cosignOrgId ? { cosignOrgId: v.cosignOrgId } : {}),
      ...(v.reportedAt ? { reportedAt: v.reportedAt.toISOString() } : {}),
      ...(publicReportIds?.length ? { publicReportIds: [...publicReportIds] } : {}),
    }
    draft.mutate(body, {
      onSuccess: (c) => {
        message.success(t('clarifications.drafted', { title: c.title }))
        form.resetFields()
        onDrafted(c.id)
      },
      onError: (e) => {
        if (!showFieldErrors(form, e, lang, FIELDS)) setGeneralError(e)
      },
    })
  }

  return (
    <Drawer
      title={t('clarifications.form.heading')}
      open={open}
      onClose={close}
      size={640}
      destroyOnHidden
      data-testid="clarification-draft-drawer"
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            loading={draft.isPending}
            onClick={() => form.submit()}
            data-testid="clarification-draft-submit"
          >
            {t('clarifications.form.submit')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {t('clarifications.form.intro', { org: pick(lang, me.organisation.nameZh, me.organisation.nameEn) })}
      </Typography.Paragraph>
      {linked ? (
        <div style={{ marginBottom: 16 }} data-testid="clarification-linked-reports">
          {linked}
        </div>
      ) : null}
      {generalError ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={generalError} />
        </div>
      ) : null}
      <Form<DraftForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={draft.isPending}
        initialValues={{ verdict: 'false' }}
        data-testid="clarification-draft-form"
      >
        <Form.Item
          name="claim"
          label={t('clarifications.field.claim')}
          extra={t('clarifications.field.claimHelp')}
          rules={[{ required: true, whitespace: true, max: CLAIM_MAX }]}
        >
          <Input.TextArea rows={3} maxLength={CLAIM_MAX} data-testid="clarification-claim" />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('clarifications.field.title')}
          rules={[{ required: true, whitespace: true, max: TITLE_MAX }]}
        >
          <Input
            maxLength={TITLE_MAX}
            placeholder={t('clarifications.field.titlePlaceholder')}
            data-testid="clarification-title"
          />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('clarifications.field.body')}
          extra={t('clarifications.field.bodyHelp')}
          rules={[{ required: true, whitespace: true, max: BODY_MAX }]}
        >
          <Input.TextArea rows={6} maxLength={BODY_MAX} data-testid="clarification-body" />
        </Form.Item>
        <Form.Item name="verdict" label={t('clarifications.field.verdict')}>
          <Radio.Group data-testid="clarification-verdict">
            <Radio value="false">{t('rumor.verdict.false')}</Radio>
            <Radio value="misleading">{t('rumor.verdict.misleading')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item
          name="cosignOrgId"
          label={t('clarifications.field.cosign')}
          extra={t('clarifications.field.cosignHelp')}
        >
          <Select
            allowClear
            data-testid="clarification-cosign"
            showSearch={{ optionFilterProp: 'search' }}
            options={departments.map((o) => ({
              value: o.id,
              search: `${o.nameZh} ${o.nameEn} ${o.key}`,
              label: pick(lang, o.nameZh, o.nameEn),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="reportedAt"
          label={t('clarifications.field.reportedAt')}
          extra={t('clarifications.field.reportedAtHelp')}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.valueOf() > Date.now()}
            style={{ width: 240 }}
            data-testid="clarification-reported-at"
          />
        </Form.Item>
      </Form>
    </Drawer>
  )
}
