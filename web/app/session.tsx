// Who is signed in. `/api/auth/me` is the source of truth; the answer lives in React Query under `meKey`, `null`
// meaning nobody. Screens inside the layout read it with `useMe()` and ask `useCan()` what they may do.
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { createContext, type ReactNode, useContext } from 'react'
import type { Me, Permission } from '../api/types.ts'
import { ApiError, get, post, setCsrfToken } from './api.ts'

export const meKey = ['me'] as const

// Set when a signed-in session turns out to be gone, so the login page can say so; cleared on the next sign-in.
let sessionExpired = false

export function wasSessionExpired(): boolean {
  return sessionExpired
}

/** The session is gone (a 401): forget the person; the layout then sends the browser to the login page. */
export function endSession(client: QueryClient): void {
  if (client.getQueryData(meKey)) sessionExpired = true
  setCsrfToken(null)
  client.setQueryData(meKey, null)
}

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await get<Me>('/api/auth/me')
    setCsrfToken(me.csrfToken)
    return me
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) return null
    throw e
  }
}

/** The signed-in person, `null` when nobody is, `undefined` while it is being found out. */
export function useMeQuery() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000 })
}

/** What belongs to the staff session: everything but the node and the public portal's own queries. */
const staffData = (q: { queryKey: readonly unknown[] }) =>
  q.queryKey[0] !== 'node' && q.queryKey[0] !== 'portal'

function signedIn(client: QueryClient, me: Me): void {
  sessionExpired = false
  setCsrfToken(me.csrfToken)
  // Nothing fetched for someone else may linger.
  client.removeQueries({ predicate: staffData })
  client.setQueryData(meKey, me)
}

export function useLogin() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (body: { login: string; password: string }) =>
      post<Me>('/api/auth/login', body, { ignoreUnauthorized: true }),
    onSuccess: (me) => signedIn(client, me),
  })
}

export function useLogout() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => post<void>('/api/auth/logout', undefined, { ignoreUnauthorized: true }),
    // Signed out on the server or not (the session may already be gone), the console forgets the person.
    onSettled: () => {
      sessionExpired = false
      setCsrfToken(null)
      client.removeQueries({ predicate: staffData })
      client.setQueryData(meKey, null)
    },
  })
}

const MeContext = createContext<Me | null>(null)

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext value={me}>{children}</MeContext>
}

/** The signed-in person; only inside the signed-in layout. */
export function useMe(): Me {
  const me = useContext(MeContext)
  if (me === null) throw new Error('useMe() outside the signed-in layout')
  return me
}

/** Whether the signed-in person holds a permission. */
export function useCan(): (permission: Permission) => boolean {
  const me = useMe()
  return (permission) => me.permissions.includes(permission)
}
