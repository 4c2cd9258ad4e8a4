// Small pieces every screen uses: error display, tags for roles and organisation kinds, times, copying.
import { Alert, Button, type FormInstance, Space, Tag, Typography } from 'antd'
import type { OrganisationKind, Role } from '../api/types.ts'
import { ApiError, errorMessage, fieldErrors } from './api.ts'
import { type Lang, orgKindKey, pick, roleKey, useLang, useT } from './i18n.ts'

/** An error from the API, in the current language, with the problem code for whoever reports it. */
export function ErrorAlert({
  error,
  onRetry,
  title,
}: {
  error: unknown
  onRetry?: () => void
  title?: string
}) {
  const lang = useLang()
  const t = useT()
  const code = error instanceof ApiError ? error.code : undefined
  return (
    <Alert
      type="error"
      showIcon
      data-testid="error-alert"
      title={title ?? errorMessage(error, lang)}
      description={
        title || code ? (
          <Space orientation="vertical" size={0}>
            {title ? <span>{errorMessage(error, lang)}</span> : null}
            {code ? <code>{code}</code> : null}
          </Space>
        ) : undefined
      }
      action={
        onRetry ? (
          <Button size="small" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        ) : undefined
      }
    />
  )
}

/** Organisation kinds in the order the measures name them: the city CAC, departments, counties, procuratorate. */
export const KIND_ORDER: readonly OrganisationKind[] = [
  'cac',
  'department',
  'county',
  'procuratorate',
  'platform',
]

const KIND_COLOURS: Record<OrganisationKind, string> = {
  cac: 'volcano',
  department: 'blue',
  county: 'geekblue',
  procuratorate: 'purple',
  platform: 'green',
}

export function OrgKindTag({ kind }: { kind: OrganisationKind }) {
  const t = useT()
  return (
    <Tag color={KIND_COLOURS[kind]} data-testid={`org-kind-${kind}`}>
      {t(orgKindKey(kind))}
    </Tag>
  )
}

const ADMIN_ROLES: readonly Role[] = ['platform_admin', 'regulator_admin']

export function RoleTags({ roles }: { roles: readonly Role[] }) {
  const t = useT()
  return (
    <Space size={[0, 4]} wrap>
      {roles.map((r) => (
        <Tag key={r} color={ADMIN_ROLES.includes(r) ? 'gold' : 'blue'}>
          {t(roleKey(r))}
        </Tag>
      ))}
    </Space>
  )
}

/** Both names of something named in two languages: the current one first, the other one quieter. */
export function BilingualName({ zh, en }: { zh: string; en: string }) {
  const lang = useLang()
  return (
    <span>
      {pick(lang, zh, en)}
      <br />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {pick(lang, en, zh)}
      </Typography.Text>
    </span>
  )
}

export function formatTime(iso: string | null, lang: Lang): string | null {
  if (iso === null) return null
  const d = new Date(iso)
  if (Number.isNaN(d.getTime())) return iso
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(d)
}

/** A local date and time to the second, for times that are compared closely (ledger, deliveries). */
export function formatInstant(at: string | number, lang: Lang): string {
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return String(at)
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'medium',
  }).format(d)
}

/** `abcd1234…ef567890` for a long hash or key; show it with the whole value copyable. */
export function shortHash(text: string): string {
  return text.length > 20 ? `${text.slice(0, 8)}…${text.slice(-8)}` : text
}

/**
 * Puts the API's per-field problems beside the form's fields. Returns true when at least one landed on a field,
 * so the caller shows a general alert only when none did.
 */
export function showFieldErrors(
  form: FormInstance,
  error: unknown,
  lang: Lang,
  fields: readonly string[],
): boolean {
  const byField = fieldErrors(error)
  const found = [...byField.entries()].filter(([name]) => fields.includes(name))
  form.setFields(
    found.map(([name, problems]) => ({ name, errors: problems.map((p) => pick(lang, p.zh, p.en)) })),
  )
  return found.length > 0
}

/** Copies text, with a fallback for pages not served from a secure origin (no Clipboard API there). */
export async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text)
      return true
    }
  } catch {
    // fall through to the old way
  }
  const area = document.createElement('textarea')
  area.value = text
  area.setAttribute('readonly', '')
  area.style.position = 'fixed'
  area.style.opacity = '0'
  document.body.appendChild(area)
  area.select()
  try {
    return document.execCommand('copy')
  } catch {
    return false
  } finally {
    area.remove()
  }
}
