import 'server-only'
import { canWithdraw, transition, type StoredDossierStatus } from '@/lib/domain/workflow'
import { SESSION_END_MESSAGES } from '@/lib/domain/access'
import { resolveDossierSession } from '@/lib/server/access/resolve-dossier-session'
import { getDb } from '@/lib/server/db'
import { afterEmailsQueued } from '@/lib/server/mail/deliver'
import { enqueueEmail } from '@/lib/server/mail/outbox'
import { dossierWithdrawnEmail } from '@/lib/server/mail/templates'
import { hashToken, looksLikeToken } from '@/lib/server/tokens'

export type WithdrawResult = { ok: true } | { ok: false; message: string }

/**
 * The applicant withdraws the dossier (clause de rétractation), within the withdrawal period of
 * the programme. Status, audit event and confirmation e-mail in one transaction, on a locked row.
 */
export async function withdrawDossier(options: { token: string; now?: Date }): Promise<WithdrawResult> {
  if (!looksLikeToken(options.token)) return { ok: false, message: 'Dossier introuvable.' }
  // An ended session (a link opened on another device, 30 idle days) is told why.
  const now = options.now ?? new Date()
  const session = await resolveDossierSession({ token: options.token, now })
  if (!session.dossierId)
    return {
      ok: false,
      message: session.ended ? SESSION_END_MESSAGES[session.ended] : 'Dossier introuvable.',
    }
  const queued: Array<{ to: string; subject: string; text: string }> = []
  const result = await getDb().$transaction(async (tx): Promise<WithdrawResult> => {
    const [row] = await tx.$queryRaw<
      Array<{
        id: string
        status: string
        submittedAt: Date
        email: string
        reference: string
        sessionId: string
      }>
    >`
      SELECT id, status, "submittedAt", email, reference, "sessionId" FROM "Dossier"
      WHERE "accessTokenHash" = ${hashToken(options.token)} FOR UPDATE`
    if (!row) return { ok: false, message: 'Dossier introuvable.' }
    const programme = await tx.academicSession.findUniqueOrThrow({
      where: { id: row.sessionId },
      select: { programme: { select: { withdrawalPeriodDays: true, title: true } } },
    })
    const status = row.status as Parameters<typeof transition>[0]
    const allowed = transition(status, 'WITHDRAW', { actor: 'APPLICANT' })
    if (!allowed.ok) return { ok: false, message: allowed.message }
    if (
      !canWithdraw({
        status,
        submittedAt: row.submittedAt,
        now,
        days: programme.programme.withdrawalPeriodDays,
      })
    ) {
      return {
        ok: false,
        message: `Le délai de rétractation de ${programme.programme.withdrawalPeriodDays} jours est dépassé : contactez le centre pour toute demande.`,
      }
    }
    await tx.dossier.update({
      where: { id: row.id },
      data: { status: 'WITHDRAWN', version: { increment: 1 } },
    })
    await tx.auditEvent.create({
      data: {
        dossierId: row.id,
        actorType: 'APPLICANT',
        action: 'WITHDRAW',
        fromStatus: allowed.from as StoredDossierStatus,
        toStatus: 'WITHDRAWN',
      },
    })
    const message = dossierWithdrawnEmail({
      reference: row.reference,
      programmeTitle: programme.programme.title,
    })
    await enqueueEmail(tx, { kind: 'DOSSIER_WITHDRAWN', to: row.email, dossierId: row.id, ...message })
    queued.push({ to: row.email, ...message })
    return { ok: true }
  })
  if (result.ok) afterEmailsQueued(queued)
  return result
}
