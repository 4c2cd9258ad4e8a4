// The one API client. Same origin, JSON in and out, the session rides in the httpOnly `ql_session` cookie, and every
// mutating request carries the session's CSRF token. A failure throws `ApiError` with the server's problem
// document (RFC 9457), or one made up here when the server could not be reached or did not answer in JSON.

import type { FieldProblem, Problem } from '../api/types.ts'
import { type Lang, pick, translate } from './i18n.ts'

export class ApiError extends Error {
  override name = 'ApiError'
  constructor(readonly problem: Problem) {
    super(`${problem.status} ${problem.code}: ${problem.en}`)
  }
  get status(): number {
    return this.problem.status
  }
  get code(): Problem['code'] {
    return this.problem.code
  }
  /** The message in the given language. */
  messageIn(lang: Lang): string {
    return pick(lang, this.problem.zh, this.problem.en)
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError
}

/** The message of any error in the given language. */
export function errorMessage(e: unknown, lang: Lang): string {
  if (e instanceof ApiError) return e.messageIn(lang)
  return e instanceof Error ? e.message : String(e)
}

/**
 * Field problems keyed by form field name. The server names schema fields `body.login` or `body.roles.0` and
 * domain fields `login`; both become `login` / `roles`.
 */
export function fieldErrors(e: unknown): Map<string, FieldProblem[]> {
  const out = new Map<string, FieldProblem[]>()
  if (!(e instanceof ApiError)) return out
  for (const fp of e.problem.errors ?? []) {
    const parts = fp.field.split('.')
    if (parts[0] === 'body' && parts.length > 1) parts.shift()
    const name = parts[0] ?? fp.field
    out.set(name, [...(out.get(name) ?? []), fp])
  }
  return out
}

// --- session state the client needs: the CSRF token, and what to do when the session is gone ---

let csrfToken: string | null = null
let onUnauthorized: ((e: ApiError) => void) | null = null

export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

/** Called on a 401 from any request that did not opt out (login, and the first /me check, opt out). */
export function setUnauthorizedHandler(handler: ((e: ApiError) => void) | null): void {
  onUnauthorized = handler
}

function madeUpProblem(code: Problem['code'], status: number, zh: string, en: string): Problem {
  return { type: `urn:qinglang:console:${code}`, title: en, status, code, detail: en, zh, en }
}

function isProblem(x: unknown): x is Problem {
  if (typeof x !== 'object' || x === null) return false
  const p = x as Record<string, unknown>
  return typeof p.status === 'number' && typeof p.code === 'string' && typeof p.zh === 'string'
}

export interface RequestOptions {
  /** Do not treat a 401 as a lost session (the login call, and probing whether anyone is signed in). */
  ignoreUnauthorized?: boolean
  /**
   * The CSRF token to send instead of the staff session's: the public portal passes its platform user's own
   * (web/portal/userSession.tsx), so the two sessions never mix.
   */
  csrfToken?: string | null
  signal?: AbortSignal
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'

export async function request<T>(
  method: Method,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' }
  if (body !== undefined) headers['content-type'] = 'application/json'
  const csrf = options.csrfToken !== undefined ? options.csrfToken : csrfToken
  if (method !== 'GET' && csrf !== null) headers['x-csrf-token'] = csrf

  let res: Response
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    })
  } catch (e) {
    if (options.signal?.aborted) throw e
    throw new ApiError(
      madeUpProblem('NETWORK_ERROR', 0, translate('zh', 'error.network'), translate('en', 'error.network')),
    )
  }

  if (res.status === 204) return undefined as T
  const text = await res.text()
  let data: unknown
  try {
    data = text === '' ? undefined : JSON.parse(text)
  } catch {
    data = undefined
  }

  if (res.ok) {
    if (data === undefined && text !== '') throw badResponse(res.status)
    return data as T
  }
  const error = new ApiError(isProblem(data) ? data : badResponse(res.status).problem)
  if (res.status === 401 && !options.ignoreUnauthorized) onUnauthorized?.(error)
  throw error
}

function badResponse(status: number): ApiError {
  const vars = { status }
  return new ApiError(
    madeUpProblem(
      'BAD_RESPONSE',
      status,
      translate('zh', 'error.badResponse', vars),
      translate('en', 'error.badResponse', vars),
    ),
  )
}

export const get = <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options)
export const post = <T>(path: string, body?: unknown, options?: RequestOptions) =>
  request<T>('POST', path, body, options)
export const patch = <T>(path: string, body: unknown, options?: RequestOptions) =>
  request<T>('PATCH', path, body, options)
export const put = <T>(path: string, body: unknown, options?: RequestOptions) =>
  request<T>('PUT', path, body, options)
export const del = <T = void>(path: string, options?: RequestOptions) =>
  request<T>('DELETE', path, undefined, options)
