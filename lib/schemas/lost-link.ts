import { z } from 'zod'
import { text } from './fields'

/** "J'ai perdu mon lien": the dossier's reference and the e-mail given in it; the honeypot stays empty. */
export const lostLinkSchema = z.object({
  reference: z
    .string({ error: 'Indiquez la référence de votre dossier.' })
    .trim()
    .toUpperCase()
    .regex(
      /^[A-Z0-9]{2,10}-\d{4}-\d{5,}$/,
      'La référence ressemble à CPN42-2026-00042 : elle figure dans l’e-mail de confirmation et sur votre formulaire.',
    ),
  email: text().trim().toLowerCase().pipe(z.email('Cette adresse e-mail n’est pas valide.')),
  website: z.string().max(0).optional(),
})

/** « Recevoir un nouveau lien » for a draft: the address given in « Coordonnées »; the honeypot stays empty. */
export const resumeLinkRequestSchema = z.object({
  email: text().trim().toLowerCase().pipe(z.email('Cette adresse e-mail n’est pas valide.')),
  website: z.string().max(0).optional(),
})
