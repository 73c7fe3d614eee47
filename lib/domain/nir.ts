import type { Civility } from './registration'

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

/**
 * The civility the NIR's first digit records (1, 3, 7: a man; 2, 4, 8: a woman), or null when the
 * number has not its shape yet.
 */
export function nirCivility(value: string): Civility | null {
  const first = normalizeNir(value).charAt(0)
  if (!NIR_PATTERN.test(normalizeNir(value))) return null
  return '137'.includes(first) ? 'MONSIEUR' : 'MADAME'
}

/**
 * A gentle note when the NIR's sex digit and the chosen civility differ. Never a refusal: the
 * civility is the applicant's choice (and a NIR may predate a change of civil status), but a typo in
 * the first digit is worth a second look.
 */
export function nirCivilityNote(nir: string, civility: Civility | null | undefined): string | null {
  const recorded = nirCivility(nir)
  if (!recorded || !civility || recorded === civility) return null
  const chosen = civility === 'MADAME' ? 'Madame' : 'Monsieur'
  return `Votre numéro commence par ${normalizeNir(nir).charAt(0)}, le chiffre qui correspond d’ordinaire à « ${recorded === 'MADAME' ? 'Madame' : 'Monsieur'} », et vous avez choisi « ${chosen} ». Vérifiez le premier chiffre ; s’il est juste, vous pouvez continuer : la civilité reste votre choix.`
}

/** The example shown beside the field: a NIR whose key is right (1 84 09 76 451 089 95). */
export const NIR_EXAMPLE = '1 84 09 76 451 089 95'
