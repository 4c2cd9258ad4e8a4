// Pieces both sides of a report show: the category, the measures taken, the items by digest. The platform's filings
// page and the regulator's platform reports page read the same words.
import { Table, type TableColumnsType, Tag, Tooltip, Typography } from 'antd'
import type { ReportItem } from '../../api/types.ts'
import { type MessageKey, useT } from '../../app/i18n.ts'
import { shortHash } from '../../app/ui.tsx'

const CATEGORIES: Record<string, MessageKey> = {
  prohibited: 'report.category.prohibited',
  order: 'report.category.order',
  inspection: 'report.category.inspection',
}

const MEASURES: Record<string, MessageKey> = {
  stopped: 'report.measure.stopped',
  removed: 'report.measure.removed',
  copies_blocked: 'report.measure.copies_blocked',
  records_kept: 'report.measure.records_kept',
  account_restricted: 'report.measure.account_restricted',
}

export function CategoryTag({ category }: { category: string }) {
  const t = useT()
  const known = Object.hasOwn(CATEGORIES, category) ? CATEGORIES[category] : undefined
  return (
    <Tag color="volcano" data-category={category}>
      {known ? t(known) : category}
    </Tag>
  )
}

/** Each measure by its label where the console knows it, else as the platform named it. */
export function MeasureTags({ measures }: { measures: readonly string[] }) {
  const t = useT()
  return (
    <span>
      {measures.map((m) => {
        const known = Object.hasOwn(MEASURES, m) ? MEASURES[m] : undefined
        return (
          <Tag key={m} data-measure={m}>
            {known ? t(known) : m}
          </Tag>
        )
      })}
    </span>
  )
}

export function ItemsTable({ items }: { items: readonly ReportItem[] }) {
  const t = useT()
  const columns: TableColumnsType<ReportItem> = [
    {
      title: t('report.item.id'),
      dataIndex: 'id',
      key: 'id',
      render: (id: string) => <Typography.Text code>{shortHash(id)}</Typography.Text>,
    },
    { title: t('report.item.kind'), dataIndex: 'kind', key: 'kind', width: 110 },
    {
      title: <Tooltip title={t('report.item.digestHint')}>{t('report.item.digest')}</Tooltip>,
      dataIndex: 'digest',
      key: 'digest',
      render: (digest: string) => (
        <Typography.Text code copyable={{ text: digest }} title={digest}>
          {shortHash(digest)}
        </Typography.Text>
      ),
    },
  ]
  return (
    <Table<ReportItem>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={[...items]}
      pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
    />
  )
}
