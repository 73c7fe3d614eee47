import 'server-only'
import { getDb } from '@/lib/server/db'
import { afterEmailsQueued } from '@/lib/server/mail/deliver'
import { enqueueEmail } from '@/lib/server/mail/outbox'
import { newAccessLinkEmail } from '@/lib/server/mail/templates'
import { dossierLink } from '@/lib/server/registration/submit-draft'
import { hashToken, newToken } from '@/lib/server/tokens'

/**
 * "J'ai perdu mon lien": when `reference` and `email` match a dossier, its private link is
 * replaced by a new one sent to that address (only a hash of the link is kept, so the old one
 * cannot be sent again). The caller answers the same way whether or not they matched.
 */
export async function renewAccessLink(options: {
  reference: string
  email: string
}): Promise<{ renewed: boolean }> {
  const reference = options.reference.trim().toUpperCase()
  const email = options.email.trim().toLowerCase()
  const queued: Array<{ to: string; subject: string; text: string }> = []
  const renewed = await getDb().$transaction(async (tx) => {
    const dossier = await tx.dossier.findFirst({ where: { reference, email }, select: { id: true } })
    if (!dossier) return false
    const token = newToken()
    await tx.dossier.update({ where: { id: dossier.id }, data: { accessTokenHash: hashToken(token) } })
    await tx.auditEvent.create({
      data: { dossierId: dossier.id, actorType: 'APPLICANT', action: 'ACCESS_LINK_RENEWED' },
    })
    const message = newAccessLinkEmail({ reference, link: dossierLink(token) })
    await enqueueEmail(tx, { kind: 'DOSSIER_MESSAGE', to: email, dossierId: dossier.id, ...message })
    queued.push({ to: email, ...message })
    return true
  })
  afterEmailsQueued(queued)
  return { renewed }
}
