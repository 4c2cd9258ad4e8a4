// The user's appeals (A15, A13.3): which item, which decision, why they appealed, and the outcome with its reason
// once someone other than who decided has looked at it again.
import { Alert, Card, Empty, List, Space, Tag, Typography } from 'antd'
import { useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { AppealStatusTag, decisionKindKey } from '../../portal/appealUi.tsx'
import { useMyAppeals, useMyContent } from '../../portal/portalApi.ts'
import { usePortalTitle } from '../../portal/portalUi.tsx'
import { RequireUser } from '../../portal/userSession.tsx'

export default function MyAppealsScreen() {
  return (
    <RequireUser>
      <MyAppeals />
    </RequireUser>
  )
}

function MyAppeals() {
  const t = useT()
  const lang = useLang()
  const appeals = useMyAppeals()
  const mine = useMyContent()
  const texts = new Map((mine.data ?? []).map((i) => [i.id, i]))
  usePortalTitle(t('appeal.mine'))
  return (
    <Card title={t('appeal.mine')} loading={appeals.isPending} data-testid="my-appeals">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('appeal.mineIntro')}
        </Typography.Paragraph>
        {appeals.isError ? <ErrorAlert error={appeals.error} onRetry={() => appeals.refetch()} /> : null}
        {appeals.data && appeals.data.length === 0 ? <Empty description={t('appeal.empty')} /> : null}
        {appeals.data && appeals.data.length > 0 ? (
          <List
            itemLayout="vertical"
            dataSource={appeals.data}
            rowKey="id"
            renderItem={(a) => {
              const item = texts.get(a.itemId)
              return (
                <List.Item data-testid={`my-appeal-${a.id}`} data-item={a.itemId} data-status={a.status}>
                  <Space orientation="vertical" size={6} style={{ width: '100%' }}>
                    <Space size={8} wrap>
                      <AppealStatusTag status={a.status} />
                      <Tag>{t(decisionKindKey(a.decisionKind))}</Tag>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {t('appeal.filedAt', { at: formatTime(a.createdAt, lang) ?? '' })}
                      </Typography.Text>
                    </Space>
                    <Typography.Paragraph
                      type="secondary"
                      ellipsis={{ rows: 2 }}
                      style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}
                    >
                      {item?.text || t('appeal.removedText')}
                    </Typography.Paragraph>
                    <Typography.Text>{t('appeal.yourReason', { reason: a.reason })}</Typography.Text>
                    {a.status !== 'open' ? (
                      <Alert
                        type={a.status === 'upheld' ? 'success' : 'info'}
                        showIcon
                        data-testid="appeal-outcome"
                        title={t(
                          a.status === 'upheld' ? 'appeal.outcome.upheld' : 'appeal.outcome.dismissed',
                          {
                            at: formatTime(a.decidedAt, lang) ?? '',
                          },
                        )}
                        description={
                          a.outcomeReason ? t('appeal.outcomeReason', { reason: a.outcomeReason }) : null
                        }
                      />
                    ) : null}
                  </Space>
                </List.Item>
              )
            }}
          />
        ) : null}
      </Space>
    </Card>
  )
}
