// Maps every failure to RFC 9457 problem details with a Chinese and an English message.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { DomainError, ERRORS, type ErrorCode, type FieldProblem } from '../core/errors.ts'

export interface Problem {
  type: string
  title: string
  status: number
  code: ErrorCode
  detail: string
  zh: string
  en: string
  errors?: FieldProblem[]
  [extra: string]: unknown
}

export function problemOf(
  code: ErrorCode,
  details: Record<string, unknown> = {},
  errors?: FieldProblem[],
): Problem {
  const spec = ERRORS[code]
  const fieldErrors = errors ?? fieldFromDetails(code, details)
  return {
    type: `urn:qinglang:error:${code}`,
    title: spec.en,
    status: spec.status,
    code,
    detail: fieldErrors?.length
      ? `${spec.en}: ${fieldErrors.map((e) => `${e.field}: ${e.en}`).join('; ')}`
      : spec.en,
    zh: spec.zh,
    en: spec.en,
    ...(fieldErrors?.length ? { errors: fieldErrors } : {}),
    ...publicDetails(details),
  }
}

/** A domain error that names a field becomes a field problem so forms can show it beside the input. */
function fieldFromDetails(code: ErrorCode, details: Record<string, unknown>): FieldProblem[] | undefined {
  if (Array.isArray(details.errors)) return details.errors as FieldProblem[]
  const field = details.field
  if (typeof field !== 'string') return undefined
  return [{ field, zh: ERRORS[code].zh, en: ERRORS[code].en }]
}

// Only plain scalar or string-array details go out; anything else stays in the log.
function publicDetails(details: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(details)) {
    if (k === 'field' || k === 'cause' || k === 'errors') continue
    if (['string', 'number', 'boolean'].includes(typeof v)) out[k] = v
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string')) out[k] = v
  }
  return out
}

interface SchemaError {
  keyword: string
  instancePath: string
  params: Record<string, unknown>
  message?: string
}

const KEYWORD_ZH: Record<string, (p: Record<string, unknown>) => string> = {
  required: () => '必填字段',
  additionalProperties: () => '不允许的字段',
  minLength: (p) => `长度不能少于 ${p.limit} 个字符`,
  maxLength: (p) => `长度不能超过 ${p.limit} 个字符`,
  type: (p) => `类型应为 ${p.type ?? ''}`.trim(),
  enum: () => '取值不在允许范围内',
  anyOf: () => '取值不在允许范围内',
  const: () => '取值不在允许范围内',
  format: (p) => `格式不正确（${p.format ?? ''}）`,
  pattern: () => '格式不正确',
  minimum: (p) => `不能小于 ${p.limit}`,
  maximum: (p) => `不能大于 ${p.limit}`,
  minItems: (p) => `至少 ${p.limit} 项`,
  maxItems: (p) => `最多 ${p.limit} 项`,
  uniqueItems: () => '不能有重复项',
}

const KEYWORD_EN: Record<string, (p: Record<string, unknown>) => string> = {
  required: () => 'is required',
  additionalProperties: () => 'is not an allowed field',
  enum: () => 'is not one of the allowed values',
  anyOf: () => 'is not one of the allowed values',
  const: () => 'is not one of the allowed values',
}

function fieldName(part: string, instancePath: string, extra?: string): string {
  const segs = instancePath.split('/').filter(Boolean)
  if (extra) segs.push(extra)
  return segs.length ? `${part}.${segs.join('.')}` : part
}

/** One problem per bad field, every bad field named: the same field is not reported twice. */
export function fieldProblems(part: string, errors: readonly SchemaError[]): FieldProblem[] {
  const byField = new Map<string, FieldProblem>()
  const unionPaths = new Set(errors.filter((e) => e.keyword === 'anyOf').map((e) => e.instancePath))
  for (const e of errors) {
    if (e.keyword === 'boolean') continue
    if (e.keyword === 'const' && unionPaths.has(e.instancePath)) continue
    const names =
      e.keyword === 'required'
        ? ((e.params.requiredProperties as string[] | undefined) ?? []).map((p) =>
            fieldName(part, e.instancePath, p),
          )
        : e.keyword === 'additionalProperties'
          ? ((e.params.additionalProperties as string[] | undefined) ?? []).map((p) =>
              fieldName(part, e.instancePath, p),
            )
          : [fieldName(part, e.instancePath)]
    for (const field of names) {
      if (byField.has(field)) continue
      byField.set(field, {
        field,
        zh: KEYWORD_ZH[e.keyword]?.(e.params) ?? '取值不正确',
        en: KEYWORD_EN[e.keyword]?.(e.params) ?? e.message ?? 'is not valid',
      })
    }
  }
  return [...byField.values()]
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'MALFORMED_JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'BODY_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_NOT_FOUND: 'ROUTE_NOT_FOUND',
  FST_ERR_BAD_URL: 'VALIDATION_FAILED',
  FST_ERR_ASYNC_CONSTRAINT: 'VALIDATION_FAILED',
}

export function toProblem(err: unknown): { problem: Problem; cause?: unknown } {
  if (err instanceof DomainError) return { problem: problemOf(err.code, err.details) }
  const fe = err as Partial<FastifyError> & { validation?: SchemaError[]; validationContext?: string }
  if (Array.isArray(fe.validation)) {
    return {
      problem: problemOf(
        'VALIDATION_FAILED',
        {},
        fieldProblems(fe.validationContext ?? 'body', fe.validation),
      ),
    }
  }
  if (typeof fe.code === 'string' && FASTIFY_CODES[fe.code])
    return { problem: problemOf(FASTIFY_CODES[fe.code]!) }
  if (fe.statusCode === 429) return { problem: problemOf('RATE_LIMITED') }
  if (err instanceof SyntaxError && fe.statusCode === 400) return { problem: problemOf('MALFORMED_JSON') }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const code: ErrorCode =
      fe.statusCode === 404 ? 'NOT_FOUND' : fe.statusCode === 405 ? 'METHOD_NOT_ALLOWED' : 'VALIDATION_FAILED'
    return { problem: problemOf(code) }
  }
  return { problem: problemOf('INTERNAL'), cause: err }
}

export function sendProblem(req: FastifyRequest, reply: FastifyReply, err: unknown): FastifyReply {
  const { problem, cause } = toProblem(err)
  if (cause !== undefined) req.log.error({ err: cause, code: problem.code }, 'request failed')
  else req.log.warn({ code: problem.code, status: problem.status, errors: problem.errors }, 'request refused')
  return reply.code(problem.status).type('application/problem+json; charset=utf-8').send(problem)
}
