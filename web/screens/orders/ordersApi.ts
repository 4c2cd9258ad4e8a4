// Orders (责令, A19) on both kinds of node. The regulator lists the orders it issued (by platform and status) and
// issues new ones; a platform lists the orders it received and executes them. Both lists ask again every 3 s while
// something is still moving: on the regulator an order not yet executed, or executed with its proof still on the
// way; on a platform an order whose claim is still being swept.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { IssueOrderBody, Items, OrderView, ReceivedOrderView } from '../../api/types.ts'
import { get, post } from '../../app/api.ts'

export type OrderStatus = OrderView['status']

export const orderKeys = {
  all: ['orders'] as const,
  list: (platform: string | null, status: OrderStatus | null) =>
    ['orders', 'list', platform ?? 'all', status ?? 'all'] as const,
  received: ['orders', 'received'] as const,
}

/** How often a list with an order still moving asks again. */
export const ORDER_POLL_MS = 3000
const IDLE_REFRESH_MS = 30_000

/** The server's bounds on an order (src/regulator/orders/routes.ts). */
export const ITEM_IDS_MAX = 500
export const CLAIM_MAX = 2000
export const BASIS_MAX = 500
export const REASON_MAX = 1000

/** The legal basis an order usually cites: the measures' article on orders to platforms. */
export const DEFAULT_BASIS = '《通化市网络虚假信息治理办法》第十九条'

/** Whether the platform has yet to act on an order, or to prove what it did. */
export function moving(o: OrderView): boolean {
  if (o.status === 'issued' || o.status === 'acknowledged') return true
  // executed: the proof follows once the platform's checkpoint covers its entries — unless it has nothing to file
  return o.status === 'executed' && o.proof === null && o.execution?.filingId != null
}

/** Needs `order.read` on a regulator node. */
export function useOrders(platform: string | null, status: OrderStatus | null) {
  return useQuery({
    queryKey: orderKeys.list(platform, status),
    queryFn: async () => {
      const params = new URLSearchParams()
      if (platform) params.set('platform', platform)
      if (status) params.set('status', status)
      const query = params.toString()
      return (await get<Items<OrderView>>(`/api/orders${query ? `?${query}` : ''}`)).items
    },
    placeholderData: keepPreviousData,
    refetchInterval: (q) => (q.state.data?.some(moving) ? ORDER_POLL_MS : IDLE_REFRESH_MS),
  })
}

/** Needs `order.issue`. */
export function useIssueOrder() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: IssueOrderBody) => post<OrderView>('/api/orders', body),
    onSuccess: () => client.invalidateQueries({ queryKey: orderKeys.all }),
  })
}

/** Needs `order.read` on a platform node. */
export function useReceivedOrders() {
  return useQuery({
    queryKey: orderKeys.received,
    queryFn: async () => (await get<Items<ReceivedOrderView>>('/api/orders')).items,
    refetchInterval: (q) =>
      q.state.data?.some((o) => o.status === 'executing') ? ORDER_POLL_MS : IDLE_REFRESH_MS,
  })
}

/** Needs `order.execute`. The answer is the order as it now is: executed, or executing while a claim is swept. */
export function useExecuteOrder() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => post<ReceivedOrderView>(`/api/orders/${encodeURIComponent(id)}/execute`),
    // the answer shows at once (executing while a claim is swept), before the list is asked again
    onSuccess: (o) =>
      client.setQueryData<ReceivedOrderView[]>(orderKeys.received, (list) =>
        list?.map((x) => (x.id === o.id ? o : x)),
      ),
    // a refusal (ORDER_ALREADY_EXECUTED) means someone else executed it: show it as it now is
    onSettled: () => client.invalidateQueries({ queryKey: orderKeys.received }),
  })
}
