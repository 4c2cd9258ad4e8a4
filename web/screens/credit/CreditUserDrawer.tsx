// One user's credit for staff: score, tier, what it allows, and every change with its reason. With
// `credit.manage`: record a confirmed violation (its deduction comes from the policy), adjust by hand, and give
// back a deduction when an appeal is upheld.
import { EditOutlined, RollbackOutlined, WarningOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Space,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import type { CreditEventView, CreditPolicy, CreditView, PlatformUserRow } from '../../api/types.ts'
import { ApiError } from '../../app/api.ts'
import { pick, useLang, useT } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatInstant, showFieldErrors } from '../../app/ui.tsx'
import {
  ADJUST_MAX,
  REASON_MAX,
  REASON_MIN,
  useCreditPolicy,
  useRecordCreditEvent,
  useRestoreCredit,
  useUserCredit,
} from './creditApi.ts'
import {
  CapabilitiesView,
  DeltaText,
  eventKindLabel,
  HistoryTable,
  policyVersionLabel,
  signed,
  TierTag,
} from './creditUi.tsx'

type Dialog = { kind: 'violation' } | { kind: 'adjust' } | { kind: 'restore'; event: CreditEventView } | null

export function CreditUserDrawer({ user, onClose }: { user: PlatformUserRow; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const can = useCan()
  const manage = can('credit.manage')
  const credit = useUserCredit(user.id)
  const policy = useCreditPolicy()
  const [dialog, setDialog] = useState<Dialog>(null)
  const c = credit.data

  return (
    <Drawer
      open
      size={820}
      onClose={onClose}
      destroyOnHidden
      title={
        <Space size={8}>
          <span>{user.displayName}</span>
          <Tag color={user.identityVerified ? 'success' : 'default'}>
            {t(user.identityVerified ? 'portal.identity.verified' : 'portal.identity.unverified')}
          </Tag>
        </Space>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="credit-drawer">
        {credit.isError ? <ErrorAlert error={credit.error} onRetry={() => credit.refetch()} /> : null}
        {manage ? null : <Alert type="warning" showIcon title={t('credit.readOnly')} />}
        {c ? (
          <>
            <Descriptions
              size="small"
              column={{ xs: 1, md: 2 }}
              bordered
              items={[
                {
                  key: 'score',
                  label: t('credit.score'),
                  children: (
                    <Typography.Text strong style={{ fontSize: 20 }} data-testid="credit-drawer-score">
                      {c.score}
                    </Typography.Text>
                  ),
                },
                {
                  key: 'tier',
                  label: t('credit.tier'),
                  children: (
                    <Space size={8} wrap>
                      <TierTag tier={c.tier} tiers={c.tiers} testId="credit-drawer-tier" />
                      <Typography.Text type="secondary">
                        {pick(lang, c.tier.descriptionZh, c.tier.descriptionEn)}
                      </Typography.Text>
                    </Space>
                  ),
                },
                {
                  key: 'capabilities',
                  label: t('credit.capabilities'),
                  span: 2,
                  children: (
                    <CapabilitiesView capabilities={c.capabilities} testId="credit-drawer-capabilities" />
                  ),
                },
                {
                  key: 'policy',
                  label: t('credit.col.policyVersion'),
                  children: policyVersionLabel(c.policyVersion, t),
                },
                {
                  key: 'id',
                  label: t('credit.user.id'),
                  children: (
                    <Typography.Text code copyable style={{ fontSize: 12 }}>
                      {user.id}
                    </Typography.Text>
                  ),
                },
              ]}
            />
            {manage ? (
              <Space wrap>
                <Button
                  danger
                  icon={<WarningOutlined />}
                  onClick={() => setDialog({ kind: 'violation' })}
                  data-testid="credit-violation"
                >
                  {t('credit.violation')}
                </Button>
                <Button
                  icon={<EditOutlined />}
                  onClick={() => setDialog({ kind: 'adjust' })}
                  data-testid="credit-adjust"
                >
                  {t('credit.adjust')}
                </Button>
              </Space>
            ) : null}
            <Typography.Title level={5} style={{ margin: 0 }}>
              {t('credit.history')}
            </Typography.Title>
            <HistoryTable
              history={c.history}
              testId="credit-drawer-history"
              actions={
                manage
                  ? (e, restored) =>
                      e.delta < 0 && !restored ? (
                        <Button
                          type="link"
                          size="small"
                          icon={<RollbackOutlined />}
                          onClick={() => setDialog({ kind: 'restore', event: e })}
                          data-testid={`credit-restore-${e.id}`}
                        >
                          {t('credit.restore')}
                        </Button>
                      ) : null
                  : undefined
              }
            />
          </>
        ) : credit.isPending ? (
          <Typography.Text type="secondary">{t('common.loading')}</Typography.Text>
        ) : null}
      </Space>
      {c && dialog?.kind === 'violation' ? (
        <ViolationModal userId={user.id} credit={c} policy={policy.data} onClose={() => setDialog(null)} />
      ) : null}
      {c && dialog?.kind === 'adjust' ? (
        <AdjustModal userId={user.id} credit={c} onClose={() => setDialog(null)} />
      ) : null}
      {dialog?.kind === 'restore' ? (
        <RestoreModal userId={user.id} event={dialog.event} onClose={() => setDialog(null)} />
      ) : null}
    </Drawer>
  )
}

/** The score and tier after a change, as the policy would clamp it. */
function After({ credit, delta, max }: { credit: CreditView; delta: number; max: number | undefined }) {
  const t = useT()
  const score = Math.max(0, Math.min(max ?? Number.POSITIVE_INFINITY, credit.score + delta))
  const tier = credit.tiers.find((x) => score >= x.min) ?? credit.tiers.at(-1)
  return (
    <Space size={8} wrap data-testid="credit-after">
      <Typography.Text type="secondary">{t('credit.after')}</Typography.Text>
      <Typography.Text strong>{score}</Typography.Text>
      <TierTag tier={tier} tiers={credit.tiers} />
    </Space>
  )
}

const reasonRules = (t: ReturnType<typeof useT>) => [
  { required: true, whitespace: true, message: t('credit.reasonRequired') },
  { min: REASON_MIN, message: t('credit.reasonShort', { n: REASON_MIN }) },
]

interface ViolationForm {
  severity: 1 | 2 | 3
  reason: string
  subjectType?: string
  subjectId?: string
}

function ViolationModal({
  userId,
  credit,
  policy,
  onClose,
}: {
  userId: string
  credit: CreditView
  policy: CreditPolicy | undefined
  onClose: () => void
}) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<ViolationForm>()
  const record = useRecordCreditEvent(userId)
  const [generalError, setGeneralError] = useState<unknown>(null)
  const severity = Form.useWatch('severity', form)
  const deltas = policy?.document.deltas.violation
  const deltaOf = (s: 1 | 2 | 3) => deltas?.[String(s) as '1' | '2' | '3']

  const submit = (v: ViolationForm) => {
    setGeneralError(null)
    const type = v.subjectType?.trim() ?? ''
    const id = v.subjectId?.trim() ?? ''
    record.mutate(
      {
        kind: 'violation',
        severity: v.severity,
        reason: v.reason.trim(),
        ...(type && id ? { subject: { type, id } } : {}),
      },
      {
        onSuccess: (e) => {
          message.success(t('credit.recorded', { delta: signed(e.delta), score: e.scoreAfter }))
          onClose()
        },
        onError: (e) => {
          if (!showFieldErrors(form, e, lang, ['severity', 'reason'])) setGeneralError(e)
        },
      },
    )
  }

  return (
    <Modal
      open
      title={t('credit.violation')}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={record.isPending}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          danger
          loading={record.isPending}
          onClick={() => form.submit()}
          data-testid="credit-violation-submit"
        >
          {t('credit.violation.submit')}
        </Button>,
      ]}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('credit.violation.intro')}</Typography.Text>
        {generalError ? <ErrorAlert error={generalError} /> : null}
        <Form<ViolationForm>
          form={form}
          layout="vertical"
          requiredMark={false}
          onFinish={submit}
          disabled={record.isPending}
          initialValues={{ severity: 1 }}
        >
          <Form.Item name="severity" label={t('credit.violation.severity')}>
            <Radio.Group data-testid="credit-violation-severity">
              <Space orientation="vertical">
                {([1, 2, 3] as const).map((s) => (
                  <Radio key={s} value={s} data-testid={`credit-violation-severity-${s}`}>
                    {t(`credit.severity.${s}`)}{' '}
                    {deltaOf(s) !== undefined ? <DeltaText delta={deltaOf(s) ?? 0} /> : null}
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="reason" label={t('credit.reason')} rules={reasonRules(t)}>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={REASON_MAX}
              showCount
              placeholder={t('credit.violation.reasonPlaceholder')}
              data-testid="credit-violation-reason"
            />
          </Form.Item>
          <Flex gap={12}>
            <Form.Item
              name="subjectType"
              label={t('credit.subjectType')}
              style={{ flex: 2, marginBottom: 8 }}
              dependencies={['subjectId']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value: string | undefined) => {
                    if (!value?.trim() && getFieldValue('subjectId')?.trim())
                      throw new Error(t('credit.subjectBoth'))
                  },
                }),
              ]}
            >
              <Input maxLength={40} placeholder="post" data-testid="credit-violation-subject-type" />
            </Form.Item>
            <Form.Item
              name="subjectId"
              label={t('credit.subjectId')}
              style={{ flex: 3, marginBottom: 8 }}
              dependencies={['subjectType']}
              rules={[
                ({ getFieldValue }) => ({
                  validator: async (_, value: string | undefined) => {
                    if (!value?.trim() && getFieldValue('subjectType')?.trim())
                      throw new Error(t('credit.subjectBoth'))
                  },
                }),
              ]}
            >
              <Input maxLength={100} data-testid="credit-violation-subject-id" />
            </Form.Item>
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('credit.subjectHint')}
          </Typography.Text>
        </Form>
        {severity && deltaOf(severity) !== undefined ? (
          <After credit={credit} delta={deltaOf(severity) ?? 0} max={policy?.document.max} />
        ) : null}
      </Space>
    </Modal>
  )
}

interface AdjustForm {
  delta: number
  reason: string
}

function AdjustModal({
  userId,
  credit,
  onClose,
}: {
  userId: string
  credit: CreditView
  onClose: () => void
}) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<AdjustForm>()
  const record = useRecordCreditEvent(userId)
  const policy = useCreditPolicy()
  const [generalError, setGeneralError] = useState<unknown>(null)
  const delta = Form.useWatch('delta', form)

  const submit = (v: AdjustForm) => {
    setGeneralError(null)
    record.mutate(
      { kind: 'adjustment', delta: v.delta, reason: v.reason.trim() },
      {
        onSuccess: (e) => {
          message.success(t('credit.recorded', { delta: signed(e.delta), score: e.scoreAfter }))
          onClose()
        },
        onError: (e) => {
          if (!showFieldErrors(form, e, lang, ['delta', 'reason'])) setGeneralError(e)
        },
      },
    )
  }

  return (
    <Modal
      open
      title={t('credit.adjust')}
      onCancel={onClose}
      destroyOnHidden
      width={520}
      okText={t('credit.adjust.submit')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      confirmLoading={record.isPending}
      okButtonProps={{ 'data-testid': 'credit-adjust-submit' }}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('credit.adjust.intro')}</Typography.Text>
        {generalError ? <ErrorAlert error={generalError} /> : null}
        <Form<AdjustForm> form={form} layout="vertical" requiredMark={false} onFinish={submit}>
          <Form.Item
            name="delta"
            label={t('credit.adjust.delta')}
            extra={t('credit.adjust.deltaHint', { n: ADJUST_MAX })}
            rules={[
              { required: true, message: t('credit.adjust.deltaRequired') },
              {
                validator: async (_, value: number | null | undefined) => {
                  if (value === 0) throw new Error(t('credit.adjust.deltaZero'))
                },
              },
            ]}
          >
            <InputNumber<number>
              min={-ADJUST_MAX}
              max={ADJUST_MAX}
              precision={0}
              style={{ width: 160 }}
              data-testid="credit-adjust-delta"
            />
          </Form.Item>
          <Form.Item name="reason" label={t('credit.reason')} rules={reasonRules(t)}>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={REASON_MAX}
              showCount
              data-testid="credit-adjust-reason"
            />
          </Form.Item>
        </Form>
        {typeof delta === 'number' && delta !== 0 ? (
          <After credit={credit} delta={delta} max={policy.data?.document.max} />
        ) : null}
      </Space>
    </Modal>
  )
}

function RestoreModal({
  userId,
  event,
  onClose,
}: {
  userId: string
  event: CreditEventView
  onClose: () => void
}) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<{ reason: string }>()
  const restore = useRestoreCredit(userId)
  const [generalError, setGeneralError] = useState<unknown>(null)

  const submit = (v: { reason: string }) => {
    setGeneralError(null)
    restore.mutate(
      { eventId: event.id, reason: v.reason.trim() },
      {
        onSuccess: (e) => {
          message.success(t('credit.restored.done', { delta: signed(e.delta), score: e.scoreAfter }))
          onClose()
        },
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'CREDIT_ALREADY_RESTORED') {
            message.warning(t('credit.restore.already'))
            onClose()
            return
          }
          if (!showFieldErrors(form, e, lang, ['reason'])) setGeneralError(e)
        },
      },
    )
  }

  return (
    <Modal
      open
      title={t('credit.restore')}
      onCancel={onClose}
      destroyOnHidden
      width={520}
      okText={t('credit.restore.submit', { n: -event.delta })}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      confirmLoading={restore.isPending}
      okButtonProps={{ 'data-testid': 'credit-restore-submit' }}
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Descriptions
          size="small"
          column={1}
          bordered
          items={[
            { key: 'kind', label: t('credit.col.kind'), children: eventKindLabel(event.kind, t) },
            { key: 'delta', label: t('credit.col.delta'), children: <DeltaText delta={event.delta} /> },
            { key: 'reason', label: t('credit.col.reason'), children: event.reason },
            { key: 'at', label: t('credit.col.time'), children: formatInstant(event.createdAt, lang) },
          ]}
        />
        <Typography.Text type="secondary">{t('credit.restore.intro', { n: -event.delta })}</Typography.Text>
        {generalError ? <ErrorAlert error={generalError} /> : null}
        <Form<{ reason: string }> form={form} layout="vertical" requiredMark={false} onFinish={submit}>
          <Form.Item name="reason" label={t('credit.restore.reason')} rules={reasonRules(t)}>
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 6 }}
              maxLength={REASON_MAX}
              showCount
              data-testid="credit-restore-reason"
            />
          </Form.Item>
        </Form>
      </Space>
    </Modal>
  )
}
