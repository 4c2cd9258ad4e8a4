// One entry verified in the browser (verify.ts), step by step: a green tick or a red cross and why, in the current
// language. An entry newer than the latest checkpoint cannot be proved yet: the drawer says so and offers to sign.
import { CheckCircleFilled, CloseCircleFilled, ReloadOutlined } from '@ant-design/icons'
import { Alert, Button, Collapse, Descriptions, Drawer, Space, Spin, Typography, theme } from 'antd'
import type { LedgerEntry } from '../../api/types.ts'
import { useLang, useT } from '../../app/i18n.ts'
import { useCan } from '../../app/session.tsx'
import { ErrorAlert } from '../../app/ui.tsx'
import { NoWebCryptoError, useVerification, type Verification } from './ledgerApi.ts'
import { formatInstant, SignButton, shortHash } from './ledgerUi.tsx'
import type { VerifyStep } from './verify.ts'

export function VerifyDrawer({
  entry,
  attempt,
  onAgain,
  onClose,
}: {
  entry: LedgerEntry
  attempt: number
  onAgain: () => void
  onClose: () => void
}) {
  const t = useT()
  const verification = useVerification(entry, attempt)
  const state = verification.isPending
    ? 'loading'
    : verification.isError
      ? 'error'
      : verification.data.report.pending
        ? 'pending'
        : 'done'

  return (
    <Drawer
      open
      size={640}
      title={t('ledger.verify.title', { index: entry.index })}
      onClose={onClose}
      destroyOnHidden
      extra={
        <Button
          icon={<ReloadOutlined />}
          onClick={onAgain}
          disabled={verification.isPending}
          data-testid="ledger-verify-again"
        >
          {t('ledger.verify.again')}
        </Button>
      }
    >
      <div
        data-testid="ledger-verify-result"
        data-state={state}
        data-ok={String(verification.data?.report.ok ?? false)}
      >
        {verification.isPending ? (
          <div style={{ padding: 48, textAlign: 'center' }}>
            <Spin description={t('ledger.verify.running')} />
          </div>
        ) : verification.isError ? (
          verification.error instanceof NoWebCryptoError ? (
            <Alert type="error" showIcon title={t('ledger.verify.noCrypto')} />
          ) : (
            <ErrorAlert error={verification.error} onRetry={onAgain} />
          )
        ) : (
          <Result entry={entry} verification={verification.data} onAgain={onAgain} />
        )}
      </div>
    </Drawer>
  )
}

function Result({
  entry,
  verification,
  onAgain,
}: {
  entry: LedgerEntry
  verification: Verification
  onAgain: () => void
}) {
  const t = useT()
  const lang = useLang()
  const can = useCan()
  const { report, status, proof } = verification
  const checkpoint = status.checkpoint

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      {report.pending ? (
        <Alert
          type="warning"
          showIcon
          data-testid="ledger-verify-pending"
          title={t('ledger.verify.pendingTitle', { index: entry.index })}
          description={
            <Space orientation="vertical" size={8}>
              <span>
                {checkpoint === null
                  ? t('ledger.verify.pendingNoCheckpoint')
                  : t('ledger.verify.pendingDetail', { size: checkpoint.size, last: checkpoint.size - 1 })}
              </span>
              {can('ledger.checkpoint') ? (
                <SignButton testId="ledger-verify-sign" onSigned={onAgain} />
              ) : (
                <span>{t('ledger.verify.pendingWait')}</span>
              )}
            </Space>
          }
        />
      ) : report.ok ? (
        <Alert
          type="success"
          showIcon
          title={t('ledger.verify.allOk', { index: entry.index, size: report.signedSize ?? 0 })}
        />
      ) : (
        <Alert type="error" showIcon title={t('ledger.verify.failed')} />
      )}

      <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
        {report.steps.map((s) => (
          <StepRow key={s.name} step={s} />
        ))}
      </div>

      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('ledger.verify.trust', { key: status.publicKey })}
      </Typography.Paragraph>

      <Collapse
        size="small"
        items={[
          {
            key: 'technical',
            label: t('ledger.verify.technical'),
            children: (
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'leaf',
                    label: t('ledger.verify.computedLeaf'),
                    children: <Mono text={report.leafHash} />,
                  },
                  {
                    key: 'computedRoot',
                    label: t('ledger.verify.computedRoot'),
                    children: <Mono text={report.computedRoot} />,
                  },
                  {
                    key: 'signedRoot',
                    label: t('ledger.verify.signedRoot'),
                    children: <Mono text={report.signedRoot} />,
                  },
                  {
                    key: 'signedSize',
                    label: t('ledger.verify.signedSize'),
                    children: report.signedSize ?? t('common.none'),
                  },
                  {
                    key: 'signedAt',
                    label: t('ledger.verify.signedAt'),
                    children:
                      report.signedAt === null ? t('common.none') : formatInstant(report.signedAt, lang),
                  },
                  {
                    key: 'keyId',
                    label: t('ledger.verify.keyId'),
                    children: <Mono text={report.keyId} />,
                  },
                  {
                    key: 'proof',
                    label: t('ledger.verify.step.proof'),
                    children: proof ? (
                      <ol style={{ margin: 0, paddingInlineStart: 20 }}>
                        {proof.proof.map((h, i) => (
                          // biome-ignore lint/suspicious/noArrayIndexKey: a proof's position is its identity
                          <li key={i}>
                            <Typography.Text code title={h}>
                              {shortHash(h)}
                            </Typography.Text>
                          </li>
                        ))}
                      </ol>
                    ) : (
                      t('common.none')
                    ),
                  },
                  {
                    key: 'note',
                    label: t('ledger.note'),
                    children: checkpoint ? (
                      <pre
                        style={{ margin: 0, fontFamily: 'monospace', fontSize: 12, whiteSpace: 'pre-wrap' }}
                      >
                        {checkpoint.note}
                      </pre>
                    ) : (
                      t('common.none')
                    ),
                  },
                ]}
              />
            ),
          },
        ]}
      />
    </Space>
  )
}

function StepRow({ step }: { step: VerifyStep }) {
  const t = useT()
  const { token } = theme.useToken()
  return (
    <div
      data-testid={`verify-step-${step.name}`}
      data-ok={String(step.ok)}
      style={{ display: 'flex', gap: 12, alignItems: 'flex-start' }}
    >
      {step.ok ? (
        <CheckCircleFilled
          style={{ color: token.colorSuccess, fontSize: 20, marginTop: 2 }}
          aria-label="ok"
        />
      ) : (
        <CloseCircleFilled
          style={{ color: token.colorError, fontSize: 20, marginTop: 2 }}
          aria-label="failed"
        />
      )}
      <div style={{ minWidth: 0 }}>
        <Typography.Text strong>{t(`ledger.verify.step.${step.name}`)}</Typography.Text>
        <br />
        <Typography.Text type={step.ok ? 'secondary' : 'danger'} style={{ wordBreak: 'break-word' }}>
          {t(`ledger.verify.${step.reason}`, step.vars)}
        </Typography.Text>
      </div>
    </div>
  )
}

function Mono({ text }: { text: string | null }) {
  const t = useT()
  if (text === null) return <>{t('common.none')}</>
  return (
    <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
      {text}
    </Typography.Text>
  )
}
