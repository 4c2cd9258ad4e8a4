// Issuing an order (责令, A19): to which platform, stop or remove, what — named items (their ids, one a line) or every
// copy of a claim — under which legal basis, why, and by when. The platforms are the active platform peers for
// those who may read the peers; anyone else types the platform's node id. The server's refusals (an unknown
// platform, a deadline past, nothing named, a claim too short to match) land beside their field, or above the form.
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
import { useState } from 'react'
import type { IssueOrderBody, OrderKind, PeerDirectoryEntry } from '../../api/types.ts'
import { isApiError } from '../../app/api.ts'
import { pick, useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert, showFieldErrors } from '../../app/ui.tsx'
import { NODE_ID_PATTERN } from '../protocol/protocolApi.ts'
import { BASIS_MAX, CLAIM_MAX, DEFAULT_BASIS, ITEM_IDS_MAX, REASON_MAX, useIssueOrder } from './ordersApi.ts'
import { parseItemIds } from './orderUi.tsx'

// antd's date value (a Dayjs), named without importing dayjs, which the console does not depend on directly
type DateValue = Exclude<NonNullable<DatePickerProps['value']>, readonly unknown[]>

type TargetKind = 'items' | 'claim'

interface IssueForm {
  toNode: string
  kind: OrderKind
  targetKind: TargetKind
  itemIds?: string
  claim?: string
  basis: string
  reason: string
  deadlineAt?: DateValue | null
}

const DATALIST = 'order-known-platforms'

export function IssueOrderDrawer({
  open,
  onClose,
  platforms,
  knownPlatforms,
  peersKnown,
  onIssued,
}: {
  open: boolean
  onClose: () => void
  /** The active platform peers, when the person may read them. */
  platforms: readonly PeerDirectoryEntry[]
  /** Node ids of platforms ordered before: suggestions for those who type the id. */
  knownPlatforms: readonly string[]
  /** Whether the person may read the peers (`protocol.read`): a list to choose from, or an id to type. */
  peersKnown: boolean
  onIssued: () => void
}) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<IssueForm>()
  const issue = useIssueOrder()
  const [generalError, setGeneralError] = useState<unknown>(null)
  const targetKind = Form.useWatch('targetKind', form) ?? 'items'

  const close = () => {
    form.resetFields()
    setGeneralError(null)
    issue.reset()
    onClose()
  }

  const submit = (v: IssueForm) => {
    setGeneralError(null)
    const body: IssueOrderBody = {
      toNode: v.toNode.trim(),
      kind: v.kind,
      ...(v.targetKind === 'items'
        ? { itemIds: parseItemIds(v.itemIds ?? '').ids }
        : { claim: (v.claim ?? '').trim() }),
      basis: v.basis.trim(),
      reason: v.reason.trim(),
      deadlineAt: v.deadlineAt?.toISOString() ?? '',
    }
    issue.mutate(body, {
      onSuccess: (o) => {
        message.success(t('orders.issued', { platform: o.toNode }))
        form.resetFields()
        onIssued()
      },
      onError: (e) => {
        // only the fields on the form now: an error about the other kind of target goes above it
        const fields = ['toNode', 'kind', v.targetKind === 'items' ? 'itemIds' : 'claim', 'basis', 'reason']
        const onField = showFieldErrors(form, e, lang, [...fields, 'deadlineAt'])
        if (isApiError(e) && e.code === 'PEER_NOT_FOUND') {
          form.setFields([{ name: 'toNode', errors: [t('orders.form.peerNotFound')] }])
          setGeneralError(e)
        } else if (!onField) setGeneralError(e)
      },
    })
  }

  return (
    <Drawer
      title={t('orders.form.heading')}
      open={open}
      onClose={close}
      size={640}
      destroyOnHidden
      data-testid="order-issue-drawer"
      footer={
        <Space style={{ justifyContent: 'flex-end', width: '100%' }}>
          <Button onClick={close}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            danger
            loading={issue.isPending}
            onClick={() => form.submit()}
            data-testid="order-issue-submit"
          >
            {t('orders.form.submit')}
          </Button>
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('orders.form.intro')}</Typography.Paragraph>
      {generalError ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={generalError} />
        </div>
      ) : null}
      <Form<IssueForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={issue.isPending}
        initialValues={{ kind: 'remove', targetKind: 'items', basis: DEFAULT_BASIS }}
        data-testid="order-issue-form"
      >
        <Form.Item
          name="toNode"
          label={t('orders.field.platform')}
          extra={peersKnown ? undefined : t('orders.field.platformHelp')}
          rules={[
            { required: true, whitespace: true },
            ...(peersKnown ? [] : [{ pattern: NODE_ID_PATTERN, message: t('orders.field.platformPattern') }]),
          ]}
        >
          {peersKnown ? (
            <Select
              data-testid="order-to-node"
              placeholder={t('orders.field.platformPlaceholder')}
              notFoundContent={t('orders.field.noPlatforms')}
              options={platforms.map((p) => ({
                value: p.nodeId,
                label: `${pick(lang, p.nameZh, p.nameEn)} (${p.nodeId})`,
              }))}
            />
          ) : (
            <Input
              data-testid="order-to-node"
              placeholder="platform-a"
              list={DATALIST}
              autoComplete="off"
              maxLength={100}
            />
          )}
        </Form.Item>
        {peersKnown ? null : (
          <datalist id={DATALIST}>
            {knownPlatforms.map((id) => (
              <option key={id} value={id} />
            ))}
          </datalist>
        )}
        <Form.Item name="kind" label={t('orders.field.kind')} extra={t('orders.field.kindHelp')}>
          <Radio.Group data-testid="order-kind">
            <Radio value="stop">{t('orders.kind.stop')}</Radio>
            <Radio value="remove">{t('orders.kind.remove')}</Radio>
          </Radio.Group>
        </Form.Item>
        <Form.Item name="targetKind" label={t('orders.field.target')}>
          <Radio.Group data-testid="order-target-kind">
            <Radio value="items">{t('orders.field.targetItems')}</Radio>
            <Radio value="claim">{t('orders.field.targetClaim')}</Radio>
          </Radio.Group>
        </Form.Item>
        {targetKind === 'items' ? (
          <Form.Item
            name="itemIds"
            label={t('orders.field.itemIds')}
            extra={t('orders.field.itemIdsHelp', { max: ITEM_IDS_MAX })}
            rules={[
              { required: true, whitespace: true, message: t('orders.field.itemIdsRequired') },
              {
                validator: async (_, value: string | undefined) => {
                  const { ids, invalid } = parseItemIds(value ?? '')
                  if (invalid.length > 0) {
                    throw new Error(t('orders.field.itemIdsInvalid', { ids: invalid.slice(0, 3).join('、') }))
                  }
                  if (ids.length > ITEM_IDS_MAX) {
                    throw new Error(t('orders.field.itemIdsTooMany', { max: ITEM_IDS_MAX }))
                  }
                },
              },
            ]}
          >
            <Input.TextArea
              rows={4}
              spellCheck={false}
              style={{ fontFamily: 'monospace' }}
              placeholder="0190f3a2-7c1e-7d4b-9a53-3f0c2b8e1d42"
              data-testid="order-item-ids"
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="claim"
            label={t('orders.field.claim')}
            extra={t('orders.field.claimHelp')}
            rules={[{ required: true, whitespace: true, max: CLAIM_MAX }]}
          >
            <Input.TextArea rows={3} maxLength={CLAIM_MAX} data-testid="order-claim" />
          </Form.Item>
        )}
        <Form.Item
          name="basis"
          label={t('orders.field.basis')}
          rules={[{ required: true, whitespace: true, max: BASIS_MAX }]}
        >
          <Input maxLength={BASIS_MAX} data-testid="order-basis" />
        </Form.Item>
        <Form.Item
          name="reason"
          label={t('orders.field.reason')}
          extra={t('orders.field.reasonHelp')}
          rules={[{ required: true, whitespace: true, max: REASON_MAX }]}
        >
          <Input.TextArea rows={3} maxLength={REASON_MAX} data-testid="order-reason" />
        </Form.Item>
        <Form.Item
          name="deadlineAt"
          label={t('orders.field.deadline')}
          extra={t('orders.field.deadlineHelp')}
          rules={[
            { required: true, message: t('orders.field.deadlineRequired') },
            {
              validator: async (_, value: DateValue | null | undefined) => {
                if (value && value.valueOf() <= Date.now()) throw new Error(t('orders.field.deadlinePast'))
              },
            },
          ]}
        >
          <DatePicker
            showTime={{ format: 'HH:mm' }}
            format="YYYY-MM-DD HH:mm"
            disabledDate={(d) => d.endOf('day').valueOf() < Date.now()}
            style={{ width: 240 }}
            data-testid="order-deadline"
          />
        </Form.Item>
      </Form>
    </Drawer>
  )
}
