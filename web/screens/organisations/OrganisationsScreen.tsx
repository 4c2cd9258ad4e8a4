// The organisations this node holds: on a regulator node the city CAC with its county offices, the partner
// departments and the procuratorate; on a platform node the platform itself.
import { Card, Segmented, Space, Table, type TableColumnsType, Typography } from 'antd'
import { useMemo, useState } from 'react'
import type { Organisation, OrganisationKind } from '../../api/types.ts'
import { orgKindKey, pick, useLang, useT } from '../../app/i18n.ts'
import { useOrganisations } from '../../app/queries.ts'
import { BilingualName, ErrorAlert, KIND_ORDER, OrgKindTag } from '../../app/ui.tsx'

type View = 'tree' | 'kind'

interface Row extends Organisation {
  children?: Row[]
}

/** Organisations under their parents; roots (and orphans whose parent is not listed) at the top. */
function toTree(orgs: readonly Organisation[]): Row[] {
  const byId = new Map(orgs.map((o) => [o.id, { ...o } as Row]))
  const roots: Row[] = []
  for (const row of byId.values()) {
    const parent = row.parentId ? byId.get(row.parentId) : undefined
    if (!parent) roots.push(row)
    else if (parent.children) parent.children.push(row)
    else parent.children = [row]
  }
  const sort = (rows: Row[]) => {
    rows.sort(byKindThenDivision)
    for (const r of rows) if (r.children) sort(r.children)
  }
  sort(roots)
  return roots
}

function byKindThenDivision(a: Organisation, b: Organisation): number {
  return (
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    (a.divisionCode ?? '').localeCompare(b.divisionCode ?? '') ||
    a.key.localeCompare(b.key)
  )
}

export default function OrganisationsScreen() {
  const t = useT()
  const lang = useLang()
  const orgs = useOrganisations()
  const [view, setView] = useState<View>('tree')

  const byId = useMemo(() => new Map((orgs.data ?? []).map((o) => [o.id, o])), [orgs.data])
  const rows = useMemo(() => {
    const list = orgs.data ?? []
    return view === 'tree' ? toTree(list) : [...list].sort(byKindThenDivision)
  }, [orgs.data, view])
  const kindsPresent = KIND_ORDER.filter((k) => orgs.data?.some((o) => o.kind === k))

  const columns: TableColumnsType<Row> = [
    {
      title: t('organisations.name'),
      key: 'name',
      render: (_, o) => <BilingualName zh={o.nameZh} en={o.nameEn} />,
    },
    {
      title: t('organisations.kind'),
      dataIndex: 'kind',
      key: 'kind',
      width: 180,
      render: (kind: OrganisationKind) => <OrgKindTag kind={kind} />,
      ...(view === 'kind'
        ? {
            filters: kindsPresent.map((k) => ({ text: t(orgKindKey(k)), value: k })),
            onFilter: (value, o) => o.kind === value,
          }
        : {}),
    },
    {
      title: t('organisations.divisionCode'),
      dataIndex: 'divisionCode',
      key: 'divisionCode',
      width: 140,
      render: (code: string | null) => code ?? t('common.none'),
    },
    {
      title: t('organisations.parent'),
      key: 'parent',
      render: (_, o) => {
        const parent = o.parentId ? byId.get(o.parentId) : undefined
        return parent ? pick(lang, parent.nameZh, parent.nameEn) : t('common.none')
      },
    },
    {
      title: t('organisations.key'),
      dataIndex: 'key',
      key: 'key',
      render: (key: string) => <Typography.Text code>{key}</Typography.Text>,
    },
  ]

  return (
    <Card
      title={t('organisations.title')}
      extra={
        <Space>
          {orgs.data ? (
            <Typography.Text type="secondary">
              {t('organisations.count', { n: orgs.data.length })}
            </Typography.Text>
          ) : null}
          <Segmented<View>
            data-testid="organisations-view"
            value={view}
            onChange={setView}
            options={[
              { label: t('organisations.viewTree'), value: 'tree' },
              { label: t('organisations.viewKind'), value: 'kind' },
            ]}
          />
        </Space>
      }
    >
      {orgs.isError ? <ErrorAlert error={orgs.error} onRetry={() => orgs.refetch()} /> : null}
      <div data-testid="organisations-table">
        <Table<Row>
          // Remounted per view and once the data is in, so the tree opens fully expanded.
          key={`${view}-${orgs.isSuccess}`}
          rowKey="id"
          size="middle"
          loading={orgs.isPending}
          columns={columns}
          dataSource={rows}
          pagination={false}
          expandable={{ defaultExpandAllRows: true }}
        />
      </div>
    </Card>
  )
}
