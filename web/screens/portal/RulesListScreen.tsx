// The rules and agreements in force (A13.1), public: anyone may read them before registering.
import { FileTextOutlined } from '@ant-design/icons'
import { Alert, Button, Card, List, Space, Tag, Typography } from 'antd'
import { Link } from 'react-router'
import { useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { usePendingRules } from '../../portal/portalApi.ts'
import { usePortalTitle } from '../../portal/portalUi.tsx'
import { useUserState } from '../../portal/userSession.tsx'
import { useCurrentRules } from '../rules/rulesApi.ts'
import { portalRulePath, ruleKindKey, ruleTitle } from '../rules/rulesUi.tsx'

export default function RulesListScreen() {
  const t = useT()
  const lang = useLang()
  const rules = useCurrentRules()
  const user = useUserState()
  const pending = usePendingRules(Boolean(user.data))
  const pendingKinds = new Set((pending.data ?? []).map((d) => d.kind))
  usePortalTitle(t('portal.rules.title'))

  return (
    <Card title={t('portal.rules.title')}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{t('portal.rules.intro')}</Typography.Paragraph>
        {pendingKinds.size > 0 ? (
          <Alert
            type="warning"
            showIcon
            title={t('portal.rules.pendingCount', { n: pendingKinds.size })}
            action={
              <Link to="/u/rules/accept">
                <Button type="primary" size="small">
                  {t('portal.rules.readAndAccept')}
                </Button>
              </Link>
            }
          />
        ) : null}
        {rules.isError ? <ErrorAlert error={rules.error} onRetry={() => rules.refetch()} /> : null}
        <List
          data-testid="portal-rules-list"
          loading={rules.isPending}
          dataSource={rules.data ?? []}
          locale={{ emptyText: t('rules.empty') }}
          renderItem={(doc) => (
            <List.Item
              key={doc.kind}
              data-testid={`portal-rule-${doc.kind}`}
              actions={[
                <Link key="read" to={portalRulePath(doc)}>
                  {t('portal.rules.read')}
                </Link>,
              ]}
            >
              <List.Item.Meta
                avatar={<FileTextOutlined style={{ fontSize: 22, color: '#1d6b57' }} />}
                title={
                  <Space size={8} wrap>
                    <Link to={portalRulePath(doc)}>{ruleTitle(doc, lang)}</Link>
                    <Tag>{t(ruleKindKey(doc.kind))}</Tag>
                    <Tag color="blue">{t('rules.versionN', { v: doc.version })}</Tag>
                    {pendingKinds.has(doc.kind) ? (
                      <Tag color="warning">{t('portal.rules.notAccepted')}</Tag>
                    ) : null}
                  </Space>
                }
                description={t('rules.publishedAt', { at: formatTime(doc.publishedAt, lang) ?? '' })}
              />
            </List.Item>
          )}
        />
      </Space>
    </Card>
  )
}
