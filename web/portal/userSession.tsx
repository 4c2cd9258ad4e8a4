// The platform user (网民) of the public portal: a session of its own, apart from any staff session in the same
// browser. It rides in the httpOnly `ql_user` cookie; its CSRF token lives here, not in the staff client's state;
// its queries sit under the `portal` key, which a staff sign-in or sign-out leaves alone; and a 401 on a user call
// forgets the user, never the staff member. `/api/users/me` is the source of truth, `null` meaning nobody.
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { createContext, type ReactNode, useContext, useEffect } from 'react'
import { Navigate, useLocation } from 'react-router'
import type { RegisterUserBody, UserMe, UserSession, UserSignInBody } from '../api/types.ts'
import { ApiError, get, request } from '../app/api.ts'
import { useT } from '../app/i18n.ts'
import { FullPageSpin } from '../app/Layout.tsx'
import { ErrorAlert } from '../app/ui.tsx'

export const portalKeys = {
  all: ['portal'] as const,
  me: ['portal', 'me'] as const,
  pending: ['portal', 'acceptances'] as const,
  credit: ['portal', 'credit'] as const,
  content: ['portal', 'content'] as const,
  notices: ['portal', 'notices'] as const,
  reports: ['portal', 'reports'] as const,
  appeals: ['portal', 'appeals'] as const,
}

let userCsrf: string | null = null
let userExpired = false
let onUserGone: (() => void) | null = null

/** Set when a signed-in user's session turned out to be gone, so the sign-in page can say so. */
export function wasUserSessionExpired(): boolean {
  return userExpired
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE'

/** A call as the signed-in platform user: their CSRF token, and a 401 forgets them (not the staff session). */
export async function userRequest<T>(method: Method, path: string, body?: unknown): Promise<T> {
  try {
    return await request<T>(method, path, body, { ignoreUnauthorized: true, csrfToken: userCsrf })
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) onUserGone?.()
    throw e
  }
}

async function fetchUserMe(): Promise<UserMe | null> {
  try {
    const me = await get<UserMe>('/api/users/me', { ignoreUnauthorized: true })
    userCsrf = me.csrfToken
    return me
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      userCsrf = null
      return null
    }
    throw e
  }
}

/**
 * Drops what was fetched for the user before. The user query itself stays (the provider watches it) and is given
 * its new answer instead.
 */
function dropUserData(client: QueryClient): void {
  client.removeQueries({ queryKey: portalKeys.all, predicate: (q) => q.queryKey[1] !== 'me' })
}

/** Forgets the user and what was fetched for them. */
function forgetUser(client: QueryClient, expired: boolean): void {
  if (expired && client.getQueryData(portalKeys.me)) userExpired = true
  userCsrf = null
  dropUserData(client)
  client.setQueryData(portalKeys.me, null)
}

function useUserQuery() {
  return useQuery({ queryKey: portalKeys.me, queryFn: fetchUserMe, staleTime: 60_000 })
}

type UserState = ReturnType<typeof useUserQuery>

const UserContext = createContext<UserState | null>(null)

/** Finds out who is signed in to the portal and shares it with every portal screen. */
export function UserProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient()
  const query = useUserQuery()
  useEffect(() => {
    onUserGone = () => forgetUser(client, true)
    return () => {
      onUserGone = null
    }
  }, [client])
  return <UserContext value={query}>{children}</UserContext>
}

/** The portal's user query: `data` is the user, `null` when nobody is signed in, `undefined` while finding out. */
export function useUserState(): UserState {
  const state = useContext(UserContext)
  if (state === null) throw new Error('useUserState() outside UserProvider')
  return state
}

/** The signed-in user; only inside `RequireUser`. */
export function useUser(): UserMe {
  const me = useUserState().data
  if (!me) throw new Error('useUser() outside RequireUser')
  return me
}

/** Where the portal's sign-in page sends the browser back to, and why it was sent there. */
export interface UserLoginState {
  from?: string
  expired?: boolean
}

/** A page only a signed-in user sees: anyone else goes to the sign-in page, and comes back after. */
export function RequireUser({ children }: { children: ReactNode }) {
  const state = useUserState()
  const location = useLocation()
  const t = useT()
  if (state.data) return children
  if (state.isPending) return <FullPageSpin label={t('session.checking')} />
  if (state.isError) return <ErrorAlert error={state.error} onRetry={() => state.refetch()} />
  const to: UserLoginState = { from: location.pathname + location.search, expired: wasUserSessionExpired() }
  return <Navigate to="/u/login" replace state={to} />
}

async function signedIn(client: QueryClient, session: UserSession): Promise<UserMe> {
  userExpired = false
  userCsrf = session.csrfToken
  dropUserData(client)
  const me = await fetchUserMe()
  // The session was just made; if it is already gone, say so rather than pretend.
  if (!me) throw new Error('signed in, but the session is not there')
  client.setQueryData(portalKeys.me, me)
  return me
}

export function useRegister() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async (body: RegisterUserBody) =>
      signedIn(client, await request<UserSession>('POST', '/api/users', body, { ignoreUnauthorized: true })),
  })
}

export function useUserSignIn() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async (body: UserSignInBody) =>
      signedIn(
        client,
        await request<UserSession>('POST', '/api/users/session', body, { ignoreUnauthorized: true }),
      ),
  })
}

export function useUserSignOut() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: () => userRequest<void>('DELETE', '/api/users/session'),
    // Signed out on the server or not (the session may be gone already), the portal forgets the user.
    onSettled: () => {
      userExpired = false
      forgetUser(client, false)
    },
  })
}
