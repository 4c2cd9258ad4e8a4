// Appeals (申诉处理, A15, A13.3): authors' appeals against decisions on their items, open ones oldest first, with the
// item as it is now, who appealed, which decision and why. Upheld restores the item and the credit it cost; either
// way the author is told the reason. Whoever made the decision appealed may not decide the appeal: their buttons
// are off, and the page says someone else must.
import { Alert, Button, Card, Input, List, Segmented, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import type { AppealQueueEntry } from '../../api/types.ts'
import { type MessageKey, useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { AppealStatusTag, decisionKindKey } from '../../portal/appealUi.tsx'
import { FalseLabelTag, FictionTag, KindTag, RestrictionTag, StatusTag } from '../../portal/contentUi.tsx'
import { type AppealStatus, DECISION_REASON_MAX, useAppeals, useDecideAppeal } from './appealsApi.ts'

const STATUSES: readonly AppealStatus[] = ['open', 'upheld', 'dismissed']

export default function AppealsScreen() {
  const t = useT()
  const [status, setStatus] = useState<AppealStatus>('open')
  const appeals = useAppeals(status)
  return (
    <Card title={t('appeals.title')}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('appeals.intro')}
        </Typography.Paragraph>
        <Segmented
          data-testid="appeals-status"
          value={status}
          onChange={(v) => setStatus(v as AppealStatus)}
          options={STATUSES.map((s) => ({ value: s, label: t(`appeals.tab.${s}` as MessageKey) }))}
        />
        {appeals.isError ? <ErrorAlert error={appeals.error} onRetry={() => appeals.refetch()} /> : null}
        <List
          data-testid="appeals"
          itemLayout="vertical"
          loading={appeals.isPending}
          dataSource={appeals.data ?? []}
          rowKey="id"
          locale={{ emptyText: t('appeals.empty') }}
          renderItem={(a) => <AppealRow appeal={a} />}
        />
      </Space>
    </Card>
  )
}

function AppealRow({ appeal: a }: { appeal: AppealQueueEntry }) {
  const t = useT()
  const lang = useLang()
  const decide = useDecideAppeal()
  const [reason, setReason] = useState('')
  const item = a.item
  const ok = reason.trim() !== '' && !a.ownDecision
  const send = (outcome: 'uphold' | 'dismiss') =>
    decide.mutate({ id: a.id, body: { outcome, reason: reason.trim() } }, { onSuccess: () => setReason('') })
  return (
    <List.Item data-testid={`appeal-row-${a.id}`} data-item={a.itemId} data-status={a.status}>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space size={8} wrap>
          <AppealStatusTag status={a.status} />
          <Tag>{t(decisionKindKey(a.decisionKind))}</Tag>
          <Typography.Text strong>{a.appellantName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('appeals.filed', {
              at: formatTime(a.createdAt, lang) ?? '',
              decided: formatTime(a.decisionAt, lang) ?? '',
            })}
          </Typography.Text>
        </Space>
        {item ? (
          <div style={{ padding: '8px 12px', background: 'rgba(0, 0, 0, 0.02)', borderRadius: 6 }}>
            <Space orientation="vertical" size={4} style={{ width: '100%' }}>
              <FalseLabelTag item={item} />
              <Space size={6} wrap>
                <StatusTag status={item.status} />
                <RestrictionTag item={item} />
                <KindTag kind={item.kind} />
                <FictionTag item={item} />
              </Space>
              <Typography.Paragraph
                style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
                ellipsis={{ rows: 4 }}
              >
                {item.status === 'removed' && item.text === '' ? t('content.removedText') : item.text}
              </Typography.Paragraph>
              {item.decisionReason ? (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('content.mine.decisionReason', { reason: item.decisionReason })}
                </Typography.Text>
              ) : null}
            </Space>
          </div>
        ) : null}
        <Typography.Text>{t('appeals.reason', { reason: a.reason })}</Typography.Text>
        {a.status === 'open' ? (
          <Space orientation="vertical" size={8} style={{ width: '100%' }}>
            {a.ownDecision ? (
              <Alert
                type="warning"
                showIcon
                data-testid={`appeal-own-${a.id}`}
                title={t('appeals.ownDecision')}
              />
            ) : null}
            <Space size={8} wrap>
              <Input
                style={{ width: 420 }}
                value={reason}
                maxLength={DECISION_REASON_MAX}
                disabled={a.ownDecision}
                onChange={(e) => setReason(e.target.value)}
                placeholder={t('appeals.decisionReason')}
                data-testid={`appeal-reason-${a.id}`}
              />
              <Button
                type="primary"
                disabled={!ok}
                loading={decide.isPending && decide.variables?.body.outcome === 'uphold'}
                onClick={() => send('uphold')}
                data-testid={`appeal-uphold-${a.id}`}
              >
                {t('appeals.uphold')}
              </Button>
              <Button
                danger
                disabled={!ok}
                loading={decide.isPending && decide.variables?.body.outcome === 'dismiss'}
                onClick={() => send('dismiss')}
                data-testid={`appeal-dismiss-${a.id}`}
              >
                {t('appeals.dismiss')}
              </Button>
            </Space>
            {decide.error ? <ErrorAlert error={decide.error} /> : null}
          </Space>
        ) : (
          <Alert
            type={a.status === 'upheld' ? 'success' : 'info'}
            showIcon
            data-testid={`appeal-outcome-${a.id}`}
            title={t('appeals.decidedBy', {
              name: a.decidedByName ?? '',
              at: formatTime(a.decidedAt, lang) ?? '',
            })}
            description={a.outcomeReason ? t('appeal.outcomeReason', { reason: a.outcomeReason }) : undefined}
          />
        )}
      </Space>
    </List.Item>
  )
}
