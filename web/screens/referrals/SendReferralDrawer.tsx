// Refer a case (A20): to public security for a suspected crime, or to the procuratorate for public-interest
// litigation, with the reason and evidence digests; for a crime, the dates of the officer's report and the head's
// approval (the 3 days of 第五条 are checked against them).
import { Alert, Button, DatePicker, Drawer, Form, Input, Radio, Select } from 'antd'
import type { Dayjs } from 'dayjs'
import { errorMessage } from '../../app/api.ts'
import { useLang } from '../../app/i18n.ts'
import { useCases } from '../cases/casesApi.ts'
import { type ReferralView, type SendReferralBody, useSendReferral } from './referralsApi.ts'
import { useRT } from './strings.ts'

interface Values {
  caseId: string
  kind: 'criminal' | 'public_interest'
  reason: string
  reportedOn?: Dayjs
  decidedOn?: Dayjs
  materials?: string
}

const LINE = /^(.+)\|([0-9a-f]{64})$/

export function SendReferralDrawer({
  onClose,
  onSent,
}: {
  onClose: () => void
  onSent: (r: ReferralView) => void
}) {
  const rt = useRT()
  const lang = useLang()
  const cases = useCases({ status: 'open' })
  const send = useSendReferral()
  const [form] = Form.useForm<Values>()
  const kind = Form.useWatch('kind', form)
  const lines = (s: string | undefined) =>
    (s ?? '')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l !== '')
  return (
    <Drawer open onClose={onClose} title={rt('send.title')} size="large" destroyOnHidden>
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'criminal' }}
        onFinish={(v) => {
          const body: SendReferralBody = {
            caseId: v.caseId,
            kind: v.kind,
            reason: v.reason.trim(),
            materials: lines(v.materials).map((l) => {
              const m = LINE.exec(l) as RegExpExecArray
              return { kind: 'evidence' as const, title: (m[1] ?? '').trim(), sha256: m[2] ?? '' }
            }),
            ...(v.kind === 'criminal' && v.reportedOn
              ? { reportedOn: v.reportedOn.format('YYYY-MM-DD') }
              : {}),
            ...(v.kind === 'criminal' && v.decidedOn ? { decidedOn: v.decidedOn.format('YYYY-MM-DD') } : {}),
          }
          send.mutate(body, { onSuccess: onSent })
        }}
      >
        <Form.Item
          name="caseId"
          label={rt('send.case')}
          rules={[{ required: true, message: rt('required') }]}
        >
          <Select
            showSearch
            optionFilterProp="label"
            loading={cases.isPending}
            data-testid="referral-case"
            options={(cases.data ?? []).map((c) => ({ value: c.id, label: `${c.number} ${c.title}` }))}
          />
        </Form.Item>
        <Form.Item name="kind" label={rt('send.kind')}>
          <Radio.Group
            options={[
              { value: 'criminal', label: rt('kind.criminal') },
              { value: 'public_interest', label: rt('kind.public_interest') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="reason"
          label={rt('send.reason')}
          rules={[{ required: true, whitespace: true, message: rt('required') }]}
        >
          <Input.TextArea maxLength={4000} autoSize={{ minRows: 3 }} data-testid="referral-reason" />
        </Form.Item>
        {kind === 'criminal' ? (
          <>
            <Form.Item name="reportedOn" label={rt('send.reportedOn')}>
              <DatePicker />
            </Form.Item>
            <Form.Item name="decidedOn" label={rt('send.decidedOn')}>
              <DatePicker />
            </Form.Item>
          </>
        ) : null}
        <Form.Item
          name="materials"
          label={rt('send.materials')}
          rules={[
            {
              validator: async (_r, s: string | undefined) => {
                if (lines(s).some((l) => !LINE.test(l))) throw new Error(rt('send.materialsBad'))
              },
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} />
        </Form.Item>
        {send.isError ? (
          <Alert type="error" showIcon title={errorMessage(send.error, lang)} style={{ marginBottom: 12 }} />
        ) : null}
        <Button type="primary" htmlType="submit" loading={send.isPending} data-testid="referral-submit">
          {rt('send.submit')}
        </Button>
      </Form>
    </Drawer>
  )
}
