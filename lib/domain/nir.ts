/**
 * The French social security number (NIR): 13 characters and a 2-digit key. Corsican departments
 * 2A / 2B are counted as 19 / 18 when computing the key.
 */

const NIR_PATTERN = /^([1-478])(\d{2})(\d{2})(\d{2}|2A|2B)(\d{3})(\d{3})(\d{2})$/

/** Spaces, dots and dashes removed, letters uppercased. */
export function normalizeNir(value: string): string {
  return value.replace(/[\s.-]/g, '').toUpperCase()
}

export type NirProblem = 'FORMAT' | 'KEY' | 'BIRTH_MISMATCH'

/** The key of a 13-character NIR body: 97 − (body mod 97). */
export function nirKey(body: string): number {
  const numeric = body.replace('2A', '19').replace('2B', '18')
  return 97 - Number(BigInt(numeric) % 97n)
}

/**
 * Checks a NIR's shape and key, and, when a birth date is given, that the year and month it
 * encodes agree (month 20-42 or 99 mean "unknown" and are accepted).
 */
export function checkNir(value: string, birthDate?: string): NirProblem | null {
  const nir = normalizeNir(value)
  const match = NIR_PATTERN.exec(nir)
  if (!match) return 'FORMAT'
  const body = nir.slice(0, 13)
  if (nirKey(body) !== Number(match[7])) return 'KEY'
  if (birthDate) {
    const [year, month] = birthDate.split('-')
    const nirMonth = Number(match[3])
    const knownMonth = nirMonth >= 1 && nirMonth <= 12
    if (match[2] !== year?.slice(2) || (knownMonth && nirMonth !== Number(month))) return 'BIRTH_MISMATCH'
  }
  return null
}

/** "1 84 12 76 451 089 46" for display. */
export function formatNir(value: string): string {
  const nir = normalizeNir(value)
  const match = NIR_PATTERN.exec(nir)
  if (!match) return value
  return match.slice(1).join(' ')
}
