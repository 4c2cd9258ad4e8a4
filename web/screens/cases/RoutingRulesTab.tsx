// The routing rules of public reports (A5.2) as one table: a row per category, a column for the city-wide rule and
// one per county, each cell the organisation such a report goes to. A county cell left blank follows the city-wide
// rule (shown greyed). Saving replaces every rule at once; the server refuses a category without its city-wide rule.
import { SaveOutlined, UndoOutlined } from '@ant-design/icons'
import { Alert, App, Button, Select, Space, Table, type TableColumnsType, Typography } from 'antd'
import { useEffect, useMemo, useState } from 'react'
import type { ReportCategoryKey, RoutingRuleInput } from '../../api/types.ts'
import { pick, useLang } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert } from '../../app/ui.tsx'
import { usePublicReportGuide } from '../public-reports/publicReportsApi.ts'
import { useRoutingRules, useSaveRoutingRules } from './casesApi.ts'
import { useCaseOrganisations, useCountyNames } from './caseUi.tsx'
import { useCT } from './strings.ts'

const CITY = '*'
const cellKey = (category: string, county: string | null) => `${category}|${county ?? CITY}`

interface Row {
  key: ReportCategoryKey
  name: string
}

export function RoutingRulesTab() {
  const ct = useCT()
  const lang = useLang()
  const can = useCan()
  const { message } = App.useApp()
  const editable = can('case.manage')
  const guide = usePublicReportGuide()
  const { counties } = useCountyNames()
  const orgs = useCaseOrganisations()
  const rules = useRoutingRules()
  const save = useSaveRoutingRules()
  const [cells, setCells] = useState<Map<string, string>>(new Map())

  const saved = useMemo(
    () =>
      new Map((rules.data?.rules ?? []).map((r) => [cellKey(r.category, r.countyCode), r.organisationId])),
    [rules.data],
  )
  useEffect(() => setCells(new Map(saved)), [saved])

  const dirty = cells.size !== saved.size || [...cells].some(([k, v]) => saved.get(k) !== v)
  const rows: Row[] = (guide.data?.categories ?? []).map((c) => ({
    key: c.key,
    name: pick(lang, c.zh, c.en),
  }))
  const missingCity = rows.filter((r) => !cells.get(cellKey(r.key, null)))
  const options = orgs.options(orgs.forCase)

  const setCell = (k: string, v: string | undefined) =>
    setCells((m) => {
      const next = new Map(m)
      if (v) next.set(k, v)
      else next.delete(k)
      return next
    })

  const submit = () => {
    const body: RoutingRuleInput[] = [...cells].map(([k, organisationId]) => {
      const [category, county] = k.split('|') as [ReportCategoryKey, string]
      return { category, countyCode: county === CITY ? null : county, organisationId }
    })
    save.mutate(body, { onSuccess: () => message.success(ct('rules.saved')) })
  }

  const cell = (row: Row, county: string | null) => {
    const k = cellKey(row.key, county)
    const city = cells.get(cellKey(row.key, null))
    return (
      <Select<string>
        data-testid={`rule-${row.key}-${county ?? 'city'}`}
        data-value={cells.get(k) ?? ''}
        value={cells.get(k)}
        onChange={(v) => setCell(k, v)}
        allowClear={county !== null}
        disabled={!editable || save.isPending}
        status={county === null && !city ? 'error' : undefined}
        placeholder={
          county === null ? ct('rules.city') : `${ct('rules.inherit')}${city ? `：${orgs.nameOf(city)}` : ''}`
        }
        options={options}
        showSearch={{ optionFilterProp: 'label' }}
        popupMatchSelectWidth={false}
        style={{ width: county === null ? 170 : 150 }}
      />
    )
  }

  const columns: TableColumnsType<Row> = [
    {
      title: ct('rules.category'),
      key: 'category',
      fixed: 'start',
      width: 120,
      render: (_: unknown, r) => r.name,
    },
    { title: ct('rules.city'), key: 'city', width: 180, render: (_: unknown, r) => cell(r, null) },
    ...counties.map((c) => ({
      title: c.name,
      key: c.code,
      width: 160,
      render: (_: unknown, r: Row) => cell(r, c.code),
    })),
  ]

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={ct('rules.intro')} />
      {rules.data?.defaults ? (
        <Alert type="warning" showIcon title={ct('rules.defaults')} data-testid="rules-defaults" />
      ) : null}
      {editable ? null : <Typography.Text type="secondary">{ct('rules.readOnly')}</Typography.Text>}
      {rules.isError ? <ErrorAlert error={rules.error} onRetry={() => rules.refetch()} /> : null}
      <Table<Row>
        data-testid="routing-rules"
        rowKey="key"
        size="small"
        loading={rules.isPending || guide.isPending}
        dataSource={rows}
        columns={columns}
        pagination={false}
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ 'data-testid': `rule-row-${r.key}` }) as React.HTMLAttributes<HTMLElement>}
      />
      {save.isError ? <ErrorAlert error={save.error} /> : null}
      {editable ? (
        <Space>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            disabled={!dirty || missingCity.length > 0}
            loading={save.isPending}
            onClick={submit}
            data-testid="rules-save"
          >
            {ct('rules.save')}
          </Button>
          <Button icon={<UndoOutlined />} disabled={!dirty} onClick={() => setCells(new Map(saved))}>
            {ct('rules.reset')}
          </Button>
          {missingCity.length > 0 ? (
            <Typography.Text type="danger">{ct('rules.cityRequired')}</Typography.Text>
          ) : null}
        </Space>
      ) : null}
    </Space>
  )
}
