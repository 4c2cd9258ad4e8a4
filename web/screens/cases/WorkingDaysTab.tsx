// The working-day calendar (工作日历) supervision deadlines count on: a year's holidays and make-up working days (调休),
// built in from the State Council's schedule or entered by an operator, who may enter a day as a holiday or a working
// day, or count an entered day by its weekday again. There is no deleting an entry (the server keeps every day it was
// told, on the ledger): restoring writes the weekday's own answer over it.
import { PlusOutlined, UndoOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd'
import { useState } from 'react'
import type { WorkingDayView } from '../../api/types.ts'
import { useLang } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert, showFieldErrors } from '../../app/ui.tsx'
import {
  chinaToday,
  NOTE_MAX,
  useSetWorkingDay,
  useWorkingDays,
  weekdayOf,
  weekdayWorking,
} from './casesApi.ts'
import { type CKey, useCT } from './strings.ts'

export function WorkingDaysTab() {
  const ct = useCT()
  const can = useCan()
  const editable = can('case.supervise')
  const [year, setYear] = useState(() => Number(chinaToday().slice(0, 4)))
  const days = useWorkingDays(year)
  const [adding, setAdding] = useState(false)
  const [restoring, setRestoring] = useState<WorkingDayView | null>(null)

  const columns: TableColumnsType<WorkingDayView> = [
    { title: ct('cal.date'), dataIndex: 'date', key: 'date', width: 120 },
    {
      title: ct('cal.weekday'),
      key: 'weekday',
      width: 80,
      render: (_: unknown, d) => ct(`weekday${weekdayOf(d.date)}` as CKey),
    },
    {
      title: ct('cal.kind'),
      key: 'kind',
      width: 160,
      render: (_: unknown, d) =>
        d.working === weekdayWorking(d.date) ? (
          <Tag data-kind="weekday">{ct('cal.asWeekday')}</Tag>
        ) : d.working ? (
          <Tag color="blue" data-kind="workday">
            {ct('cal.workday')}
          </Tag>
        ) : (
          <Tag color="red" data-kind="holiday">
            {ct('cal.holiday')}
          </Tag>
        ),
    },
    { title: ct('cal.note'), dataIndex: 'note', key: 'note' },
    {
      title: ct('cal.source'),
      key: 'source',
      width: 90,
      render: (_: unknown, d) =>
        d.source === 'operator' ? (
          <Tag color="gold">{ct('cal.operator')}</Tag>
        ) : (
          <Tag>{ct('cal.builtIn')}</Tag>
        ),
    },
    ...(editable
      ? [
          {
            title: '',
            key: 'restore',
            width: 90,
            render: (_: unknown, d: WorkingDayView) =>
              d.working === weekdayWorking(d.date) ? null : (
                <Button
                  size="small"
                  icon={<UndoOutlined />}
                  onClick={() => setRestoring(d)}
                  data-testid={`day-restore-${d.date}`}
                >
                  {ct('cal.restore')}
                </Button>
              ),
          },
        ]
      : []),
  ]

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Alert type="info" showIcon title={ct('cal.intro')} />
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <Space>
          <Typography.Text>{ct('cal.year')}</Typography.Text>
          <InputNumber
            min={2000}
            max={2100}
            precision={0}
            value={year}
            onChange={(v) => v !== null && v >= 2000 && v <= 2100 && setYear(v)}
            data-testid="days-year"
          />
        </Space>
        {editable ? (
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() => setAdding(true)}
            data-testid="day-add"
          >
            {ct('cal.add')}
          </Button>
        ) : (
          <Typography.Text type="secondary">{ct('cal.readOnly')}</Typography.Text>
        )}
      </Space>
      {days.isError ? <ErrorAlert error={days.error} onRetry={() => days.refetch()} /> : null}
      <Table<WorkingDayView>
        data-testid="working-days"
        rowKey="date"
        size="small"
        loading={days.isPending}
        dataSource={days.data ?? []}
        columns={columns}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: <Empty description={ct('cal.empty')} /> }}
        onRow={(d) =>
          ({
            'data-testid': `day-${d.date}`,
            'data-working': String(d.working),
            'data-source': d.source,
          }) as React.HTMLAttributes<HTMLElement>
        }
      />
      {adding ? <DayModal onClose={() => setAdding(false)} onSaved={(y) => setYear(y)} /> : null}
      {restoring ? (
        <DayModal restore={restoring} onClose={() => setRestoring(null)} onSaved={setYear} />
      ) : null}
    </Space>
  )
}

/** Enters a day, or (with `restore`) counts an entered day by its weekday again. */
function DayModal({
  restore,
  onClose,
  onSaved,
}: {
  restore?: WorkingDayView
  onClose: () => void
  onSaved: (year: number) => void
}) {
  const ct = useCT()
  const lang = useLang()
  const { message } = App.useApp()
  const set = useSetWorkingDay()
  const [form] = Form.useForm<{ date: string; working: boolean; note: string }>()
  const [error, setError] = useState<unknown>(null)
  return (
    <Modal
      open
      title={restore ? ct('cal.restoreTitle', { date: restore.date }) : ct('cal.addTitle')}
      onCancel={onClose}
      destroyOnHidden
      okText={restore ? ct('cal.restore') : ct('cal.add')}
      okButtonProps={{ loading: set.isPending, 'data-testid': 'day-submit' }}
      onOk={() => form.submit()}
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        {error ? <ErrorAlert error={error} /> : null}
        <Form
          form={form}
          layout="vertical"
          initialValues={{ working: false }}
          onFinish={(v) => {
            setError(null)
            const date = restore ? restore.date : v.date
            const working = restore ? weekdayWorking(restore.date) : v.working
            set.mutate(
              { date, body: { working, note: v.note.trim() } },
              {
                onSuccess: (d) => {
                  message.success(ct(restore ? 'cal.restored' : 'cal.saved', { date: d.date }))
                  onSaved(Number(d.date.slice(0, 4)))
                  onClose()
                },
                onError: (e) => {
                  if (!showFieldErrors(form, e, lang, ['date', 'note'])) setError(e)
                },
              },
            )
          }}
        >
          {restore ? null : (
            <>
              <Form.Item
                name="date"
                label={ct('cal.date')}
                rules={[{ required: true, message: ct('required') }]}
              >
                <Input type="date" style={{ width: 200 }} data-testid="day-date" />
              </Form.Item>
              <Form.Item name="working" label={ct('cal.working')}>
                <Radio.Group data-testid="day-working">
                  <Radio value={false}>{ct('cal.markHoliday')}</Radio>
                  <Radio value={true}>{ct('cal.markWorkday')}</Radio>
                </Radio.Group>
              </Form.Item>
            </>
          )}
          <Form.Item
            name="note"
            label={restore ? ct('cal.restoreNote') : ct('cal.note')}
            rules={[{ required: true, whitespace: true, message: ct('required') }]}
          >
            <Input maxLength={NOTE_MAX} showCount data-testid="day-note" />
          </Form.Item>
        </Form>
      </Space>
    </Modal>
  )
}
