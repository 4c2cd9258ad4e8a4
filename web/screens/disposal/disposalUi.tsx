// Pieces the reports, disposal and appeal pages share: choosing measures (remove only with stop, as the server
// insists), showing them, a disposal's status, and the words for verdicts, sources and categories.
import { Checkbox, Space, Spin, Tag } from 'antd'
import type { DisposalView, Measure } from '../../api/types.ts'
import { type MessageKey, useT } from '../../app/i18n.ts'

export const MEASURES: readonly Measure[] = ['stop', 'remove', 'label', 'limit']

const MEASURE_COLOR: Record<Measure, string> = {
  stop: 'red',
  remove: 'volcano',
  label: 'magenta',
  limit: 'orange',
}

/**
 * The measures a disposal takes, as checkboxes. Removing an item means stopping it first: ticking "remove" ticks
 * "stop" too, and "stop" cannot be unticked while "remove" is.
 */
export function MeasuresInput({
  value = [],
  onChange,
  testId = 'measures',
}: {
  value?: Measure[]
  onChange?: (value: Measure[]) => void
  testId?: string
}) {
  const t = useT()
  const removing = value.includes('remove')
  return (
    <Checkbox.Group<Measure>
      data-testid={testId}
      value={value}
      onChange={(next) => {
        const set = new Set(next)
        if (set.has('remove')) set.add('stop')
        onChange?.(MEASURES.filter((m) => set.has(m)))
      }}
      options={MEASURES.map((m) => ({
        value: m,
        disabled: m === 'stop' && removing,
        label: (
          <span data-testid={`${testId}-${m}`} title={t(`measure.${m}.help` as MessageKey)}>
            {t(`measure.${m}` as MessageKey)}
          </span>
        ),
      }))}
    />
  )
}

export function MeasureTags({ measures }: { measures: readonly string[] }) {
  const t = useT()
  return (
    <Space size={[2, 2]} wrap>
      {measures.map((m) => (
        <Tag key={m} color={MEASURE_COLOR[m as Measure] ?? 'default'}>
          {(MEASURES as readonly string[]).includes(m) ? t(`measure.${m}` as MessageKey) : m}
        </Tag>
      ))}
    </Space>
  )
}

export function DisposalStatus({ disposal, testId }: { disposal: DisposalView; testId?: string }) {
  const t = useT()
  return disposal.status === 'sweeping' ? (
    <Space size={6} data-testid={testId} data-status="sweeping">
      <Spin size="small" />
      <Tag color="processing">{t('disposal.status.sweeping')}</Tag>
    </Space>
  ) : (
    <Tag color="success" data-testid={testId} data-status="finished">
      {t('disposal.status.finished')}
    </Tag>
  )
}

/** `false` / `misleading` in words. */
export const verdictKey = (v: string): MessageKey =>
  v === 'misleading' ? 'rumor.verdict.misleading' : 'rumor.verdict.false'

/** Where a confirmation came from, in words. */
export const sourceKey = (s: string): MessageKey =>
  s === 'regulator'
    ? 'rumor.source.regulator'
    : s === 'trusted'
      ? 'rumor.source.trusted'
      : 'rumor.source.review'

export const categoryKey = (c: string): MessageKey =>
  c === 'prohibit' ? 'disposal.category.prohibit' : 'disposal.category.false'

/** `+120 ms`, `+3.4 s`: how long after the disposal began an item was acted on. */
export function afterLabel(ms: number): string {
  return ms < 10_000 ? `+${ms} ms` : `+${(ms / 1000).toFixed(1)} s`
}

/** A duration in ms or s. */
export function durationLabel(ms: number | null): string {
  if (ms === null) return '—'
  return ms < 10_000 ? `${ms} ms` : `${(ms / 1000).toFixed(1)} s`
}
