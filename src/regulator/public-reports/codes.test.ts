// Tracking codes and evidence checks, without a node: the code is the public's only key to a report, so it must be
// hard to guess and easy to type back; a file is believed to be what its first bytes say, nothing else.
import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { bytesMatchType, canonicalCode, newTrackingCode, normaliseContact } from './public-reports.ts'

describe('tracking codes', () => {
  it('carry 90 random bits in five groups of four, and do not repeat', () => {
    const codes = Array.from({ length: 2000 }, newTrackingCode)
    for (const c of codes) expect(c).toMatch(/^TH[0-9A-HJKMNP-TV-Z]{2}(-[0-9A-HJKMNP-TV-Z]{4}){4}$/)
    expect(new Set(codes).size).toBe(codes.length)
    // Every character of the alphabet turns up in every random position.
    for (let i = 2; i < 20; i++) {
      expect(new Set(codes.map((c) => c.replaceAll('-', '')[i])).size).toBe(32)
    }
  })

  test.prop([fc.constantFrom(...Array.from({ length: 50 }, newTrackingCode)), fc.boolean(), fc.boolean()])(
    'read back the same however typed: case, spaces for dashes, O for 0, I or L for 1',
    (code, lower, spaced) => {
      let typed = code.replaceAll('0', 'O').replaceAll('1', lower ? 'l' : 'I')
      if (lower) typed = typed.toLowerCase()
      if (spaced) typed = ` ${typed.replaceAll('-', ' ')} `
      expect(canonicalCode(typed)).toBe(canonicalCode(code))
    },
  )
})

describe('evidence and contacts', () => {
  it('believes a declared type only when the first bytes say so', () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])
    const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe1])
    const pdf = new TextEncoder().encode('%PDF-1.7')
    expect(bytesMatchType(png, 'image/png')).toBe(true)
    expect(bytesMatchType(jpeg, 'image/jpeg')).toBe(true)
    expect(bytesMatchType(pdf, 'application/pdf')).toBe(true)
    expect(bytesMatchType(jpeg, 'image/png')).toBe(false)
    expect(bytesMatchType(png, 'application/pdf')).toBe(false)
    expect(bytesMatchType(new Uint8Array(), 'image/jpeg')).toBe(false)
    expect(bytesMatchType(png.subarray(0, 4), 'image/png')).toBe(false)
  })

  it('takes a mobile, a landline or an email address, and nothing else', () => {
    expect(normaliseContact('139 0435 7788')).toBe('+8613904357788')
    expect(normaliseContact('+86 139-0435-7788')).toBe('+8613904357788')
    expect(normaliseContact('0435-3201234')).toBe('04353201234')
    expect(normaliseContact(' li.ming@example.cn ')).toBe('li.ming@example.cn')
    for (const bad of ['12345', '23904357788', 'call me', 'a@b', '']) expect(normaliseContact(bad)).toBeNull()
  })
})
