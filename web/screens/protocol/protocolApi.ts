// The protocol page's queries and changes: peers (and this node's own id and key), the outbox, the inbox; and the
// client-side form rules, the same as the server's route schemas (src/protocol/routes.ts) so a form can say at once.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  AddPeerBody,
  InboxEnvelope,
  Items,
  OutboxAnswer,
  OutboxStatus,
  PeerDirectoryEntry,
  PeersAnswer,
  PeerView,
  UpdatePeerBody,
} from '../../api/types.ts'
import { get, patch, post } from '../../app/api.ts'

export const protocolKeys = {
  all: ['protocol'] as const,
  peers: ['protocol', 'peers'] as const,
  outboxAll: ['protocol', 'outbox'] as const,
  outbox: (status: OutboxStatus | 'all') => ['protocol', 'outbox', status] as const,
  inbox: ['protocol', 'inbox'] as const,
}

/** The statuses of an outbox message, in the order a message goes through them. */
export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['pending', 'delivered', 'failed']

/** How often the outbox tab refreshes while it is open. */
export const OUTBOX_REFRESH_MS = 3000
/** How many messages and envelopes a tab fetches (the server allows up to 500). */
export const LIST_LIMIT = 200

// The server's rules (src/protocol/routes.ts).
export const NODE_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/
export const BASE_URL_PATTERN = /^https?:\/\/[^\s]+$/
export const BASE_URL_MAX = 300
/** A 32-byte Ed25519 key in standard base64: 43 characters and one `=`. */
export const PUBLIC_KEY_PATTERN = /^[A-Za-z0-9+/]{43}=$/
export const NAME_ZH_MAX = 80
export const NAME_EN_MAX = 120

/** A key as pasted, with the line breaks and spaces a copy may bring along taken out. */
export function cleanKey(key: string): string {
  return key.replace(/\s+/g, '')
}

/** Needs `protocol.read`. */
/** Any staff member: the peers by name (whom orders, bulletins and transfers go to). */
export function usePeerDirectory() {
  return useQuery({
    queryKey: ['protocol', 'directory'],
    queryFn: async () => (await get<Items<PeerDirectoryEntry>>('/api/protocol/directory')).items,
    staleTime: 60_000,
  })
}

export function usePeers(enabled = true) {
  return useQuery({
    queryKey: protocolKeys.peers,
    queryFn: () => get<PeersAnswer>('/api/protocol/peers'),
    enabled,
  })
}

/** Needs `protocol.read`. Refreshes every few seconds while mounted: deliveries move by the second. */
export function useOutbox(status: OutboxStatus | 'all') {
  return useQuery({
    queryKey: protocolKeys.outbox(status),
    queryFn: () => {
      const params = new URLSearchParams({ limit: String(LIST_LIMIT) })
      if (status !== 'all') params.set('status', status)
      return get<OutboxAnswer>(`/api/protocol/outbox?${params}`)
    },
    refetchInterval: OUTBOX_REFRESH_MS,
    placeholderData: keepPreviousData,
  })
}

/** Needs `protocol.read`. */
export function useInbox() {
  return useQuery({
    queryKey: protocolKeys.inbox,
    queryFn: async () => (await get<Items<InboxEnvelope>>(`/api/protocol/inbox?limit=${LIST_LIMIT}`)).items,
  })
}

/** Needs `protocol.manage`. */
export function useAddPeer() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: AddPeerBody) => post<PeerView>('/api/protocol/peers', body),
    onSuccess: () => client.invalidateQueries({ queryKey: protocolKeys.peers }),
  })
}

/** Needs `protocol.manage`: names, address, key, or suspended / active. */
export function useUpdatePeer() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: ({ nodeId, body }: { nodeId: string; body: UpdatePeerBody }) =>
      patch<PeerView>(`/api/protocol/peers/${encodeURIComponent(nodeId)}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: protocolKeys.peers }),
  })
}

/** Needs `protocol.manage`. Queues a signed ping; the answer names the envelope, which is also its outbox id. */
export function usePing() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (nodeId: string) =>
      post<{ envelopeId: string }>(`/api/protocol/peers/${encodeURIComponent(nodeId)}/ping`),
    onSuccess: () => client.invalidateQueries({ queryKey: protocolKeys.outboxAll }),
  })
}

/** Needs `protocol.manage`. Puts a pending or failed message back at the front of the queue. */
export function useRetry() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => post<void>(`/api/protocol/outbox/${encodeURIComponent(id)}/retry`),
    onSuccess: () => client.invalidateQueries({ queryKey: protocolKeys.outboxAll }),
  })
}
