'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { withdrawDossier } from '@/lib/server/dossiers/withdraw-dossier'
import { logEvent } from '@/lib/server/log'
import { logSecurityEvent } from '@/lib/server/log-security-event'
import { hitRateLimit, RATE_LIMITS } from '@/lib/server/rate-limit'
import { readDossierToken } from '@/lib/server/registration/cookies'
import { clientIp } from '@/lib/server/request-context'

const withdrawSchema = z.object({
  confirm: z.literal(true, { error: 'Cochez la case pour confirmer le retrait de votre dossier.' }),
})

export type WithdrawActionResult = { ok: true } | { ok: false; message: string }

/** The applicant withdraws the dossier of their private link (clause de rétractation). */
export async function withdrawDossierAction(input: { confirm: unknown }): Promise<WithdrawActionResult> {
  const parsed = withdrawSchema.safeParse(input)
  if (!parsed.success)
    return { ok: false, message: parsed.error.issues[0]?.message ?? 'Confirmation manquante.' }
  const token = await readDossierToken()
  if (!token)
    return { ok: false, message: 'Dossier introuvable sur cet appareil : ouvrez le lien reçu par e-mail.' }
  const ip = await clientIp()
  const limit = await hitRateLimit({ rule: RATE_LIMITS.applicantAction, subject: ip })
  if (!limit.allowed) {
    await logSecurityEvent('warn', 'rate_limit.hit', { rule: RATE_LIMITS.applicantAction.name, ip })
    return { ok: false, message: 'Trop de demandes : réessayez dans une heure.' }
  }
  const result = await withdrawDossier({ token })
  if (result.ok) {
    logEvent('info', 'dossier.withdrawn', { ip })
    revalidatePath('/dossier')
  }
  return result
}
