// Pieces the cases page and the public reports page share: the organisations a case may name, county names, the
// status tag, and the working days left (red once overdue).
import { Space, Tag, Typography } from 'antd'
import { useMemo } from 'react'
import type { CaseStatus, CaseView, Organisation } from '../../api/types.ts'
import { type Lang, pick, useLang } from '../../app/i18n.ts'
import { useOrganisations } from '../../app/queries.ts'
import { useCan } from '../../app/session.tsx'
import { usePublicReportGuide } from '../public-reports/publicReportsApi.ts'
import { type CKey, useCT } from './strings.ts'

/** Organisations that may lead or join a case, and those that may also sit in a consultation (the procuratorate). */
const CASE_KINDS = new Set(['cac', 'department', 'county'])
const CONSULT_KINDS = new Set(['cac', 'department', 'county', 'procuratorate'])

export interface CaseOrganisations {
  all: readonly Organisation[]
  forCase: readonly Organisation[]
  forConsultation: readonly Organisation[]
  byId: ReadonlyMap<string, Organisation>
  nameOf: (id: string) => string
  options: (list: readonly Organisation[]) => { value: string; label: string }[]
}

export function useCaseOrganisations(): CaseOrganisations {
  const can = useCan()
  const lang = useLang()
  const orgs = useOrganisations(can('organisation.read'))
  return useMemo(() => {
    const all = orgs.data ?? []
    const byId = new Map(all.map((o) => [o.id, o]))
    return {
      all,
      forCase: all.filter((o) => CASE_KINDS.has(o.kind)),
      forConsultation: all.filter((o) => CONSULT_KINDS.has(o.kind)),
      byId,
      nameOf: (id: string) => {
        const o = byId.get(id)
        return o ? pick(lang, o.nameZh, o.nameEn) : id
      },
      options: (list) => list.map((o) => ({ value: o.id, label: pick(lang, o.nameZh, o.nameEn) })),
    }
  }, [orgs.data, lang])
}

/** County names by division code, from the published report guide; `null` for city-wide. */
export function useCountyNames(): {
  counties: readonly { code: string; name: string }[]
  countyName: (code: string | null) => string | null
} {
  const lang = useLang()
  const guide = usePublicReportGuide()
  return useMemo(() => {
    const counties = (guide.data?.counties ?? []).map((c) => ({ code: c.code, name: pick(lang, c.zh, c.en) }))
    const m = new Map(counties.map((c) => [c.code, c.name]))
    return { counties, countyName: (code) => (code === null ? null : (m.get(code) ?? code)) }
  }, [guide.data, lang])
}

const STATUS_TAGS: Record<CaseStatus, { color: string; key: CKey }> = {
  open: { color: 'processing', key: 'status.open' },
  closed: { color: 'success', key: 'status.closed' },
  transferred: { color: 'purple', key: 'status.transferred' },
}

export function CaseStatusTag({ status }: { status: CaseStatus }) {
  const ct = useCT()
  const s = STATUS_TAGS[status]
  return (
    <Tag color={s.color} data-status={status} style={{ marginInlineEnd: 0 }}>
      {ct(s.key)}
    </Tag>
  )
}

/** 临期: the supervision deadline falls today or on the next working day (and it is not yet overdue). */
export function DueSoonTag({ c, testId }: { c: CaseView; testId?: string }) {
  const ct = useCT()
  if (!c.dueSoon || c.overdue || c.status !== 'open') return null
  return (
    <Tag color="orange" data-testid={testId} style={{ marginInlineEnd: 0 }}>
      {ct('dueSoon')}
    </Tag>
  )
}

/** The lead organisation in the console's language: the lead department's names, else the server's Chinese name. */
export function leadName(c: CaseView, lang: 'zh' | 'en'): string {
  const lead = c.departments.find((d) => d.role === 'lead')
  return lead ? pick(lang, lead.nameZh, lead.nameEn) : c.leadNameZh
}

/**
 * The last day of a supervision deadline, as the date in China it ends on (at midnight there): the server counts
 * working days on China's calendar, so a browser elsewhere should not show the day before.
 */
export function deadlineDay(iso: string, lang: Lang): string {
  return `${new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeZone: 'Asia/Shanghai',
  }).format(new Date(iso))}${lang === 'zh' ? ' 24 时' : ', end of day (China)'}`
}

/** The supervision deadline: working days left, due today, or in red how many working days late. */
export function WorkingDaysLeft({ c, testId }: { c: CaseView; testId?: string }) {
  const ct = useCT()
  const lang = useLang()
  if (c.status !== 'open') return null
  if (c.deadlineAt === null || c.workingDaysLeft === null) {
    return (
      <Typography.Text type="secondary" data-testid={testId} data-overdue="false">
        {ct('noDeadline')}
      </Typography.Text>
    )
  }
  const left = c.workingDaysLeft
  return (
    <Space
      orientation="vertical"
      size={0}
      data-testid={testId}
      data-overdue={String(c.overdue)}
      data-left={left}
    >
      {c.overdue ? (
        <Typography.Text type="danger" strong style={{ whiteSpace: 'nowrap' }}>
          {ct('overdue')}
          {left < 0 ? ` · ${ct('days.late', { n: -left })}` : ''}
        </Typography.Text>
      ) : (
        <Typography.Text type={left <= 1 ? 'warning' : undefined} strong style={{ whiteSpace: 'nowrap' }}>
          {left === 0 ? ct('days.today') : ct('days.left', { n: left })}
        </Typography.Text>
      )}
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
        {deadlineDay(c.deadlineAt, lang)}
      </Typography.Text>
    </Space>
  )
}
