// One penalty case in a drawer: the steps of the procedure (立案 … 公示) with where the case stands, what each step
// recorded, the clock running, and the form of the next step for those who may take it. The notice and decision forms
// offer only the measures the case's article allows (GET …/allowed-measures), with the bounds beside each amount; the
// server checks them again and records any attempt outside them.
import {
  App,
  Button,
  Checkbox,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  List,
  Space,
  Steps,
  Switch,
  Tag,
  Typography,
} from 'antd'
import type { ReactNode } from 'react'
import { pick, useLang } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { ClockTag, StepTag } from './PenaltiesScreen.tsx'
import {
  decisionUrl,
  type PenaltyCaseView,
  type PenaltyMeasure,
  STEPS,
  type StepPath,
  useAllowedMeasures,
  usePenaltyCase,
  usePenaltyStep,
} from './penaltiesApi.ts'
import { type PTranslate, usePT } from './strings.ts'

/** The measures of the article, each chosen with its amount inside its bounds. */
function MeasuresPicker({
  caseId,
  aggravated,
  value = [],
  onChange,
}: {
  caseId: string
  aggravated: boolean
  value?: PenaltyMeasure[]
  onChange?: (v: PenaltyMeasure[]) => void
}) {
  const pt = usePT()
  const lang = useLang()
  const allowed = useAllowedMeasures(caseId, aggravated)
  if (allowed.isError) return <ErrorAlert error={allowed.error} />
  if (!allowed.data) return null
  const a = allowed.data
  const set = (kind: string, patch: Partial<PenaltyMeasure> | null) => {
    const rest = value.filter((m) => m.kind !== kind)
    const cur = value.find((m) => m.kind === kind) ?? { kind }
    onChange?.(patch === null ? rest : [...rest, { ...cur, ...patch }])
  }
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="penalty-measures">
      <Typography.Text type="secondary">
        {pt('bounds', { article: a.article, version: a.version, from: a.effectiveFrom })}
      </Typography.Text>
      <Typography.Paragraph
        type="secondary"
        style={{ fontSize: 12 }}
        ellipsis={{ rows: 2, expandable: true }}
      >
        {a.textZh}
      </Typography.Paragraph>
      {a.measures.map((r) => {
        const m = value.find((x) => x.kind === r.kind)
        const label = a.labels[r.kind]
        return (
          <Space key={r.kind} wrap align="center" data-testid={`penalty-measure-${r.kind}`}>
            <Checkbox checked={!!m} onChange={(e) => set(r.kind, e.target.checked ? {} : null)}>
              {label ? pick(lang, label.zh, label.en) : r.kind}
            </Checkbox>
            {r.required ? <Tag color="orange">{pt('form.required')}</Tag> : null}
            {r.aggravatedOnly ? <Tag>{pt('form.aggravatedOnly')}</Tag> : null}
            {m && r.minYuan !== undefined ? (
              <>
                <InputNumber
                  min={r.minYuan}
                  max={r.maxYuan}
                  step={1000}
                  value={m.amountYuan}
                  placeholder={pt('form.amount')}
                  onChange={(v) => set(r.kind, { amountYuan: v ?? undefined })}
                  data-testid={`penalty-amount-${r.kind}`}
                />
                <Typography.Text type="secondary">
                  {pt('form.bounds', {
                    min: r.minYuan.toLocaleString(),
                    max: (r.maxYuan ?? 0).toLocaleString(),
                  })}
                </Typography.Text>
              </>
            ) : null}
            {m && r.kind === 'confiscation' ? (
              <InputNumber
                min={0}
                value={m.amountYuan}
                placeholder={pt('form.amount')}
                onChange={(v) => set(r.kind, { amountYuan: v ?? undefined })}
              />
            ) : null}
            {m && r.kind === 'person_fine' ? (
              <Input
                style={{ width: 200 }}
                placeholder={pt('form.person')}
                value={m.personName}
                onChange={(e) => set(r.kind, { personName: e.target.value })}
              />
            ) : null}
            {m && r.kind === 'correction_order' ? (
              <>
                <DatePicker
                  placeholder={pt('form.deadline')}
                  data-testid="penalty-deadline-correction_order"
                  onChange={(d) => set(r.kind, { deadline: d ? d.format('YYYY-MM-DD') : undefined })}
                />
                {/* 第二十二条: 责令限期改正 — the deadline is part of the measure */}
                {a.article === 'A22' ? <Tag color="orange">{pt('form.deadlineRequired')}</Tag> : null}
              </>
            ) : null}
          </Space>
        )
      })}
    </Space>
  )
}

type Field =
  | { name: string; label: string; kind: 'text' | 'area' | 'switch' | 'date'; required?: boolean }
  | { name: 'measures'; label: string; kind: 'measures' }

/** The form of one step: its fields, a button, the answer in the cache; refusals shown beside the fields. */
function StepForm({
  c,
  path,
  title,
  fields,
  initial,
}: {
  c: PenaltyCaseView
  path: StepPath
  title: string
  fields: Field[]
  initial?: Record<string, unknown>
}) {
  const pt = usePT()
  const { message } = App.useApp()
  const [form] = Form.useForm()
  const act = usePenaltyStep(c.id)
  const aggravated =
    Form.useWatch('aggravated', form) ?? (initial?.aggravated as boolean | undefined) ?? false
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={initial}
      data-testid={`penalty-form-${path}`}
      onFinish={(values: Record<string, unknown>) => {
        const body: Record<string, unknown> = {}
        for (const f of fields) {
          const v = values[f.name]
          if (f.kind === 'date')
            body[f.name] = v ? (v as { format: (s: string) => string }).format('YYYY-MM-DD') : v
          else if (f.kind === 'switch') body[f.name] = !!v
          else if (v !== undefined && v !== '') body[f.name] = v
        }
        act.mutate(
          { path, ...(fields.length ? { body } : {}) },
          { onSuccess: () => message.success(pt('done')) },
        )
      }}
    >
      <Typography.Title level={5}>{title}</Typography.Title>
      {fields.map((f) =>
        f.kind === 'measures' ? (
          <Form.Item key={f.name} name="measures" label={f.label} initialValue={[]}>
            <MeasuresPicker caseId={c.id} aggravated={aggravated} />
          </Form.Item>
        ) : (
          <Form.Item
            key={f.name}
            name={f.name}
            label={f.label}
            valuePropName={f.kind === 'switch' ? 'checked' : 'value'}
            rules={f.required ? [{ required: true, message: pt('required') }] : []}
          >
            {f.kind === 'area' ? (
              <Input.TextArea rows={3} maxLength={10_000} />
            ) : f.kind === 'switch' ? (
              <Switch />
            ) : f.kind === 'date' ? (
              <DatePicker />
            ) : (
              <Input maxLength={200} />
            )}
          </Form.Item>
        ),
      )}
      {act.isError ? <ErrorAlert error={act.error} /> : null}
      <Button type="primary" htmlType="submit" loading={act.isPending} data-testid={`penalty-submit-${path}`}>
        {title}
      </Button>
    </Form>
  )
}

function nextForms(
  c: PenaltyCaseView,
  pt: PTranslate,
  can: (p: 'penalty.manage' | 'penalty.review') => boolean,
) {
  const out: ReactNode[] = []
  const manage = can('penalty.manage')
  if (c.revokedAt) return out
  const f = (
    name: string,
    label: string,
    kind: 'text' | 'area' | 'switch' | 'date',
    required = true,
  ): Field => ({
    name,
    label,
    kind,
    required,
  })
  if (c.step === 'opened' && manage)
    out.push(
      <StepForm
        key="inv"
        c={c}
        path="investigate"
        title={pt('act.investigate')}
        fields={[
          f('findings', pt('form.findings'), 'area'),
          f('aggravated', pt('form.aggravated'), 'switch', false),
          f('aggravationReason', pt('form.aggravationReason'), 'area', false),
        ]}
      />,
    )
  if (c.step === 'investigated' && manage)
    out.push(
      <StepForm
        key="notify"
        c={c}
        path="notify"
        title={pt('act.notify')}
        initial={{ facts: c.facts, aggravated: c.aggravated }}
        fields={[
          f('facts', pt('form.facts'), 'area'),
          f('reasons', pt('form.reasons'), 'area'),
          f('basis', pt('form.basis'), 'text'),
          f('aggravated', pt('form.aggravated'), 'switch', false),
          { name: 'measures', label: pt('form.measures'), kind: 'measures' },
        ]}
      />,
    )
  if (c.step === 'notified') {
    if (manage) {
      out.push(
        <StepForm
          key="st"
          c={c}
          path="statement"
          title={pt('act.statement')}
          fields={[
            f('text', pt('form.statement'), 'area'),
            f('waivesHearing', pt('form.waives'), 'switch', false),
          ]}
        />,
      )
      if (c.notice?.hearingRight && !c.hearingRequestedAt)
        out.push(
          <StepForm key="hr" c={c} path="hearing-request" title={pt('act.hearingRequest')} fields={[]} />,
        )
      if (c.hearingRequestedAt && !c.hearingNoticedAt)
        out.push(
          <StepForm
            key="hs"
            c={c}
            path="hearing-schedule"
            title={pt('act.hearingSchedule')}
            fields={[f('hearingOn', pt('form.hearingOn'), 'date'), f('place', pt('form.place'), 'text')]}
          />,
        )
      if (c.hearingNoticedAt && !c.hearingHeldAt)
        out.push(
          <StepForm
            key="h"
            c={c}
            path="hearing"
            title={pt('act.hearing')}
            fields={[f('record', pt('form.record'), 'area')]}
          />,
        )
    }
    if (can('penalty.review'))
      out.push(
        <StepForm
          key="rev"
          c={c}
          path="legal-review"
          title={pt('act.review')}
          initial={{ approved: true }}
          fields={[
            f('opinion', pt('form.opinion'), 'area'),
            f('approved', pt('form.approved'), 'switch', false),
          ]}
        />,
      )
  }
  if (c.step === 'legal_reviewed' && manage)
    out.push(
      <StepForm
        key="dec"
        c={c}
        path="decide"
        title={pt('act.decide')}
        initial={{ aggravated: c.notice?.aggravated ?? c.aggravated }}
        fields={[
          f('aggravated', pt('form.aggravated'), 'switch', false),
          { name: 'measures', label: pt('form.measures'), kind: 'measures' },
          f('performance', pt('form.performance'), 'area'),
        ]}
      />,
    )
  if (c.step === 'decided' && manage)
    out.push(
      <StepForm
        key="srv"
        c={c}
        path="serve"
        title={pt('act.serve')}
        fields={[f('method', pt('form.method'), 'text')]}
      />,
    )
  if (c.step === 'served' && manage)
    out.push(
      <StepForm
        key="ex"
        c={c}
        path="execute"
        title={pt('act.execute')}
        fields={[f('note', pt('form.note'), 'area')]}
      />,
    )
  if (c.step === 'executed' && manage)
    out.push(<StepForm key="pub" c={c} path="publish" title={pt('act.publish')} fields={[]} />)
  if (c.decidedAt && can('penalty.review'))
    out.push(
      <StepForm
        key="rv"
        c={c}
        path="revoke"
        title={pt('act.revoke')}
        fields={[f('reason', pt('form.reason'), 'area')]}
      />,
    )
  return out
}

function measuresText(ms: PenaltyMeasure[], labels: (k: string) => string): string {
  return ms
    .map(
      (m) =>
        `${labels(m.kind)}${m.personName ? `（${m.personName}）` : ''}${m.amountYuan !== undefined ? ` ${m.amountYuan.toLocaleString()} 元` : ''}${m.deadline ? ` · ${m.deadline}` : ''}`,
    )
    .join('；')
}

export function PenaltyDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const pt = usePT()
  const lang = useLang()
  const can = useCan()
  const one = usePenaltyCase(id)
  const allowed = useAllowedMeasures(id, true)
  const c = one.data
  const label = (k: string) => {
    const l = allowed.data?.labels[k]
    return l ? pick(lang, l.zh, l.en) : k
  }
  const items = c
    ? [
        {
          key: 'party',
          label: pt('col.party'),
          children: `${c.partyName}${c.partyNodeId ? ` (${c.partyNodeId})` : ''}`,
        },
        {
          key: 'violated',
          label: pt('detail.violated'),
          children: `${c.article} ← ${c.violated.join('、')}`,
        },
        { key: 'facts', label: pt('detail.facts'), children: c.facts },
        ...(c.orderId ? [{ key: 'order', label: pt('detail.order'), children: c.orderId }] : []),
        { key: 'clock', label: pt('detail.clock'), children: <ClockTag c={c} pt={pt} /> },
        ...(c.findings ? [{ key: 'findings', label: pt('detail.findings'), children: c.findings }] : []),
        ...(c.aggravated && c.aggravationReason
          ? [{ key: 'agg', label: pt('detail.aggravated'), children: c.aggravationReason }]
          : []),
        ...(c.notice
          ? [
              {
                key: 'notice',
                label: pt('detail.notice'),
                children: (
                  <Space orientation="vertical" size={2}>
                    <span>{measuresText(c.notice.measures, label)}</span>
                    <Typography.Text type="secondary">
                      {pt('detail.windowEnds', { date: c.notice.windowEnds })}
                      {c.notice.hearingRight ? ` · ${pt('detail.hearingRight')}` : ''}
                    </Typography.Text>
                  </Space>
                ),
              },
            ]
          : []),
        ...(c.statements.length
          ? [
              {
                key: 'st',
                label: pt('detail.statements'),
                children: (
                  <List
                    size="small"
                    dataSource={c.statements}
                    renderItem={(s) => (
                      <List.Item>
                        {formatTime(s.at, lang)} · {s.text}
                      </List.Item>
                    )}
                  />
                ),
              },
            ]
          : []),
        ...(c.hearingOn
          ? [
              {
                key: 'hearing',
                label: pt('detail.hearing'),
                children: `${c.hearingOn} · ${c.hearingPlace ?? ''}${c.hearingRecord ? ` · ${c.hearingRecord}` : ''}`,
              },
            ]
          : []),
        ...(c.legalOpinion
          ? [
              {
                key: 'review',
                label: pt('detail.review'),
                children: `${c.legalOpinion}${c.legalReviewerName ? ` — ${c.legalReviewerName}` : ''}`,
              },
            ]
          : []),
        ...(c.decisionNumber
          ? [
              {
                key: 'decision',
                label: pt('detail.decision'),
                children: (
                  <Space orientation="vertical" size={2}>
                    <Typography.Text strong>{c.decisionNumber}</Typography.Text>
                    <span>{measuresText(c.measures ?? [], label)}</span>
                    <Space size={12}>
                      <a
                        href={decisionUrl(c.id)}
                        target="_blank"
                        rel="noreferrer"
                        data-testid="penalty-document"
                      >
                        {pt('detail.document')}
                      </a>
                      <a
                        href={`${decisionUrl(c.id)}.pdf`}
                        target="_blank"
                        rel="noreferrer"
                        data-testid="penalty-document-pdf"
                      >
                        {pt('detail.documentPdf')}
                      </a>
                    </Space>
                  </Space>
                ),
              },
            ]
          : []),
      ]
    : []
  return (
    <Drawer
      open
      size={820}
      onClose={onClose}
      destroyOnHidden
      title={c ? pt('detail.title', { number: c.number }) : ''}
      extra={c ? <StepTag c={c} pt={pt} /> : null}
      data-testid="penalty-drawer"
    >
      {one.isError ? <ErrorAlert error={one.error} onRetry={() => one.refetch()} /> : null}
      {c ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Steps
            size="small"
            current={STEPS.indexOf(c.step)}
            status={c.revokedAt ? 'error' : c.clock?.overdue ? 'error' : 'process'}
            items={STEPS.map((s) => ({ title: pt(`step.${s}`) }))}
          />
          <Descriptions size="small" bordered column={1} styles={{ label: { width: 130 } }} items={items} />
          {nextForms(c, pt, can)}
        </Space>
      ) : null}
    </Drawer>
  )
}
