/** PostgreSQL SQLSTATE of an error from either driver; drizzle wraps driver errors in `cause`. */
export function sqlState(e: unknown): string | undefined {
  let cur: unknown = e
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const code = (cur as { code?: unknown }).code
    if (typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code)) return code
    cur = (cur as { cause?: unknown }).cause
  }
  return undefined
}

export function isUniqueViolation(e: unknown): boolean {
  return sqlState(e) === '23505'
}
