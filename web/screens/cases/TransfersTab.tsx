// 跨区域移交 (A5.1): cases handed between this node and other regions' regulator nodes, as the city CAC sees them.
// Incoming transfers awaiting an answer come first, each with what travelled with it (the public reports'
// descriptions, the consultations) and, for those who manage cases, 接收 (a lead organisation and a note, both
// optional) and 拒收 (a reason, required); then the incoming ones answered, and the outgoing ones with their status.
// Anyone but the CAC is told that transfers are the CAC's (the server gives them an empty list).
import { Alert, Button, Card, Empty, List, Space, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import type { CaseTransferView } from '../../api/types.ts'
import { useCan, useMe } from '../../app/session.tsx'
import { ErrorAlert } from '../../app/ui.tsx'
import { AcceptTransferModal, RefuseTransferModal } from './caseForms.tsx'
import { useCaseTransfers } from './casesApi.ts'
import { useCT } from './strings.ts'
import { MaterialsView, TransferFacts } from './transferUi.tsx'

export function TransfersTab() {
  const ct = useCT()
  const can = useCan()
  const me = useMe()
  const incoming = useCaseTransfers({ direction: 'incoming' })
  const outgoing = useCaseTransfers({ direction: 'outgoing' })
  const [answering, setAnswering] = useState<{ t: CaseTransferView; how: 'accept' | 'refuse' } | null>(null)
  const pending = (incoming.data ?? []).filter((t) => t.status === 'pending')
  const answered = (incoming.data ?? []).filter((t) => t.status !== 'pending')
  const manage = can('case.manage')

  const header = (t: CaseTransferView) => (
    <Space wrap size={6}>
      <Typography.Text strong>{t.title}</Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t.direction === 'incoming'
          ? ct('transfers.from', { peer: t.peerNameZh, number: t.caseNumber })
          : t.caseNumber}
      </Typography.Text>
    </Space>
  )

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="case-transfers">
      <Alert type="info" showIcon title={ct('transfers.intro')} />
      {me.organisation.kind !== 'cac' ? (
        <Alert type="warning" showIcon title={ct('transfers.notCac')} data-testid="case-transfers-not-cac" />
      ) : null}
      {incoming.isError ? <ErrorAlert error={incoming.error} onRetry={() => incoming.refetch()} /> : null}
      {outgoing.isError ? <ErrorAlert error={outgoing.error} onRetry={() => outgoing.refetch()} /> : null}
      <Card size="small" title={`${ct('transfers.incomingPending')} (${pending.length})`}>
        <List
          data-testid="case-transfers-incoming-pending"
          loading={incoming.isPending}
          dataSource={pending}
          locale={{ emptyText: <Empty description={ct('transfers.empty')} /> }}
          renderItem={(t) => (
            <List.Item
              data-testid={`transfer-row-${t.id}`}
              actions={
                manage
                  ? [
                      <Button
                        key="accept"
                        type="primary"
                        size="small"
                        onClick={() => setAnswering({ t, how: 'accept' })}
                        data-testid={`transfer-accept-${t.id}`}
                      >
                        {ct('transfers.accept')}
                      </Button>,
                      <Button
                        key="refuse"
                        danger
                        size="small"
                        onClick={() => setAnswering({ t, how: 'refuse' })}
                        data-testid={`transfer-refuse-${t.id}`}
                      >
                        {ct('transfers.refuse')}
                      </Button>,
                    ]
                  : []
              }
            >
              <Space orientation="vertical" size={8} style={{ width: '100%' }}>
                {header(t)}
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                  {t.summary}
                </Typography.Paragraph>
                <TransferFacts t={t} />
                <Typography.Text strong>{ct('transfers.materials')}</Typography.Text>
                <MaterialsView m={t.materials} />
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card size="small" title={`${ct('transfers.outgoingList')} (${outgoing.data?.length ?? 0})`}>
        <List
          data-testid="case-transfers-outgoing"
          loading={outgoing.isPending}
          dataSource={outgoing.data ?? []}
          locale={{ emptyText: <Empty description={ct('transfers.empty')} /> }}
          renderItem={(t) => (
            <List.Item data-testid={`transfer-row-${t.id}`}>
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                {t.caseId ? (
                  <Link to={`/cases?case=${encodeURIComponent(t.caseId)}`}>{header(t)}</Link>
                ) : (
                  header(t)
                )}
                <TransferFacts t={t} />
              </Space>
            </List.Item>
          )}
        />
      </Card>
      {answered.length > 0 ? (
        <Card size="small" title={`${ct('transfers.incomingDone')} (${answered.length})`}>
          <List
            data-testid="case-transfers-incoming-done"
            dataSource={answered}
            renderItem={(t) => (
              <List.Item data-testid={`transfer-row-${t.id}`}>
                <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                  {t.caseId ? (
                    <Link to={`/cases?case=${encodeURIComponent(t.caseId)}`}>{header(t)}</Link>
                  ) : (
                    header(t)
                  )}
                  <TransferFacts t={t} />
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      {answering?.how === 'accept' ? (
        <AcceptTransferModal t={answering.t} onClose={() => setAnswering(null)} />
      ) : null}
      {answering?.how === 'refuse' ? (
        <RefuseTransferModal t={answering.t} onClose={() => setAnswering(null)} />
      ) : null}
    </Space>
  )
}
