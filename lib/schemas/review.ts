import { z } from 'zod'
import { frenchDate, optionalText, text } from './fields'

/** The review forms of the staff dossier page; the server actions parse with them again. */

const dossierId = z.uuid('Dossier inconnu.')

export const pieceDecisionSchema = z.object({
  dossierId,
  pieceId: z.uuid('Pièce inconnue.'),
  decision: z.enum(['ACCEPTED', 'REJECTED'], { error: 'Choisissez conforme ou non conforme.' }),
  reason: optionalText(500),
  seenStatus: z.enum(['PENDING', 'ACCEPTED', 'REJECTED', 'SUPERSEDED']),
})

export const transitionSchema = z.object({
  dossierId,
  name: z.enum(
    ['START_REVIEW', 'PIECES_RESUBMITTED', 'MARK_COMPLETE', 'REOPEN_REVIEW', 'ACCEPT', 'REFUSE', 'CLOSE'],
    { error: 'Action inconnue.' },
  ),
  reason: optionalText(2000),
  expectedVersion: z.coerce.number().int().min(1),
  /** The reviewer confirmed accepting with no payment recorded. */
  confirmWithoutPayment: z.boolean().optional(),
})

export const requestPiecesSchema = z.object({
  dossierId,
  pieceTypeCodes: z.array(z.string().regex(/^[A-Z_]{2,40}$/)).max(30),
  message: text().trim().max(4000, '4 000 caractères au plus.'),
  expectedVersion: z.coerce.number().int().min(1),
})

export const messageSchema = z.object({
  dossierId,
  body: text().trim().max(4000, '4 000 caractères au plus.'),
})

/** "152", "152,50", "1 234,5" → cents. */
export const eurosSchema = z
  .string({ error: 'Indiquez un montant.' })
  .trim()
  .transform((value, context) => {
    const normalized = value.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.')
    if (!/^\d+(\.\d{1,2})?$/.test(normalized)) {
      context.addIssue({ code: 'custom', message: 'Montant en euros, par exemple 152 ou 152,50.' })
      return z.NEVER
    }
    return Math.round(Number(normalized) * 100)
  })
  .pipe(z.number().int().min(1, 'Le montant doit être positif.').max(10_000_000, 'Montant trop élevé.'))

export const paymentSchema = z.object({
  dossierId,
  kind: z.enum(['CHEQUE', 'TRANSFER', 'EMPLOYER_CERTIFICATE', 'CAUTION_CHEQUES'], {
    error: 'Choisissez le moyen de paiement.',
  }),
  amount: eurosSchema,
  receivedOn: frenchDate('la date de réception'),
  reference: optionalText(80),
})
