// Rules and agreements (A13.1) for staff with `rules.manage`: the documents in force, every version of each, and
// publishing a new version, which every user must then accept before they publish again.
import { ExportOutlined, PlusOutlined } from '@ant-design/icons'
import { Alert, Button, Card, Space, Table, type TableColumnsType, Tag, Typography } from 'antd'
import { useState } from 'react'
import type { RuleDocument, RuleKind } from '../../api/types.ts'
import { useLang, useT } from '../../app/i18n.ts'
import { BilingualName, ErrorAlert, formatTime } from '../../app/ui.tsx'
import { RulePublishDrawer } from './RulePublishDrawer.tsx'
import { RULE_KINDS, useCurrentRules, useRuleVersions } from './rulesApi.ts'
import { portalRulePath, ruleKindKey } from './rulesUi.tsx'

export default function RulesScreen() {
  const t = useT()
  const lang = useLang()
  const rules = useCurrentRules()
  const [publishing, setPublishing] = useState<{ kind: RuleKind } | null>(null)
  const docs = rules.data ?? []
  const missing = RULE_KINDS.filter((k) => !docs.some((d) => d.kind === k))

  const columns: TableColumnsType<RuleDocument> = [
    {
      title: t('rules.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (kind: RuleKind) => <Tag>{t(ruleKindKey(kind))}</Tag>,
    },
    {
      title: t('rules.docTitle'),
      key: 'title',
      render: (_, d) => <BilingualName zh={d.titleZh} en={d.titleEn} />,
    },
    {
      title: t('rules.version'),
      dataIndex: 'version',
      key: 'version',
      render: (v: number, d) => (
        <Tag color="blue" data-testid={`rules-version-${d.kind}`} data-version={v}>
          {t('rules.versionN', { v })}
        </Tag>
      ),
    },
    {
      title: t('rules.published'),
      dataIndex: 'publishedAt',
      key: 'publishedAt',
      render: (at: string) => <span style={{ whiteSpace: 'nowrap' }}>{formatTime(at, lang)}</span>,
    },
    { title: t('rules.changeNote'), dataIndex: 'changeNote', key: 'changeNote' },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, d) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            icon={<ExportOutlined />}
            href={portalRulePath(d)}
            target="_blank"
            rel="noopener"
          >
            {t('rules.viewPublic')}
          </Button>
          <Button
            type="link"
            size="small"
            icon={<PlusOutlined />}
            onClick={() => setPublishing({ kind: d.kind })}
            data-testid={`rules-publish-${d.kind}`}
          >
            {t('rules.publish')}
          </Button>
        </Space>
      ),
    },
  ]

  return (
    <Card
      title={t('rules.title')}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setPublishing({ kind: missing[0] ?? docs[0]?.kind ?? 'management_rules' })}
          data-testid="rules-publish"
        >
          {t('rules.publish')}
        </Button>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Alert type="info" showIcon title={t('rules.intro')} />
        {missing.length > 0 && rules.data ? (
          <Alert
            type="warning"
            showIcon
            title={t('rules.missing', { kinds: missing.map((k) => t(ruleKindKey(k))).join('、') })}
          />
        ) : null}
        {rules.isError ? <ErrorAlert error={rules.error} onRetry={() => rules.refetch()} /> : null}
        <div data-testid="rules-table">
          <Table<RuleDocument>
            rowKey="kind"
            loading={rules.isPending}
            columns={columns}
            dataSource={docs}
            pagination={false}
            locale={{ emptyText: t('rules.empty') }}
            expandable={{
              expandedRowRender: (d) => <VersionsTable kind={d.kind} />,
              expandRowByClick: false,
            }}
          />
        </div>
        <Typography.Text type="secondary">{t('rules.expandHint')}</Typography.Text>
      </Space>
      {publishing ? (
        <RulePublishDrawer initialKind={publishing.kind} current={docs} onClose={() => setPublishing(null)} />
      ) : null}
    </Card>
  )
}

/** Every version of one document, newest first. */
function VersionsTable({ kind }: { kind: RuleKind }) {
  const t = useT()
  const lang = useLang()
  const versions = useRuleVersions(kind)
  if (versions.isError) return <ErrorAlert error={versions.error} onRetry={() => versions.refetch()} />
  const columns: TableColumnsType<RuleDocument> = [
    {
      title: t('rules.version'),
      dataIndex: 'version',
      key: 'version',
      render: (v: number, _, i) => (
        <Space size={4}>
          <span>{t('rules.versionN', { v })}</span>
          {i === 0 ? <Tag color="green">{t('rules.inForce')}</Tag> : null}
        </Space>
      ),
    },
    {
      title: t('rules.docTitle'),
      key: 'title',
      render: (_, d) => <BilingualName zh={d.titleZh} en={d.titleEn} />,
    },
    {
      title: t('rules.published'),
      dataIndex: 'publishedAt',
      key: 'publishedAt',
      render: (at: string) => formatTime(at, lang),
    },
    { title: t('rules.changeNote'), dataIndex: 'changeNote', key: 'changeNote' },
    {
      title: t('common.actions'),
      key: 'read',
      render: (_, d) => (
        <a href={portalRulePath(d)} target="_blank" rel="noopener">
          {t('rules.readFull')}
        </a>
      ),
    },
  ]
  return (
    <div data-testid={`rules-versions-${kind}`}>
      <Table<RuleDocument>
        rowKey="version"
        size="small"
        loading={versions.isPending}
        columns={columns}
        dataSource={versions.data ?? []}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
      />
    </div>
  )
}
