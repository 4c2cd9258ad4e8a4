// Public reports to the regulator (A18, A8.2): the list, oldest first with overdue ones flagged and reports of one
// claim grouped; a report opens in a drawer with its files, the other reports of its cluster, the reporter shown as
// sealed (and, for the admins, an unseal action that asks for a reason), and the form that closes it with the
// feedback the reporter reads through the tracking code. A report still `received` is routed from there (A5.2) to
// the organisation the routing rules name, which opens its case; a routed report links to its case. `?report=<id>`
// opens one report at once: a case links its reports here. An officer who may draft clarifications drafts one from
// the report: the clarification answers it, and publishing it closes the report with the link as feedback (A18).
import {
  BranchesOutlined,
  FileOutlined,
  LockOutlined,
  NotificationOutlined,
  UnlockOutlined,
} from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Empty,
  Form,
  Input,
  List,
  Modal,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd'
import { useMemo, useState } from 'react'
import { Link, useNavigate, useSearchParams } from 'react-router'
import type {
  PublicReportDetail,
  PublicReportStatus,
  PublicReportView,
  ReportCategoryKey,
  UnsealedIdentity,
} from '../../api/types.ts'
import { pick, useLang } from '../../app/i18n.ts'
import { useOrganisations } from '../../app/queries.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatTime, showFieldErrors } from '../../app/ui.tsx'
import { useCases, useRoutePublicReport } from '../cases/casesApi.ts'
import { useCT } from '../cases/strings.ts'
import { DraftClarificationDrawer } from '../clarifications/DraftClarificationDrawer.tsx'
import {
  evidenceUrl,
  type PublicReportFilter,
  useClosePublicReport,
  usePublicReport,
  usePublicReportGuide,
  usePublicReports,
  useRoutePreview,
  useUnsealIdentity,
} from './publicReportsApi.ts'
import { type SKey, useST } from './strings.ts'

const STATES: PublicReportStatus[] = ['received', 'routed', 'handling', 'closed']
const STATE_COLOURS: Record<PublicReportStatus, string> = {
  received: 'blue',
  routed: 'geekblue',
  handling: 'gold',
  closed: 'green',
}
/** Requirement ids a closing commonly rests on; others may be typed. */
const BASIS_OPTIONS = ['A7', 'A8.2', 'A11.1', 'A11.2', 'A16', 'A18', 'A19.1', 'A20', 'A21']
const DEFAULT_BASIS: Record<ReportCategoryKey, string[]> = {
  rumor: ['A11.1'],
  fiction: ['A11.2'],
  reputation: ['A11.1'],
  privacy: ['A11.1'],
  illegal: ['A11.1'],
}

function StateTag({ status }: { status: PublicReportStatus }) {
  const st = useST()
  return (
    <Tag color={STATE_COLOURS[status]} data-state={status}>
      {st(`state.${status}` as SKey)}
    </Tag>
  )
}

function SealedTag({ identity }: { identity: string | null }) {
  const st = useST()
  return identity === null ? (
    <Typography.Text type="secondary">{st('anonymous')}</Typography.Text>
  ) : (
    <Tag icon={<LockOutlined />} color="default" data-testid="preport-identity-sealed">
      {identity}
    </Tag>
  )
}

export default function PublicReportsScreen() {
  const st = useST()
  const lang = useLang()
  const [filter, setFilter] = useState<PublicReportFilter>({})
  const [params] = useSearchParams()
  const [open, setOpen] = useState<string | null>(params.get('report'))
  const reports = usePublicReports(filter)
  const guide = usePublicReportGuide()
  const countyName = useMemo(() => {
    const m = new Map((guide.data?.counties ?? []).map((c) => [c.code, pick(lang, c.zh, c.en)]))
    return (code: string | null) => (code ? (m.get(code) ?? code) : null)
  }, [guide.data, lang])

  const columns: TableColumnsType<PublicReportView> = [
    {
      title: st('col.receivedAt'),
      dataIndex: 'receivedAt',
      key: 'receivedAt',
      width: 130,
      render: (at: string) => formatTime(at, lang),
    },
    {
      title: st('col.category'),
      key: 'category',
      width: 120,
      render: (_: unknown, r) => <Tag>{pick(lang, r.categoryZh, r.categoryEn)}</Tag>,
    },
    {
      title: st('col.description'),
      key: 'description',
      width: 300,
      render: (_: unknown, r) => (
        <Space orientation="vertical" size={0}>
          <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>
            {r.description}
          </Typography.Paragraph>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {r.platform}
            {r.countyCode ? ` · ${countyName(r.countyCode)}` : ''}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: st('col.cluster'),
      key: 'cluster',
      width: 100,
      render: (_: unknown, r) =>
        r.clusterSize > 1 ? (
          <Tag color="purple" data-testid={`preport-cluster-${r.id}`} data-size={r.clusterSize}>
            {st('cluster.size', { n: r.clusterSize })}
          </Tag>
        ) : (
          st('cluster.single')
        ),
    },
    {
      title: st('col.status'),
      key: 'status',
      width: 90,
      render: (_: unknown, r) => <StateTag status={r.status} />,
    },
    {
      title: st('col.deadline'),
      key: 'deadline',
      width: 150,
      render: (_: unknown, r) => (
        <Space size={4} wrap>
          <span>{formatTime(r.deadlineAt, lang)}</span>
          {r.overdue ? (
            <Tag color="red" data-testid={`preport-overdue-${r.id}`}>
              {st('overdue')}
            </Tag>
          ) : null}
        </Space>
      ),
    },
    {
      title: st('col.identity'),
      key: 'identity',
      width: 130,
      render: (_: unknown, r) => <SealedTag identity={r.identity} />,
    },
  ]

  const select = <K extends keyof PublicReportFilter>(
    key: K,
    options: { value: string; label: string }[],
  ) => (
    <Select<string>
      data-testid={`preport-filter-${key}`}
      style={{ minWidth: 140 }}
      value={(filter[key] as string | undefined) ?? ''}
      onChange={(v) => setFilter({ ...filter, [key]: v === '' ? undefined : v })}
      options={[{ value: '', label: st('filter.all') }, ...options]}
      aria-label={st(`filter.${key}` as SKey)}
    />
  )

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={st('title')}>
        <Alert type="info" showIcon title={st('intro')} />
      </Card>
      <Card
        title={
          <Space wrap>
            {select(
              'status',
              STATES.map((s) => ({ value: s, label: st(`state.${s}` as SKey) })),
            )}
            {select(
              'category',
              (guide.data?.categories ?? []).map((c) => ({ value: c.key, label: pick(lang, c.zh, c.en) })),
            )}
            {select(
              'county',
              (guide.data?.counties ?? []).map((c) => ({ value: c.code, label: pick(lang, c.zh, c.en) })),
            )}
          </Space>
        }
      >
        {reports.isError ? <ErrorAlert error={reports.error} onRetry={() => reports.refetch()} /> : null}
        <Table<PublicReportView>
          data-testid="preport-table"
          rowKey="id"
          size="middle"
          loading={reports.isPending}
          columns={columns}
          dataSource={reports.data ?? []}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <Empty description={st('empty')} /> }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          onRow={(r) => ({
            onClick: () => setOpen(r.id),
            style: { cursor: 'pointer' },
            'data-testid': `preport-row-${r.id}`,
          })}
        />
      </Card>
      {open ? (
        <ReportDrawer id={open} onOpen={setOpen} onClose={() => setOpen(null)} countyName={countyName} />
      ) : null}
    </Space>
  )
}

function ReportDrawer({
  id,
  onOpen,
  onClose,
  countyName,
}: {
  id: string
  onOpen: (id: string) => void
  onClose: () => void
  countyName: (code: string | null) => string | null
}) {
  const st = useST()
  const lang = useLang()
  const can = useCan()
  const report = usePublicReport(id)
  const r = report.data
  const [unsealing, setUnsealing] = useState(false)
  const [drafting, setDrafting] = useState(false)
  const mayDraft = can('clarification.draft')
  const organisations = useOrganisations(mayDraft && can('organisation.read'))
  const navigate = useNavigate()

  return (
    <Drawer open size={760} onClose={onClose} destroyOnHidden title={st('detail.title')}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="preport-drawer">
        {report.isError ? <ErrorAlert error={report.error} onRetry={() => report.refetch()} /> : null}
        {r ? (
          <>
            <Descriptions
              size="small"
              bordered
              column={1}
              items={[
                {
                  key: 'category',
                  label: st('col.category'),
                  children: pick(lang, r.categoryZh, r.categoryEn),
                },
                {
                  key: 'status',
                  label: st('col.status'),
                  children: (
                    <span data-testid="preport-drawer-status">
                      <StateTag status={r.status} />
                    </span>
                  ),
                },
                { key: 'received', label: st('col.receivedAt'), children: formatTime(r.receivedAt, lang) },
                {
                  key: 'deadline',
                  label: st('col.deadline'),
                  children: (
                    <Space size={4}>
                      {formatTime(r.deadlineAt, lang)}
                      {r.overdue ? <Tag color="red">{st('overdue')}</Tag> : null}
                    </Space>
                  ),
                },
                { key: 'platform', label: st('col.platform'), children: r.platform },
                ...(r.link
                  ? [
                      {
                        key: 'link',
                        label: st('detail.link'),
                        children: (
                          <Typography.Link href={r.link} target="_blank" rel="noopener noreferrer nofollow">
                            {r.link}
                          </Typography.Link>
                        ),
                      },
                    ]
                  : []),
                ...(r.countyCode
                  ? [{ key: 'county', label: st('detail.county'), children: countyName(r.countyCode) }]
                  : []),
                {
                  key: 'description',
                  label: st('col.description'),
                  children: (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                      {r.description}
                    </Typography.Paragraph>
                  ),
                },
                {
                  key: 'identity',
                  label: st('detail.identity'),
                  children: (
                    <Space wrap data-testid="preport-identity">
                      <SealedTag identity={r.identity} />
                      {r.identity !== null && can('report_identity.unseal') ? (
                        <Button
                          size="small"
                          icon={<UnlockOutlined />}
                          data-testid="preport-unseal"
                          onClick={() => setUnsealing(true)}
                        >
                          {st('unseal.button')}
                        </Button>
                      ) : null}
                    </Space>
                  ),
                },
              ]}
            />
            {r.unsealings.length > 0 ? (
              <Card size="small" title={st('detail.unsealings')}>
                <List
                  size="small"
                  dataSource={r.unsealings}
                  renderItem={(u) => (
                    <List.Item>
                      {st('detail.unsealing', {
                        at: formatTime(u.at, lang) ?? u.at,
                        name: u.byName,
                        reason: u.reason,
                      })}
                    </List.Item>
                  )}
                />
              </Card>
            ) : null}
            <Card size="small" title={`${st('detail.evidence')} (${r.evidence.length})`}>
              {r.evidence.length === 0 ? (
                <Typography.Text type="secondary">{st('detail.noEvidence')}</Typography.Text>
              ) : (
                <List
                  size="small"
                  dataSource={r.evidence}
                  renderItem={(e) => (
                    <List.Item>
                      <Space orientation="vertical" size={0}>
                        <a href={evidenceUrl(r.id, e.id)} download={e.name}>
                          <FileOutlined /> {e.name}
                        </a>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {e.type} · {e.size < 1024 ? `${e.size} B` : `${Math.round(e.size / 1024)} KB`} ·
                          SHA-256{' '}
                          <Typography.Text code copyable={{ text: e.sha256 }} style={{ fontSize: 12 }}>
                            {e.sha256.slice(0, 12)}…
                          </Typography.Text>
                        </Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </Card>
            <Card size="small" title={`${st('detail.cluster')} (${r.cluster.length})`}>
              {r.cluster.length === 0 ? (
                <Typography.Text type="secondary">{st('detail.noCluster')}</Typography.Text>
              ) : (
                <List
                  size="small"
                  data-testid="preport-cluster-list"
                  dataSource={r.cluster}
                  renderItem={(m) => (
                    <List.Item
                      style={{ cursor: 'pointer' }}
                      onClick={() => onOpen(m.id)}
                      extra={<StateTag status={m.status} />}
                    >
                      <Space orientation="vertical" size={0}>
                        <Typography.Text ellipsis style={{ maxWidth: 520 }}>
                          {m.description}
                        </Typography.Text>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {formatTime(m.receivedAt, lang)}
                        </Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </Card>
            {r.status === 'received' && can('case.manage') ? (
              <RouteCard report={r} countyName={countyName} />
            ) : null}
            {r.status !== 'received' && can('case.read') ? <CaseOfReport report={r} /> : null}
            {r.status === 'closed' ? (
              <Alert
                type="success"
                showIcon
                title={st('detail.feedback')}
                description={
                  <Space orientation="vertical" size={4}>
                    <span style={{ whiteSpace: 'pre-wrap' }} data-testid="preport-feedback">
                      {r.feedback}
                    </span>
                    <span>
                      {st('detail.basis')}：
                      {r.feedbackArticles.map((a) => (
                        <Tag key={a}>{a}</Tag>
                      ))}
                    </span>
                    <Typography.Text type="secondary">
                      {st('detail.closedBy', {
                        name: r.closedByName ?? '',
                        at: formatTime(r.closedAt, lang) ?? '',
                      })}
                    </Typography.Text>
                  </Space>
                }
              />
            ) : (
              <>
                {mayDraft ? (
                  <Alert
                    type="info"
                    showIcon
                    title={st('draft.hint')}
                    action={
                      <Button
                        icon={<NotificationOutlined />}
                        onClick={() => setDrafting(true)}
                        data-testid="preport-draft-clarification"
                      >
                        {st('draft.button')}
                      </Button>
                    }
                  />
                ) : null}
                {can('public_report.handle') ? <CloseForm report={r} /> : null}
              </>
            )}
            {unsealing ? <UnsealModal id={r.id} onClose={() => setUnsealing(false)} /> : null}
            {mayDraft ? (
              <DraftClarificationDrawer
                open={drafting}
                onClose={() => setDrafting(false)}
                organisations={organisations.data ?? []}
                publicReportIds={[r.id]}
                linked={
                  <Alert
                    type="info"
                    title={st('draft.linked', { at: formatTime(r.receivedAt, lang) ?? r.receivedAt })}
                  />
                }
                onDrafted={() => {
                  setDrafting(false)
                  navigate('/clarifications')
                }}
              />
            ) : null}
          </>
        ) : null}
      </Space>
    </Drawer>
  )
}

function CloseForm({ report }: { report: PublicReportDetail }) {
  const st = useST()
  const lang = useLang()
  const close = useClosePublicReport(report.id)
  const [form] = Form.useForm<{ feedback: string; articles: string[] }>()
  return (
    <Card size="small" title={st('close.title')} data-testid="preport-close">
      <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
        {st('close.hint')}
      </Typography.Paragraph>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ feedback: '', articles: DEFAULT_BASIS[report.category] }}
        onFinish={(v) =>
          close.mutate(
            { feedback: v.feedback.trim(), articles: v.articles },
            { onError: (e) => showFieldErrors(form, e, lang, ['feedback', 'articles']) },
          )
        }
      >
        <Form.Item
          name="feedback"
          label={st('close.feedback')}
          rules={[{ required: true, whitespace: true, message: st('close.feedbackRequired') }]}
        >
          <Input.TextArea rows={4} maxLength={2000} showCount data-testid="preport-close-feedback" />
        </Form.Item>
        <Form.Item
          name="articles"
          label={st('close.articles')}
          rules={[{ required: true, type: 'array', min: 1, message: st('close.articlesRequired') }]}
        >
          <Select
            mode="tags"
            data-testid="preport-close-articles"
            options={BASIS_OPTIONS.map((a) => ({ value: a, label: a }))}
          />
        </Form.Item>
        {close.isError ? (
          <div style={{ marginBottom: 16 }}>
            <ErrorAlert error={close.error} />
          </div>
        ) : null}
        <Button type="primary" htmlType="submit" loading={close.isPending} data-testid="preport-close-submit">
          {st('close.submit')}
        </Button>
      </Form>
    </Card>
  )
}

function UnsealModal({ id, onClose }: { id: string; onClose: () => void }) {
  const st = useST()
  const lang = useLang()
  const unseal = useUnsealIdentity(id)
  const [form] = Form.useForm<{ reason: string }>()
  const [opened, setOpened] = useState<UnsealedIdentity | null>(null)
  return (
    <Modal
      open
      title={st('unseal.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={
        opened ? null : (
          <Button
            type="primary"
            danger
            loading={unseal.isPending}
            data-testid="preport-unseal-submit"
            onClick={() => form.submit()}
          >
            {st('unseal.submit')}
          </Button>
        )
      }
    >
      {opened ? (
        <Descriptions
          size="small"
          bordered
          column={1}
          data-testid="preport-unsealed"
          items={[
            {
              key: 'name',
              label: st('unseal.name'),
              children: (
                <span data-testid="preport-unsealed-name">{opened.name ?? st('unseal.notGiven')}</span>
              ),
            },
            {
              key: 'contact',
              label: st('unseal.contact'),
              children: (
                <span data-testid="preport-unsealed-contact">{opened.contact ?? st('unseal.notGiven')}</span>
              ),
            },
          ]}
        />
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="warning" showIcon title={st('unseal.warning')} />
          <Form
            form={form}
            layout="vertical"
            onFinish={(v) =>
              unseal.mutate(v.reason.trim(), {
                onSuccess: setOpened,
                onError: (e) => showFieldErrors(form, e, lang, ['reason']),
              })
            }
          >
            <Form.Item
              name="reason"
              label={st('unseal.reason')}
              rules={[{ required: true, whitespace: true, message: st('unseal.reasonRequired') }]}
            >
              <Input.TextArea rows={3} maxLength={500} showCount data-testid="preport-unseal-reason" />
            </Form.Item>
          </Form>
          {unseal.isError ? <ErrorAlert error={unseal.error} /> : null}
        </Space>
      )}
    </Modal>
  )
}

/**
 * Routing (分派, A5.2): the organisation the rules name for the report's category and county, and the button that
 * routes it there and opens its case; then a link to that case.
 */
function RouteCard({
  report,
  countyName,
}: {
  report: PublicReportDetail
  countyName: (code: string | null) => string | null
}) {
  const ct = useCT()
  const lang = useLang()
  const { message } = App.useApp()
  const route = useRoutePublicReport(report.id)
  const routed = route.data
  const preview = useRoutePreview(report.id, report.status === 'received' && !routed)
  const to = preview.data
  return (
    <Card size="small" title={ct('route.title')} data-testid="preport-route">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {preview.isError ? <ErrorAlert error={preview.error} onRetry={() => preview.refetch()} /> : null}
        {to ? (
          <Space orientation="vertical" size={2}>
            <Typography.Text type="secondary">{ct('route.proposed')}</Typography.Text>
            <Typography.Text strong style={{ fontSize: 16 }} data-testid="preport-route-to">
              {pick(lang, to.organisationNameZh, to.organisationNameEn)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="preport-route-why">
              {to.joinsCase
                ? ct('route.joins', { number: to.joinsCase.number })
                : ct('route.rule', {
                    category: pick(lang, report.categoryZh, report.categoryEn),
                    scope: countyName(report.countyCode) ?? ct('cityWide'),
                  })}
            </Typography.Text>
          </Space>
        ) : null}
        <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginBottom: 0 }}>
          {to?.joinsCase ? ct('route.joinsHint') : ct('route.hint')}
        </Typography.Paragraph>
        {route.isError ? <ErrorAlert error={route.error} /> : null}
        {routed ? (
          <Link to={`/cases?case=${encodeURIComponent(routed.id)}`} data-testid="preport-route-case">
            {ct('route.openCase', { number: routed.number })}
          </Link>
        ) : (
          <Button
            type="primary"
            icon={<BranchesOutlined />}
            loading={route.isPending}
            disabled={!to}
            data-testid="preport-route-submit"
            onClick={() =>
              route.mutate(undefined, {
                onSuccess: (c) => message.success(ct('route.done', { number: c.number })),
              })
            }
          >
            {to?.joinsCase ? ct('route.submitJoin') : ct('route.submit')}
          </Button>
        )}
      </Space>
    </Card>
  )
}

/** Where a routed report went: the organisation handling it and its case (a link when the caller sees the case). */
function CaseOfReport({ report }: { report: PublicReportView }) {
  const ct = useCT()
  const lang = useLang()
  const organisations = useOrganisations()
  const cases = useCases({})
  const org = organisations.data?.find((o) => o.id === report.routedOrganisationId)
  const c = report.caseId ? cases.data?.find((x) => x.id === report.caseId) : undefined
  if (!report.caseId && !org) return null
  return (
    <Card size="small" title={ct('route.case')}>
      <Space orientation="vertical" size={2}>
        {org ? (
          <Typography.Text data-testid="preport-routed-to">
            {ct('route.routedTo', { name: pick(lang, org.nameZh, org.nameEn) })}
          </Typography.Text>
        ) : null}
        {c ? (
          <>
            <Link to={`/cases?case=${encodeURIComponent(c.id)}`} data-testid="preport-case-link">
              {ct('route.openCase', { number: c.number })}
            </Link>
            <Typography.Text type="secondary">{c.title}</Typography.Text>
          </>
        ) : null}
      </Space>
    </Card>
  )
}
