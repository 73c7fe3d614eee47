import { z } from 'zod'

/** The erasure form of the staff dossier page; the server action parses with it again. */
export const eraseDossierSchema = z.object({
  dossierId: z.uuid('Dossier inconnu.'),
  confirmation: z
    .string({ error: 'Recopiez la référence du dossier pour confirmer.' })
    .trim()
    .min(1, 'Recopiez la référence du dossier pour confirmer.')
    .max(60, 'Recopiez la référence du dossier pour confirmer.'),
})
