import { z } from 'zod'
import fr from 'zod/v4/locales/fr.js'
import { isIsoDate } from '@/lib/domain/dates'

// Default messages (wrong types and the like) in French; field messages are written below. The
// French locale alone: `z.locales.fr()` would ship all 60-odd locales of zod to every form's
// browser bundle (about 200 KB of a 340 KB chunk).
z.config(fr())

/**
 * NUL, and halves of a surrogate pair: PostgreSQL refuses the first in any text and both in jsonb
 * (the query fails, the person sees an error page). Nobody types them: pasted binary or a forged
 * request brings them. They are removed rather than refused, as there is nothing on screen to
 * correct.
 */
const UNSTORABLE_CHARACTERS = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g

export function withoutUnstorableCharacters(value: string): string {
  return value.replace(UNSTORABLE_CHARACTERS, '')
}

/**
 * A string as every form field and search box takes it: `z.string()` without the characters
 * PostgreSQL cannot store. Use it for anything typed that reaches the database.
 */
export function text(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).overwrite(withoutUnstorableCharacters)
}

/**
 * Option of a step's cross-field rules (`superRefine`): run them even when a field has failed. By
 * default zod skips an object's refinements once one of its fields failed, so a step reported its
 * errors in turns (a wrong phone hid the e-mail mismatch until it was corrected). A rule run this
 * way must not trust the types: a field that failed may hold anything (or nothing).
 */
export const EVEN_WITH_FIELD_ERRORS = {
  // Only on an object: a body that is not one (junk, a forged request) has no fields to compare.
  when: (payload: { value: unknown }) => typeof payload.value === 'object' && payload.value !== null,
}

/** A required line of text. */
export function requiredText(label: string, max = 120) {
  return text({ error: `Indiquez ${label}.` })
    .trim()
    .min(1, `Indiquez ${label}.`)
    .max(max, `${max} caractères au plus.`)
}

/** An optional line of text: empty becomes null. */
export function optionalText(max = 120) {
  return text()
    .trim()
    .max(max, `${max} caractères au plus.`)
    .optional()
    .transform((value) => (value ? value : null))
}

/** "Oui" / "Non" radio buttons, as a boolean. */
export function yesNo(message: string) {
  return z.enum(['oui', 'non'], { error: message }).transform((value) => value === 'oui')
}

export function toYesNo(value: boolean | null | undefined): 'oui' | 'non' | undefined {
  return value === true ? 'oui' : value === false ? 'non' : undefined
}

/** A day typed as JJ/MM/AAAA (or chosen in a date picker), as an ISO date. */
export function frenchDate(label: string) {
  return text({ error: `Indiquez ${label}.` })
    .trim()
    .min(1, `Indiquez ${label}.`)
    .transform((value, context) => {
      const iso = /^\d{4}-\d{2}-\d{2}$/.test(value)
        ? value
        : value.replace(
            /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/,
            (_, day: string, month: string, year: string) =>
              `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`,
          )
      if (!isIsoDate(iso)) {
        context.addIssue({
          code: 'custom',
          message: `${label.charAt(0).toUpperCase()}${label.slice(1)} doit être une date réelle, au format JJ/MM/AAAA.`,
        })
        return z.NEVER
      }
      return iso
    })
}

/** ISO date → "12/09/1984" for a text input. */
export function toFrenchDate(iso: string | null | undefined): string {
  if (!iso) return ''
  const [year, month, day] = iso.split('-')
  return `${day}/${month}/${year}`
}
