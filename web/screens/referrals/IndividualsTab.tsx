// Individuals as case parties (A21): choose a case, see its individuals by label with the law applied and the
// outcome; add one (real name and ID number sealed at once), record an outcome, or open the identity with a reason.
import { Alert, App, Button, Card, Empty, Form, Input, Modal, Select, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { errorMessage } from '../../app/api.ts'
import { pick, useLang } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { useCases } from '../cases/casesApi.ts'
import {
  type CaseIndividualView,
  useAddIndividual,
  useCaseIndividuals,
  useIndividualLaws,
  useRecordOutcome,
  useReferrals,
  useUnsealIndividual,
} from './referralsApi.ts'
import { known, useRT } from './strings.ts'

const OUTCOMES = ['administrative_penalty', 'criminal_referral', 'civil', 'no_violation'] as const

export function IndividualsTab() {
  const rt = useRT()
  const can = useCan()
  const cases = useCases({})
  const [caseId, setCaseId] = useState<string | null>(null)
  const list = useCaseIndividuals(caseId)
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={rt('ind.intro')} />
      <Select
        showSearch
        optionFilterProp="label"
        placeholder={rt('ind.case')}
        style={{ width: '100%', maxWidth: 520 }}
        value={caseId}
        onChange={setCaseId}
        data-testid="individuals-case"
        options={(cases.data ?? []).map((c) => ({ value: c.id, label: `${c.number} ${c.title}` }))}
      />
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
      {caseId && list.data ? (
        list.data.length === 0 ? (
          <Empty description={rt('ind.empty')} />
        ) : (
          list.data.map((p) => <IndividualCard key={p.id} caseId={caseId} p={p} />)
        )
      ) : null}
      {caseId && can('case.manage') ? <AddIndividual caseId={caseId} /> : null}
    </Space>
  )
}

function IndividualCard({ caseId, p }: { caseId: string; p: CaseIndividualView }) {
  const rt = useRT()
  const lang = useLang()
  const can = useCan()
  const outcome = p.outcome ? known('outcome', p.outcome) : null
  return (
    <Card size="small" title={p.label} data-testid={`individual-${p.id}`} extra={<Tag>{p.identity}</Tag>}>
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text>{p.conduct}</Typography.Text>
        <Space wrap>
          <Typography.Text type="secondary">{rt('ind.outcome')}：</Typography.Text>
          <Tag color={p.outcome ? 'blue' : 'default'}>{outcome ? rt(outcome) : rt('outcome.none')}</Tag>
          {p.competentOrgan ? <Typography.Text>{p.competentOrgan}</Typography.Text> : null}
          {p.outcomeAt ? (
            <Typography.Text type="secondary">
              {p.outcomeByName} · {formatTime(p.outcomeAt, lang)}
            </Typography.Text>
          ) : null}
        </Space>
        {p.laws.map((l) => (
          <Typography.Text key={l.id} style={{ fontSize: 13 }}>
            {l.citation} {l.verified ? null : <Tag color="orange">{rt('ind.unverified')}</Tag>}
          </Typography.Text>
        ))}
        <Space>
          {can('case.manage') ? <OutcomeButton caseId={caseId} p={p} /> : null}
          {can('individual_identity.unseal') ? <UnsealButton caseId={caseId} p={p} /> : null}
        </Space>
      </Space>
    </Card>
  )
}

function AddIndividual({ caseId }: { caseId: string }) {
  const rt = useRT()
  const lang = useLang()
  const add = useAddIndividual(caseId)
  const [form] = Form.useForm<{ label: string; realName: string; idNumber?: string; conduct: string }>()
  const req = [{ required: true, whitespace: true, message: rt('required') }]
  return (
    <Card size="small" title={rt('ind.add')}>
      <Form
        form={form}
        layout="vertical"
        onFinish={(v) =>
          add.mutate(
            {
              label: v.label,
              realName: v.realName,
              conduct: v.conduct,
              ...(v.idNumber ? { idNumber: v.idNumber } : {}),
            },
            { onSuccess: () => form.resetFields() },
          )
        }
      >
        <Form.Item name="label" label={rt('ind.label')} rules={req}>
          <Input maxLength={50} data-testid="individual-label" />
        </Form.Item>
        <Form.Item name="realName" label={rt('ind.realName')} rules={req}>
          <Input maxLength={100} autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="idNumber"
          label={rt('ind.idNumber')}
          rules={[{ pattern: /^[0-9]{17}[0-9Xx]$/, message: rt('required') }]}
        >
          <Input maxLength={18} autoComplete="off" />
        </Form.Item>
        <Form.Item name="conduct" label={rt('ind.conduct')} rules={req}>
          <Input.TextArea maxLength={4000} autoSize={{ minRows: 2 }} />
        </Form.Item>
        {add.isError ? (
          <Alert type="error" showIcon title={errorMessage(add.error, lang)} style={{ marginBottom: 12 }} />
        ) : null}
        <Button type="primary" htmlType="submit" loading={add.isPending}>
          {rt('ind.add')}
        </Button>
      </Form>
    </Card>
  )
}

function OutcomeButton({ caseId, p }: { caseId: string; p: CaseIndividualView }) {
  const rt = useRT()
  const lang = useLang()
  const [open, setOpen] = useState(false)
  const laws = useIndividualLaws()
  const referrals = useReferrals({ caseId })
  const record = useRecordOutcome(caseId)
  const [form] = Form.useForm<{
    outcome: string
    lawIds: string[]
    competentOrgan?: string
    note?: string
    referralId?: string
  }>()
  const outcome = Form.useWatch('outcome', form)
  return (
    <>
      <Button onClick={() => setOpen(true)}>{rt('ind.record')}</Button>
      <Modal
        open={open}
        onCancel={() => setOpen(false)}
        title={rt('ind.record')}
        footer={null}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          initialValues={{ lawIds: [] }}
          onFinish={(v) =>
            record.mutate(
              {
                id: p.id,
                body: {
                  outcome: v.outcome,
                  lawIds: v.lawIds,
                  ...(v.competentOrgan?.trim() ? { competentOrgan: v.competentOrgan.trim() } : {}),
                  ...(v.note?.trim() ? { note: v.note.trim() } : {}),
                  ...(v.referralId ? { referralId: v.referralId } : {}),
                },
              },
              { onSuccess: () => setOpen(false) },
            )
          }
        >
          <Form.Item
            name="outcome"
            label={rt('ind.outcome')}
            rules={[{ required: true, message: rt('required') }]}
          >
            <Select options={OUTCOMES.map((o) => ({ value: o, label: rt(`outcome.${o}`) }))} />
          </Form.Item>
          <Form.Item name="lawIds" label={rt('ind.laws')}>
            <Select
              mode="multiple"
              options={(laws.data ?? []).map((l) => ({
                value: l.id,
                label: `${l.citation} ${pick(lang, l.summaryZh, l.summaryEn).slice(0, 30)}`,
              }))}
            />
          </Form.Item>
          {outcome === 'criminal_referral' ? (
            <Form.Item
              name="referralId"
              label={rt('ind.referral')}
              rules={[{ required: true, message: rt('required') }]}
            >
              <Select
                options={(referrals.data ?? [])
                  .filter((r) => r.kind === 'criminal')
                  .map((r) => ({ value: r.id, label: `${r.number} ${r.receivingNameZh}` }))}
              />
            </Form.Item>
          ) : null}
          <Form.Item name="competentOrgan" label={rt('ind.competentOrgan')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="note" label={rt('ind.note')}>
            <Input.TextArea maxLength={4000} autoSize={{ minRows: 2 }} />
          </Form.Item>
          {record.isError ? (
            <Alert
              type="error"
              showIcon
              title={errorMessage(record.error, lang)}
              style={{ marginBottom: 12 }}
            />
          ) : null}
          <Button type="primary" htmlType="submit" loading={record.isPending}>
            {rt('ind.record')}
          </Button>
        </Form>
      </Modal>
    </>
  )
}

function UnsealButton({ caseId, p }: { caseId: string; p: CaseIndividualView }) {
  const rt = useRT()
  const lang = useLang()
  const { modal } = App.useApp()
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const unseal = useUnsealIndividual(caseId)
  return (
    <>
      <Button onClick={() => setOpen(true)}>{rt('ind.unseal')}</Button>
      <Modal
        open={open}
        title={rt('ind.unseal')}
        onCancel={() => setOpen(false)}
        okButtonProps={{ disabled: reason.trim() === '', loading: unseal.isPending }}
        onOk={() =>
          unseal.mutate(
            { id: p.id, reason: reason.trim() },
            {
              onSuccess: (who) => {
                setOpen(false)
                setReason('')
                modal.info({ title: p.label, content: `${who.realName} ${who.idNumber ?? ''}` })
              },
            },
          )
        }
        destroyOnHidden
      >
        <Input.TextArea
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={500}
          placeholder={rt('ind.unsealReason')}
        />
        {unseal.isError ? <Alert type="error" showIcon title={errorMessage(unseal.error, lang)} /> : null}
      </Modal>
    </>
  )
}
