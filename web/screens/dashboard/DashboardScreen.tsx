// Who this node is, who is signed in, and how many organisations and staff it holds when the person may see them.
import { Card, Col, Descriptions, Row, Space, Statistic, Tag, Typography } from 'antd'
import type { OrganisationKind } from '../../api/types.ts'
import { useLang, useT } from '../../app/i18n.ts'
import { useNode, useOrganisations, useStaffList } from '../../app/queries.ts'
import { useCan, useMe } from '../../app/session.tsx'
import { BilingualName, ErrorAlert, formatTime, KIND_ORDER, OrgKindTag, RoleTags } from '../../app/ui.tsx'

export default function DashboardScreen() {
  const t = useT()
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <NodeCard />
      </Col>
      <Col xs={24} xl={12}>
        <MeCard />
      </Col>
      <Col xs={24}>
        <Card title={t('dashboard.counts')} data-testid="dashboard-counts">
          <Counts />
        </Card>
      </Col>
    </Row>
  )
}

function NodeCard() {
  const t = useT()
  const node = useNode()
  return (
    <Card title={t('dashboard.node')} loading={node.isPending} data-testid="dashboard-node">
      {node.isError ? <ErrorAlert error={node.error} onRetry={() => node.refetch()} /> : null}
      {node.data ? (
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('dashboard.nodeId')}>
            <Typography.Text code copyable>
              {node.data.nodeId}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('dashboard.nodeKind')}>
            <Space>
              <Tag color={node.data.role === 'regulator' ? 'volcano' : 'green'}>
                {t(`node.kind.${node.data.role}`)}
              </Tag>
              {node.data.demo ? <Tag color="orange">{t('dashboard.demo')}</Tag> : null}
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={t('dashboard.nodeName')}>
            <BilingualName zh={node.data.nameZh} en={node.data.nameEn} />
          </Descriptions.Item>
          <Descriptions.Item label={t('dashboard.version')}>{node.data.version}</Descriptions.Item>
        </Descriptions>
      ) : null}
    </Card>
  )
}

function MeCard() {
  const t = useT()
  const lang = useLang()
  const me = useMe()
  const org = me.organisation
  return (
    <Card title={t('dashboard.me')} data-testid="dashboard-me">
      <Descriptions column={1} size="small">
        <Descriptions.Item label={t('dashboard.displayName')}>{me.staff.displayName}</Descriptions.Item>
        <Descriptions.Item label={t('dashboard.login')}>
          <Typography.Text code>{me.staff.login}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('dashboard.organisation')}>
          <BilingualName zh={org.nameZh} en={org.nameEn} />
        </Descriptions.Item>
        <Descriptions.Item label={t('dashboard.organisationKind')}>
          <Space>
            <OrgKindTag kind={org.kind} />
            {org.divisionCode ? <Typography.Text type="secondary">{org.divisionCode}</Typography.Text> : null}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('dashboard.roles')}>
          <RoleTags roles={me.staff.roles} />
        </Descriptions.Item>
        <Descriptions.Item label={t('dashboard.permissions')}>
          <Space size={[0, 4]} wrap>
            {me.permissions.map((p) => (
              <Tag key={p}>{p}</Tag>
            ))}
          </Space>
        </Descriptions.Item>
        <Descriptions.Item label={t('dashboard.lastLogin')}>
          {formatTime(me.staff.lastLoginAt, lang) ?? t('common.none')}
        </Descriptions.Item>
      </Descriptions>
    </Card>
  )
}

function Counts() {
  const t = useT()
  const can = useCan()
  const mayOrgs = can('organisation.read')
  const mayStaff = can('staff.read')
  const orgs = useOrganisations(mayOrgs)
  const staff = useStaffList(mayStaff)

  if (!mayOrgs && !mayStaff)
    return <Typography.Text type="secondary">{t('dashboard.noCounts')}</Typography.Text>

  return (
    <Row gutter={[24, 16]}>
      {mayOrgs ? (
        <Col xs={24} md={12}>
          {orgs.isError ? (
            <ErrorAlert error={orgs.error} onRetry={() => orgs.refetch()} />
          ) : (
            <Space orientation="vertical">
              <Statistic
                title={t('dashboard.organisationCount')}
                value={orgs.data?.length ?? 0}
                loading={orgs.isPending}
                data-testid="count-organisations"
              />
              {orgs.data ? (
                <Space size={[0, 4]} wrap>
                  {KIND_ORDER.map((kind) => {
                    const n = orgs.data.filter((o) => o.kind === kind).length
                    return n > 0 ? <KindCount key={kind} kind={kind} n={n} /> : null
                  })}
                </Space>
              ) : null}
            </Space>
          )}
        </Col>
      ) : null}
      {mayStaff ? (
        <Col xs={24} md={12}>
          {staff.isError ? (
            <ErrorAlert error={staff.error} onRetry={() => staff.refetch()} />
          ) : (
            <Space orientation="vertical">
              <Statistic
                title={t('dashboard.staffCount')}
                value={staff.data?.length ?? 0}
                loading={staff.isPending}
                data-testid="count-staff"
              />
              {staff.data ? (
                <Typography.Text type="secondary">
                  {t('dashboard.staffActive', {
                    active: staff.data.filter((s) => !s.disabled).length,
                    disabled: staff.data.filter((s) => s.disabled).length,
                  })}
                </Typography.Text>
              ) : null}
            </Space>
          )}
        </Col>
      ) : null}
    </Row>
  )
}

function KindCount({ kind, n }: { kind: OrganisationKind; n: number }) {
  return (
    <span>
      <OrgKindTag kind={kind} />
      <span style={{ marginInlineEnd: 12 }}>{n}</span>
    </span>
  )
}
