// One referral (A20): the reason, the materials handed over, every step with its date and organisation, the next
// statutory deadline with its provision, and a form for the step that may follow (the server checks who may record it).
import {
  Alert,
  App,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  List,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd'
import type { Dayjs } from 'dayjs'
import { errorMessage } from '../../app/api.ts'
import { useLang } from '../../app/i18n.ts'
import { useOrganisations } from '../../app/queries.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatTime, shortHash } from '../../app/ui.tsx'
import { NEXT_STEPS, type ReferralView, useRecordStep, useReferral } from './referralsApi.ts'
import { DeadlineText, StatusTag } from './referralUi.tsx'
import { known, type RKey, useRT } from './strings.ts'

export function ReferralDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const rt = useRT()
  const lang = useLang()
  const r = useReferral(id)
  return (
    <Drawer
      open
      onClose={onClose}
      size="large"
      title={r.data ? rt('detail.title', { number: r.data.number }) : ''}
      data-testid="referral-drawer"
    >
      {r.isError ? <ErrorAlert error={r.error} onRetry={() => r.refetch()} /> : null}
      {r.data ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={rt('col.kind')}>
              {rt(r.data.kind === 'criminal' ? 'kind.criminal' : 'kind.public_interest')}
            </Descriptions.Item>
            <Descriptions.Item label={rt('col.case')}>{r.data.caseNumber}</Descriptions.Item>
            <Descriptions.Item label={rt('col.receiver')}>
              {r.data.referringNameZh} → {r.data.receivingNameZh}
            </Descriptions.Item>
            <Descriptions.Item label={rt('col.status')}>
              <StatusTag r={r.data} />
            </Descriptions.Item>
            <Descriptions.Item label={rt('detail.reason')}>
              <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.data.reason}</Typography.Text>
            </Descriptions.Item>
            {r.data.addresseeName ? (
              <Descriptions.Item label={rt('detail.addressee')}>{r.data.addresseeName}</Descriptions.Item>
            ) : null}
            {r.data.outcome ? (
              <Descriptions.Item label={rt('detail.outcome')}>{r.data.outcome}</Descriptions.Item>
            ) : null}
          </Descriptions>
          {r.data.deadline ? (
            <Alert
              type={r.data.deadline.overdue ? 'error' : 'info'}
              showIcon
              data-testid="referral-deadline"
              title={
                <Space wrap>
                  {rt('detail.deadline')}
                  <DeadlineText r={r.data} rt={rt} />
                </Space>
              }
              description={`${r.data.deadline.citation}：${r.data.deadline.textZh}`}
            />
          ) : null}
          {r.data.lateClocks.length > 0 ? (
            <Alert type="warning" showIcon title={rt('late', { clocks: r.data.lateClocks.join('、') })} />
          ) : null}
          <div>
            <Typography.Title level={5}>{rt('detail.materials')}</Typography.Title>
            <List
              size="small"
              dataSource={r.data.materials}
              renderItem={(m) => (
                <List.Item>
                  <Space wrap>
                    <Tag>{known('material', m.kind) ? rt(known('material', m.kind) as RKey) : m.kind}</Tag>
                    {m.title}
                    {m.ref ? <Typography.Text code>{m.ref}</Typography.Text> : null}
                    {m.sha256 ? <Typography.Text code>{shortHash(m.sha256)}</Typography.Text> : null}
                  </Space>
                </List.Item>
              )}
            />
          </div>
          <div>
            <Typography.Title level={5}>{rt('detail.steps')}</Typography.Title>
            <Timeline
              items={r.data.steps.map((s) => {
                const k = known('status', s.step)
                return {
                  children: (
                    <Space orientation="vertical" size={0}>
                      <Typography.Text strong>
                        {k ? rt(k) : s.step} · {s.on}
                      </Typography.Text>
                      <Typography.Text type="secondary">
                        {s.byNameZh} · {s.byName} · {formatTime(s.at, lang)}
                      </Typography.Text>
                      {s.note ? (
                        <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{s.note}</Typography.Text>
                      ) : null}
                    </Space>
                  ),
                }
              })}
            />
          </div>
          <StepForm r={r.data} />
        </Space>
      ) : null}
    </Drawer>
  )
}

interface StepValues {
  step: string
  on?: Dayjs
  note?: string
  addresseeOrganisationId?: string
  addresseeName?: string
  urgent?: boolean
}

function StepForm({ r }: { r: ReferralView }) {
  const rt = useRT()
  const lang = useLang()
  const can = useCan()
  const { message } = App.useApp()
  const record = useRecordStep(r.id)
  const orgs = useOrganisations()
  const [form] = Form.useForm<StepValues>()
  const step = Form.useWatch('step', form)
  const options = (NEXT_STEPS[r.kind][r.status] ?? []).filter((s) =>
    can(s.via === 'manage' ? 'referral.manage' : 'referral.procurate'),
  )
  if (options.length === 0) return null
  return (
    <Form<StepValues>
      form={form}
      layout="vertical"
      data-testid="referral-step-form"
      onFinish={(v) => {
        const via = options.find((o) => o.step === v.step)?.via ?? 'manage'
        record.mutate(
          {
            via,
            body: {
              step: v.step,
              ...(v.on ? { on: v.on.format('YYYY-MM-DD') } : {}),
              ...(v.note?.trim() ? { note: v.note.trim() } : {}),
              ...(v.addresseeOrganisationId ? { addresseeOrganisationId: v.addresseeOrganisationId } : {}),
              ...(v.addresseeName?.trim() ? { addresseeName: v.addresseeName.trim() } : {}),
              ...(v.urgent ? { urgent: true } : {}),
            },
          },
          {
            onSuccess: () => {
              form.resetFields()
              void message.success(rt('step.done'))
            },
          },
        )
      }}
    >
      <Typography.Title level={5}>{rt('step.title')}</Typography.Title>
      <Form.Item name="step" label={rt('step.step')} rules={[{ required: true, message: rt('required') }]}>
        <Select
          data-testid="referral-step"
          options={options.map((o) => {
            const k = known('step', o.step)
            return { value: o.step, label: k ? rt(k) : o.step }
          })}
        />
      </Form.Item>
      <Form.Item name="on" label={rt('step.on')}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="note" label={rt('step.note')}>
        <Input.TextArea maxLength={4000} autoSize={{ minRows: 2 }} data-testid="referral-step-note" />
      </Form.Item>
      {step === 'suggest' ? (
        <>
          <Form.Item name="addresseeOrganisationId" label={rt('step.addressee')}>
            <Select
              allowClear
              options={(orgs.data ?? [])
                .filter((o) => o.kind !== 'procuratorate' && o.kind !== 'platform')
                .map((o) => ({ value: o.id, label: o.nameZh }))}
            />
          </Form.Item>
          <Form.Item name="addresseeName" label={rt('step.addresseeName')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="urgent" valuePropName="checked">
            <Checkbox>{rt('step.urgent')}</Checkbox>
          </Form.Item>
        </>
      ) : null}
      {record.isError ? (
        <Alert type="error" showIcon title={errorMessage(record.error, lang)} style={{ marginBottom: 12 }} />
      ) : null}
      <Button type="primary" htmlType="submit" loading={record.isPending} data-testid="referral-step-submit">
        {rt('step.submit')}
      </Button>
    </Form>
  )
}
