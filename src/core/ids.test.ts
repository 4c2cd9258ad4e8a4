import { describe, expect, it } from 'vitest'
import { newId, UUID_RE } from './ids.ts'

describe('newId', () => {
  it('gives version-7 UUIDs that strictly increase, even within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => newId(1_800_000_000_000))
    for (const id of ids) expect(id).toMatch(UUID_RE)
    expect(ids[0]?.[14]).toBe('7')
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
  })
})
