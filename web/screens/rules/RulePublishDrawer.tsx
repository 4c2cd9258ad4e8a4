// Publishing a new version of a rule document, prefilled from the version in force; all users must accept it before
// they publish again, which the form says before anything is sent.
import { Alert, App, Button, Drawer, Form, Input, Select, Space } from 'antd'
import { useState } from 'react'
import type { PublishRuleBody, RuleDocument, RuleKind } from '../../api/types.ts'
import { useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert, showFieldErrors } from '../../app/ui.tsx'
import { RULE_KINDS, RULE_LIMITS, usePublishRule } from './rulesApi.ts'
import { ruleKindKey } from './rulesUi.tsx'

type PublishForm = PublishRuleBody

const FIELDS = ['kind', 'titleZh', 'titleEn', 'bodyZh', 'bodyEn', 'changeNote'] as const

function prefill(kind: RuleKind, current: readonly RuleDocument[]): PublishForm {
  const doc = current.find((d) => d.kind === kind)
  return {
    kind,
    titleZh: doc?.titleZh ?? '',
    titleEn: doc?.titleEn ?? '',
    bodyZh: doc?.bodyZh ?? '',
    bodyEn: doc?.bodyEn ?? '',
    changeNote: '',
  }
}

export function RulePublishDrawer({
  initialKind,
  current,
  onClose,
}: {
  initialKind: RuleKind
  current: readonly RuleDocument[]
  onClose: () => void
}) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<PublishForm>()
  const publish = usePublishRule()
  const [generalError, setGeneralError] = useState<unknown>(null)
  const [unchanged, setUnchanged] = useState(false)
  const kind = Form.useWatch('kind', form) ?? initialKind
  const inForce = current.find((d) => d.kind === kind)

  const submit = (v: PublishForm) => {
    setGeneralError(null)
    const body: PublishForm = { ...v, changeNote: v.changeNote.trim() }
    const doc = current.find((d) => d.kind === v.kind)
    if (
      doc &&
      doc.titleZh === v.titleZh &&
      doc.titleEn === v.titleEn &&
      doc.bodyZh === v.bodyZh &&
      doc.bodyEn === v.bodyEn
    ) {
      setUnchanged(true)
      return
    }
    setUnchanged(false)
    publish.mutate(body, {
      onSuccess: (d) => {
        message.success(
          t('rules.published.done', { title: lang === 'zh' ? d.titleZh : d.titleEn, v: d.version }),
        )
        onClose()
      },
      onError: (e) => {
        if (!showFieldErrors(form, e, lang, FIELDS)) setGeneralError(e)
      },
    })
  }

  const required = (message: string) => [{ required: true, whitespace: true, message }]

  return (
    <Drawer
      open
      title={t('rules.publishTitle')}
      size={760}
      onClose={onClose}
      destroyOnHidden
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={onClose} disabled={publish.isPending}>
            {t('common.cancel')}
          </Button>
          <Button
            type="primary"
            loading={publish.isPending}
            onClick={() => form.submit()}
            data-testid="rules-form-submit"
          >
            {t('rules.publishSubmit', { v: (inForce?.version ?? 0) + 1 })}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="rules-form">
        <Alert type="warning" showIcon title={t('rules.publishWarning')} data-testid="rules-form-warning" />
        {unchanged ? <Alert type="error" showIcon title={t('rules.unchanged')} /> : null}
        {generalError ? <ErrorAlert error={generalError} /> : null}
        <Form<PublishForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          initialValues={prefill(initialKind, current)}
          onFinish={submit}
          disabled={publish.isPending}
        >
          <Form.Item
            name="kind"
            label={t('rules.kind')}
            extra={inForce ? t('rules.prefilled', { v: inForce.version }) : t('rules.firstVersion')}
          >
            <Select<RuleKind>
              data-testid="rules-form-kind"
              // Another document: start again from its version in force.
              onChange={(k) => {
                form.setFieldsValue(prefill(k, current))
                setUnchanged(false)
              }}
              options={RULE_KINDS.map((k) => ({ value: k, label: t(ruleKindKey(k)) }))}
            />
          </Form.Item>
          <Form.Item name="titleZh" label={t('rules.titleZh')} rules={required(t('rules.required'))}>
            <Input maxLength={RULE_LIMITS.titleZh} data-testid="rules-form-title-zh" />
          </Form.Item>
          <Form.Item name="titleEn" label={t('rules.titleEn')} rules={required(t('rules.required'))}>
            <Input maxLength={RULE_LIMITS.titleEn} data-testid="rules-form-title-en" />
          </Form.Item>
          <Form.Item name="bodyZh" label={t('rules.bodyZh')} rules={required(t('rules.required'))}>
            <Input.TextArea
              autoSize={{ minRows: 8, maxRows: 20 }}
              maxLength={RULE_LIMITS.bodyZh}
              data-testid="rules-form-body-zh"
            />
          </Form.Item>
          <Form.Item name="bodyEn" label={t('rules.bodyEn')} rules={required(t('rules.required'))}>
            <Input.TextArea
              autoSize={{ minRows: 8, maxRows: 20 }}
              maxLength={RULE_LIMITS.bodyEn}
              data-testid="rules-form-body-en"
            />
          </Form.Item>
          <Form.Item
            name="changeNote"
            label={t('rules.changeNote')}
            extra={t('rules.changeNoteHint')}
            rules={required(t('rules.changeNoteRequired'))}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 4 }}
              maxLength={RULE_LIMITS.changeNote}
              showCount
              data-testid="rules-form-change-note"
            />
          </Form.Item>
        </Form>
      </Space>
    </Drawer>
  )
}
