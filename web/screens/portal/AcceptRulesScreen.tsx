// Accepting the rules (A13.1): every document in force the user has not accepted, in full, each with its own
// "I have read and accept". What is sent is exactly the versions shown; if a newer one appeared meanwhile the
// server refuses (RULES_OUTDATED), and the page loads the new text and asks again.
import { Alert, App, Button, Card, Checkbox, Result, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import { ApiError } from '../../app/api.ts'
import { useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { useAcceptRules, usePendingRules } from '../../portal/portalApi.ts'
import { usePortalTitle } from '../../portal/portalUi.tsx'
import { RequireUser } from '../../portal/userSession.tsx'
import { RuleBody, ruleKindKey, ruleTitle } from '../rules/rulesUi.tsx'

export default function AcceptRulesScreen() {
  return (
    <RequireUser>
      <Accept />
    </RequireUser>
  )
}

function Accept() {
  const t = useT()
  const lang = useLang()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const pending = usePendingRules()
  const accept = useAcceptRules()
  // The version of each document the user ticked: a newer version of it is not ticked.
  const [ticked, setTicked] = useState<Record<string, number>>({})
  const [outdated, setOutdated] = useState(false)
  usePortalTitle(t('portal.accept.title'))

  const docs = pending.data ?? []
  const allTicked = docs.length > 0 && docs.every((d) => ticked[d.kind] === d.version)

  const submit = () => {
    setOutdated(false)
    accept.mutate(
      { documents: docs.map((d) => ({ kind: d.kind, version: d.version })) },
      {
        onSuccess: (answer) => {
          if (answer.pending.length === 0) {
            message.success(t('portal.accept.done'))
            navigate('/u/me')
          }
        },
        onError: (e) => {
          if (e instanceof ApiError && e.code === 'RULES_OUTDATED') {
            setOutdated(true)
            setTicked({})
            void pending.refetch()
          }
        },
      },
    )
  }

  if (pending.isError) return <ErrorAlert error={pending.error} onRetry={() => pending.refetch()} />
  if (pending.isPending) return <Card loading />
  if (docs.length === 0) {
    return (
      <Result
        status="success"
        data-testid="portal-accept-none"
        title={t('portal.accept.none')}
        subTitle={t('portal.rules.acceptedDetail')}
        extra={
          <Link to="/u/me">
            <Button type="primary">{t('portal.nav.me')}</Button>
          </Link>
        }
      />
    )
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="portal-accept">
      <Card>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {t('portal.accept.title')}
        </Typography.Title>
        <Typography.Paragraph style={{ margin: 0 }}>{t('portal.accept.intro')}</Typography.Paragraph>
      </Card>
      {outdated ? (
        <Alert
          type="warning"
          showIcon
          closable
          data-testid="portal-accept-outdated"
          title={t('portal.accept.outdated')}
        />
      ) : null}
      {accept.isError && !outdated ? <ErrorAlert error={accept.error} /> : null}
      {docs.map((d) => (
        <Card
          key={`${d.kind}/${d.version}`}
          title={
            <Space size={8} wrap>
              <span>{ruleTitle(d, lang)}</span>
              <Tag>{t(ruleKindKey(d.kind))}</Tag>
              <Tag color="blue">{t('rules.versionN', { v: d.version })}</Tag>
            </Space>
          }
          extra={
            <Typography.Text type="secondary">
              {t('rules.publishedAt', { at: formatTime(d.publishedAt, lang) ?? '' })}
            </Typography.Text>
          }
        >
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Typography.Text type="secondary">
              {t('rules.changeNote')}: {d.changeNote}
            </Typography.Text>
            <RuleBody doc={d} maxHeight={280} testId={`portal-accept-body-${d.kind}`} />
            <Checkbox
              checked={ticked[d.kind] === d.version}
              onChange={(e) =>
                setTicked((prev) => {
                  const next = { ...prev }
                  if (e.target.checked) next[d.kind] = d.version
                  else delete next[d.kind]
                  return next
                })
              }
              data-testid={`portal-accept-${d.kind}`}
            >
              {t('portal.accept.checkbox', { title: ruleTitle(d, lang) })}
            </Checkbox>
          </Space>
        </Card>
      ))}
      <Card>
        <Space wrap>
          <Button
            type="primary"
            size="large"
            disabled={!allTicked}
            loading={accept.isPending}
            onClick={submit}
            data-testid="portal-accept-submit"
          >
            {t('portal.accept.submit', { n: docs.length })}
          </Button>
          {allTicked ? null : (
            <Typography.Text type="secondary">{t('portal.accept.tickAll')}</Typography.Text>
          )}
        </Space>
      </Card>
    </Space>
  )
}
