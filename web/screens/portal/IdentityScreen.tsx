// Real-name verification (A13.2): the user's real name and resident ID number, checked by the server, which names
// every check that failed. The identity is sealed on the server and never shown again; the display name stays.
import { IdcardOutlined, LockOutlined, UserOutlined } from '@ant-design/icons'
import { Alert, App, Button, Card, Form, Input, Result, Space, Typography } from 'antd'
import { useState } from 'react'
import { Link, useNavigate } from 'react-router'
import type { FieldProblem } from '../../api/types.ts'
import { ApiError } from '../../app/api.ts'
import { type MessageKey, messages, pick, type Translate, useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert } from '../../app/ui.tsx'
import { useVerifyIdentity } from '../../portal/portalApi.ts'
import { type MeLocationState, usePortalTitle } from '../../portal/portalUi.tsx'
import { RequireUser, useUser } from '../../portal/userSession.tsx'

interface IdentityForm {
  realName: string
  idNumber: string
}

/** The server's bounds (src/platform/accounts/routes.ts). */
const REAL_NAME_MAX = 40
const ID_NUMBER_MAX = 24

/** One failed check, by the form field it belongs to: `idNumber.birthDate` belongs to `idNumber`. */
interface FailedCheck {
  field: 'realName' | 'idNumber'
  check: string
  problem: FieldProblem
}

function failedChecks(e: unknown): FailedCheck[] {
  if (!(e instanceof ApiError)) return []
  return (e.problem.errors ?? []).flatMap((p): FailedCheck[] => {
    const [head, check] = p.field.replace(/^body\./, '').split('.')
    if (head === 'realName') return [{ field: 'realName', check: check ?? 'realName', problem: p }]
    if (head === 'idNumber') return [{ field: 'idNumber', check: check ?? 'idNumber', problem: p }]
    return []
  })
}

function checkName(check: string, t: Translate): string {
  const key = `portal.identity.check.${check}`
  return key in messages.zh ? t(key as MessageKey) : check
}

export default function IdentityScreen() {
  return (
    <RequireUser>
      <Identity />
    </RequireUser>
  )
}

function Identity() {
  const t = useT()
  const lang = useLang()
  const me = useUser()
  const navigate = useNavigate()
  const { message } = App.useApp()
  const verify = useVerifyIdentity()
  const [form] = Form.useForm<IdentityForm>()
  const [failed, setFailed] = useState<FailedCheck[]>([])
  const [generalError, setGeneralError] = useState<unknown>(null)
  usePortalTitle(t('portal.identity.title'))

  if (me.identityVerified && !verify.isPending && !verify.isSuccess) {
    return (
      <Result
        status="success"
        data-testid="portal-identity-already"
        title={t('portal.identity.already')}
        subTitle={t('portal.identity.verifiedDetail')}
        extra={
          <Link to="/u/me">
            <Button type="primary">{t('portal.nav.me')}</Button>
          </Link>
        }
      />
    )
  }

  const submit = (v: IdentityForm) => {
    setFailed([])
    setGeneralError(null)
    verify.mutate(
      { realName: v.realName.trim(), idNumber: v.idNumber.trim().toUpperCase() },
      {
        onSuccess: ({ credit }) => {
          const event = credit.history.find((e) => e.kind === 'identity_verified')
          const delta = event?.delta ?? 0
          const state: MeLocationState = {
            identityDone: { delta, score: credit.score, tier: { zh: credit.tier.zh, en: credit.tier.en } },
          }
          message.success(t('portal.identity.doneShort'))
          navigate('/u/me', { state })
        },
        onError: (e) => {
          const checks = failedChecks(e)
          setFailed(checks)
          form.setFields(
            (['realName', 'idNumber'] as const).map((name) => ({
              name,
              errors: checks
                .filter((c) => c.field === name)
                .map((c) => `${checkName(c.check, t)}：${pick(lang, c.problem.zh, c.problem.en)}`),
            })),
          )
          if (checks.length === 0) setGeneralError(e)
        },
      },
    )
  }

  return (
    <div className="ql-portal-narrow ql-portal-wide">
      <Card title={t('portal.identity.title')} data-testid="portal-identity">
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Alert
            type="info"
            showIcon
            title={t('portal.identity.why')}
            description={t('portal.identity.whyDetail')}
          />
          <Alert
            type="success"
            showIcon
            icon={<LockOutlined />}
            title={t('portal.identity.privacy')}
            description={t('portal.identity.privacyDetail', { name: me.user.displayName })}
            data-testid="portal-identity-privacy"
          />
          {failed.length > 0 ? (
            <Alert
              type="error"
              showIcon
              data-testid="portal-identity-errors"
              title={t('portal.identity.failed', { n: failed.length })}
              description={
                <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                  {failed.map((c) => (
                    <li key={`${c.field}.${c.check}`} data-testid={`portal-identity-check-${c.check}`}>
                      <strong>{checkName(c.check, t)}</strong>：{pick(lang, c.problem.zh, c.problem.en)}
                    </li>
                  ))}
                </ul>
              }
            />
          ) : null}
          {generalError ? <ErrorAlert error={generalError} /> : null}
          <Form<IdentityForm>
            form={form}
            layout="vertical"
            requiredMark={false}
            onFinish={submit}
            disabled={verify.isPending}
            data-testid="portal-identity-form"
            autoComplete="off"
          >
            <Form.Item
              name="realName"
              label={t('portal.identity.realName')}
              extra={t('portal.identity.realNameHint')}
              rules={[{ required: true, whitespace: true, message: t('portal.identity.realNameRequired') }]}
            >
              <Input
                prefix={<UserOutlined />}
                maxLength={REAL_NAME_MAX}
                data-testid="portal-identity-real-name"
              />
            </Form.Item>
            <Form.Item
              name="idNumber"
              label={t('portal.identity.idNumber')}
              extra={t('portal.identity.idNumberHint')}
              rules={[{ required: true, whitespace: true, message: t('portal.identity.idNumberRequired') }]}
            >
              <Input
                prefix={<IdcardOutlined />}
                maxLength={ID_NUMBER_MAX}
                style={{ fontFamily: 'monospace' }}
                data-testid="portal-identity-id-number"
              />
            </Form.Item>
            <Space>
              <Button
                type="primary"
                htmlType="submit"
                loading={verify.isPending}
                data-testid="portal-identity-submit"
              >
                {t('portal.identity.submit')}
              </Button>
              <Link to="/u/me">
                <Button>{t('common.cancel')}</Button>
              </Link>
            </Space>
          </Form>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('portal.identity.footnote')}
          </Typography.Text>
        </Space>
      </Card>
    </div>
  )
}
