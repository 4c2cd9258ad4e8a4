// The peers tab: this node's own id and key (what the other side registers), and the peers this node knows. With
// `protocol.manage` an admin registers, edits, suspends and reactivates peers and sends them a signed ping.
import {
  ApiOutlined,
  EditOutlined,
  PauseCircleOutlined,
  PlayCircleOutlined,
  PlusOutlined,
} from '@ant-design/icons'
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tooltip,
  Typography,
} from 'antd'
import { useState } from 'react'
import type { NodeRole, PeersAnswer, PeerView } from '../../api/types.ts'
import { errorMessage } from '../../app/api.ts'
import { pick, useLang, useT } from '../../app/i18n.ts'
import { useNode } from '../../app/queries.ts'
import { useCan } from '../../app/session.tsx'
import { BilingualName, ErrorAlert, formatInstant, shortHash } from '../../app/ui.tsx'
import { PeerFormModal } from './PeerFormModal.tsx'
import { usePeers, usePing, useUpdatePeer } from './protocolApi.ts'
import { NodeKindTag, PeerStatusTag, ShortKey } from './protocolUi.tsx'

type Dialog = { kind: 'register' } | { kind: 'edit'; peer: PeerView } | null

export function PeersTab({ onShowOutbox }: { onShowOutbox: () => void }) {
  const t = useT()
  const lang = useLang()
  const can = useCan()
  const manage = can('protocol.manage')
  const peers = usePeers()
  const [dialog, setDialog] = useState<Dialog>(null)

  const columns: TableColumnsType<PeerView> = [
    {
      title: t('protocol.peer.nodeId'),
      dataIndex: 'nodeId',
      key: 'nodeId',
      render: (id: string) => (
        <Typography.Text code style={{ whiteSpace: 'nowrap' }}>
          {id}
        </Typography.Text>
      ),
    },
    {
      title: t('protocol.peer.kind'),
      dataIndex: 'kind',
      key: 'kind',
      render: (kind: NodeRole) => <NodeKindTag kind={kind} />,
    },
    {
      title: t('protocol.peer.name'),
      key: 'name',
      render: (_, p) => <BilingualName zh={p.nameZh} en={p.nameEn} />,
    },
    {
      title: t('protocol.peer.baseUrl'),
      dataIndex: 'baseUrl',
      key: 'baseUrl',
      width: 220,
      render: (url: string) => (
        <Typography.Text code copyable={{ text: url }} ellipsis={{ tooltip: url }} style={{ maxWidth: 200 }}>
          {url}
        </Typography.Text>
      ),
    },
    {
      title: t('protocol.peer.publicKey'),
      dataIndex: 'publicKey',
      key: 'publicKey',
      render: (key: string, p) => <ShortKey value={key} testId={`peer-key-${p.nodeId}`} />,
    },
    {
      title: t('protocol.peer.status'),
      key: 'status',
      render: (_, p) => (
        <Tooltip title={t('protocol.peer.updatedAt', { at: formatInstant(p.updatedAt, lang) })}>
          <span>
            <PeerStatusTag peer={p} />
          </span>
        </Tooltip>
      ),
    },
  ]
  if (manage) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) => (
        <Space size={0} wrap>
          <Button
            type="link"
            size="small"
            icon={<EditOutlined />}
            onClick={() => setDialog({ kind: 'edit', peer: p })}
            data-testid={`peer-edit-${p.nodeId}`}
          >
            {t('protocol.peer.edit')}
          </Button>
          <PingButton peer={p} onShowOutbox={onShowOutbox} />
          <SuspendButton peer={p} />
        </Space>
      ),
    })
  }

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <SelfCard answer={peers.data} loading={peers.isPending} />
      <Card
        title={t('protocol.peers.title')}
        extra={
          manage ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setDialog({ kind: 'register' })}
              data-testid="peer-register"
            >
              {t('protocol.peer.register')}
            </Button>
          ) : null
        }
      >
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t('protocol.peers.intro')} />
          {manage ? null : <Alert type="warning" showIcon title={t('protocol.readOnly')} />}
          {peers.isError ? <ErrorAlert error={peers.error} onRetry={() => peers.refetch()} /> : null}
          <div data-testid="peers-table">
            <Table<PeerView>
              rowKey="nodeId"
              size="middle"
              loading={peers.isPending}
              columns={columns}
              dataSource={peers.data?.items ?? []}
              pagination={{ pageSize: 50, hideOnSinglePage: true }}
              locale={{ emptyText: t('protocol.peers.empty') }}
            />
          </div>
        </Space>
      </Card>
      {dialog ? (
        <PeerFormModal
          peer={dialog.kind === 'edit' ? dialog.peer : undefined}
          self={peers.data?.self}
          onClose={() => setDialog(null)}
        />
      ) : null}
    </Space>
  )
}

/** This node's id and key, to hand to the admin of a node that is to know this one. */
function SelfCard({ answer, loading }: { answer: PeersAnswer | undefined; loading: boolean }) {
  const t = useT()
  const lang = useLang()
  const node = useNode()
  const self = answer?.self
  return (
    <Card title={t('protocol.self.title')} loading={loading} data-testid="protocol-self">
      {self ? (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('protocol.self.intro')}</Typography.Text>
          <Descriptions
            size="small"
            column={1}
            items={[
              {
                key: 'nodeId',
                label: t('protocol.self.nodeId'),
                children: (
                  <Typography.Text code copyable={{ text: self.nodeId }} data-testid="protocol-self-id">
                    {self.nodeId}
                  </Typography.Text>
                ),
              },
              ...(node.data
                ? [
                    {
                      key: 'kind',
                      label: t('protocol.self.kind'),
                      children: (
                        <Space size={8} wrap>
                          <NodeKindTag kind={node.data.role} />
                          <span>{pick(lang, node.data.nameZh, node.data.nameEn)}</span>
                        </Space>
                      ),
                    },
                  ]
                : []),
              {
                key: 'publicKey',
                label: t('protocol.self.publicKey'),
                children: (
                  <Typography.Text
                    code
                    copyable={{ text: self.publicKey }}
                    style={{ wordBreak: 'break-all' }}
                    data-testid="protocol-self-key"
                  >
                    {self.publicKey}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </Space>
      ) : null}
    </Card>
  )
}

function PingButton({ peer, onShowOutbox }: { peer: PeerView; onShowOutbox: () => void }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const ping = usePing()
  const suspended = peer.status !== 'active'
  return (
    <Button
      type="link"
      size="small"
      icon={<ApiOutlined />}
      loading={ping.isPending}
      disabled={suspended}
      title={suspended ? t('protocol.ping.suspended') : undefined}
      data-testid={`peer-ping-${peer.nodeId}`}
      onClick={() =>
        ping.mutate(peer.nodeId, {
          onSuccess: ({ envelopeId }) => {
            message.success({
              content: (
                <span data-testid="peer-ping-sent" data-envelope-id={envelopeId}>
                  {t('protocol.ping.sent', { nodeId: peer.nodeId, id: shortHash(envelopeId) })}{' '}
                  <Button type="link" size="small" onClick={onShowOutbox} style={{ padding: 0 }}>
                    {t('protocol.ping.showOutbox')}
                  </Button>
                </span>
              ),
              duration: 6,
            })
          },
          onError: (e) => {
            message.error(errorMessage(e, lang))
          },
        })
      }
    >
      {t('protocol.ping')}
    </Button>
  )
}

function SuspendButton({ peer }: { peer: PeerView }) {
  const t = useT()
  const lang = useLang()
  const { message } = App.useApp()
  const update = useUpdatePeer()
  const suspending = peer.status === 'active'
  const name = `${pick(lang, peer.nameZh, peer.nameEn)} (${peer.nodeId})`
  return (
    <Popconfirm
      title={t(suspending ? 'protocol.peer.confirmSuspend' : 'protocol.peer.confirmReactivate', { name })}
      okText={t(suspending ? 'protocol.peer.suspend' : 'protocol.peer.reactivate')}
      okButtonProps={{ danger: suspending }}
      cancelText={t('common.cancel')}
      onConfirm={() =>
        update
          .mutateAsync({ nodeId: peer.nodeId, body: { status: suspending ? 'suspended' : 'active' } })
          .then(
            () => {
              message.success(
                t(suspending ? 'protocol.peer.suspendedDone' : 'protocol.peer.reactivatedDone', { name }),
              )
            },
            (e: unknown) => {
              message.error(errorMessage(e, lang))
            },
          )
      }
    >
      <Button
        type="link"
        size="small"
        danger={suspending}
        icon={suspending ? <PauseCircleOutlined /> : <PlayCircleOutlined />}
        loading={update.isPending}
        data-testid={suspending ? `peer-suspend-${peer.nodeId}` : `peer-reactivate-${peer.nodeId}`}
      >
        {t(suspending ? 'protocol.peer.suspend' : 'protocol.peer.reactivate')}
      </Button>
    </Popconfirm>
  )
}
