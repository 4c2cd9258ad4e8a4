// Registers a peer, or changes one: its names, address and key. The id and kind of a registered peer stay as they
// are (the ledger names the peer by its id). The rules are the server's, checked here first.
import { App, Button, Form, Input, Modal, Select } from 'antd'
import { useState } from 'react'
import type { AddPeerBody, NodeRole, PeerView, UpdatePeerBody } from '../../api/types.ts'
import { useLang, useT } from '../../app/i18n.ts'
import { ErrorAlert, showFieldErrors } from '../../app/ui.tsx'
import {
  BASE_URL_MAX,
  BASE_URL_PATTERN,
  cleanKey,
  NAME_EN_MAX,
  NAME_ZH_MAX,
  NODE_ID_PATTERN,
  PUBLIC_KEY_PATTERN,
  useAddPeer,
  useUpdatePeer,
} from './protocolApi.ts'

interface PeerForm {
  nodeId: string
  kind: NodeRole
  nameZh: string
  nameEn: string
  baseUrl: string
  publicKey: string
}

const FIELDS = ['nodeId', 'kind', 'nameZh', 'nameEn', 'baseUrl', 'publicKey'] as const

/** `peer` absent: register a new one. `self`: this node's own id and key, which a peer cannot have. */
export function PeerFormModal({
  peer,
  self,
  onClose,
}: {
  peer?: PeerView
  self: { nodeId: string; publicKey: string } | undefined
  onClose: () => void
}) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const [form] = Form.useForm<PeerForm>()
  const add = useAddPeer()
  const update = useUpdatePeer()
  const [generalError, setGeneralError] = useState<unknown>(null)
  const busy = add.isPending || update.isPending
  const editing = peer !== undefined

  const onError = (e: unknown) => {
    if (!showFieldErrors(form, e, lang, FIELDS)) setGeneralError(e)
  }

  const submit = (v: PeerForm) => {
    setGeneralError(null)
    const values = {
      nameZh: v.nameZh.trim(),
      nameEn: v.nameEn.trim(),
      baseUrl: v.baseUrl.trim(),
      publicKey: cleanKey(v.publicKey),
    }
    if (!editing) {
      const body: AddPeerBody = { nodeId: v.nodeId.trim(), kind: v.kind, ...values }
      add.mutate(body, {
        onSuccess: (p) => {
          message.success(t('protocol.peer.registered', { nodeId: p.nodeId }))
          onClose()
        },
        onError,
      })
      return
    }
    // Only what changed: the ledger records which fields an admin changed.
    const body: UpdatePeerBody = {}
    for (const key of ['nameZh', 'nameEn', 'baseUrl', 'publicKey'] as const) {
      if (values[key] !== peer[key]) body[key] = values[key]
    }
    if (Object.keys(body).length === 0) {
      message.info(t('protocol.peer.unchanged'))
      onClose()
      return
    }
    update.mutate(
      { nodeId: peer.nodeId, body },
      {
        onSuccess: () => {
          message.success(t('protocol.peer.saved', { nodeId: peer.nodeId }))
          onClose()
        },
        onError,
      },
    )
  }

  const notSelf =
    (field: 'nodeId' | 'publicKey', clean: (s: string) => string) =>
    (_: unknown, value: string | undefined) =>
      self && value && clean(value) === self[field]
        ? Promise.reject(new Error(t('protocol.form.isSelf')))
        : Promise.resolve()

  return (
    <Modal
      open
      title={editing ? t('protocol.peer.editTitle', { nodeId: peer.nodeId }) : t('protocol.peer.register')}
      onCancel={onClose}
      destroyOnHidden
      width={600}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={busy}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={busy}
          onClick={() => form.submit()}
          data-testid="peer-form-submit"
        >
          {editing ? t('common.save') : t('protocol.peer.registerSubmit')}
        </Button>,
      ]}
    >
      {generalError ? (
        <div style={{ marginBottom: 16 }}>
          <ErrorAlert error={generalError} />
        </div>
      ) : null}
      <Form<PeerForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        disabled={busy}
        initialValues={
          peer
            ? {
                nodeId: peer.nodeId,
                kind: peer.kind,
                nameZh: peer.nameZh,
                nameEn: peer.nameEn,
                baseUrl: peer.baseUrl,
                publicKey: peer.publicKey,
              }
            : { kind: 'platform' }
        }
      >
        <Form.Item
          name="nodeId"
          label={t('protocol.form.nodeId')}
          extra={editing ? undefined : t('protocol.form.nodeIdHint')}
          rules={
            editing
              ? []
              : [
                  { required: true, whitespace: true, message: t('protocol.form.nodeIdRequired') },
                  { pattern: NODE_ID_PATTERN, message: t('protocol.form.nodeIdPattern') },
                  { validator: notSelf('nodeId', (s) => s.trim()) },
                ]
          }
        >
          <Input
            autoComplete="off"
            maxLength={63}
            disabled={editing}
            placeholder="platform-c"
            data-testid="peer-form-node-id"
          />
        </Form.Item>
        <Form.Item
          name="kind"
          label={t('protocol.form.kind')}
          rules={[{ required: true, message: t('protocol.form.kindRequired') }]}
        >
          <Select<NodeRole>
            disabled={editing}
            data-testid="peer-form-kind"
            options={[
              { value: 'regulator', label: t('node.kind.regulator') },
              { value: 'platform', label: t('node.kind.platform') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="nameZh"
          label={t('protocol.form.nameZh')}
          rules={[{ required: true, whitespace: true, message: t('protocol.form.nameZhRequired') }]}
        >
          <Input autoComplete="off" maxLength={NAME_ZH_MAX} data-testid="peer-form-name-zh" />
        </Form.Item>
        <Form.Item
          name="nameEn"
          label={t('protocol.form.nameEn')}
          rules={[{ required: true, whitespace: true, message: t('protocol.form.nameEnRequired') }]}
        >
          <Input autoComplete="off" maxLength={NAME_EN_MAX} data-testid="peer-form-name-en" />
        </Form.Item>
        <Form.Item
          name="baseUrl"
          label={t('protocol.form.baseUrl')}
          extra={t('protocol.form.baseUrlHint')}
          rules={[
            { required: true, whitespace: true, message: t('protocol.form.baseUrlRequired') },
            {
              validator: (_, value: string | undefined) =>
                !value?.trim() || BASE_URL_PATTERN.test(value.trim())
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('protocol.form.baseUrlPattern'))),
            },
          ]}
        >
          <Input
            autoComplete="off"
            maxLength={BASE_URL_MAX}
            placeholder="https://platform-c.example.cn"
            data-testid="peer-form-base-url"
          />
        </Form.Item>
        <Form.Item
          name="publicKey"
          label={t('protocol.form.publicKey')}
          extra={t('protocol.form.publicKeyHint')}
          rules={[
            { required: true, whitespace: true, message: t('protocol.form.publicKeyRequired') },
            {
              validator: (_, value: string | undefined) =>
                !value?.trim() || PUBLIC_KEY_PATTERN.test(cleanKey(value))
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('protocol.form.publicKeyPattern'))),
            },
            { validator: notSelf('publicKey', cleanKey) },
          ]}
        >
          <Input.TextArea
            autoComplete="off"
            autoSize={{ minRows: 1, maxRows: 3 }}
            spellCheck={false}
            style={{ fontFamily: 'monospace' }}
            data-testid="peer-form-public-key"
          />
        </Form.Item>
      </Form>
    </Modal>
  )
}
