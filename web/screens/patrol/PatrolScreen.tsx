// The sampling patrol (人工巡查, A12.1): a batch of random recently published items nobody has looked at; each is
// marked fine or flagged for review (with a note), and every look is recorded. Coverage: who looked at how many,
// and what share of the window's published items that is.
import { Alert, Button, Card, Col, Input, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert, formatTime } from '../../app/ui.tsx'
import { FalseLabelTag, FictionTag, KindTag } from '../../portal/contentUi.tsx'
import { COVERAGE_DAYS, useCoverage, useLook, useSample } from './patrolApi.ts'

export default function PatrolScreen() {
  const t = useT()
  const lang = useLang()
  const sample = useSample()
  const coverage = useCoverage()
  const look = useLook()
  const [notes, setNotes] = useState<Record<string, string>>({})
  const [done, setDone] = useState<Record<string, 'ok' | 'flagged'>>({})
  const record = (itemId: string, outcome: 'ok' | 'flagged') =>
    look.mutate(
      { itemId, outcome, note: (notes[itemId] ?? '').trim() },
      { onSuccess: () => setDone((d) => ({ ...d, [itemId]: outcome })) },
    )
  const c = coverage.data
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={t('patrol.title')}
        extra={
          <Button
            onClick={() => {
              setDone({})
              sample.refetch()
            }}
            data-testid="patrol-refresh"
          >
            {t('patrol.refresh')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('patrol.intro')}</Typography.Paragraph>
        {sample.isError ? <ErrorAlert error={sample.error} onRetry={() => sample.refetch()} /> : null}
        {look.error ? <ErrorAlert error={look.error} /> : null}
        <List
          data-testid="patrol-sample"
          loading={sample.isPending}
          dataSource={sample.data ?? []}
          locale={{ emptyText: t('patrol.empty') }}
          renderItem={(item) => (
            <List.Item
              data-testid={`patrol-item-${item.id}`}
              actions={
                done[item.id]
                  ? [
                      <Tag key="done" color={done[item.id] === 'flagged' ? 'red' : 'green'}>
                        {t('patrol.looked')} · {t(done[item.id] === 'flagged' ? 'patrol.flag' : 'patrol.ok')}
                      </Tag>,
                    ]
                  : [
                      <Button
                        key="ok"
                        size="small"
                        onClick={() => record(item.id, 'ok')}
                        data-testid={`patrol-ok-${item.id}`}
                      >
                        {t('patrol.ok')}
                      </Button>,
                      <Button
                        key="flag"
                        size="small"
                        danger
                        onClick={() => record(item.id, 'flagged')}
                        data-testid={`patrol-flag-${item.id}`}
                      >
                        {t('patrol.flag')}
                      </Button>,
                    ]
              }
            >
              <Space orientation="vertical" size={4} style={{ width: '100%' }}>
                <FalseLabelTag item={item} />
                <Space size={8} wrap>
                  <KindTag kind={item.kind} />
                  <FictionTag item={item} />
                  <Typography.Text type="secondary">
                    {item.authorName} · {formatTime(item.createdAt, lang)} · {item.ruleVersion}
                  </Typography.Text>
                </Space>
                <Typography.Text>{item.text}</Typography.Text>
                {done[item.id] ? null : (
                  <Input
                    size="small"
                    maxLength={500}
                    placeholder={t('patrol.note')}
                    value={notes[item.id] ?? ''}
                    onChange={(e) => setNotes((n) => ({ ...n, [item.id]: e.target.value }))}
                    data-testid={`patrol-note-${item.id}`}
                  />
                )}
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('patrol.coverage.title', { days: COVERAGE_DAYS })} loading={coverage.isPending}>
        {coverage.isError ? <ErrorAlert error={coverage.error} onRetry={() => coverage.refetch()} /> : null}
        {c ? (
          <Space orientation="vertical" size={12} style={{ width: '100%' }}>
            <Row gutter={16}>
              <Col span={6}>
                <Statistic title={t('patrol.coverage.published')} value={c.published} />
              </Col>
              <Col span={6}>
                <Statistic title={t('patrol.coverage.looked')} value={c.looked} data-testid="patrol-looked" />
              </Col>
              <Col span={6}>
                <Statistic title={t('patrol.coverage.flagged')} value={c.flagged} />
              </Col>
              <Col span={6}>
                <Statistic
                  title={t('patrol.coverage.rate')}
                  value={(c.coverage * 100).toFixed(1)}
                  suffix="%"
                />
              </Col>
            </Row>
            {c.published > 0 && c.looked === 0 ? (
              <Alert type="warning" showIcon title={t('patrol.empty')} />
            ) : null}
            <Table
              rowKey="staffId"
              size="small"
              pagination={false}
              dataSource={c.byStaff}
              columns={[
                { title: t('patrol.coverage.who'), dataIndex: 'name', key: 'name' },
                { title: t('patrol.coverage.looks'), dataIndex: 'looks', key: 'looks' },
                { title: t('patrol.coverage.flagged'), dataIndex: 'flagged', key: 'flagged' },
              ]}
            />
          </Space>
        ) : null}
      </Card>
    </Space>
  )
}
