// The portal's first look at a mainland mobile number, so a form can say at once; the server decides
// (checkMobile in src/platform/accounts/phone.ts, with the full numbering plan).

/** The number without spaces, dashes or brackets. */
export function cleanPhone(raw: string): string {
  return raw.replace(/[\s()-]/g, '')
}

/** Eleven digits starting 13–19, with or without +86 / 86 in front. */
export function looksLikeMobile(raw: string): boolean {
  return /^(?:\+?86)?1[3-9]\d{9}$/.test(cleanPhone(raw))
}

/** The eleven national digits, for comparing a password with the number. */
export function nationalDigits(raw: string): string {
  return cleanPhone(raw).replace(/^\+?86(?=1\d{10}$)/, '')
}

export const USER_PASSWORD_MIN = 10
export const DISPLAY_NAME_MAX = 40
