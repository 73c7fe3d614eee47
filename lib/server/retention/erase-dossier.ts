import 'server-only'
import { confirmsReference } from '@/lib/domain/retention'
import type { DossierStatus } from '@/lib/generated/prisma/client'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { logEvent } from '@/lib/server/log'
import { applicantFiles, deleteApplicantEmails, deleteFiles } from './applicant-rows'

export type EraseResult =
  | { ok: true; pieces: number; files: number; bytes: number; emails: number }
  | { ok: false; message: string; field?: 'confirmation' }

/**
 * Erases a dossier at the applicant's request (RGPD, article 17): the dossier and everything that
 * hangs off it (UEs, pieces and their files, history, messages, notes, payments), its draft with
 * the files the checklist no longer asked for, and every e-mail queued for it. Staff confirm by
 * typing the dossier's reference. One transaction, on the locked dossier; what remains is one audit
 * event that says an erasure happened, who did it, when, and in which session, with counts but no
 * reference nor id that could tie it back to the person.
 */
export async function eraseDossier(options: {
  actor: StaffActor | null
  dossierId: string
  confirmation: string
}): Promise<EraseResult> {
  assertCan(options.actor, 'rgpd.requests')
  const actor = options.actor
  if (!/^[0-9a-f-]{36}$/i.test(options.dossierId)) return { ok: false, message: 'Dossier introuvable.' }
  const result = await getDb().$transaction(
    async (tx): Promise<EraseResult & { sessionId?: string }> => {
      const [dossier] = await tx.$queryRaw<
        Array<{ id: string; reference: string; status: DossierStatus; sessionId: string; draftId: string }>
      >`
        SELECT id, reference, status, "sessionId", "draftId" FROM "Dossier"
        WHERE id = ${options.dossierId}::uuid FOR UPDATE`
      if (!dossier) return { ok: false, message: 'Dossier introuvable : il a peut-être déjà été effacé.' }
      if (!confirmsReference(options.confirmation, dossier.reference)) {
        return {
          ok: false,
          field: 'confirmation',
          message: `Recopiez la référence du dossier (${dossier.reference}) pour confirmer l’effacement.`,
        }
      }
      const scope = { dossierIds: [dossier.id], draftIds: [dossier.draftId] }
      const files = await applicantFiles(tx, scope)
      const emails = await deleteApplicantEmails(tx, scope)
      const pieces = await tx.piece.deleteMany({ where: { dossierId: dossier.id } })
      // UEs, history, messages, notes and payments go with the dossier (ON DELETE CASCADE).
      await tx.dossier.delete({ where: { id: dossier.id } })
      await tx.draft.delete({ where: { id: dossier.draftId } })
      const deletedFiles = await deleteFiles(tx, files.ids)
      const counts = { pieces: pieces.count, files: deletedFiles, bytes: files.bytes, emails }
      await tx.auditEvent.create({
        data: {
          dossierId: null,
          actorType: 'STAFF',
          actorId: actor.userId,
          action: 'DOSSIER_ERASED',
          fromStatus: dossier.status,
          details: { sessionId: dossier.sessionId, ...counts },
        },
      })
      return { ok: true, ...counts, sessionId: dossier.sessionId }
    },
    { timeout: 60_000 },
  )
  if (!result.ok) return result
  const { sessionId, ...erased } = result
  logEvent('info', 'dossier.erased', { userId: actor.userId, sessionId, pieces: erased.pieces })
  return erased
}
