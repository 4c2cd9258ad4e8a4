// The user's own page: the display name, then what stands between them and publishing — real identity (A13.2) and
// the rules to accept (A13.1) — their items with what became of them (a disposal's label and restriction, A16) and
// the appeal entry where a decision went against one (A15), and their credit (A13.3): score, tier, what the tier
// allows, why the score moved, and what every tier means. Links lead to their reports and appeals.
import {
  AuditOutlined,
  CheckCircleFilled,
  FileProtectOutlined,
  FlagOutlined,
  IdcardOutlined,
  SafetyCertificateOutlined,
  SettingOutlined,
  WarningFilled,
} from '@ant-design/icons'
import { Alert, Button, Card, Col, Empty, List, Row, Space, Statistic, Tag, Typography } from 'antd'
import type { ReactNode } from 'react'
import { Link, useLocation } from 'react-router'
import { pick, useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { AppealEntry } from '../../portal/appealUi.tsx'
import {
  FalseLabelTag,
  FictionTag,
  KindTag,
  ReasonTags,
  RestrictionTag,
  StatusTag,
} from '../../portal/contentUi.tsx'
import {
  useMarkNoticesRead,
  useMyAppeals,
  useMyContent,
  useMyCredit,
  useMyNotices,
  usePendingRules,
} from '../../portal/portalApi.ts'
import { type MeLocationState, usePortalTitle } from '../../portal/portalUi.tsx'
import { RequireUser, useUser } from '../../portal/userSession.tsx'
import {
  CapabilitiesView,
  HistoryTable,
  policyVersionLabel,
  signed,
  TiersTable,
  TierTag,
} from '../credit/creditUi.tsx'
import { useRT } from '../recommendation/strings.ts'
import { portalRulePath, ruleTitle } from '../rules/rulesUi.tsx'

export default function MeScreen() {
  return (
    <RequireUser>
      <Me />
    </RequireUser>
  )
}

function Me() {
  const t = useT()
  const rt = useRT()
  const lang = useLang()
  const me = useUser()
  const location = useLocation()
  const done = (location.state as MeLocationState | null)?.identityDone
  usePortalTitle(t('portal.me.title'))

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="portal-me">
      {done ? (
        <Alert
          type="success"
          showIcon
          closable
          data-testid="portal-identity-done"
          title={t('portal.identity.done', {
            delta: signed(done.delta),
            score: done.score,
            tier: pick(lang, done.tier.zh, done.tier.en),
          })}
        />
      ) : null}
      <Card>
        <Space orientation="vertical" size={4}>
          <Typography.Text type="secondary">{t('portal.me.hello')}</Typography.Text>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="portal-me-name">
            {me.user.displayName}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t('portal.me.since', { at: formatTime(me.user.createdAt, lang) ?? '' })} ·{' '}
            {t('portal.displayName.hint')}
          </Typography.Text>
          <Space size={16} wrap style={{ marginTop: 8 }}>
            <Link to="/u/me/reports" data-testid="me-reports-link">
              <FlagOutlined /> {t('portal.nav.myReports')}
            </Link>
            <Link to="/u/me/appeals" data-testid="me-appeals-link">
              <AuditOutlined /> {t('appeal.mine')}
            </Link>
            <Link to="/u/me/recommendation" data-testid="me-recommendation-link">
              <SettingOutlined /> {rt('feed.settings')}
            </Link>
            <Link to="/u/report-guide">{t('reportGuide.title')}</Link>
          </Space>
        </Space>
      </Card>
      <StatusCard />
      <NoticesCard />
      <MyContentCard />
      <CreditCard />
    </Space>
  )
}

function StatusRow({
  icon,
  title,
  status,
  children,
  action,
}: {
  icon: ReactNode
  title: string
  status: ReactNode
  children?: ReactNode
  action?: ReactNode
}) {
  return (
    <List.Item actions={action ? [action] : undefined}>
      <List.Item.Meta
        avatar={<span style={{ fontSize: 24 }}>{icon}</span>}
        title={
          <Space size={8} wrap>
            <span>{title}</span>
            {status}
          </Space>
        }
        description={children}
      />
    </List.Item>
  )
}

function StatusCard() {
  const t = useT()
  const lang = useLang()
  const me = useUser()
  const pending = usePendingRules()
  const credit = useMyCredit()
  const docs = pending.data ?? []
  const verified = me.identityVerified

  return (
    <Card title={t('portal.me.status')}>
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {verified ? null : (
          <Alert
            type="warning"
            showIcon
            data-testid="portal-identity-needed"
            title={<strong>{t('portal.identity.neededTitle')}</strong>}
            description={t('portal.identity.neededDetail')}
            action={
              <Link to="/u/identity" data-testid="portal-identity-link">
                <Button type="primary">{t('portal.identity.go')}</Button>
              </Link>
            }
          />
        )}
        <List itemLayout="horizontal">
          <StatusRow
            icon={<IdcardOutlined />}
            title={t('portal.identity.title')}
            status={
              <Tag
                color={verified ? 'success' : 'warning'}
                icon={verified ? <CheckCircleFilled /> : <WarningFilled />}
                data-testid="portal-identity-status"
                data-state={verified ? 'verified' : 'unverified'}
              >
                {t(verified ? 'portal.identity.verified' : 'portal.identity.unverified')}
              </Tag>
            }
            action={
              verified ? null : (
                <Link to="/u/identity">
                  <Button size="small">{t('portal.identity.go')}</Button>
                </Link>
              )
            }
          >
            {t(verified ? 'portal.identity.verifiedDetail' : 'portal.identity.unverifiedDetail')}
          </StatusRow>
          <StatusRow
            icon={<FileProtectOutlined />}
            title={t('portal.rules.title')}
            status={
              pending.data ? (
                <Tag
                  color={docs.length === 0 ? 'success' : 'warning'}
                  data-testid="portal-rules-pending"
                  data-count={docs.length}
                >
                  {docs.length === 0
                    ? t('portal.rules.allAccepted')
                    : t('portal.rules.pendingCount', { n: docs.length })}
                </Tag>
              ) : null
            }
            action={
              docs.length > 0 ? (
                <Link to="/u/rules/accept" data-testid="portal-accept-link">
                  <Button size="small" type="primary">
                    {t('portal.rules.readAndAccept')}
                  </Button>
                </Link>
              ) : null
            }
          >
            {pending.isError ? (
              <ErrorAlert error={pending.error} onRetry={() => pending.refetch()} />
            ) : docs.length > 0 ? (
              <Space orientation="vertical" size={2}>
                <span>{t('portal.rules.pendingDetail')}</span>
                {docs.map((d) => (
                  <Link key={d.kind} to={portalRulePath(d)}>
                    {t('rules.docRef', { title: ruleTitle(d, lang), v: d.version })}
                  </Link>
                ))}
              </Space>
            ) : (
              t('portal.rules.acceptedDetail')
            )}
          </StatusRow>
          <StatusRow
            icon={<SafetyCertificateOutlined />}
            title={t('portal.credit.title')}
            status={
              credit.data ? (
                <Space size={8}>
                  <Typography.Text strong>{credit.data.score}</Typography.Text>
                  <TierTag tier={credit.data.tier} tiers={credit.data.tiers} />
                </Space>
              ) : null
            }
          >
            {credit.data ? pick(lang, credit.data.tier.descriptionZh, credit.data.tier.descriptionEn) : null}
          </StatusRow>
        </List>
      </Space>
    </Card>
  )
}

function CreditCard() {
  const t = useT()
  const lang = useLang()
  const credit = useMyCredit()
  const c = credit.data
  return (
    <Card title={t('portal.credit.title')} loading={credit.isPending} data-testid="portal-credit">
      {credit.isError ? <ErrorAlert error={credit.error} onRetry={() => credit.refetch()} /> : null}
      {c ? (
        <Space orientation="vertical" size={20} style={{ width: '100%' }}>
          <Row gutter={[24, 16]}>
            <Col xs={24} sm={8}>
              <Statistic
                title={t('credit.score')}
                value={c.score}
                valueRender={() => <span data-testid="portal-credit-score">{c.score}</span>}
              />
            </Col>
            <Col xs={24} sm={16}>
              <Space orientation="vertical" size={8}>
                <Space size={8} wrap>
                  <Typography.Text type="secondary">{t('credit.tier')}</Typography.Text>
                  <TierTag tier={c.tier} tiers={c.tiers} testId="portal-credit-tier" />
                  <Typography.Text type="secondary">
                    {pick(lang, c.tier.descriptionZh, c.tier.descriptionEn)}
                  </Typography.Text>
                </Space>
                <CapabilitiesView capabilities={c.capabilities} testId="portal-credit-capabilities" />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('portal.credit.policy', { version: policyVersionLabel(c.policyVersion, t) })}
                </Typography.Text>
              </Space>
            </Col>
          </Row>
          <div>
            <Typography.Title level={5}>{t('portal.credit.history')}</Typography.Title>
            <HistoryTable history={c.history} testId="portal-credit-history" />
          </div>
          <div>
            <Typography.Title level={5}>{t('portal.credit.tiers')}</Typography.Title>
            <Typography.Paragraph type="secondary">{t('portal.credit.tiersIntro')}</Typography.Paragraph>
            <TiersTable tiers={c.tiers} current={c.tier.key} testId="portal-credit-tiers" />
          </div>
        </Space>
      ) : null}
    </Card>
  )
}

function NoticesCard() {
  const t = useT()
  const lang = useLang()
  const notices = useMyNotices()
  const markRead = useMarkNoticesRead()
  const unread = notices.data?.unread ?? 0
  return (
    <Card
      title={
        <Space>
          {t('portal.notices.title')}
          {unread > 0 ? <Tag color="red">{t('portal.notices.unread', { n: unread })}</Tag> : null}
        </Space>
      }
      extra={
        unread > 0 ? (
          <Button
            size="small"
            onClick={() => markRead.mutate()}
            loading={markRead.isPending}
            data-testid="notices-read"
          >
            {t('portal.notices.markRead')}
          </Button>
        ) : null
      }
      loading={notices.isPending}
      data-testid="portal-notices"
    >
      {notices.isError ? <ErrorAlert error={notices.error} onRetry={() => notices.refetch()} /> : null}
      {notices.data && notices.data.items.length === 0 ? (
        <Empty description={t('portal.notices.empty')} />
      ) : null}
      {notices.data && notices.data.items.length > 0 ? (
        <List
          dataSource={notices.data.items}
          rowKey="id"
          renderItem={(n) => (
            <List.Item data-testid={`notice-${n.kind}`} data-read={n.read ? 'true' : 'false'}>
              <Space orientation="vertical" size={2}>
                <Typography.Text strong={!n.read}>{pick(lang, n.zh, n.en)}</Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatTime(n.createdAt, lang)} · {n.articles.join('、')}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  )
}

function MyContentCard() {
  const t = useT()
  const lang = useLang()
  const mine = useMyContent()
  const appeals = useMyAppeals()
  const items = mine.data ?? []
  return (
    <Card title={t('content.mine.title')} loading={mine.isPending} data-testid="portal-my-content">
      {mine.isError ? <ErrorAlert error={mine.error} onRetry={() => mine.refetch()} /> : null}
      {mine.data && items.length === 0 ? <Empty description={t('content.mine.empty')} /> : null}
      {items.length > 0 ? (
        <List
          itemLayout="vertical"
          dataSource={items}
          rowKey="id"
          renderItem={(item) => (
            <List.Item
              data-testid={`my-content-${item.id}`}
              data-status={item.status}
              data-restriction={item.restriction ?? ''}
            >
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <FalseLabelTag item={item} />
                <Space size={8} wrap>
                  {/* a published item whose spread was stopped reads as stopped, not as published too */}
                  {item.status === 'published' && item.restriction === 'stopped' ? null : (
                    <StatusTag status={item.status} />
                  )}
                  <RestrictionTag item={item} />
                  <KindTag kind={item.kind} />
                  <FictionTag item={item} />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatTime(item.createdAt, lang)}
                  </Typography.Text>
                  {item.status === 'published' && item.restriction !== 'stopped' ? (
                    <Link to={`/u/posts/${item.postId ?? item.id}`}>{t('content.openPost')}</Link>
                  ) : null}
                  <AppealEntry item={item} appeals={appeals.data ?? []} />
                </Space>
                <Typography.Paragraph
                  style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
                  ellipsis={{ rows: 3 }}
                  type={item.status === 'removed' ? 'secondary' : undefined}
                >
                  {item.status === 'removed' && item.text === '' ? t('content.removedText') : item.text}
                </Typography.Paragraph>
                {item.status !== 'published' || item.fictionLabel ? (
                  <ReasonTags reasons={item.reasons} />
                ) : null}
                {item.decisionReason ? (
                  <Typography.Text type="secondary">
                    {t('content.mine.decisionReason', { reason: item.decisionReason })}
                  </Typography.Text>
                ) : null}
              </Space>
            </List.Item>
          )}
        />
      ) : null}
    </Card>
  )
}
