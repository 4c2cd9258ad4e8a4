// Pieces shared by the referrals list and drawer: the stage tag and the next deadline.
import { Space, Tag, Typography } from 'antd'
import type { ReferralView } from './referralsApi.ts'
import { known, type RTranslate, useRT } from './strings.ts'

export function StatusTag({ r }: { r: ReferralView }) {
  const rt = useRT()
  const k = known('status', r.status)
  const color = r.closedAt ? 'default' : r.deadline?.overdue ? 'red' : 'blue'
  return (
    <Tag color={color} data-testid={`referral-status-${r.id}`} data-status={r.status}>
      {k ? rt(k) : r.status}
    </Tag>
  )
}

export function DeadlineText({ r, rt }: { r: ReferralView; rt: RTranslate }) {
  if (!r.deadline) return <Typography.Text type="secondary">—</Typography.Text>
  const d = r.deadline
  return (
    <Space size={4} wrap>
      {d.window ? <Typography.Text type="secondary">{rt('window')}</Typography.Text> : null}
      <Typography.Text type={d.overdue ? 'danger' : undefined} style={{ whiteSpace: 'nowrap' }}>
        {rt('dueOn', { date: d.dueOn })}
      </Typography.Text>
      {d.overdue ? <Tag color="red">{rt('overdue')}</Tag> : null}
    </Space>
  )
}
