import { hash, verify } from '@node-rs/argon2'
import { DomainError } from '../errors.ts'

// argon2id with the OWASP-recommended floor (19 MiB, 2 passes); @node-rs/argon2 defaults to argon2id.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 }

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS)
}

export async function verifyPassword(stored: string, password: string): Promise<boolean> {
  try {
    return await verify(stored, password)
  } catch {
    return false
  }
}

export function checkPasswordStrength(login: string, password: string): void {
  if (password.length < 10 || password.toLowerCase() === login.toLowerCase()) {
    throw new DomainError('PASSWORD_TOO_WEAK', { field: 'password', minLength: 10 })
  }
}

// A fixed hash to verify against when the login does not exist, so timing does not reveal which logins exist.
let dummy: Promise<string> | undefined
export function dummyHash(): Promise<string> {
  dummy ??= hash('qinglang-no-such-user', OPTIONS)
  return dummy
}
