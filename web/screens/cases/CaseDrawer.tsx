// One case in a drawer: what it is about, who leads it and who joined, the supervision deadline in working days, its
// escalation, the consultations on file, the public reports, clarifications and platform reports linked to it, and
// the conclusion once closed. Below, the acts the caller may take on an open case, each in a small form: add a
// department (joint enforcement), record a consultation, set or change the deadline (supervisors), take a county's
// case to the city (that county's office only), close it.
import {
  ApartmentOutlined,
  ArrowUpOutlined,
  CheckOutlined,
  FieldTimeOutlined,
  NodeIndexOutlined,
  SoundOutlined,
  TeamOutlined,
} from '@ant-design/icons'
import { Alert, Button, Card, Descriptions, Drawer, List, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { Link } from 'react-router'
import type { CaseDetail } from '../../api/types.ts'
import { pick, useLang } from '../../app/i18n.ts'
import { useCan, useMe } from '../../app/session.tsx'
import { ErrorAlert, formatTime, shortHash } from '../../app/ui.tsx'
import { BulletinDrawer } from '../bulletins/BulletinDrawer.tsx'
import { useBulletins } from '../bulletins/bulletinsApi.ts'
import { ReadCountTag, UnreadTag } from '../bulletins/bulletinUi.tsx'
import { IssueBulletinDrawer } from '../bulletins/IssueBulletinDrawer.tsx'
import { useBT } from '../bulletins/strings.ts'
import {
  AddDepartmentModal,
  CloseCaseModal,
  ConsultationModal,
  DeadlineModal,
  EscalateModal,
  TransferModal,
} from './caseForms.tsx'
import { useCase } from './casesApi.ts'
import {
  CaseStatusTag,
  DueSoonTag,
  deadlineDay,
  leadName,
  useCountyNames,
  WorkingDaysLeft,
} from './caseUi.tsx'
import { useCT } from './strings.ts'
import { TransferFacts } from './transferUi.tsx'

type Act = 'department' | 'consultation' | 'deadline' | 'escalate' | 'close' | 'transfer' | 'bulletin'

export function CaseDrawer({ id, onClose }: { id: string; onClose: () => void }) {
  const ct = useCT()
  const lang = useLang()
  const one = useCase(id)
  const c = one.data
  const [act, setAct] = useState<Act | null>(null)
  const [bulletin, setBulletin] = useState<string | null>(null)

  return (
    <Drawer
      open
      size={780}
      onClose={onClose}
      destroyOnHidden
      title={c ? ct('detail.title', { number: c.number }) : ''}
      data-testid="case-drawer"
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="case-detail">
        {one.isError ? <ErrorAlert error={one.error} onRetry={() => one.refetch()} /> : null}
        {c ? (
          <>
            <CaseActions c={c} onAct={setAct} />
            <CaseFacts c={c} />
            <Card size="small" title={ct('detail.departments')}>
              <List
                size="small"
                data-testid="case-departments"
                dataSource={c.departments}
                renderItem={(d) => (
                  <List.Item
                    data-testid={`case-department-${d.key}`}
                    data-role={d.role}
                    extra={
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {ct('detail.addedAt', { at: formatTime(d.addedAt, lang) ?? '' })}
                      </Typography.Text>
                    }
                  >
                    <Space>
                      <Tag color={d.role === 'lead' ? 'volcano' : 'blue'}>
                        {ct(d.role === 'lead' ? 'detail.lead' : 'detail.joint')}
                      </Tag>
                      {pick(lang, d.nameZh, d.nameEn)}
                    </Space>
                  </List.Item>
                )}
              />
            </Card>
            <Card size="small" title={`${ct('detail.consultations')} (${c.consultations.length})`}>
              {c.consultations.length === 0 ? (
                <Typography.Text type="secondary">{ct('detail.noConsultations')}</Typography.Text>
              ) : (
                <List
                  size="small"
                  data-testid="case-consultations"
                  dataSource={c.consultations}
                  renderItem={(m) => (
                    <List.Item data-testid={`case-consultation-${m.id}`}>
                      <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                        <Space wrap size={4}>
                          <Typography.Text strong>{m.heldOn}</Typography.Text>
                          {m.participants.map((p) => (
                            <Tag key={p.organisationId}>{p.nameZh}</Tag>
                          ))}
                        </Space>
                        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
                          {m.conclusions}
                        </Typography.Paragraph>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {ct('detail.consultationBy', {
                            name: m.recordedByName,
                            at: formatTime(m.recordedAt, lang) ?? '',
                          })}
                        </Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </Card>
            <CaseLinks c={c} />
            <CaseBulletins c={c} onOpen={setBulletin} />
            <CaseTransfers c={c} />
            {c.status === 'closed' ? (
              <Alert
                type="success"
                showIcon
                title={ct('detail.closed')}
                data-testid="case-conclusion"
                description={
                  <Space orientation="vertical" size={4}>
                    <span style={{ whiteSpace: 'pre-wrap' }}>{c.conclusion}</span>
                    <span>
                      {ct('detail.basis')}：
                      {c.conclusionArticles.map((a) => (
                        <Tag key={a}>{a}</Tag>
                      ))}
                    </span>
                    <Typography.Text type="secondary">
                      {ct('detail.closedBy', {
                        name: c.closedByName ?? '',
                        at: formatTime(c.closedAt, lang) ?? '',
                      })}
                    </Typography.Text>
                  </Space>
                }
              />
            ) : null}
            {act === 'department' ? <AddDepartmentModal c={c} onClose={() => setAct(null)} /> : null}
            {act === 'consultation' ? <ConsultationModal c={c} onClose={() => setAct(null)} /> : null}
            {act === 'deadline' ? <DeadlineModal c={c} onClose={() => setAct(null)} /> : null}
            {act === 'escalate' ? <EscalateModal c={c} onClose={() => setAct(null)} /> : null}
            {act === 'close' ? <CloseCaseModal c={c} onClose={() => setAct(null)} /> : null}
            {act === 'transfer' ? <TransferModal c={c} onClose={() => setAct(null)} /> : null}
            {act === 'bulletin' ? (
              <IssueBulletinDrawer
                caseId={c.id}
                onClose={() => setAct(null)}
                onIssued={(b) => {
                  setAct(null)
                  setBulletin(b.id)
                }}
              />
            ) : null}
            {bulletin ? <BulletinDrawer id={bulletin} onClose={() => setBulletin(null)} /> : null}
          </>
        ) : null}
      </Space>
    </Drawer>
  )
}

/** The acts open to the caller: on an open case all those their permissions allow; on any case, a bulletin. */
function CaseActions({ c, onAct }: { c: CaseDetail; onAct: (a: Act) => void }) {
  const ct = useCT()
  const can = useCan()
  const me = useMe()
  const manage = can('case.manage')
  const open = c.status === 'open'
  // Only the office of the case's own county takes it to the city (A4), and only once.
  const mayEscalate =
    open &&
    manage &&
    !c.escalated &&
    c.countyCode !== null &&
    me.organisation.kind === 'county' &&
    me.organisation.divisionCode === c.countyCode
  const supervise = open && can('case.supervise')
  // Cross-region transfer is the city CAC's coordination (A5.1): the server refuses anyone else.
  const mayTransfer = open && manage && me.organisation.kind === 'cac'
  if (!manage && !supervise) return null
  return (
    <Space wrap data-testid="case-actions">
      {manage && open ? (
        <>
          <Button
            icon={<ApartmentOutlined />}
            onClick={() => onAct('department')}
            data-testid="case-add-department"
          >
            {ct('action.addDepartment')}
          </Button>
          <Button
            icon={<TeamOutlined />}
            onClick={() => onAct('consultation')}
            data-testid="case-consultation"
          >
            {ct('action.consultation')}
          </Button>
        </>
      ) : null}
      {supervise ? (
        <Button icon={<FieldTimeOutlined />} onClick={() => onAct('deadline')} data-testid="case-deadline">
          {ct(c.deadlineAt === null ? 'action.deadline' : 'action.deadlineChange')}
        </Button>
      ) : null}
      {mayEscalate ? (
        <Button icon={<ArrowUpOutlined />} onClick={() => onAct('escalate')} data-testid="case-escalate">
          {ct('action.escalate')}
        </Button>
      ) : null}
      {manage ? (
        <Button icon={<SoundOutlined />} onClick={() => onAct('bulletin')} data-testid="case-bulletin">
          {ct('action.bulletin')}
        </Button>
      ) : null}
      {mayTransfer ? (
        <Button icon={<NodeIndexOutlined />} onClick={() => onAct('transfer')} data-testid="case-transfer">
          {ct('action.transfer')}
        </Button>
      ) : null}
      {manage && open ? (
        <Button icon={<CheckOutlined />} onClick={() => onAct('close')} data-testid="case-close">
          {ct('action.close')}
        </Button>
      ) : null}
    </Space>
  )
}

/** The bulletins about this case that the caller's organisation may see; one opens in its own drawer. */
function CaseBulletins({ c, onOpen }: { c: CaseDetail; onOpen: (id: string) => void }) {
  const bt = useBT()
  const lang = useLang()
  const list = useBulletins({ caseId: c.id })
  const items = list.data ?? []
  return (
    <Card size="small" title={`${bt('case.bulletins')} (${items.length})`} data-testid="case-bulletins">
      {list.isError ? <ErrorAlert error={list.error} onRetry={() => list.refetch()} /> : null}
      {list.isSuccess && items.length === 0 ? (
        <Typography.Text type="secondary">{bt('case.noBulletins')}</Typography.Text>
      ) : (
        <List
          size="small"
          loading={list.isPending}
          dataSource={items}
          renderItem={(b) => (
            <List.Item
              data-testid={`case-bulletin-${b.id}`}
              style={{ cursor: 'pointer' }}
              onClick={() => onOpen(b.id)}
              extra={<ReadCountTag b={b} testId={`case-bulletin-read-count-${b.id}`} />}
            >
              <Space orientation="vertical" size={0}>
                <Space size={6} wrap>
                  <Typography.Text strong>{b.number}</Typography.Text>
                  <span>{b.title}</span>
                  <UnreadTag b={b} />
                </Space>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {b.issuingNameZh} · {formatTime(b.issuedAt, lang)}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  )
}

/** The case's transfers to and from other regions' regulators, newest first as the server gives them. */
function CaseTransfers({ c }: { c: CaseDetail }) {
  const ct = useCT()
  if (c.transfers.length === 0) return null
  return (
    <Card
      size="small"
      title={`${ct('transfers.case')} (${c.transfers.length})`}
      data-testid="case-drawer-transfers"
    >
      <List
        size="small"
        dataSource={c.transfers}
        renderItem={(t) => (
          <List.Item>
            <TransferFacts t={t} />
          </List.Item>
        )}
      />
    </Card>
  )
}

function CaseFacts({ c }: { c: CaseDetail }) {
  const ct = useCT()
  const lang = useLang()
  const { countyName } = useCountyNames()
  return (
    <Descriptions
      size="small"
      bordered
      column={1}
      styles={{ label: { width: 120 } }}
      data-testid="case-facts"
      items={[
        {
          key: 'status',
          label: ct('col.status'),
          children: (
            <Space size={4} data-testid="case-drawer-status" data-status={c.status}>
              <CaseStatusTag status={c.status} />
              <DueSoonTag c={c} testId="case-drawer-due-soon" />
              {c.escalated ? <Tag color="volcano">{ct('escalated')}</Tag> : null}
            </Space>
          ),
        },
        { key: 'title', label: ct('col.title'), children: c.title },
        {
          key: 'summary',
          label: ct('detail.summary'),
          children: (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
              {c.summary}
            </Typography.Paragraph>
          ),
        },
        {
          key: 'lead',
          label: ct('col.lead'),
          children: <span data-testid="case-drawer-lead">{leadName(c, lang)}</span>,
        },
        { key: 'county', label: ct('col.county'), children: countyName(c.countyCode) ?? ct('cityWide') },
        {
          key: 'opened',
          label: ct('detail.opened'),
          children: ct('detail.openedBy', { name: c.openedByName, at: formatTime(c.openedAt, lang) ?? '' }),
        },
        {
          key: 'deadline',
          label: ct('detail.deadline'),
          children:
            c.deadlineAt !== null && c.deadlineDays !== null ? (
              <Space orientation="vertical" size={2}>
                <span data-testid="case-drawer-deadline" data-days={c.deadlineDays}>
                  {ct('detail.deadlineAt', {
                    days: ct('deadline.days', { n: c.deadlineDays }),
                    at: deadlineDay(c.deadlineAt, lang),
                  })}
                </span>
                <WorkingDaysLeft c={c} testId="case-drawer-left" />
              </Space>
            ) : (
              <Typography.Text type="secondary">{ct('noDeadline')}</Typography.Text>
            ),
        },
        ...(c.escalated
          ? [
              {
                key: 'escalation',
                label: ct('detail.escalation'),
                children: (
                  <span data-testid="case-drawer-escalation">
                    {ct('detail.escalatedAt', {
                      at: formatTime(c.escalatedAt, lang) ?? '',
                      reason: c.escalationReason ?? '',
                    })}
                  </span>
                ),
              },
            ]
          : []),
      ]}
    />
  )
}

/** The records a case rests on, each a link to its own page where the caller may read it. */
function CaseLinks({ c }: { c: CaseDetail }) {
  const ct = useCT()
  const can = useCan()
  const groups = [
    {
      key: 'publicReports',
      label: ct('detail.publicReports'),
      ids: c.publicReportIds,
      href: can('public_report.read')
        ? (id: string) => `/public-reports?report=${encodeURIComponent(id)}`
        : null,
    },
    {
      key: 'clarifications',
      label: ct('detail.clarifications'),
      ids: c.clarificationIds,
      href: can('clarification.read') ? () => '/clarifications' : null,
    },
    {
      key: 'platformReports',
      label: ct('detail.platformReports'),
      ids: c.platformReportIds,
      href: can('platform_report.read')
        ? (id: string) => `/platform-reports?report=${encodeURIComponent(id)}`
        : null,
    },
  ].filter((g) => g.ids.length > 0)
  return (
    <Card size="small" title={ct('detail.links')} data-testid="case-links">
      {groups.length === 0 ? (
        <Typography.Text type="secondary">{ct('detail.noLinks')}</Typography.Text>
      ) : (
        <Descriptions
          size="small"
          column={1}
          items={groups.map((g) => ({
            key: g.key,
            label: g.label,
            children: (
              <Space wrap size={4} data-testid={`case-links-${g.key}`}>
                {g.ids.map((id) =>
                  g.href ? (
                    <Link key={id} to={g.href(id)} data-testid={`case-link-${id}`}>
                      <Typography.Text code>{shortHash(id)}</Typography.Text>
                    </Link>
                  ) : (
                    <Typography.Text key={id} code>
                      {shortHash(id)}
                    </Typography.Text>
                  ),
                )}
              </Space>
            ),
          }))}
        />
      )}
    </Card>
  )
}
