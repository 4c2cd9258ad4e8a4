import { fc, test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import { checkCharacter, checkRealName, checkResidentId } from './validate.ts'

const today = new Date('2026-11-30T00:00:00Z')
/** A well-formed number for a division and birth date, with its correct check character. */
const idFor = (division: string, birth: string, seq = '123') => {
  const first17 = `${division}${birth}${seq}`
  return first17 + checkCharacter(first17)
}

describe('resident identity numbers (GB 11643-1999)', () => {
  it('accepts a valid number from 东昌区 and reads its birth date and sex', () => {
    const r = checkResidentId(idFor('220502', '19900307', '123'), today)
    expect(r).toEqual({
      ok: true,
      normalised: idFor('220502', '19900307', '123'),
      divisionCode: '220502',
      birthDate: '1990-03-07',
      sex: 'male',
    })
  })

  it('computes the check character as the standard does', () => {
    // The worked example of GB 11643-1999 Appendix A: 11010519491231002 → X.
    expect(checkCharacter('11010519491231002')).toBe('X')
    expect(checkResidentId('11010519491231002x', today).ok).toBe(true)
  })

  it.each([
    ['22050219900307123', 'length'],
    ['22050219900307123A', 'characters'],
  ])('refuses %s: %s', (id, check) => {
    const r = checkResidentId(id, today)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problems.map((p) => p.check)).toEqual([check])
  })

  it('names every failed check at once: division, birth date and check character', () => {
    const first17 = '99999919900231123'
    const wrong = checkCharacter(first17) === '0' ? '1' : '0'
    const r = checkResidentId(first17 + wrong, today)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problems.map((p) => p.check)).toEqual(['division', 'birthDate', 'checkDigit'])
  })

  it('refuses a birth date in the future', () => {
    const r = checkResidentId(idFor('220502', '20301010'), today)
    expect(r.ok).toBe(false)
    if (!r.ok) expect(r.problems.map((p) => p.check)).toEqual(['birthDate'])
  })

  it('accepts an abolished county code under a real city (numbers outlive their county)', () => {
    // 220599 is not a county of 通化, but 2205 is the city.
    expect(checkResidentId(idFor('220599', '19800101'), today).ok).toBe(true)
    expect(checkResidentId(idFor('229901', '19800101'), today).ok).toBe(false)
  })

  test.prop([fc.stringMatching(/^\d{17}$/)])(
    'exactly one check character is accepted for any 17 digits',
    (first17) => {
      const accepted = [...'0123456789X'].filter((c) => {
        const r = checkResidentId(first17 + c, today)
        return r.ok || (!r.ok && !r.problems.some((p) => p.check === 'checkDigit'))
      })
      expect(accepted).toEqual([checkCharacter(first17)])
    },
  )
})

describe('real names', () => {
  it('accepts Chinese names and names with the middle dot', () => {
    expect(checkRealName(' 张伟 ')).toEqual({ ok: true, name: '张伟' })
    expect(checkRealName('阿依古丽·买买提')).toEqual({ ok: true, name: '阿依古丽·买买提' })
  })
  it('refuses a single character, digits and markup', () => {
    for (const n of ['张', '张3', '<b>张伟</b>']) expect(checkRealName(n).ok).toBe(false)
  })
})
