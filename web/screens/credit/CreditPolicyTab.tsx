// The credit policy (A13.3): the version in force — its tiers, what each allows, how events move the score — and
// every published version. With `credit.manage`, a new version is written as JSON, checked for shape here and for
// sense by the server, which names every problem at once (CREDIT_POLICY_INVALID).
import { CheckOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Input,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import type { CreditPolicy, CreditPolicyDocument, FieldProblem } from '../../api/types.ts'
import { ApiError } from '../../app/api.ts'
import { pick, useLang, useT } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { REASON_MAX, useCreditPolicy, useCreditPolicyVersions, usePublishCreditPolicy } from './creditApi.ts'
import { DeltaText, policyVersionLabel, TiersTable } from './creditUi.tsx'
import { type PolicyProblem, parsePolicy, serverProblem } from './policyCheck.ts'

export function CreditPolicyTab() {
  const t = useT()
  const can = useCan()
  const policy = useCreditPolicy()
  const p = policy.data
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {policy.isError ? <ErrorAlert error={policy.error} onRetry={() => policy.refetch()} /> : null}
      <Card title={t('credit.policy.inForce')} loading={policy.isPending} data-testid="credit-policy">
        {p ? <PolicyView policy={p} /> : null}
      </Card>
      <VersionsCard />
      {p && can('credit.manage') ? <PolicyEditor key={p.version} policy={p} /> : null}
      {can('credit.manage') ? null : <Alert type="warning" showIcon title={t('credit.readOnly')} />}
    </Space>
  )
}

function PolicyView({ policy }: { policy: CreditPolicy }) {
  const t = useT()
  const lang = useLang()
  const d = policy.document
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Descriptions
        size="small"
        column={{ xs: 1, md: 2, xl: 4 }}
        items={[
          {
            key: 'version',
            label: t('credit.policy.version'),
            children: (
              <Tag color="blue" data-testid="credit-policy-version" data-version={policy.version}>
                {policyVersionLabel(policy.version, t)}
              </Tag>
            ),
          },
          {
            key: 'published',
            label: t('credit.policy.publishedAt'),
            children: policy.publishedAt ? formatTime(policy.publishedAt, lang) : t('credit.policy.builtIn'),
          },
          { key: 'initial', label: t('credit.policy.initial'), children: d.initial },
          { key: 'max', label: t('credit.policy.max'), children: d.max },
          { key: 'note', label: t('credit.policy.note'), span: 'filled', children: policy.note },
        ]}
      />
      <div>
        <Typography.Title level={5}>{t('credit.policy.tiers')}</Typography.Title>
        <TiersTable tiers={d.tiers} max={d.max} testId="credit-policy-tiers" />
      </div>
      <div>
        <Typography.Title level={5}>{t('credit.policy.deltas')}</Typography.Title>
        <Descriptions
          size="small"
          bordered
          column={{ xs: 1, md: 2 }}
          data-testid="credit-policy-deltas"
          items={[
            {
              key: 'identity',
              label: t('credit.kind.identity_verified'),
              children: <DeltaText delta={d.deltas.identityVerified} />,
            },
            ...([1, 2, 3] as const).map((s) => ({
              key: `violation-${s}`,
              label: t(`credit.severity.${s}`),
              children: <DeltaText delta={d.deltas.violation[String(s) as '1' | '2' | '3']} />,
            })),
            {
              key: 'fiction',
              label: t('credit.kind.fiction_unlabelled'),
              children: <DeltaText delta={d.deltas.fictionUnlabelled} />,
            },
            {
              key: 'recovery',
              label: t('credit.kind.recovery'),
              children: (
                <span>
                  <DeltaText delta={d.deltas.recoveryPerDay} />{' '}
                  {t('credit.policy.recovery', { days: d.deltas.recoveryAfterDays, initial: d.initial })}
                </span>
              ),
            },
          ]}
        />
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('credit.policy.footnote')}
      </Typography.Text>
    </Space>
  )
}

function VersionsCard() {
  const t = useT()
  const lang = useLang()
  const versions = useCreditPolicyVersions()
  const columns: TableColumnsType<CreditPolicy> = [
    {
      title: t('credit.policy.version'),
      dataIndex: 'version',
      key: 'version',
      render: (v: number, _, i) => (
        <Space size={4}>
          <span>{policyVersionLabel(v, t)}</span>
          {i === 0 ? <Tag color="green">{t('rules.inForce')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('credit.policy.publishedAt'),
      dataIndex: 'publishedAt',
      key: 'publishedAt',
      render: (at: string | null) => (at ? formatTime(at, lang) : t('credit.policy.builtIn')),
    },
    { title: t('credit.policy.note'), dataIndex: 'note', key: 'note' },
    {
      title: t('credit.policy.tiers'),
      key: 'tiers',
      render: (_, p) => (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {p.document.tiers.map((x) => `${pick(lang, x.zh, x.en)} ≥${x.min}`).join(' · ')}
        </Typography.Text>
      ),
    },
  ]
  return (
    <Card title={t('credit.policy.versions')}>
      {versions.isError ? <ErrorAlert error={versions.error} onRetry={() => versions.refetch()} /> : null}
      <div data-testid="credit-policy-versions">
        <Table<CreditPolicy>
          rowKey="version"
          size="small"
          loading={versions.isPending}
          columns={columns}
          dataSource={versions.data ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true }}
          locale={{ emptyText: t('credit.policy.noVersions') }}
          expandable={{
            expandedRowRender: (p) => <TiersTable tiers={p.document.tiers} max={p.document.max} />,
          }}
        />
      </div>
    </Card>
  )
}

const pretty = (d: CreditPolicyDocument) => JSON.stringify(d, null, 2)

function PolicyEditor({ policy }: { policy: CreditPolicy }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const publish = usePublishCreditPolicy()
  const [text, setText] = useState(() => pretty(policy.document))
  const [note, setNote] = useState('')
  const [problems, setProblems] = useState<PolicyProblem[] | null>(null)
  const [serverProblems, setServerProblems] = useState<FieldProblem[] | null>(null)
  const [generalError, setGeneralError] = useState<unknown>(null)
  const [checkedOk, setCheckedOk] = useState(false)
  const [noteMissing, setNoteMissing] = useState(false)

  const reset = () => {
    setProblems(null)
    setServerProblems(null)
    setGeneralError(null)
    setCheckedOk(false)
  }

  const check = () => {
    reset()
    const parsed = parsePolicy(text)
    if (!parsed.ok) {
      setProblems(parsed.problems)
      return null
    }
    setCheckedOk(true)
    return parsed.document
  }

  const submit = () => {
    const document = check()
    if (!note.trim()) setNoteMissing(true)
    if (!document || !note.trim()) return
    setCheckedOk(false)
    publish.mutate(
      { document, note: note.trim() },
      {
        onSuccess: (p) => message.success(t('credit.policy.published', { v: p.version })),
        onError: (e) => {
          if (e instanceof ApiError && (e.problem.errors?.length ?? 0) > 0)
            setServerProblems(e.problem.errors ?? [])
          else setGeneralError(e)
        },
      },
    )
  }

  return (
    <Card title={t('credit.policy.editor')} data-testid="credit-policy-editor-card">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="warning" showIcon title={t('credit.policy.editorIntro')} />
        <Input.TextArea
          value={text}
          onChange={(e) => {
            setText(e.target.value)
            setCheckedOk(false)
          }}
          autoSize={{ minRows: 16, maxRows: 36 }}
          spellCheck={false}
          style={{ fontFamily: 'monospace', fontSize: 12 }}
          aria-label={t('credit.policy.editor')}
          data-testid="credit-policy-editor"
        />
        {problems ? (
          <Alert
            type="error"
            showIcon
            data-testid="credit-policy-errors"
            data-source="client"
            title={t('credit.policy.problems', { n: problems.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {problems.map((p) => (
                  <li key={p.en}>{pick(lang, p.zh, p.en)}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        {serverProblems ? (
          <Alert
            type="error"
            showIcon
            data-testid="credit-policy-errors"
            data-source="server"
            title={t('credit.policy.serverProblems', { n: serverProblems.length })}
            description={
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {serverProblems.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the server may name the same field twice
                  <li key={i}>{serverProblem(p, lang)}</li>
                ))}
              </ul>
            }
          />
        ) : null}
        {checkedOk && !publish.isPending && !publish.isSuccess ? (
          <Alert type="success" showIcon title={t('credit.policy.shapeOk')} />
        ) : null}
        {generalError ? <ErrorAlert error={generalError} /> : null}
        <Typography.Text strong>{t('credit.policy.note')}</Typography.Text>
        <Input
          value={note}
          onChange={(e) => {
            setNote(e.target.value)
            setNoteMissing(false)
          }}
          maxLength={REASON_MAX}
          status={noteMissing ? 'error' : undefined}
          placeholder={t('credit.policy.notePlaceholder')}
          aria-label={t('credit.policy.note')}
          data-testid="credit-policy-note"
        />
        {noteMissing ? (
          <Typography.Text type="danger">{t('credit.policy.noteRequired')}</Typography.Text>
        ) : null}
        <Space wrap>
          <Button icon={<CheckOutlined />} onClick={check} data-testid="credit-policy-check">
            {t('credit.policy.check')}
          </Button>
          <Button
            icon={<RollbackOutlined />}
            onClick={() => {
              setText(pretty(policy.document))
              reset()
            }}
          >
            {t('credit.policy.resetText')}
          </Button>
          <Button
            type="primary"
            icon={<SendOutlined />}
            loading={publish.isPending}
            onClick={submit}
            data-testid="credit-policy-submit"
          >
            {t('credit.policy.publish', { v: policy.version + 1 })}
          </Button>
        </Space>
      </Space>
    </Card>
  )
}
