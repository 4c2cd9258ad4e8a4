// Mainland mobile numbers (A13.2 asks for real identity information; the phone is where it starts).
import { parsePhoneNumberFromString } from 'libphonenumber-js/max'

export interface PhoneProblem {
  check: string
  zh: string
  en: string
}

export type MobileResult = { ok: true; e164: string } | { ok: false; problems: PhoneProblem[] }

/** A mainland China mobile number, with or without +86; landlines and other countries are refused. */
export function checkMobile(raw: string): MobileResult {
  const phone = parsePhoneNumberFromString(raw.trim(), 'CN')
  if (!phone?.isValid()) {
    return {
      ok: false,
      problems: [{ check: 'phone', zh: '不是有效的电话号码', en: 'not a valid phone number' }],
    }
  }
  if (phone.country !== 'CN') {
    return {
      ok: false,
      problems: [{ check: 'country', zh: '须为中国大陆手机号', en: 'must be a mainland China number' }],
    }
  }
  const type = phone.getType()
  if (type !== 'MOBILE' && type !== 'FIXED_LINE_OR_MOBILE') {
    return {
      ok: false,
      problems: [
        { check: 'mobile', zh: '须为手机号，不能是固定电话', en: 'must be a mobile number, not a landline' },
      ],
    }
  }
  return { ok: true, e164: phone.number }
}
