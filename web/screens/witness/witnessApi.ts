// The witness page's queries (regulator only, `witness.read`): the alerts, and the checkpoints each platform
// published here. Checkpoints arrive every few seconds to minutes, so the page keeps polling while open.
import { useQueries, useQuery } from '@tanstack/react-query'
import type { Items, WitnessAlert, WitnessedCheckpoint } from '../../api/types.ts'
import { get } from '../../app/api.ts'

export const witnessKeys = {
  all: ['witness'] as const,
  alerts: ['witness', 'alerts'] as const,
  recent: ['witness', 'checkpoints'] as const,
  node: (nodeId: string) => ['witness', 'checkpoints', nodeId] as const,
}

export const WITNESS_REFRESH_MS = 5000
/** Checkpoints shown per platform (the server allows up to 500). */
export const PER_NODE_LIMIT = 100
/** The most recent checkpoints of all platforms, to find which platforms there are. */
const RECENT_LIMIT = 500

export function useWitnessAlerts() {
  return useQuery({
    queryKey: witnessKeys.alerts,
    queryFn: async () => (await get<Items<WitnessAlert>>('/api/witness/alerts')).items,
    refetchInterval: WITNESS_REFRESH_MS,
  })
}

/** The platforms that published here recently, from the latest checkpoints of all of them. */
export function useWitnessedNodes() {
  return useQuery({
    queryKey: witnessKeys.recent,
    queryFn: async () =>
      (await get<Items<WitnessedCheckpoint>>(`/api/witness/checkpoints?limit=${RECENT_LIMIT}`)).items,
    select: (items) => [...new Set(items.map((c) => c.nodeId))],
    refetchInterval: WITNESS_REFRESH_MS,
  })
}

/** The checkpoints of each platform, one query each, so a busy platform cannot crowd out a quiet one. */
export function useNodeCheckpoints(nodeIds: readonly string[]) {
  return useQueries({
    queries: nodeIds.map((nodeId) => ({
      queryKey: witnessKeys.node(nodeId),
      queryFn: async () =>
        (
          await get<Items<WitnessedCheckpoint>>(
            `/api/witness/checkpoints?nodeId=${encodeURIComponent(nodeId)}&limit=${PER_NODE_LIMIT}`,
          )
        ).items,
      refetchInterval: WITNESS_REFRESH_MS,
    })),
  })
}
