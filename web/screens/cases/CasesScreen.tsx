// 案件管理 (A4, A5.1, A5.2), regulator only, in four tabs: the cases the caller's organisation is on (all of them for
// the city CAC) with status and overdue filters, the working days left in red once a case is overdue (临期 the day
// before), and a drawer with the whole case and the acts the caller may take; the cases transferred to and from other
// regions' regulators (跨区域移交); the routing rules public reports go by (category × county →
// organisation); and the working-day calendar the supervision deadlines count on. The open tab is kept in the address
// (`?tab=rules`), and so is the open case (`?case=<id>`), so the public reports page links a routed report's case.
import { PlusOutlined } from '@ant-design/icons'
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Empty,
  Segmented,
  Space,
  Table,
  type TableColumnsType,
  Tabs,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import { useSearchParams } from 'react-router'
import type { CaseStatus, CaseView } from '../../api/types.ts'
import { useLang } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { CaseDrawer } from './CaseDrawer.tsx'
import { OpenCaseModal } from './caseForms.tsx'
import { type CaseFilter, useCases } from './casesApi.ts'
import { CaseStatusTag, DueSoonTag, leadName, useCountyNames, WorkingDaysLeft } from './caseUi.tsx'
import { RoutingRulesTab } from './RoutingRulesTab.tsx'
import { useCT } from './strings.ts'
import { TransfersTab } from './TransfersTab.tsx'
import { WorkingDaysTab } from './WorkingDaysTab.tsx'

const TABS = ['cases', 'transfers', 'rules', 'calendar'] as const
type TabKey = (typeof TABS)[number]

function isTab(s: string | null): s is TabKey {
  return (TABS as readonly (string | null)[]).includes(s)
}

export default function CasesScreen() {
  const ct = useCT()
  const [params, setParams] = useSearchParams()
  const requested = params.get('tab')
  const tab: TabKey = isTab(requested) ? requested : 'cases'
  const openTab = (key: string) => setParams(key === 'cases' ? {} : { tab: key }, { replace: true })

  return (
    <Card title={ct('title')}>
      <Tabs
        activeKey={tab}
        onChange={openTab}
        destroyOnHidden
        items={[
          {
            key: 'cases',
            label: <span data-testid="cases-tab-cases">{ct('tab.cases')}</span>,
            children: <CasesTab />,
          },
          {
            key: 'transfers',
            label: <span data-testid="cases-tab-transfers">{ct('tab.transfers')}</span>,
            children: <TransfersTab />,
          },
          {
            key: 'rules',
            label: <span data-testid="cases-tab-rules">{ct('tab.rules')}</span>,
            children: <RoutingRulesTab />,
          },
          {
            key: 'calendar',
            label: <span data-testid="cases-tab-calendar">{ct('tab.calendar')}</span>,
            children: <WorkingDaysTab />,
          },
        ]}
      />
    </Card>
  )
}

function CasesTab() {
  const ct = useCT()
  const lang = useLang()
  const can = useCan()
  const [params, setParams] = useSearchParams()
  const [status, setStatus] = useState<CaseStatus | undefined>('open')
  const [overdue, setOverdue] = useState(false)
  const [opening, setOpening] = useState(false)
  const filter: CaseFilter = { ...(status ? { status } : {}), ...(overdue ? { overdue } : {}) }
  const cases = useCases(filter)
  const { countyName } = useCountyNames()
  const openCase = params.get('case')
  const show = (id: string | null) => setParams(id ? { case: id } : {}, { replace: true })

  const columns: TableColumnsType<CaseView> = [
    {
      title: ct('col.number'),
      key: 'number',
      width: 130,
      render: (_: unknown, c) => (
        <Space orientation="vertical" size={2}>
          <Typography.Text strong style={{ whiteSpace: 'nowrap' }} data-testid={`case-number-${c.id}`}>
            {c.number}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
            {formatTime(c.openedAt, lang)}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: ct('col.title'),
      key: 'title',
      width: 340,
      render: (_: unknown, c) => (
        <Space orientation="vertical" size={2}>
          <Typography.Paragraph ellipsis={{ rows: 2, tooltip: c.title }} style={{ marginBottom: 0 }}>
            {c.title}
          </Typography.Paragraph>
          <Space size={4} wrap>
            {c.escalated ? (
              <Tag color="volcano" data-testid={`case-escalated-${c.id}`}>
                {ct('escalated')}
              </Tag>
            ) : null}
            {c.departments.length > 1 ? (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {c.departments
                  .filter((d) => d.role === 'joint')
                  .map((d) => (lang === 'zh' ? d.nameZh : d.nameEn))
                  .join('、')}
              </Typography.Text>
            ) : null}
          </Space>
        </Space>
      ),
    },
    {
      title: ct('col.lead'),
      key: 'lead',
      width: 170,
      render: (_: unknown, c) => <span data-testid={`case-lead-${c.id}`}>{leadName(c, lang)}</span>,
    },
    {
      title: ct('col.county'),
      key: 'county',
      width: 110,
      render: (_: unknown, c) => countyName(c.countyCode) ?? ct('cityWide'),
    },
    {
      title: ct('col.deadline'),
      key: 'deadline',
      width: 160,
      render: (_: unknown, c) => (
        <Space size={4} align="start">
          <WorkingDaysLeft c={c} testId={`case-deadline-${c.id}`} />
          <DueSoonTag c={c} testId={`case-due-soon-${c.id}`} />
        </Space>
      ),
    },
    {
      title: ct('col.status'),
      key: 'status',
      width: 90,
      render: (_: unknown, c) => <CaseStatusTag status={c.status} />,
    },
  ]

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={ct('intro')} />
      <Space size={12} wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space size={12} wrap>
          <Segmented<CaseStatus | 'all'>
            data-testid="cases-status-filter"
            value={status ?? 'all'}
            onChange={(v) => setStatus(v === 'all' ? undefined : v)}
            options={[
              { value: 'open', label: ct('filter.open') },
              { value: 'closed', label: ct('filter.closed') },
              { value: 'transferred', label: ct('status.transferred') },
              { value: 'all', label: ct('filter.all') },
            ]}
          />
          <Checkbox
            checked={overdue}
            onChange={(e) => setOverdue(e.target.checked)}
            data-testid="cases-overdue-filter"
          >
            {ct('filter.overdue')}
          </Checkbox>
        </Space>
        {can('case.manage') ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setOpening(true)}
            data-testid="case-new"
          >
            {ct('new')}
          </Button>
        ) : null}
      </Space>
      {cases.isError ? <ErrorAlert error={cases.error} onRetry={() => cases.refetch()} /> : null}
      <Table<CaseView>
        data-testid="cases"
        rowKey="id"
        size="middle"
        loading={cases.isPending}
        dataSource={cases.data ?? []}
        columns={columns}
        scroll={{ x: 'max-content' }}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <Empty description={ct('empty')} /> }}
        onRow={(c) =>
          ({
            onClick: () => show(c.id),
            style: { cursor: 'pointer' },
            'data-testid': `case-row-${c.id}`,
            'data-number': c.number,
            'data-overdue': String(c.overdue),
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
      {openCase ? <CaseDrawer id={openCase} onClose={() => show(null)} /> : null}
      {opening ? (
        <OpenCaseModal
          onClose={() => setOpening(false)}
          onOpened={(id) => {
            setOpening(false)
            show(id)
          }}
        />
      ) : null}
    </Space>
  )
}
