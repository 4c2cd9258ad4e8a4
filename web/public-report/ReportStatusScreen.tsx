// The lookup of a public report by its tracking code: the category, the status, the dates and, once closed, what
// was found and done. The code may come in the address's fragment (#TH…), which the browser never sends anywhere.
import { Alert, Button, Card, Descriptions, Input, Space, Tag, Typography } from 'antd'
import { useState } from 'react'
import { useLocation } from 'react-router'
import type { PublicReportStatus } from '../api/types.ts'
import { pick, useLang } from '../app/i18n.ts'
import { ErrorAlert, formatTime } from '../app/ui.tsx'
import { usePublicTitle } from './PublicReportFrame.tsx'
import { usePublicReportLookup } from './publicReportApi.ts'
import { type PKey, usePT } from './strings.ts'

const STATE_COLOURS: Record<PublicReportStatus, string> = {
  received: 'blue',
  routed: 'geekblue',
  handling: 'gold',
  closed: 'green',
}

export default function ReportStatusScreen() {
  const pt = usePT()
  const lang = useLang()
  const location = useLocation()
  const fromHash = decodeURIComponent(location.hash.replace(/^#/, '')).trim()
  const [typed, setTyped] = useState(fromHash)
  const [code, setCode] = useState<string | null>(fromHash === '' ? null : fromHash)
  const lookup = usePublicReportLookup(code)
  usePublicTitle(pt('status.title'))

  const go = () => {
    const c = typed.trim()
    if (c === '') return
    if (c === code) void lookup.refetch()
    else setCode(c)
  }

  const r = lookup.data
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {pt('status.title')}
      </Typography.Title>
      <Card>
        <Typography.Paragraph type="secondary">{pt('status.intro')}</Typography.Paragraph>
        <Space.Compact style={{ width: '100%' }}>
          <Input
            data-testid="pstatus-code"
            aria-label={pt('status.code')}
            placeholder={pt('status.code.placeholder')}
            value={typed}
            maxLength={64}
            autoCapitalize="characters"
            autoComplete="off"
            spellCheck={false}
            style={{ fontFamily: 'monospace' }}
            onChange={(e) => setTyped(e.target.value)}
            onPressEnter={go}
          />
          <Button type="primary" data-testid="pstatus-submit" loading={lookup.isFetching} onClick={go}>
            {pt('status.submit')}
          </Button>
        </Space.Compact>
      </Card>
      {lookup.isError ? <ErrorAlert error={lookup.error} /> : null}
      {r && !lookup.isError ? (
        <Card data-testid="pstatus-result">
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'category',
                label: pt('status.category'),
                children: pick(lang, r.categoryZh, r.categoryEn),
              },
              {
                key: 'state',
                label: pt('status.state'),
                children: (
                  <Tag color={STATE_COLOURS[r.status]} data-testid="pstatus-state" data-state={r.status}>
                    {pt(`state.${r.status}` as PKey)}
                  </Tag>
                ),
              },
              { key: 'received', label: pt('status.receivedAt'), children: formatTime(r.receivedAt, lang) },
              { key: 'deadline', label: pt('status.deadlineAt'), children: formatTime(r.deadlineAt, lang) },
              ...(r.closedAt
                ? [{ key: 'closed', label: pt('status.closedAt'), children: formatTime(r.closedAt, lang) }]
                : []),
            ]}
          />
          {r.feedback !== null ? (
            <Alert
              style={{ marginTop: 16 }}
              type="success"
              showIcon
              title={pt('status.feedback')}
              description={
                <Space orientation="vertical" size={8}>
                  <span data-testid="pstatus-feedback" style={{ whiteSpace: 'pre-wrap' }}>
                    {r.feedback}
                  </span>
                  {r.feedbackArticles.length > 0 ? (
                    <span>
                      {pt('status.basis')}：
                      {r.feedbackArticles.map((a) => (
                        <Tag key={a}>{a}</Tag>
                      ))}
                    </span>
                  ) : null}
                </Space>
              }
            />
          ) : (
            <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0 }}>
              {pt('status.pending')}
            </Typography.Paragraph>
          )}
        </Card>
      ) : null}
    </Space>
  )
}
