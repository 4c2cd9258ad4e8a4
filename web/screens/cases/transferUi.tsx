// A transfer of a case between regions (跨区域移交, A5.1) as the case drawer and the transfers tab show it: which way,
// the peer node, its status, the reason, the answer and the case number it got there; and the materials that travel
// with a case (the public reports' descriptions, the consultations).
import { Descriptions, Space, Tag, Typography } from 'antd'
import type { CaseTransferView, TransferMaterials } from '../../api/types.ts'
import { useLang } from '../../app/i18n.ts'
import { formatTime } from '../../app/ui.tsx'
import { type CKey, useCT } from './strings.ts'

const STATUS: Record<CaseTransferView['status'], { color: string; key: CKey }> = {
  pending: { color: 'warning', key: 'transfers.pending' },
  accepted: { color: 'success', key: 'transfers.accepted' },
  refused: { color: 'error', key: 'transfers.refused' },
}

export function TransferStatusTag({ t }: { t: CaseTransferView }) {
  const ct = useCT()
  const s = STATUS[t.status]
  return (
    <Tag
      color={s.color}
      data-testid={`transfer-status-${t.id}`}
      data-status={t.status}
      style={{ marginInlineEnd: 0 }}
    >
      {ct(s.key)}
    </Tag>
  )
}

/** Direction, peer, status, reason, who sent and answered it, the answer and the peer's case number. */
export function TransferFacts({ t }: { t: CaseTransferView }) {
  const ct = useCT()
  const lang = useLang()
  return (
    <Space orientation="vertical" size={2} style={{ width: '100%' }} data-testid={`transfer-${t.id}`}>
      <Space wrap size={6}>
        <Tag color={t.direction === 'outgoing' ? 'purple' : 'cyan'} style={{ marginInlineEnd: 0 }}>
          {ct(t.direction === 'outgoing' ? 'transfers.outgoing' : 'transfers.incoming')}
        </Tag>
        <TransferStatusTag t={t} />
        <span>{t.peerNameZh}</span>
        <Typography.Text code>{t.peerNodeId}</Typography.Text>
      </Space>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
        {t.reason}
      </Typography.Paragraph>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {ct('transfers.sentBy', { name: t.sentByName, at: formatTime(t.sentAt, lang) ?? '' })}
      </Typography.Text>
      {t.answeredAt ? (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {ct('transfers.answeredBy', {
            name: t.answeredByName ?? '',
            at: formatTime(t.answeredAt, lang) ?? '',
          })}
        </Typography.Text>
      ) : null}
      {t.answerReason ? (
        <span>
          {ct('transfers.answer')}：{t.answerReason}
        </span>
      ) : null}
      {t.peerCaseNumber ? (
        <span data-testid={`transfer-peer-case-${t.id}`}>
          {ct(t.direction === 'outgoing' ? 'transfers.peerCase' : 'transfers.ourCase')}：
          <Typography.Text strong>{t.peerCaseNumber}</Typography.Text>
        </span>
      ) : null}
    </Space>
  )
}

/** What travelled with the case: the public reports' descriptions, the consultations on file. */
export function MaterialsView({ m }: { m: TransferMaterials }) {
  const ct = useCT()
  const lang = useLang()
  if (m.publicReports.length === 0 && m.consultations.length === 0) {
    return <Typography.Text type="secondary">{ct('transfers.noMaterials')}</Typography.Text>
  }
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      styles={{ label: { width: 100 } }}
      items={[
        ...(m.publicReports.length > 0
          ? [
              {
                key: 'reports',
                label: ct('transfers.reports'),
                children: (
                  <Space orientation="vertical" size={6}>
                    {m.publicReports.map((r) => (
                      <Space
                        key={`${r.receivedAt}-${r.description.slice(0, 20)}`}
                        orientation="vertical"
                        size={0}
                      >
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {r.platform} · {formatTime(r.receivedAt, lang)}
                        </Typography.Text>
                        <span style={{ whiteSpace: 'pre-wrap' }}>{r.description}</span>
                      </Space>
                    ))}
                  </Space>
                ),
              },
            ]
          : []),
        ...(m.consultations.length > 0
          ? [
              {
                key: 'consultations',
                label: ct('transfers.consultations'),
                children: (
                  <Space orientation="vertical" size={6}>
                    {m.consultations.map((c) => (
                      <Space
                        key={`${c.heldOn}-${c.conclusions.slice(0, 20)}`}
                        orientation="vertical"
                        size={0}
                      >
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {c.heldOn} · {c.participants.join('、')}
                        </Typography.Text>
                        <span style={{ whiteSpace: 'pre-wrap' }}>{c.conclusions}</span>
                      </Space>
                    ))}
                  </Space>
                ),
              },
            ]
          : []),
      ]}
    />
  )
}
