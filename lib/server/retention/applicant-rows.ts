import 'server-only'
import type { DbClient } from '@/lib/server/db'

/**
 * The rows about an applicant that do not hang off their dossier by a foreign key, found for the
 * retention purge and for an erasure on request: the uploaded files (of the dossier's pieces and
 * of its draft, which keeps the pieces the checklist no longer asked for) and the e-mails queued
 * for the dossier or for its draft (resume links carry no dossier id: they are found by their
 * link, whose token hashes to one of the draft's ApplicantLink rows). Call them before the rows they start from
 * are changed.
 */

export type ApplicantFiles = { ids: string[]; bytes: number }

/** Every file of these dossiers' pieces and of these drafts' pieces, with their total size. */
export async function applicantFiles(
  tx: DbClient,
  scope: { dossierIds: string[]; draftIds: string[] },
): Promise<ApplicantFiles> {
  const files = await tx.storedFile.findMany({
    where: {
      OR: [
        { piece: { dossierId: { in: scope.dossierIds } } },
        { draftPiece: { draftId: { in: scope.draftIds } } },
      ],
    },
    select: { id: true, sizeBytes: true },
  })
  return {
    ids: files.map((file) => file.id),
    bytes: files.reduce((sum, file) => sum + file.sizeBytes, 0),
  }
}

/** Deletes the e-mails queued for these dossiers, and the resume links sent for these drafts. */
export async function deleteApplicantEmails(
  tx: DbClient,
  scope: { dossierIds: string[]; draftIds: string[] },
): Promise<number> {
  const forDossiers = await tx.outboxEmail.deleteMany({ where: { dossierId: { in: scope.dossierIds } } })
  if (scope.draftIds.length === 0) return forDossiers.count
  const resumeLinks = await tx.$executeRaw`
    DELETE FROM "OutboxEmail" o USING "Draft" d
    WHERE d.id = ANY(${scope.draftIds}::uuid[]) AND o.kind = 'RESUME_LINK'
      AND (o."toAddress" = d.email
        OR EXISTS (SELECT 1 FROM "ApplicantLink" l WHERE l."draftId" = d.id AND l."tokenHash" = ANY(o."linkHashes")))`
  // The links themselves name the address they were sent to.
  await tx.applicantLink.deleteMany({
    where: { OR: [{ draftId: { in: scope.draftIds } }, { dossierId: { in: scope.dossierIds } }] },
  })
  return forDossiers.count + resumeLinks
}

/** Deletes files (metadata and bytes; draft pieces pointing at them go too). Pieces must be gone. */
export async function deleteFiles(tx: DbClient, fileIds: string[]): Promise<number> {
  if (fileIds.length === 0) return 0
  const { count } = await tx.storedFile.deleteMany({ where: { id: { in: fileIds } } })
  return count
}
