// The public's report form (A18, A8.2): category, where it was seen, a link and what it says, the county if known,
// an optional name and contact (sealed on the server), and up to three files checked here by size and first bytes
// as the server checks them. Afterwards the tracking code, with a copy button and the way to the lookup.
import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Collapse,
  Form,
  Input,
  List,
  Result,
  Select,
  Space,
  Typography,
} from 'antd'
import { useRef, useState } from 'react'
import { Link } from 'react-router'
import type {
  EvidenceFileBody,
  FilePublicReportBody,
  PublicReportReceipt,
  ReportCategoryKey,
} from '../api/types.ts'
import { pick, useLang } from '../app/i18n.ts'
import { copyText, ErrorAlert, formatTime, showFieldErrors } from '../app/ui.tsx'
import { ACCEPT, MAX_FILES, readEvidence } from './files.ts'
import { usePublicTitle } from './PublicReportFrame.tsx'
import { useFilePublicReport, usePublicReportGuide } from './publicReportApi.ts'
import { usePT } from './strings.ts'

interface FormValues {
  category: ReportCategoryKey
  platform: string
  link?: string
  description: string
  county?: string
  reporterName?: string
  reporterContact?: string
}

const FIELDS = ['category', 'platform', 'link', 'description', 'county', 'reporterName', 'reporterContact']
const CONTACT = /^(?:[^\s@]+@[^\s@]+\.[^\s@]{2,}|(?:\+?86)?1[3-9]\d{9}|0\d{2,3}\d{7,8})$/

const sizeText = (bytes: number) =>
  bytes < 1024 ? `${bytes} B` : `${Math.round(bytes / 1024).toLocaleString()} KB`

const present = (s: string | undefined) => (s !== undefined && s.trim() !== '' ? s.trim() : undefined)

export default function ReportFormScreen() {
  const pt = usePT()
  const lang = useLang()
  const guide = usePublicReportGuide()
  const submit = useFilePublicReport()
  const [form] = Form.useForm<FormValues>()
  const [files, setFiles] = useState<{ file: EvidenceFileBody; size: number }[]>([])
  const [fileError, setFileError] = useState<string | null>(null)
  const [receipt, setReceipt] = useState<PublicReportReceipt | null>(null)
  const picker = useRef<HTMLInputElement>(null)
  usePublicTitle(pt('form.title'))

  if (receipt) {
    return (
      <Receipt
        receipt={receipt}
        onAgain={() => {
          setReceipt(null)
          setFiles([])
          submit.reset()
          form.resetFields()
        }}
      />
    )
  }

  const onPick = async (list: FileList | null) => {
    const chosen = [...(list ?? [])]
    const problems: string[] = []
    const next = [...files]
    for (const f of chosen) {
      if (next.length >= MAX_FILES) {
        problems.push(pt('form.files.tooMany', { n: MAX_FILES }))
        break
      }
      const r = await readEvidence(f)
      if (r.ok) next.push({ file: r.file, size: r.size })
      else
        problems.push(
          pt(r.reason === 'tooLarge' ? 'form.files.tooLarge' : 'form.files.wrongType', { name: r.name }),
        )
    }
    setFiles(next)
    setFileError(problems.length > 0 ? problems.join('；') : null)
    if (picker.current) picker.current.value = ''
  }

  const onFinish = (v: FormValues) => {
    const link = present(v.link)
    const reporterName = present(v.reporterName)
    const reporterContact = present(v.reporterContact)
    const body: FilePublicReportBody = {
      category: v.category,
      platform: v.platform.trim(),
      description: v.description.trim(),
      ...(link ? { link } : {}),
      ...(v.county ? { county: v.county } : {}),
      ...(reporterName ? { reporterName } : {}),
      ...(reporterContact ? { reporterContact } : {}),
      ...(files.length > 0 ? { evidence: files.map((f) => f.file) } : {}),
    }
    submit.mutate(body, {
      onSuccess: (r) => {
        setReceipt(r)
        window.scrollTo(0, 0)
      },
      onError: (e) => showFieldErrors(form, e, lang, FIELDS),
    })
  }

  const g = guide.data
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {pt('form.title')}
      </Typography.Title>
      {g ? <Alert type="info" showIcon title={pt('form.intro', { days: g.days })} /> : null}
      {g ? (
        <Collapse
          size="small"
          items={[
            {
              key: 'steps',
              label: pt('form.steps'),
              children: (
                <ol style={{ margin: 0, paddingInlineStart: 20 }} data-testid="preport-steps">
                  {(lang === 'zh' ? g.stepsZh : g.stepsEn).map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ol>
              ),
            },
          ]}
        />
      ) : null}
      {guide.isError ? <ErrorAlert error={guide.error} onRetry={() => guide.refetch()} /> : null}
      <Card>
        <Form<FormValues>
          form={form}
          layout="vertical"
          onFinish={onFinish}
          requiredMark="optional"
          disabled={!g}
        >
          <Form.Item
            name="category"
            label={pt('form.category')}
            rules={[{ required: true, message: pt('form.category.required') }]}
          >
            <Select
              data-testid="preport-category"
              options={(g?.categories ?? []).map((c) => ({
                value: c.key,
                label: `${pick(lang, c.zh, c.en)} — ${pick(lang, c.descriptionZh, c.descriptionEn)}`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="platform"
            label={pt('form.platform')}
            rules={[{ required: true, whitespace: true, message: pt('form.platform.required') }]}
          >
            <Input
              data-testid="preport-platform"
              maxLength={200}
              placeholder={pt('form.platform.placeholder')}
            />
          </Form.Item>
          <Form.Item
            name="link"
            label={pt('form.link')}
            rules={[{ pattern: /^\s*(https?:\/\/\S+)?\s*$/i, message: pt('form.link.invalid') }]}
          >
            <Input
              data-testid="preport-link"
              type="url"
              inputMode="url"
              maxLength={1000}
              placeholder="https://"
            />
          </Form.Item>
          <Form.Item
            name="description"
            label={pt('form.description')}
            rules={[{ required: true, whitespace: true, message: pt('form.description.required') }]}
          >
            <Input.TextArea
              data-testid="preport-description"
              rows={5}
              maxLength={2000}
              showCount
              placeholder={pt('form.description.placeholder')}
            />
          </Form.Item>
          <Form.Item name="county" label={pt('form.county')}>
            <Select
              data-testid="preport-county"
              allowClear
              placeholder={pt('form.county.placeholder')}
              options={(g?.counties ?? []).map((c) => ({ value: c.code, label: pick(lang, c.zh, c.en) }))}
            />
          </Form.Item>

          <Form.Item label={pt('form.files')} extra={pt('form.files.hint', { n: MAX_FILES })}>
            <input
              ref={picker}
              type="file"
              multiple
              accept={ACCEPT}
              style={{ display: 'none' }}
              data-testid="preport-files"
              onChange={(e) => void onPick(e.target.files)}
            />
            <Space orientation="vertical" style={{ width: '100%' }}>
              <Button
                icon={<PaperClipOutlined />}
                disabled={files.length >= MAX_FILES || !g}
                onClick={() => picker.current?.click()}
                data-testid="preport-files-choose"
              >
                {pt('form.files.choose')}
              </Button>
              {fileError ? (
                <Alert type="warning" showIcon title={fileError} data-testid="preport-files-error" />
              ) : null}
              {files.length > 0 ? (
                <List
                  size="small"
                  bordered
                  dataSource={files}
                  data-testid="preport-files-list"
                  renderItem={(f, i) => (
                    <List.Item
                      actions={[
                        <Button
                          key="remove"
                          size="small"
                          type="text"
                          icon={<DeleteOutlined />}
                          aria-label={pt('form.files.remove')}
                          onClick={() => setFiles(files.filter((_, j) => j !== i))}
                        />,
                      ]}
                    >
                      <Typography.Text ellipsis style={{ maxWidth: '70%' }}>
                        {f.file.name}
                      </Typography.Text>
                      <Typography.Text type="secondary">{sizeText(f.size)}</Typography.Text>
                    </List.Item>
                  )}
                />
              ) : null}
            </Space>
          </Form.Item>

          <Card size="small" title={pt('form.identity')} style={{ marginBottom: 24 }}>
            <Typography.Paragraph type="secondary" style={{ fontSize: 13 }}>
              {pt('form.identity.hint')}
            </Typography.Paragraph>
            <Form.Item name="reporterName" label={pt('form.name')}>
              <Input data-testid="preport-name" maxLength={50} autoComplete="name" />
            </Form.Item>
            <Form.Item
              name="reporterContact"
              label={pt('form.contact')}
              style={{ marginBottom: 0 }}
              rules={[
                {
                  validator: async (_, value: string | undefined) => {
                    const v = (value ?? '').replace(/[\s\-()]/g, '')
                    if (v !== '' && !CONTACT.test(v)) throw new Error(pt('form.contact.invalid'))
                  },
                },
              ]}
            >
              <Input data-testid="preport-contact" maxLength={100} autoComplete="tel" />
            </Form.Item>
          </Card>

          {submit.isError ? (
            <div style={{ marginBottom: 16 }}>
              <ErrorAlert error={submit.error} title={pt('form.failed')} />
            </div>
          ) : null}
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={submit.isPending}
            data-testid="preport-submit"
          >
            {pt('form.submit')}
          </Button>
        </Form>
      </Card>
    </Space>
  )
}

function Receipt({ receipt, onAgain }: { receipt: PublicReportReceipt; onAgain: () => void }) {
  const pt = usePT()
  const lang = useLang()
  const { message } = App.useApp()
  usePublicTitle(pt('done.title'))
  return (
    <Card data-testid="preport-receipt">
      <Result
        status="success"
        title={pt('done.title')}
        subTitle={pick(lang, receipt.noticeZh, receipt.noticeEn)}
        style={{ padding: '16px 0' }}
      />
      <Space orientation="vertical" size={12} style={{ width: '100%', textAlign: 'center' }}>
        <Typography.Text type="secondary">{pt('done.code')}</Typography.Text>
        <Typography.Text
          strong
          data-testid="preport-code"
          style={{ fontFamily: 'monospace', fontSize: 'clamp(15px, 5vw, 22px)', whiteSpace: 'nowrap' }}
        >
          {receipt.code}
        </Typography.Text>
        <Button
          type="primary"
          data-testid="preport-copy"
          onClick={async () => {
            if (await copyText(receipt.code)) message.success(pt('done.copied'))
            else message.warning(pt('done.copyFailed'))
          }}
        >
          {pt('done.copy')}
        </Button>
        <Alert type="warning" showIcon title={pt('done.keep')} />
        <Typography.Text>
          {pt('done.deadline')}：
          <span data-testid="preport-deadline">{formatTime(receipt.deadlineAt, lang)}</span>
        </Typography.Text>
        <Space wrap style={{ justifyContent: 'center' }}>
          <Link to={`/p/report/status#${receipt.code}`} data-testid="preport-lookup">
            <Button>{pt('done.lookup')}</Button>
          </Link>
          <Button type="link" onClick={onAgain}>
            {pt('done.again')}
          </Button>
        </Space>
      </Space>
    </Card>
  )
}
