import { describe, expect, it } from 'vitest'
import { checkMobile } from './phone.ts'

describe('mobile numbers', () => {
  it('accepts mainland mobiles with or without +86 and normalises them', () => {
    expect(checkMobile('139 4351 2345')).toEqual({ ok: true, e164: '+8613943512345' })
    expect(checkMobile('+86 139-4351-2345')).toEqual({ ok: true, e164: '+8613943512345' })
  })

  it('refuses a landline, a foreign number and nonsense, naming why', () => {
    expect(checkMobile('0435-3212345')).toMatchObject({ ok: false, problems: [{ check: 'mobile' }] })
    expect(checkMobile('+1 415 555 2671')).toMatchObject({ ok: false, problems: [{ check: 'country' }] })
    expect(checkMobile('12345')).toMatchObject({ ok: false, problems: [{ check: 'phone' }] })
  })
})
