import 'server-only'
import { SESSION_IDLE_DAYS } from '@/lib/domain/access'
import { getDb } from '@/lib/server/db'

/**
 * Deletes drafts that expired before `now`, with their uploaded files, and submitted drafts' left-
 * over files that no dossier uses (pieces the applicant uploaded but the checklist no longer
 * asked for). Files used by a dossier are kept. Safe to run from several places at once.
 */
export async function purgeExpiredDrafts(
  options: { now?: Date } = {},
): Promise<{ drafts: number; files: number }> {
  const now = options.now ?? new Date()
  return getDb().$transaction(
    async (tx) => {
      const expired = await tx.draft.findMany({
        where: { expiresAt: { lt: now }, submittedAt: null },
        select: { id: true },
      })
      const orphanFiles = await tx.storedFile.findMany({
        where: {
          piece: null,
          draftPiece: {
            OR: [
              { draftId: { in: expired.map((draft) => draft.id) } },
              { draft: { submittedAt: { not: null } } },
            ],
          },
        },
        select: { id: true },
      })
      const files = await tx.storedFile.deleteMany({
        where: { id: { in: orphanFiles.map((file) => file.id) } },
      })
      const drafts = await tx.draft.deleteMany({ where: { id: { in: expired.map((draft) => draft.id) } } })
      // Traces of the applicants' access that no longer serve: a link expired for a month (until
      // then it still says « expiré » rather than « inconnu »), an ended session whose cookie has
      // expired too, a « lien perdu » demand no job resolved for a day.
      const month = new Date(now.getTime() - SESSION_IDLE_DAYS * 86_400_000)
      await tx.applicantLink.deleteMany({ where: { expiresAt: { lt: month } } })
      await tx.endedApplicantSession.deleteMany({ where: { endedAt: { lt: month } } })
      await tx.linkRequest.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - 86_400_000) } } })
      return { drafts: drafts.count, files: files.count }
    },
    { timeout: 120_000 },
  )
}
