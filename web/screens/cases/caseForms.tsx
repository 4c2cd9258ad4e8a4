// The forms of the acts on a case, each in a modal: open a case, add a department (联合执法), record a consultation
// (会商), set the supervision deadline in working days (督办), escalate to the city (A4), close; transfer to another
// region's regulator, and accept or refuse a case transferred here (A5.1). The server's refusals
// land beside their field when they name one, above the form otherwise, in the console's language.
import {
  Alert,
  App,
  Form,
  type FormInstance,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Typography,
} from 'antd'
import { type ReactNode, useState } from 'react'
import type { CaseDetail, CaseTransferView } from '../../api/types.ts'
import { pick, useLang } from '../../app/i18n.ts'
import { useMe } from '../../app/session.tsx'
import { ErrorAlert, showFieldErrors } from '../../app/ui.tsx'
import { usePeerNames } from '../orders/orderUi.tsx'
import {
  ARTICLE_PATTERN,
  CONCLUSION_MAX,
  chinaToday,
  REASON_MAX,
  SUMMARY_MAX,
  TITLE_MAX,
  TRANSFER_TEXT_MAX,
  useAcceptTransfer,
  useAddDepartment,
  useCloseCase,
  useEscalateCase,
  useOpenCase,
  useRecordConsultation,
  useRefuseTransfer,
  useSetDeadline,
  useTransferCase,
  WORKING_DAYS_MAX,
} from './casesApi.ts'
import { deadlineDay, useCaseOrganisations, useCountyNames } from './caseUi.tsx'
import { useCT } from './strings.ts'

/** Requirement ids a case's conclusion commonly rests on; others may be typed. */
const BASIS_OPTIONS = [
  'A4',
  'A5.1',
  'A5.2',
  'A7',
  'A11.1',
  'A11.2',
  'A16',
  'A18',
  'A19.1',
  'A20',
  'A21',
  'A25',
]

/** A modal holding one form: its submit button submits the form; a general error shows above it. */
function FormModal<T extends object>({
  title,
  testId,
  form,
  submitText,
  pending,
  error,
  onClose,
  onFinish,
  initialValues,
  danger,
  children,
}: {
  title: string
  testId: string
  form: FormInstance<T>
  submitText: string
  pending: boolean
  error: unknown
  onClose: () => void
  onFinish: (values: T) => void
  initialValues?: Partial<T>
  danger?: boolean
  children: ReactNode
}) {
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      destroyOnHidden
      width={620}
      okText={submitText}
      okButtonProps={{ loading: pending, danger, 'data-testid': `${testId}-submit` }}
      onOk={() => form.submit()}
      data-testid={testId}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid={`${testId}-body`}>
        {error ? <ErrorAlert error={error} /> : null}
        <Form<T>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          disabled={pending}
          initialValues={initialValues}
        >
          {children}
        </Form>
      </Space>
    </Modal>
  )
}

/** Runs a mutation from a form: on a refusal, the fields it names get the message, and the rest goes above. */
function useSubmit(form: FormInstance, fields: readonly string[]) {
  const lang = useLang()
  const [error, setError] = useState<unknown>(null)
  return {
    error,
    clear: () => setError(null),
    onError: (e: unknown) => {
      if (!showFieldErrors(form, e, lang, fields)) setError(e)
    },
  }
}

export function OpenCaseModal({
  onClose,
  onOpened,
}: {
  onClose: () => void
  onOpened: (id: string) => void
}) {
  const ct = useCT()
  const me = useMe()
  const { message } = App.useApp()
  const orgs = useCaseOrganisations()
  const { counties } = useCountyNames()
  const open = useOpenCase()
  const [form] = Form.useForm<{
    title: string
    summary: string
    leadOrganisationId: string
    countyCode: string
  }>()
  const submit = useSubmit(form, ['title', 'summary', 'leadOrganisationId', 'countyCode'])
  const seesAll = me.organisation.kind === 'cac'
  const leads = seesAll ? orgs.forCase : orgs.forCase.filter((o) => o.id === me.organisation.id)
  return (
    <FormModal
      title={ct('open.title')}
      testId="case-open"
      form={form}
      submitText={ct('open.submit')}
      pending={open.isPending}
      error={submit.error}
      onClose={onClose}
      initialValues={{
        leadOrganisationId: me.organisation.id,
        countyCode: me.organisation.divisionCode ?? '',
      }}
      onFinish={(v) => {
        submit.clear()
        open.mutate(
          {
            title: v.title.trim(),
            summary: (v.summary ?? '').trim(),
            leadOrganisationId: v.leadOrganisationId,
            ...(v.countyCode ? { countyCode: v.countyCode } : {}),
          },
          {
            onSuccess: (c) => {
              message.success(ct('open.done', { number: c.number }))
              onOpened(c.id)
            },
            onError: submit.onError,
          },
        )
      }}
    >
      <Form.Item
        name="title"
        label={ct('open.caseTitle')}
        rules={[{ required: true, whitespace: true, message: ct('required') }]}
      >
        <Input maxLength={TITLE_MAX} data-testid="case-open-title" />
      </Form.Item>
      <Form.Item name="summary" label={ct('open.summary')}>
        <Input.TextArea rows={4} maxLength={SUMMARY_MAX} showCount data-testid="case-open-summary" />
      </Form.Item>
      <Form.Item
        name="leadOrganisationId"
        label={ct('open.lead')}
        extra={ct('open.leadHint')}
        rules={[{ required: true, message: ct('required') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          options={orgs.options(leads)}
          data-testid="case-open-lead"
        />
      </Form.Item>
      <Form.Item name="countyCode" label={ct('open.county')}>
        <Select
          data-testid="case-open-county"
          options={[
            { value: '', label: ct('open.countyNone') },
            ...counties.map((c) => ({ value: c.code, label: c.name })),
          ]}
        />
      </Form.Item>
    </FormModal>
  )
}

export function AddDepartmentModal({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const ct = useCT()
  const { message } = App.useApp()
  const orgs = useCaseOrganisations()
  const add = useAddDepartment(c.id)
  const [form] = Form.useForm<{ organisationId: string; reason: string }>()
  const submit = useSubmit(form, ['organisationId', 'reason'])
  const on = new Set(c.departments.map((d) => d.organisationId))
  return (
    <FormModal
      title={ct('dept.title')}
      testId="case-department-form"
      form={form}
      submitText={ct('dept.submit')}
      pending={add.isPending}
      error={submit.error}
      onClose={onClose}
      onFinish={(v) => {
        submit.clear()
        add.mutate(
          { organisationId: v.organisationId, reason: (v.reason ?? '').trim() },
          {
            onSuccess: () => {
              message.success(ct('dept.done', { name: orgs.nameOf(v.organisationId) }))
              onClose()
            },
            onError: submit.onError,
          },
        )
      }}
    >
      <Form.Item
        name="organisationId"
        label={ct('dept.organisation')}
        rules={[{ required: true, message: ct('required') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="case-department-organisation"
          options={orgs.options(orgs.forCase.filter((o) => !on.has(o.id)))}
        />
      </Form.Item>
      <Form.Item name="reason" label={ct('dept.reason')}>
        <Input.TextArea rows={3} maxLength={REASON_MAX} showCount data-testid="case-department-reason" />
      </Form.Item>
    </FormModal>
  )
}

export function ConsultationModal({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const ct = useCT()
  const { message } = App.useApp()
  const orgs = useCaseOrganisations()
  const record = useRecordConsultation(c.id)
  const [form] = Form.useForm<{ heldOn: string; participantIds: string[]; conclusions: string }>()
  const submit = useSubmit(form, ['heldOn', 'participantIds', 'conclusions'])
  const today = chinaToday()
  return (
    <FormModal
      title={ct('cons.title')}
      testId="case-consultation-form"
      form={form}
      submitText={ct('cons.submit')}
      pending={record.isPending}
      error={submit.error}
      onClose={onClose}
      initialValues={{ heldOn: today, participantIds: c.departments.map((d) => d.organisationId) }}
      onFinish={(v) => {
        submit.clear()
        record.mutate(
          { heldOn: v.heldOn, participantIds: v.participantIds, conclusions: v.conclusions.trim() },
          {
            onSuccess: () => {
              message.success(ct('cons.done'))
              onClose()
            },
            onError: submit.onError,
          },
        )
      }}
    >
      <Form.Item
        name="heldOn"
        label={ct('cons.heldOn')}
        rules={[
          { required: true, message: ct('required') },
          {
            validator: async (_, v: string | undefined) => {
              if (v && v > today) throw new Error(ct('cons.future'))
            },
          },
        ]}
      >
        <Input type="date" max={today} style={{ width: 200 }} data-testid="case-consultation-date" />
      </Form.Item>
      <Form.Item
        name="participantIds"
        label={ct('cons.participants')}
        extra={ct('cons.participantsHint')}
        rules={[{ required: true, type: 'array', min: 2, message: ct('cons.participantsMin') }]}
      >
        <Select
          mode="multiple"
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="case-consultation-participants"
          options={orgs.options(orgs.forConsultation)}
        />
      </Form.Item>
      <Form.Item
        name="conclusions"
        label={ct('cons.conclusions')}
        rules={[{ required: true, whitespace: true, message: ct('required') }]}
      >
        <Input.TextArea
          rows={4}
          maxLength={CONCLUSION_MAX}
          showCount
          data-testid="case-consultation-conclusions"
        />
      </Form.Item>
    </FormModal>
  )
}

export function DeadlineModal({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const ct = useCT()
  const lang = useLang()
  const { message } = App.useApp()
  const set = useSetDeadline(c.id)
  const [form] = Form.useForm<{ workingDays: number; reason: string }>()
  const submit = useSubmit(form, ['workingDays', 'reason'])
  return (
    <FormModal
      title={ct(c.deadlineAt === null ? 'deadline.title' : 'action.deadlineChange')}
      testId="case-deadline-form"
      form={form}
      submitText={ct('deadline.submit')}
      pending={set.isPending}
      error={submit.error}
      onClose={onClose}
      initialValues={{ workingDays: c.deadlineDays ?? 10 }}
      onFinish={(v) => {
        submit.clear()
        set.mutate(
          { workingDays: v.workingDays, reason: (v.reason ?? '').trim() },
          {
            onSuccess: (d) => {
              message.success(
                ct('deadline.done', { at: d.deadlineAt ? deadlineDay(d.deadlineAt, lang) : '' }),
              )
              onClose()
            },
            onError: submit.onError,
          },
        )
      }}
    >
      <Form.Item
        name="workingDays"
        label={ct('deadline.workingDays')}
        extra={ct('deadline.workingDaysHint')}
        rules={[{ required: true, message: ct('required') }]}
      >
        <InputNumber min={1} max={WORKING_DAYS_MAX} precision={0} data-testid="case-deadline-days" />
      </Form.Item>
      <Form.Item name="reason" label={ct('deadline.reason')}>
        <Input.TextArea rows={3} maxLength={REASON_MAX} showCount data-testid="case-deadline-reason" />
      </Form.Item>
    </FormModal>
  )
}

export function EscalateModal({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const ct = useCT()
  const { message } = App.useApp()
  const escalate = useEscalateCase(c.id)
  const [form] = Form.useForm<{ reason: string }>()
  const submit = useSubmit(form, ['reason'])
  return (
    <FormModal
      title={ct('esc.title')}
      testId="case-escalate-form"
      form={form}
      submitText={ct('esc.submit')}
      pending={escalate.isPending}
      error={submit.error}
      onClose={onClose}
      danger
      onFinish={(v) => {
        submit.clear()
        escalate.mutate(
          { reason: v.reason.trim() },
          {
            onSuccess: () => {
              message.success(ct('esc.done'))
              onClose()
            },
            onError: submit.onError,
          },
        )
      }}
    >
      <Typography.Paragraph type="secondary">{ct('esc.hint')}</Typography.Paragraph>
      <Form.Item
        name="reason"
        label={ct('esc.reason')}
        rules={[{ required: true, whitespace: true, message: ct('required') }]}
      >
        <Input.TextArea rows={3} maxLength={REASON_MAX} showCount data-testid="case-escalate-reason" />
      </Form.Item>
    </FormModal>
  )
}

export function CloseCaseModal({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const ct = useCT()
  const { message } = App.useApp()
  const close = useCloseCase(c.id)
  const [form] = Form.useForm<{ conclusion: string; articles: string[] }>()
  const submit = useSubmit(form, ['conclusion', 'articles'])
  return (
    <FormModal
      title={ct('close.title')}
      testId="case-close-form"
      form={form}
      submitText={ct('close.submit')}
      pending={close.isPending}
      error={submit.error}
      onClose={onClose}
      initialValues={{ articles: ['A5.1'] }}
      onFinish={(v) => {
        submit.clear()
        close.mutate(
          { conclusion: v.conclusion.trim(), articles: v.articles },
          {
            onSuccess: () => {
              message.success(ct('close.done'))
              onClose()
            },
            onError: submit.onError,
          },
        )
      }}
    >
      <Form.Item
        name="conclusion"
        label={ct('close.conclusion')}
        rules={[{ required: true, whitespace: true, message: ct('required') }]}
      >
        <Input.TextArea rows={4} maxLength={CONCLUSION_MAX} showCount data-testid="case-close-conclusion" />
      </Form.Item>
      <Form.Item
        name="articles"
        label={ct('close.articles')}
        rules={[
          { required: true, type: 'array', min: 1, message: ct('close.articlesRequired') },
          {
            validator: async (_, v: string[] | undefined) => {
              const bad = (v ?? []).filter((a) => !ARTICLE_PATTERN.test(a))
              if (bad.length > 0) throw new Error(`${ct('close.articlesRequired')}: ${bad.join('、')}`)
            },
          },
        ]}
      >
        <Select
          mode="tags"
          data-testid="case-close-articles"
          options={BASIS_OPTIONS.map((a) => ({ value: a, label: a }))}
        />
      </Form.Item>
    </FormModal>
  )
}

/**
 * Transfer to another region's regulator node (A5.1). Those who may read the peers choose one of the active regulator
 * peers — or read that there is none yet; anyone else types the node's id. The server keeps transfers to the city
 * CAC, and its refusal (CASE_TRANSFER_NOT_CAC, or a node that is not a regulator) shows here in words.
 */
export function TransferModal({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const ct = useCT()
  const lang = useLang()
  const { message } = App.useApp()
  const peers = usePeerNames()
  const peersKnown = peers.known
  const transfer = useTransferCase(c.id)
  const [form] = Form.useForm<{ toNode: string; reason: string }>()
  const submit = useSubmit(form, ['toNode', 'reason'])
  const regulators = peers.regulators
  const none = peersKnown && regulators.length === 0
  return (
    <FormModal
      title={ct('transfer.title')}
      testId="case-transfer-form"
      form={form}
      submitText={ct('transfer.submit')}
      pending={transfer.isPending}
      error={submit.error}
      onClose={onClose}
      danger
      onFinish={(v) => {
        submit.clear()
        transfer.mutate(
          { toNode: v.toNode.trim(), reason: v.reason.trim() },
          {
            onSuccess: () => {
              message.success(ct('transfer.done'))
              onClose()
            },
            onError: submit.onError,
          },
        )
      }}
    >
      <Typography.Paragraph type="secondary">{ct('transfer.hint')}</Typography.Paragraph>
      {none ? (
        <Alert
          type="warning"
          showIcon
          title={ct('transfer.noPeers')}
          style={{ marginBottom: 16 }}
          data-testid="case-transfer-no-peers"
        />
      ) : null}
      {peersKnown ? (
        <Form.Item
          name="toNode"
          label={ct('transfer.to')}
          extra={ct('transfer.toHint')}
          rules={[{ required: true, message: ct('required') }]}
        >
          <Select
            loading={peers.loading}
            data-testid="case-transfer-to"
            notFoundContent={ct('transfer.noPeers')}
            options={regulators.map((p) => ({
              value: p.nodeId,
              label: `${pick(lang, p.nameZh, p.nameEn)} (${p.nodeId})`,
            }))}
          />
        </Form.Item>
      ) : (
        <Form.Item
          name="toNode"
          label={ct('transfer.toNodeId')}
          extra={ct('transfer.toNodeIdHint')}
          rules={[{ required: true, whitespace: true, message: ct('required') }]}
        >
          <Input maxLength={100} data-testid="case-transfer-to-id" />
        </Form.Item>
      )}
      <Form.Item
        name="reason"
        label={ct('transfer.reason')}
        rules={[{ required: true, whitespace: true, message: ct('required') }]}
      >
        <Input.TextArea rows={3} maxLength={TRANSFER_TEXT_MAX} showCount data-testid="case-transfer-reason" />
      </Form.Item>
    </FormModal>
  )
}

/** Accept a case from another region: a case opens here, led by the organisation named (one's own by default). */
export function AcceptTransferModal({ t, onClose }: { t: CaseTransferView; onClose: () => void }) {
  const ct = useCT()
  const { message } = App.useApp()
  const orgs = useCaseOrganisations()
  const accept = useAcceptTransfer()
  const [form] = Form.useForm<{ leadOrganisationId?: string; note?: string }>()
  const submit = useSubmit(form, ['leadOrganisationId', 'note'])
  return (
    <FormModal
      title={ct('accept.title')}
      testId="transfer-accept-form"
      form={form}
      submitText={ct('accept.submit')}
      pending={accept.isPending}
      error={submit.error}
      onClose={onClose}
      onFinish={(v) => {
        submit.clear()
        const note = (v.note ?? '').trim()
        accept.mutate(
          {
            id: t.id,
            body: {
              ...(v.leadOrganisationId ? { leadOrganisationId: v.leadOrganisationId } : {}),
              ...(note ? { note } : {}),
            },
          },
          {
            onSuccess: (done) => {
              message.success(ct('accept.done', { number: done.peerCaseNumber ?? '' }))
              onClose()
            },
            onError: submit.onError,
          },
        )
      }}
    >
      <Typography.Paragraph strong>{t.title}</Typography.Paragraph>
      <Form.Item name="leadOrganisationId" label={ct('accept.lead')} extra={ct('accept.leadHint')}>
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          data-testid="transfer-accept-lead"
          options={orgs.options(orgs.forCase)}
        />
      </Form.Item>
      <Form.Item name="note" label={ct('accept.note')}>
        <Input.TextArea rows={3} maxLength={TRANSFER_TEXT_MAX} showCount data-testid="transfer-accept-note" />
      </Form.Item>
    </FormModal>
  )
}

/** Refuse a case from another region, with the reason the sender reads. */
export function RefuseTransferModal({ t, onClose }: { t: CaseTransferView; onClose: () => void }) {
  const ct = useCT()
  const { message } = App.useApp()
  const refuse = useRefuseTransfer()
  const [form] = Form.useForm<{ reason: string }>()
  const submit = useSubmit(form, ['reason'])
  return (
    <FormModal
      title={ct('refuse.title')}
      testId="transfer-refuse-form"
      form={form}
      submitText={ct('refuse.submit')}
      pending={refuse.isPending}
      error={submit.error}
      onClose={onClose}
      danger
      onFinish={(v) => {
        submit.clear()
        refuse.mutate(
          { id: t.id, body: { reason: v.reason.trim() } },
          {
            onSuccess: () => {
              message.success(ct('refuse.done'))
              onClose()
            },
            onError: submit.onError,
          },
        )
      }}
    >
      <Typography.Paragraph strong>{t.title}</Typography.Paragraph>
      <Typography.Paragraph type="secondary">{ct('refuse.hint')}</Typography.Paragraph>
      <Form.Item
        name="reason"
        label={ct('refuse.reason')}
        rules={[{ required: true, whitespace: true, message: ct('required') }]}
      >
        <Input.TextArea
          rows={3}
          maxLength={TRANSFER_TEXT_MAX}
          showCount
          data-testid="transfer-refuse-reason"
        />
      </Form.Item>
    </FormModal>
  )
}
