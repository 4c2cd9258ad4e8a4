// One version of one rule document, in full, with the list of its versions. Public. `/u/rules/:kind` shows the
// version in force.
import { Alert, Card, Col, List, Row, Space, Tag, Typography } from 'antd'
import { Link, useParams } from 'react-router'
import type { RuleDocument, RuleKind } from '../../api/types.ts'
import { useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { PortalNotFound, usePortalTitle } from '../../portal/portalUi.tsx'
import { isRuleKind, useRuleDocument, useRuleVersions } from '../rules/rulesApi.ts'
import { portalRulePath, RuleBody, ruleKindKey, ruleTitle } from '../rules/rulesUi.tsx'

export default function RuleDocScreen() {
  const params = useParams()
  const kind = params.kind
  const version = params.version === undefined ? null : Number(params.version)
  if (!isRuleKind(kind) || (version !== null && !(Number.isInteger(version) && version >= 1))) {
    return <PortalNotFound />
  }
  return <RuleDoc kind={kind} version={version} />
}

function RuleDoc({ kind, version }: { kind: RuleKind; version: number | null }) {
  const t = useT()
  const versions = useRuleVersions(kind)
  const current = versions.data?.[0]
  const shown = version ?? current?.version
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={17}>
        {shown !== undefined ? (
          <VersionCard kind={kind} version={shown} current={current} />
        ) : versions.isError ? (
          <ErrorAlert error={versions.error} onRetry={() => versions.refetch()} />
        ) : versions.data ? (
          <PortalNotFound />
        ) : (
          <Card loading />
        )}
      </Col>
      <Col xs={24} lg={7}>
        <Card title={t('rules.versions')} size="small">
          <List
            data-testid="portal-rule-versions"
            loading={versions.isPending}
            dataSource={versions.data ?? []}
            renderItem={(d) => (
              <List.Item key={d.version}>
                <Space orientation="vertical" size={0}>
                  <Space size={6}>
                    {d.version === shown ? (
                      <Typography.Text strong>{t('rules.versionN', { v: d.version })}</Typography.Text>
                    ) : (
                      <Link to={portalRulePath(d)} data-testid={`portal-rule-version-${d.version}`}>
                        {t('rules.versionN', { v: d.version })}
                      </Link>
                    )}
                    {d.version === current?.version ? <Tag color="green">{t('rules.inForce')}</Tag> : null}
                  </Space>
                  <VersionMeta doc={d} />
                </Space>
              </List.Item>
            )}
          />
        </Card>
        <div style={{ marginTop: 12 }}>
          <Link to="/u/rules">← {t('portal.rules.all')}</Link>
        </div>
      </Col>
    </Row>
  )
}

function VersionMeta({ doc }: { doc: RuleDocument }) {
  const lang = useLang()
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {formatTime(doc.publishedAt, lang)} · {doc.changeNote}
    </Typography.Text>
  )
}

function VersionCard({
  kind,
  version,
  current,
}: {
  kind: RuleKind
  version: number
  current: RuleDocument | undefined
}) {
  const t = useT()
  const lang = useLang()
  const doc = useRuleDocument(kind, version)
  const d = doc.data
  usePortalTitle(d ? ruleTitle(d, lang) : t(ruleKindKey(kind)))
  if (doc.isError) return <ErrorAlert error={doc.error} onRetry={() => doc.refetch()} />
  return (
    <Card loading={doc.isPending} data-testid="portal-rule">
      {d ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="portal-rule-title">
            {ruleTitle(d, lang)}
          </Typography.Title>
          <Space size={8} wrap>
            <Tag>{t(ruleKindKey(d.kind))}</Tag>
            <Tag color="blue">{t('rules.versionN', { v: d.version })}</Tag>
            {current?.version === d.version ? <Tag color="green">{t('rules.inForce')}</Tag> : null}
            <Typography.Text type="secondary">
              {t('rules.publishedAt', { at: formatTime(d.publishedAt, lang) ?? '' })}
            </Typography.Text>
          </Space>
          {current && current.version !== d.version ? (
            <Alert
              type="warning"
              showIcon
              title={t('portal.rules.superseded', { v: current.version })}
              action={<Link to={portalRulePath(current)}>{t('portal.rules.readCurrent')}</Link>}
            />
          ) : null}
          <Typography.Text type="secondary">
            {t('rules.changeNote')}: {d.changeNote}
          </Typography.Text>
          <RuleBody doc={d} testId="portal-rule-body" />
        </Space>
      ) : null}
    </Card>
  )
}
