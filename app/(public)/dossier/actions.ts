'use server'

import { revalidatePath } from 'next/cache'
import { z } from 'zod'
import { withdrawDossier } from '@/lib/server/dossiers/withdraw-dossier'
import { logEvent } from '@/lib/server/log'
import { logSecurityEvent } from '@/lib/server/log-security-event'
import { hitRateLimit, RATE_LIMITS } from '@/lib/server/rate-limit'
import { redirect } from 'next/navigation'
import { exchangeApplicantLink } from '@/lib/server/access/exchange-applicant-link'
import { peekApplicantLink } from '@/lib/server/access/peek-applicant-link'
import { resolveDossierSession } from '@/lib/server/access/resolve-dossier-session'
import { readDossierToken, writeDossierToken } from '@/lib/server/registration/cookies'
import { looksLikeToken } from '@/lib/server/tokens'
import { clientIp } from '@/lib/server/request-context'

/**
 * « Continuer » on a dossier link's page: the only way a dossier link signs a browser in (see
 * openResumeLinkAction). A browser following another dossier is sent back to choose.
 */
export async function openDossierLinkAction(formData: FormData): Promise<void> {
  const field = (name: string) => (formData instanceof FormData ? formData.get(name) : null)
  const token = String(field('token') ?? '')
  const ip = await clientIp()
  const limit = await hitRateLimit({ rule: RATE_LIMITS.applicantAction, subject: ip })
  if (!limit.allowed) {
    await logSecurityEvent('warn', 'rate_limit.hit', { rule: RATE_LIMITS.applicantAction.name, ip })
    redirect('/dossier?etat=trop-de-demandes')
  }
  if (!looksLikeToken(token)) redirect('/dossier?etat=lien-none')
  if (field('replace') !== 'oui') {
    const current = await resolveDossierSession({ token: await readDossierToken() })
    if (current.dossierId) {
      const view = await peekApplicantLink({ token, kind: 'DOSSIER' })
      if (view.state === 'VALID' && view.targetId !== current.dossierId)
        redirect(`/dossier/acces/${token}?choisir`)
    }
  }
  const result = await exchangeApplicantLink({ token, kind: 'DOSSIER' })
  if (!result.ok) {
    if (result.refusal === 'NONE')
      await logSecurityEvent('warn', 'access.denied', { reason: 'unknown_private_link' })
    redirect(`/dossier?etat=lien-${result.refusal.toLowerCase()}`)
  }
  await writeDossierToken(result.sessionToken)
  logEvent('info', 'access.link_opened', { kind: 'dossier', ip })
  redirect('/dossier')
}

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
