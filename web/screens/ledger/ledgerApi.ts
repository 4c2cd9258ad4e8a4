// The ledger's queries: the status and latest checkpoint (public), pages of entries (`ledger.read`), signing a
// checkpoint now (`ledger.checkpoint`), and what one verification fetches. Paging is by index, not by offset, so
// a page stays put while the log grows.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  InclusionProof,
  LedgerCheckpoint,
  LedgerEntries,
  LedgerEntry,
  LedgerEntryFilter,
  LedgerStatus,
} from '../../api/types.ts'
import { get, post } from '../../app/api.ts'
import { hasWebCrypto, type VerifyReport, verifyEntry } from './verify.ts'

export const ledgerKeys = {
  all: ['ledger'] as const,
  status: ['ledger', 'status'] as const,
  entries: (q: EntriesQuery) => ['ledger', 'entries', q] as const,
  verify: (index: number, attempt: number) => ['ledger', 'verify', index, attempt] as const,
}

/** The requirement ids of docs/compliance.md, in its order: what an entry's `articles` may hold. */
export const ARTICLES: readonly string[] = [
  'A1–A3',
  'A4',
  'A5.1',
  'A5.2',
  'A6',
  'A7',
  'A8.1',
  'A8.2',
  'A9',
  'A10',
  'A11.1',
  'A11.2',
  'A12.1',
  'A12.2',
  'A13.1',
  'A13.2',
  'A13.3',
  'A14',
  'A15',
  'A16',
  'A17',
  'A18',
  'A19.1',
  'A19.2',
  'A20',
  'A21',
  'A22',
  'A23',
  'A24',
  'A25',
  'A26',
  'A27',
  'A28',
]

export const PAGE_SIZE = 50

/** The filters a person sets; blank ones are left out of the query. */
export type EntryFilters = Pick<
  LedgerEntryFilter,
  'action' | 'subjectType' | 'subjectId' | 'article' | 'actorId'
>

export type Order = 'asc' | 'desc'

/**
 * Where a page starts: `before` takes the entries just below an index (all of the newest when `at` is absent),
 * `after` the entries from an index on. Either way the page is shown in the chosen order.
 */
export type Cursor = { dir: 'before'; at?: number } | { dir: 'after'; at: number }

export const firstCursor = (order: Order): Cursor =>
  order === 'desc' ? { dir: 'before' } : { dir: 'after', at: 0 }

export interface EntriesQuery {
  filters: EntryFilters
  cursor: Cursor
}

function entriesPath({ filters, cursor }: EntriesQuery): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(filters)) {
    if (typeof value === 'string' && value.trim() !== '') params.set(name, value.trim())
  }
  if (cursor.dir === 'before') {
    params.set('order', 'desc')
    if (cursor.at !== undefined) params.set('to', String(cursor.at))
  } else {
    params.set('order', 'asc')
    params.set('from', String(cursor.at))
  }
  params.set('limit', String(PAGE_SIZE))
  return `/api/ledger/entries?${params}`
}

export function useLedgerStatus() {
  return useQuery({
    queryKey: ledgerKeys.status,
    queryFn: () => get<LedgerStatus>('/api/ledger/checkpoint'),
    // The sequencing gap and pending count move by the second; poll while the page is open.
    refetchInterval: 5000,
  })
}

/** Needs `ledger.read`. */
export function useLedgerEntries(q: EntriesQuery) {
  return useQuery({
    queryKey: ledgerKeys.entries(q),
    queryFn: () => get<LedgerEntries>(entriesPath(q)),
    placeholderData: keepPreviousData,
  })
}

/** Needs `ledger.checkpoint`. Sequences what is pending and signs; the entries and the status change with it. */
export function useSignCheckpoint() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => post<LedgerCheckpoint>('/api/ledger/checkpoints'),
    onSuccess: () => client.invalidateQueries({ queryKey: ledgerKeys.all }),
  })
}

/** What one verification found, with what it was given (shown as technical details). */
export interface Verification {
  report: VerifyReport
  status: LedgerStatus
  proof: InclusionProof | null
}

export class NoWebCryptoError extends Error {
  override name = 'NoWebCryptoError'
}

/**
 * One verification, fetched fresh each time (`attempt` changes): the latest checkpoint, the inclusion proof at its
 * size when it covers the entry, and the checks of verify.ts over them. Nothing here is taken on the server's word.
 */
export function useVerification(entry: LedgerEntry, attempt: number) {
  return useQuery<Verification>({
    queryKey: ledgerKeys.verify(entry.index, attempt),
    queryFn: async ({ signal }) => {
      if (!hasWebCrypto()) throw new NoWebCryptoError('WebCrypto is not available on this page')
      const status = await get<LedgerStatus>('/api/ledger/checkpoint', { signal })
      const size = status.checkpoint?.size ?? 0
      const proof =
        entry.index < size
          ? await get<InclusionProof>(`/api/ledger/proofs/inclusion?index=${entry.index}&size=${size}`, {
              signal,
            })
          : null
      return { report: await verifyEntry({ entry, status, proof }), status, proof }
    },
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 0,
  })
}
