// Clarifications (辟谣管理, A7), regulator only: every clarification, drafts included, by status — who drafted,
// co-signed and approved it, when it was published, how long from the first report, and what each platform did
// (acted or still waiting, items stopped, time to act). With `clarification.draft` one drafts and, for the
// department asked, co-signs; with `clarification.approve` one approves what someone else drafted and publishes it.
// A row opens the clarification in a drawer.
import { ExportOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Segmented, Space, Table, type TableColumnsType, Typography } from 'antd'
import { type ReactNode, useState } from 'react'
import type { ClarificationView } from '../../api/types.ts'
import { useLang, useT } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { ClarificationDrawer } from './ClarificationDrawer.tsx'
import { type ClarificationStatus, useClarifications } from './clarificationsApi.ts'
import {
  ClarificationStatusTag,
  DeliveriesSummary,
  durationText,
  StepButtons,
  useNames,
  useViewer,
  VerdictTag,
} from './clarificationUi.tsx'
import { DraftClarificationDrawer } from './DraftClarificationDrawer.tsx'

const EXCERPT = 40

const excerpt = (text: string) => (text.length > EXCERPT ? `${text.slice(0, EXCERPT)}…` : text)

export default function ClarificationsScreen() {
  const t = useT()
  const lang = useLang()
  const can = useCan()
  const viewer = useViewer()
  const names = useNames()
  const [status, setStatus] = useState<ClarificationStatus | null>(null)
  const [open, setOpen] = useState<string | null>(null)
  const [drafting, setDrafting] = useState(false)
  const [refusal, setRefusal] = useState<unknown>(null)
  const list = useClarifications(status)

  const columns: TableColumnsType<ClarificationView> = [
    {
      title: t('common.status'),
      key: 'status',
      width: 120,
      render: (_: unknown, c) => (
        <Space orientation="vertical" size={2}>
          <ClarificationStatusTag status={c.status} testId={`clarification-status-${c.id}`} />
          {c.publishedAt ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }} title={c.publishedAt}>
              {formatTime(c.publishedAt, lang)}
            </Typography.Text>
          ) : null}
        </Space>
      ),
    },
    {
      title: t('clarifications.col.clarification'),
      key: 'clarification',
      width: 280,
      render: (_: unknown, c) => (
        <Space orientation="vertical" size={2}>
          <Button
            type="link"
            style={{ padding: 0, height: 'auto', textAlign: 'left', whiteSpace: 'normal' }}
            onClick={() => setOpen(c.id)}
            data-testid={`clarification-open-${c.id}`}
          >
            {c.title}
          </Button>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} title={c.claim}>
            <VerdictTag verdict={c.verdict} />
            {excerpt(c.claim)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('clarifications.detail.signatures'),
      key: 'signatures',
      width: 230,
      render: (_: unknown, c) => (
        <Space orientation="vertical" size={2} style={{ fontSize: 12 }}>
          <Signed label={t('clarifications.col.drafted')}>
            {names.orgName(c.authorOrgId)} · {c.draftedByName}
          </Signed>
          <Signed label={t('clarifications.col.cosign')} testId={`clarification-cosigner-${c.id}`}>
            {c.cosignOrgId === null ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('clarifications.cosign.none')}
              </Typography.Text>
            ) : (
              <>
                {names.orgName(c.cosignOrgId)} ·{' '}
                <Typography.Text type={c.cosignedByName ? undefined : 'warning'} style={{ fontSize: 12 }}>
                  {c.cosignedByName ?? t('clarifications.cosign.waiting')}
                </Typography.Text>
              </>
            )}
          </Signed>
          <Signed label={t('clarifications.col.approved')} testId={`clarification-approved-${c.id}`}>
            {c.approvedByName ?? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('clarifications.approve.waiting')}
              </Typography.Text>
            )}
          </Signed>
        </Space>
      ),
    },
    {
      title: t('clarifications.col.reportToClarification'),
      key: 'reportToClarification',
      width: 110,
      render: (_: unknown, c) => (
        <span style={{ whiteSpace: 'nowrap' }} data-testid={`clarification-report-to-${c.id}`}>
          {durationText(c.reportToClarificationMs, t) ?? t('common.none')}
        </span>
      ),
    },
    {
      title: t('clarifications.col.deliveries'),
      key: 'deliveries',
      render: (_: unknown, c) => <DeliveriesSummary c={c} />,
    },
    ...(can('clarification.draft') || can('clarification.approve')
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            fixed: 'end' as const,
            render: (_: unknown, c: ClarificationView) => (
              <StepButtons
                c={c}
                viewer={viewer}
                cosignOrgName={names.orgName(c.cosignOrgId)}
                onRefused={setRefusal}
              />
            ),
          },
        ]
      : []),
  ]

  return (
    <Card
      title={t('clarifications.title')}
      extra={
        <Space>
          <Button
            icon={<ExportOutlined />}
            href="/p/clarifications"
            target="_blank"
            rel="noopener noreferrer"
            data-testid="clarifications-public-link"
          >
            {t('clarifications.publicPage')}
          </Button>
          {can('clarification.draft') ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDrafting(true)}
              data-testid="clarification-new"
            >
              {t('clarifications.new')}
            </Button>
          ) : null}
        </Space>
      }
    >
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('clarifications.intro')} />
        <Segmented<ClarificationStatus | 'all'>
          data-testid="clarifications-filter"
          value={status ?? 'all'}
          onChange={(v) => setStatus(v === 'all' ? null : v)}
          options={[
            { value: 'all', label: t('clarifications.filter.all') },
            { value: 'draft', label: t('clarifications.status.draft') },
            { value: 'approved', label: t('clarifications.status.approved') },
            { value: 'published', label: t('clarifications.status.published') },
          ]}
        />
        {refusal ? <ErrorAlert error={refusal} /> : null}
        {list.isError ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
        <Table<ClarificationView>
          data-testid="clarifications"
          rowKey="id"
          size="middle"
          loading={list.isPending}
          dataSource={list.data ?? []}
          columns={columns}
          scroll={{ x: 'max-content' }}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          locale={{ emptyText: t('clarifications.empty') }}
          onRow={(c) =>
            ({
              'data-testid': `clarification-row-${c.id}`,
              'data-status': c.status,
            }) as React.HTMLAttributes<HTMLElement>
          }
        />
      </Space>
      {can('clarification.draft') ? (
        <DraftClarificationDrawer
          open={drafting}
          onClose={() => setDrafting(false)}
          organisations={names.organisations}
          onDrafted={(id) => {
            setDrafting(false)
            setStatus(null)
            setOpen(id)
          }}
        />
      ) : null}
      {open ? <ClarificationDrawer id={open} names={names} onClose={() => setOpen(null)} /> : null}
    </Card>
  )
}

/** One signature in the list: the step, then who (or what is still awaited). */
function Signed({ label, testId, children }: { label: string; testId?: string; children: ReactNode }) {
  return (
    <span data-testid={testId} style={{ fontSize: 12 }}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {label}
      </Typography.Text>{' '}
      {children}
    </span>
  )
}
