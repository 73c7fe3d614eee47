import { z } from 'zod'
import { normalizePhone } from '@/lib/domain/phone'
import type { ContactAnswers } from '@/lib/domain/registration'
import { optionalText, requiredText } from './fields'

// The contact step's schema, in a module of its own: phone numbers are checked with
// libphonenumber-js (about 34 KiB gzipped in the browser), which only this step's page needs to load.

export const contactSchema = z
  .object({
    addressLine1: requiredText('votre adresse', 120),
    addressLine2: optionalText(120),
    postcode: z
      .string({ error: 'Indiquez votre code postal.' })
      .trim()
      .regex(/^\d{5}$/, 'Le code postal compte 5 chiffres (974xx à La Réunion).'),
    town: requiredText('votre commune', 80),
    phone: z
      .string({ error: 'Indiquez un numéro de téléphone.' })
      .trim()
      .min(1, 'Indiquez un numéro de téléphone.')
      .transform((value, context) => {
        const phone = normalizePhone(value)
        if (!phone) {
          context.addIssue({
            code: 'custom',
            message: 'Ce numéro de téléphone n’est pas valide (exemples : 0692 12 34 56, 0262 42 28 37).',
          })
          return z.NEVER
        }
        return phone
      }),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email('Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.fr).')),
    emailConfirmation: z.string().trim().toLowerCase(),
  })
  .superRefine((value, context) => {
    if (value.email !== value.emailConfirmation) {
      context.addIssue({
        code: 'custom',
        path: ['emailConfirmation'],
        message: 'Les deux adresses e-mail ne sont pas identiques.',
      })
    }
  })
  .transform(({ emailConfirmation: _confirmation, ...value }): ContactAnswers => value)
