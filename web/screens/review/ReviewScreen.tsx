// The review queue (A12.1): held items, oldest first, with the reasons they were held and their deadline (overdue
// in red). With `review.act` a reviewer claims an item, then approves it, rejects it or publishes it with the
// fiction label, giving a reason; a claim or decision someone else made first is said plainly. A click on an item
// opens its history from the ledger.
import {
  Alert,
  Button,
  Card,
  Drawer,
  Input,
  Segmented,
  Select,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Timeline,
  Typography,
} from 'antd'
import { useState } from 'react'
import type { ContentKind, QueueItem, ReviewDecision } from '../../api/types.ts'
import { ApiError } from '../../app/api.ts'
import { type MessageKey, pick, useLang, useT } from '../../app/i18n.ts'
import { useCan, useMe } from '../../app/session.tsx'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import {
  FalseLabelTag,
  FictionTag,
  KindTag,
  ReasonTags,
  RestrictionTag,
  StatusTag,
} from '../../portal/contentUi.tsx'
import {
  type QueueOrder,
  REASON_MAX,
  REASON_MIN,
  useBulkDecide,
  useClaim,
  useDecide,
  useEscalate,
  useReviewHistory,
  useReviewQueue,
  useTemplates,
} from './reviewApi.ts'

const KINDS: readonly ContentKind[] = ['post', 'comment', 'reply', 'danmaku']
/** The three decisions, as buttons: approve is the primary action, reject the dangerous one. */
const DECISIONS: readonly { decision: ReviewDecision; props: { type?: 'primary'; danger?: boolean } }[] = [
  { decision: 'approve', props: { type: 'primary' } },
  { decision: 'reject', props: { danger: true } },
  { decision: 'label', props: {} },
]

export default function ReviewScreen() {
  const t = useT()
  const lang = useLang()
  const can = useCan()
  const me = useMe()
  const act = can('review.act')
  const [kind, setKind] = useState<ContentKind | null>(null)
  const [order, setOrder] = useState<QueueOrder>('risk')
  const [reason, setReason] = useState('')
  const [open, setOpen] = useState<string | null>(null)
  const [selected, setSelected] = useState<string[]>([])
  const queue = useReviewQueue(kind, order)
  const templates = useTemplates()
  const claim = useClaim()
  const decide = useDecide()
  const escalate = useEscalate()
  const bulk = useBulkDecide()
  const [done, setDone] = useState<{ id: string; decision: ReviewDecision | 'escalate' } | null>(null)
  const reasonOk = reason.trim().length >= REASON_MIN

  const mine = (q: QueueItem) => q.claimLive && q.claimedBy === me.staff.id
  const doDecide = (id: string, decision: ReviewDecision) =>
    decide.mutate(
      { id, body: { decision, reason: reason.trim() } },
      {
        onSuccess: () => {
          setDone({ id, decision })
          setReason('')
        },
      },
    )

  const columns: TableColumnsType<QueueItem> = [
    {
      title: t('review.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (k: ContentKind) => <KindTag kind={k} />,
    },
    {
      title: t('review.text'),
      dataIndex: 'text',
      key: 'text',
      render: (text: string, q) => (
        <Button
          type="link"
          style={{ padding: 0, height: 'auto', textAlign: 'left', whiteSpace: 'normal' }}
          onClick={() => setOpen(q.id)}
          data-testid={`review-open-${q.id}`}
        >
          {text.length > 60 ? `${text.slice(0, 60)}…` : text}
        </Button>
      ),
    },
    { title: t('review.author'), dataIndex: 'authorName', key: 'author' },
    {
      title: t('review.risk'),
      dataIndex: 'risk',
      key: 'risk',
      render: (risk: number, q) => (
        <Space size={2} orientation="vertical" data-testid={`review-risk-${q.id}`}>
          <span>{Math.round(risk)}</span>
          {q.escalatedAt ? (
            <Tag
              color="magenta"
              title={t('review.escalatedBy', { name: q.escalatedBy ?? '', note: q.escalationNote ?? '' })}
            >
              {t('review.escalated')}
            </Tag>
          ) : null}
          {q.patrolRunId ? <Tag color="purple">{t('review.patrolHit')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('review.reasons'),
      dataIndex: 'reasons',
      key: 'reasons',
      render: (_: unknown, q) => <ReasonTags reasons={q.reasons} />,
    },
    {
      title: t('review.deadline'),
      dataIndex: 'deadline',
      key: 'deadline',
      render: (d: string, q) => (
        <Typography.Text
          type={q.overdue ? 'danger' : undefined}
          strong={q.overdue}
          data-testid={`review-deadline-${q.id}`}
          data-overdue={q.overdue ? 'true' : 'false'}
        >
          {formatTime(d, lang)}
          {q.overdue ? ` · ${t('review.overdue')}` : ''}
        </Typography.Text>
      ),
    },
    {
      title: t('review.claimedBy'),
      dataIndex: 'claimedByName',
      key: 'claimedBy',
      render: (name: string | null, q) =>
        q.claimLive && name ? (
          <Tag color={mine(q) ? 'blue' : 'orange'} data-testid={`review-claimed-${q.id}`}>
            {name}
            {mine(q) ? t('common.you') : ''}
          </Tag>
        ) : (
          t('common.none')
        ),
    },
    ...(act
      ? [
          {
            title: t('common.actions'),
            key: 'actions',
            render: (_: unknown, q: QueueItem) =>
              mine(q) ? (
                <Space size={4} wrap>
                  {DECISIONS.map(({ decision, props }) => (
                    <Button
                      key={decision}
                      size="small"
                      {...props}
                      disabled={!reasonOk}
                      loading={
                        decide.isPending &&
                        decide.variables?.id === q.id &&
                        decide.variables.body.decision === decision
                      }
                      onClick={() => doDecide(q.id, decision)}
                      data-testid={`review-${decision}-${q.id}`}
                    >
                      {t(`review.${decision}`)}
                    </Button>
                  ))}
                  {q.escalatedAt ? null : (
                    <Button
                      size="small"
                      type="dashed"
                      disabled={!reasonOk}
                      loading={escalate.isPending && escalate.variables?.id === q.id}
                      onClick={() =>
                        escalate.mutate(
                          { id: q.id, note: reason.trim() },
                          {
                            onSuccess: () => {
                              setDone({ id: q.id, decision: 'escalate' })
                              setReason('')
                            },
                          },
                        )
                      }
                      data-testid={`review-escalate-${q.id}`}
                    >
                      {t('review.escalate')}
                    </Button>
                  )}
                </Space>
              ) : (
                <Button
                  size="small"
                  loading={claim.isPending && claim.variables === q.id}
                  onClick={() => claim.mutate(q.id)}
                  data-testid={`review-claim-${q.id}`}
                >
                  {t('review.claim')}
                </Button>
              ),
          },
        ]
      : []),
  ]

  const failure = claim.error ?? decide.error ?? escalate.error ?? bulk.error
  const doBulk = (decision: 'approve' | 'reject') =>
    bulk.mutate({ ids: selected, decision, reason: reason.trim() }, { onSuccess: () => setSelected([]) })
  return (
    <Card title={t('review.title')}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('review.intro')}
        </Typography.Paragraph>
        <Space size={12} wrap>
          <Segmented
            data-testid="review-kind"
            value={kind ?? 'all'}
            onChange={(v) => setKind(v === 'all' ? null : (v as ContentKind))}
            options={[
              { value: 'all', label: t('review.allKinds') },
              ...KINDS.map((k) => ({ value: k, label: t(`content.kind.${k}` as MessageKey) })),
            ]}
          />
          <Segmented
            data-testid="review-order"
            value={order}
            onChange={(v) => setOrder(v as QueueOrder)}
            options={[
              { value: 'risk', label: t('review.order.risk') },
              { value: 'age', label: t('review.order.age') },
            ]}
          />
          {act ? (
            <Select
              style={{ width: 260 }}
              placeholder={t('review.template')}
              value={null}
              data-testid="review-template"
              onChange={(key: string) => {
                const tpl = templates.data?.find((x) => x.key === key)
                if (tpl) setReason(`${pick(lang, tpl.zh, tpl.en)}（${tpl.articles.join('、')}）`)
              }}
              options={(templates.data ?? []).map((x) => ({
                value: x.key,
                label: `${t(`review.${x.decision}` as MessageKey)} · ${pick(lang, x.zh, x.en)}`,
              }))}
            />
          ) : null}
          {act ? (
            <Input
              style={{ width: 360 }}
              value={reason}
              maxLength={REASON_MAX}
              onChange={(e) => setReason(e.target.value)}
              placeholder={t('review.reasonPlaceholder')}
              data-testid="review-reason"
            />
          ) : null}
        </Space>
        {failure ? <DecisionError error={failure} /> : null}
        {done && !failure ? (
          <Alert
            type="success"
            showIcon
            closable
            onClose={() => setDone(null)}
            data-testid="review-done"
            title={t(`review.done.${done.decision}` as MessageKey)}
          />
        ) : null}
        {bulk.data ? (
          <Alert
            type={bulk.data.refused > 0 ? 'warning' : 'success'}
            showIcon
            closable
            onClose={() => bulk.reset()}
            data-testid="review-bulk-done"
            title={t('review.bulkDone', { ok: bulk.data.decided, refused: bulk.data.refused })}
            description={bulk.data.results
              .filter((r) => !r.ok)
              .map((r) => `${r.id.slice(0, 8)}…: ${pick(lang, r.zh ?? '', r.en ?? '')}`)
              .join('；')}
          />
        ) : null}
        {act && selected.length > 0 ? (
          <Space data-testid="review-bulk">
            <Typography.Text>{t('review.bulk', { n: selected.length })}</Typography.Text>
            <Button
              size="small"
              type="primary"
              disabled={!reasonOk}
              loading={bulk.isPending}
              onClick={() => doBulk('approve')}
              data-testid="review-bulk-approve"
            >
              {t('review.bulkApprove')}
            </Button>
            <Button
              size="small"
              danger
              disabled={!reasonOk}
              loading={bulk.isPending}
              onClick={() => doBulk('reject')}
              data-testid="review-bulk-reject"
            >
              {t('review.bulkReject')}
            </Button>
          </Space>
        ) : null}
        {queue.isError ? <ErrorAlert error={queue.error} onRetry={() => queue.refetch()} /> : null}
        <Table<QueueItem>
          data-testid="review-queue"
          rowKey="id"
          size="middle"
          loading={queue.isPending}
          dataSource={queue.data ?? []}
          columns={columns}
          pagination={false}
          rowSelection={
            act ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined
          }
          locale={{ emptyText: t('review.empty') }}
          onRow={(q) => ({ 'data-testid': `review-row-${q.id}` }) as React.HTMLAttributes<HTMLElement>}
        />
      </Space>
      <HistoryDrawer id={open} onClose={() => setOpen(null)} />
    </Card>
  )
}

function DecisionError({ error }: { error: unknown }) {
  const t = useT()
  const lang = useLang()
  if (error instanceof ApiError && error.code === 'REVIEW_CLAIMED_BY_OTHER') {
    const who = typeof error.problem.claimedBy === 'string' ? error.problem.claimedBy : ''
    const until = typeof error.problem.until === 'string' ? (formatTime(error.problem.until, lang) ?? '') : ''
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="review-conflict"
        data-code={error.code}
        title={t('review.claimedByOther', { name: who, until })}
      />
    )
  }
  if (error instanceof ApiError && error.code === 'REVIEW_ESCALATED') {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="review-conflict"
        data-code={error.code}
        title={t('review.escalatedHint')}
      />
    )
  }
  if (error instanceof ApiError && error.code === 'REVIEW_ALREADY_DECIDED') {
    return (
      <Alert
        type="warning"
        showIcon
        data-testid="review-conflict"
        data-code={error.code}
        title={t('review.alreadyDecided')}
      />
    )
  }
  return <ErrorAlert error={error} />
}

function HistoryDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const t = useT()
  const lang = useLang()
  const history = useReviewHistory(id)
  const item = history.data?.item
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={560}
      title={t('review.history')}
      data-testid="review-drawer"
      destroyOnHidden
    >
      {history.isError ? <ErrorAlert error={history.error} onRetry={() => history.refetch()} /> : null}
      {item ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <FalseLabelTag item={item} />
          <Space size={8} wrap>
            <StatusTag status={item.status} />
            <RestrictionTag item={item} />
            <KindTag kind={item.kind} />
            <FictionTag item={item} />
            <Typography.Text>{item.authorName}</Typography.Text>
            <Typography.Text type="secondary">{formatTime(item.createdAt, lang)}</Typography.Text>
          </Space>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{item.text}</Typography.Paragraph>
          <ReasonTags reasons={item.reasons} />
          <Typography.Text type="secondary">
            {t('review.ruleVersion', { v: item.ruleVersion })}
          </Typography.Text>
          <Timeline
            data-testid="review-history"
            items={(history.data?.entries ?? []).map((e, i) => ({
              key: `${e.seq ?? 'x'}-${i}`,
              content: (
                <Space orientation="vertical" size={0}>
                  <Typography.Text strong>{e.action}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatTime(e.recordedAt, lang)} · {e.actor.name}{' '}
                    {e.articles.length > 0 ? `· ${e.articles.join(', ')}` : ''}
                  </Typography.Text>
                  {typeof e.details.reason === 'string' ? <span>{e.details.reason}</span> : null}
                </Space>
              ),
            }))}
          />
        </Space>
      ) : null}
    </Drawer>
  )
}
