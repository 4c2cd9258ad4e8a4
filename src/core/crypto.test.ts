import { describe, expect, it } from 'vitest'
import { open, seal } from './crypto.ts'

const key = Buffer.alloc(32, 3)

describe('seal', () => {
  it('round-trips, and refuses another key, another purpose or a flipped bit', () => {
    const sealed = seal(Buffer.from('身份证 220502199001011234'), key, 'identity')
    expect(open(sealed, key, 'identity').toString()).toBe('身份证 220502199001011234')
    expect(sealed).not.toContain('2205')
    expect(() => open(sealed, Buffer.alloc(32, 4), 'identity')).toThrow()
    expect(() => open(sealed, key, 'node-key')).toThrow()
    const raw = Buffer.from(sealed, 'base64')
    raw[raw.length - 1] = (raw[raw.length - 1] ?? 0) ^ 1
    expect(() => open(raw.toString('base64'), key, 'identity')).toThrow()
  })

  it('never seals the same value to the same text twice', () => {
    expect(seal(Buffer.from('x'), key, 'p')).not.toBe(seal(Buffer.from('x'), key, 'p'))
  })
})
