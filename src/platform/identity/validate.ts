// Checks of what a user gives to verify their identity (A13.2): a resident identity number under GB 11643-1999 and
// a real name. Pure functions: each failed check is named, in Chinese and English.
import { CITY_CODES, COUNTY_CODES, PROVINCE_CODES } from './division-codes.ts'

export interface CheckProblem {
  check: string
  zh: string
  en: string
}

function codeSet(concatenated: string, width: number): Set<string> {
  const out = new Set<string>()
  for (let i = 0; i < concatenated.length; i += width) out.add(concatenated.slice(i, i + width))
  return out
}

const COUNTIES = codeSet(COUNTY_CODES, 6)
const CITIES = codeSet(CITY_CODES, 4)
const PROVINCES = codeSet(PROVINCE_CODES, 2)

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

/** The check character of the first 17 digits (ISO 7064 MOD 11-2, as GB 11643-1999 §5 prescribes). */
export function checkCharacter(first17: string): string {
  let sum = 0
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0)
  return CHECK_CHARS[sum % 11] ?? '?'
}

export type ResidentIdResult =
  | { ok: true; normalised: string; divisionCode: string; birthDate: string; sex: 'male' | 'female' }
  | { ok: false; problems: CheckProblem[] }

/**
 * Validates a resident identity number: 18 characters, a real division code, a real birth date not in the future,
 * and the check character. `today` is an argument so the check is repeatable.
 */
export function checkResidentId(raw: string, today: Date): ResidentIdResult {
  const id = raw.trim().toUpperCase()
  const problems: CheckProblem[] = []
  if (id.length !== 18) {
    problems.push({
      check: 'length',
      zh: `应为 18 位，实际 ${id.length} 位`,
      en: `must have 18 characters, has ${id.length}`,
    })
    return { ok: false, problems }
  }
  if (!/^\d{17}[\dX]$/.test(id)) {
    problems.push({
      check: 'characters',
      zh: '前 17 位须为数字，末位为数字或 X',
      en: 'the first 17 must be digits, the last a digit or X',
    })
    return { ok: false, problems }
  }
  const division = id.slice(0, 6)
  // A code abolished since the number was issued keeps a real province and city prefix.
  if (!COUNTIES.has(division) && !(CITIES.has(division.slice(0, 4)) && PROVINCES.has(division.slice(0, 2)))) {
    problems.push({
      check: 'division',
      zh: `行政区划代码 ${division} 不存在`,
      en: `division code ${division} does not exist`,
    })
  }
  const y = Number(id.slice(6, 10))
  const m = Number(id.slice(10, 12))
  const d = Number(id.slice(12, 14))
  const birth = new Date(Date.UTC(y, m - 1, d))
  const realDate =
    y >= 1900 && birth.getUTCFullYear() === y && birth.getUTCMonth() === m - 1 && birth.getUTCDate() === d
  if (!realDate || birth.getTime() > today.getTime()) {
    problems.push({
      check: 'birthDate',
      zh: `出生日期 ${id.slice(6, 14)} 无效`,
      en: `birth date ${id.slice(6, 14)} is not a real past date`,
    })
  }
  const expected = checkCharacter(id.slice(0, 17))
  if (id[17] !== expected) {
    problems.push({ check: 'checkDigit', zh: '校验码不正确', en: 'the check character is wrong' })
  }
  if (problems.length > 0) return { ok: false, problems }
  return {
    ok: true,
    normalised: id,
    divisionCode: division,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    sex: Number(id[16]) % 2 === 1 ? 'male' : 'female',
  }
}

/** A real name as on the identity card: 2–30 Chinese characters, or letters, with the middle dot of 少数民族 names. */
export function checkRealName(
  raw: string,
): { ok: true; name: string } | { ok: false; problems: CheckProblem[] } {
  const name = raw.trim().replace(/[.•・]/g, '·')
  if (!/^[\p{Script=Han}A-Za-z][\p{Script=Han}A-Za-z·\s]{1,29}$/u.test(name)) {
    return {
      ok: false,
      problems: [
        {
          check: 'name',
          zh: '姓名应为 2–30 个汉字或字母',
          en: 'the name must be 2–30 Chinese characters or letters',
        },
      ],
    }
  }
  return { ok: true, name }
}
