import 'server-only'
import { toIsoDate } from '@/lib/domain/dates'
import { AUDIT_ACTION_LABELS } from '@/lib/domain/review'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { logEvent } from '@/lib/server/log'
import { maskPrivateLinks } from '@/lib/domain/private-links'

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
}

/** A file to put in the archive: its id (read later, one at a time) and its path in the ZIP. */
export type ExportedFile = { fileId: string; path: string }

export type ApplicantExport = {
  reference: string
  /** Everything held about the applicant, as plain JSON (dates as ISO strings). */
  data: Record<string, unknown>
  files: ExportedFile[]
}

function filePath(folder: string, rank: number, pieceTypeCode: string, mimeType: string): string {
  const type = pieceTypeCode.toLowerCase().replace(/_/g, '-')
  return `${folder}/${String(rank).padStart(2, '0')}-${type}.${EXTENSIONS[mimeType] ?? 'bin'}`
}

/**
 * Everything the portal holds about the applicant of a dossier (RGPD, articles 15 and 20): the
 * dossier and every answer, its UEs, pieces (with superseded ones), history, messages, internal
 * notes, payments, the e-mails queued for it, and its draft with any file left there. Private
 * links are never included (only their hashes are stored; links in e-mails are masked). The export
 * is recorded in the dossier's history, in the same transaction that reads it.
 */
export async function exportApplicantData(options: {
  actor: StaffActor | null
  dossierId: string
  now?: Date
}): Promise<ApplicantExport | null> {
  assertCan(options.actor, 'rgpd.requests')
  const actor = options.actor
  if (!/^[0-9a-f-]{36}$/i.test(options.dossierId)) return null
  const now = options.now ?? new Date()
  const exported = await getDb().$transaction(async (tx) => {
    const dossier = await tx.dossier.findUnique({
      where: { id: options.dossierId },
      include: {
        session: { select: { label: true, programme: { select: { code: true, title: true } } } },
        ues: { include: { ue: { select: { code: true, title: true } } }, orderBy: { ue: { code: 'asc' } } },
        pieces: { orderBy: { createdAt: 'asc' }, include: { file: true } },
        events: { orderBy: { createdAt: 'asc' } },
        messages: { orderBy: { createdAt: 'asc' } },
        notes: { orderBy: { createdAt: 'asc' } },
        payments: { orderBy: { receivedOn: 'asc' } },
        draft: {
          include: {
            pieces: { orderBy: { createdAt: 'asc' }, include: { file: { include: { piece: true } } } },
          },
        },
      },
    })
    if (!dossier) return null
    const emails = await tx.$queryRaw<
      Array<{
        kind: string
        toAddress: string
        subject: string
        text: string
        status: string
        createdAt: Date
        sentAt: Date | null
      }>
    >`
      SELECT o.kind, o."toAddress", o.subject, o.text, o.status::text AS status, o."createdAt", o."sentAt"
      FROM "OutboxEmail" o
      WHERE o."dossierId" = ${dossier.id}::uuid
         OR (o.kind = 'RESUME_LINK' AND EXISTS (
               SELECT 1 FROM "ApplicantLink" l
               WHERE l."draftId" = ${dossier.draftId}::uuid AND l."tokenHash" = ANY(o."linkHashes")))
      ORDER BY o."createdAt", o.id`
    const staffIds = [
      ...dossier.events.map((event) => event.actorId),
      ...dossier.messages.map((message) => message.authorId),
      ...dossier.notes.map((note) => note.authorId),
      ...dossier.payments.map((payment) => payment.recordedById),
      ...dossier.pieces.map((piece) => piece.decidedBy),
    ].filter((id): id is string => Boolean(id && /^[0-9a-f-]{36}$/i.test(id)))
    const staff = new Map(
      (
        await tx.staffUser.findMany({
          where: { id: { in: [...new Set(staffIds)] } },
          select: { id: true, name: true },
        })
      ).map((user) => [user.id, user.name]),
    )
    const staffName = (id: string | null | undefined) =>
      id ? (staff.get(id) ?? 'Personnel du centre') : null

    const files: ExportedFile[] = []
    const pieces = dossier.pieces.map((piece, index) => {
      const path = filePath('pieces', index + 1, piece.pieceTypeCode, piece.file.mimeType)
      files.push({ fileId: piece.fileId, path })
      return {
        pieceTypeCode: piece.pieceTypeCode,
        status: piece.status,
        decisionReason: piece.decisionReason,
        decidedAt: piece.decidedAt,
        decidedBy: staffName(piece.decidedBy),
        documentDate: piece.documentDate ? toIsoDate(piece.documentDate) : null,
        uploadedAt: piece.createdAt,
        file: {
          path,
          originalName: piece.file.originalName,
          mimeType: piece.file.mimeType,
          sizeBytes: piece.file.sizeBytes,
          sha256: piece.file.sha256,
        },
      }
    })
    // Files uploaded while filling in the form that did not become pieces of the dossier.
    const draftOnly = dossier.draft.pieces.filter((piece) => !piece.file.piece)
    const draftFiles = draftOnly.map((piece, index) => {
      const path = filePath('brouillon', index + 1, piece.pieceTypeCode, piece.file.mimeType)
      files.push({ fileId: piece.fileId, path })
      return {
        pieceTypeCode: piece.pieceTypeCode,
        documentDate: piece.documentDate ? toIsoDate(piece.documentDate) : null,
        uploadedAt: piece.createdAt,
        file: {
          path,
          originalName: piece.file.originalName,
          mimeType: piece.file.mimeType,
          sizeBytes: piece.file.sizeBytes,
          sha256: piece.file.sha256,
        },
      }
    })

    const data = {
      exportedAt: now,
      controller: 'Centre régional du Cnam de La Réunion',
      dossier: {
        reference: dossier.reference,
        programme: dossier.session.programme,
        session: dossier.session.label,
        status: dossier.status,
        submittedAt: dossier.submittedAt,
        updatedAt: dossier.updatedAt,
        consentGivenAt: dossier.consentGivenAt,
        privacyNoticeVersion: dossier.privacyNoticeVersion,
        anonymisedAt: dossier.anonymisedAt,
        civility: dossier.civility,
        birthName: dossier.birthName,
        usageName: dossier.usageName,
        firstNames: dossier.firstNames,
        birthDate: toIsoDate(dossier.birthDate),
        email: dossier.email,
        phone: dossier.phone,
        category: dossier.category,
        firstRegistration: dossier.firstRegistration,
        totalCents: dossier.totalCents,
        feeLines: dossier.feeLines,
        ues: dossier.ues.map((ue) => ({
          code: ue.ue.code,
          title: ue.ue.title,
          semester: ue.semester,
          foad: ue.foad,
        })),
      },
      answers: dossier.answers,
      pieces,
      history: dossier.events.map((event) => ({
        at: event.createdAt,
        action: event.action,
        label: AUDIT_ACTION_LABELS[event.action] ?? event.action,
        by:
          event.actorType === 'APPLICANT'
            ? 'Candidat'
            : event.actorType === 'SYSTEM'
              ? 'Portail'
              : (staffName(event.actorId) ?? 'Personnel du centre'),
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        reason: event.reason,
        details: event.details,
      })),
      messages: dossier.messages.map((message) => ({
        at: message.createdAt,
        by: staffName(message.authorId) ?? 'Personnel du centre',
        body: message.body,
        requestedPieceCodes: message.requestedPieceCodes,
      })),
      internalNotes: dossier.notes.map((note) => ({
        at: note.createdAt,
        by: staffName(note.authorId),
        body: note.body,
      })),
      payments: dossier.payments.map((payment) => ({
        kind: payment.kind,
        amountCents: payment.amountCents,
        receivedOn: toIsoDate(payment.receivedOn),
        reference: payment.reference,
        recordedBy: staffName(payment.recordedById),
        recordedAt: payment.createdAt,
      })),
      emails: emails.map((email) => ({
        kind: email.kind,
        to: email.toAddress,
        subject: email.subject,
        text: maskPrivateLinks(email.text),
        status: email.status,
        queuedAt: email.createdAt,
        sentAt: email.sentAt,
      })),
      draft: {
        createdAt: dossier.draft.createdAt,
        updatedAt: dossier.draft.updatedAt,
        submittedAt: dossier.draft.submittedAt,
        email: dossier.draft.email,
        completedSteps: dossier.draft.completedSteps,
        answers: dossier.draft.answers,
        filesNotInDossier: draftFiles,
      },
    }
    await tx.auditEvent.create({
      data: {
        dossierId: dossier.id,
        actorType: 'STAFF',
        actorId: actor.userId,
        action: 'PERSONAL_DATA_EXPORTED',
        details: { files: files.length },
        createdAt: now,
      },
    })
    return { reference: dossier.reference, data, files }
  })
  if (exported)
    logEvent('info', 'dossier.personal_data_exported', {
      userId: actor.userId,
      dossierId: options.dossierId,
      documents: exported.files.length,
    })
  return exported
}
