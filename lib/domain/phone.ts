import { parsePhoneNumberFromString } from 'libphonenumber-js/min'

/**
 * A French phone number as E.164, or null when it is not one. La Réunion numbers (0262, 0263,
 * 0692, 0693…) are read first, then metropolitan ones (06 12 34 56 78), then international ones.
 */
export function normalizePhone(value: string): string | null {
  for (const country of ['RE', 'FR'] as const) {
    const phone = parsePhoneNumberFromString(value, country)
    if (phone?.isValid()) return phone.number
  }
  return null
}

/** "0692 12 34 56" for a La Réunion or metropolitan number, international format otherwise. */
export function displayPhone(e164: string): string {
  const phone = parsePhoneNumberFromString(e164)
  if (!phone) return e164
  return phone.country === 'RE' || phone.country === 'FR'
    ? phone.formatNational()
    : phone.formatInternational()
}
