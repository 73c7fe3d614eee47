import 'server-only'
import { todayIn, toIsoDate } from '@/lib/domain/dates'
import {
  ANONYMISED_DOSSIER,
  isRetentionOver,
  retentionLastDay,
  sessionEndDay,
  type SessionCalendarEnd,
} from '@/lib/domain/retention'
import { env } from '@/lib/env'
import { Prisma } from '@/lib/generated/prisma/client'
import { getDb, type DbClient } from '@/lib/server/db'
import { logEvent } from '@/lib/server/log'
import { applicantFiles, deleteApplicantEmails, deleteFiles } from './applicant-rows'

/** Dossiers anonymised per transaction: short transactions, little memory, other work goes on. */
const BATCH = 100

export type SessionPurge = {
  sessionId: string
  label: string
  /** Last day the data were kept. */
  keptUntil: string
  dossiers: number
  drafts: number
  files: number
  bytes: number
  emails: number
}

/**
 * The retention rule, applied: for every session whose retention period is over
 * (`DOSSIER_RETENTION_MONTHS` after its last day, see lib/domain/retention.ts), anonymises its
 * dossiers and deletes its drafts.
 *
 * An anonymised dossier keeps what the statistics use — session, status, tariff category,
 * civility, UEs, fees, dates of submission and of each status change — and loses everything else:
 * names, birth date, e-mail, phone, every answer (NIR, address, employer…), its private link, its
 * pieces with their files, messages, internal notes, payment references, the reasons written in
 * its history and the e-mails queued for it; its draft is emptied the same way. Drafts never
 * submitted are deleted with their files and resume e-mails.
 *
 * Safe to run on several machines at once and to run again: each batch locks its dossiers with
 * SKIP LOCKED (two runs share the work, never do it twice), and anonymised dossiers are not
 * selected again.
 */
export async function purgeEndedSessions(
  options: { now?: Date; retentionMonths?: number } = {},
): Promise<SessionPurge[]> {
  const now = options.now ?? new Date()
  const retentionMonths = options.retentionMonths ?? env.DOSSIER_RETENTION_MONTHS
  const today = todayIn(now)
  const db = getDb()
  const sessions = await db.academicSession.findMany({
    select: {
      id: true,
      label: true,
      secondExamEndsOn: true,
      semesters: { select: { endsOn: true, examEndsOn: true } },
    },
    orderBy: { startYear: 'asc' },
  })
  const due = sessions.filter((session) => isRetentionOver(calendarOf(session), retentionMonths, today))

  const report: SessionPurge[] = []
  for (const session of due) {
    const calendar = calendarOf(session)
    const result: SessionPurge = {
      sessionId: session.id,
      label: session.label,
      keptUntil: retentionLastDay(calendar, retentionMonths),
      dossiers: 0,
      drafts: 0,
      files: 0,
      bytes: 0,
      emails: 0,
    }
    const details = { retentionMonths, sessionEndedOn: sessionEndDay(calendar) }
    for (;;) {
      const batch = await db.$transaction((tx) => anonymiseBatch(tx, session.id, now, details), {
        timeout: 120_000,
      })
      if (batch.dossiers === 0) break
      add(result, batch)
    }
    add(result, await db.$transaction((tx) => deleteDrafts(tx, session.id), { timeout: 120_000 }))
    if (result.dossiers + result.drafts + result.files + result.emails > 0) {
      logEvent('info', 'retention.purged', {
        sessionId: session.id,
        dossiers: result.dossiers,
        drafts: result.drafts,
        documents: result.files,
        bytes: result.bytes,
        emails: result.emails,
      })
    }
    report.push(result)
  }
  return report
}

type Counts = Pick<SessionPurge, 'dossiers' | 'drafts' | 'files' | 'bytes' | 'emails'>

function add(total: Counts, part: Counts) {
  total.dossiers += part.dossiers
  total.drafts += part.drafts
  total.files += part.files
  total.bytes += part.bytes
  total.emails += part.emails
}

function calendarOf(session: {
  secondExamEndsOn: Date
  semesters: Array<{ endsOn: Date; examEndsOn: Date }>
}): SessionCalendarEnd {
  return {
    secondExamEndsOn: toIsoDate(session.secondExamEndsOn),
    semesters: session.semesters.map((semester) => ({
      endsOn: toIsoDate(semester.endsOn),
      examEndsOn: toIsoDate(semester.examEndsOn),
    })),
  }
}

/** Anonymises up to BATCH dossiers of the session that nobody else is working on. */
async function anonymiseBatch(
  tx: DbClient,
  sessionId: string,
  now: Date,
  details: { retentionMonths: number; sessionEndedOn: string },
): Promise<Counts> {
  const locked = await tx.$queryRaw<Array<{ id: string; draftId: string }>>`
    SELECT id, "draftId" FROM "Dossier"
    WHERE "sessionId" = ${sessionId}::uuid AND "anonymisedAt" IS NULL
    ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED`
  if (locked.length === 0) return { dossiers: 0, drafts: 0, files: 0, bytes: 0, emails: 0 }
  const scope = { dossierIds: locked.map((row) => row.id), draftIds: locked.map((row) => row.draftId) }

  // Found before the rows that lead to them change.
  const files = await applicantFiles(tx, scope)
  const emails = await deleteApplicantEmails(tx, scope)
  await tx.piece.deleteMany({ where: { dossierId: { in: scope.dossierIds } } })
  const deletedFiles = await deleteFiles(tx, files.ids)
  await tx.dossierMessage.deleteMany({ where: { dossierId: { in: scope.dossierIds } } })
  await tx.dossierNote.deleteMany({ where: { dossierId: { in: scope.dossierIds } } })
  await tx.paymentRecord.updateMany({
    where: { dossierId: { in: scope.dossierIds } },
    data: { reference: null },
  })
  // Reasons are free text (a refusal's motive, a rejected piece's explanation): they go. What
  // happened and when stays, for the statistics (time to a decision, outcomes).
  await tx.auditEvent.updateMany({
    where: { dossierId: { in: scope.dossierIds } },
    data: { reason: null, details: Prisma.DbNull, pieceId: null },
  })
  // A hash that no token hashes to (not 64 hex digits): the private links are dead.
  await tx.$executeRaw`
    UPDATE "Dossier" SET
      "birthName" = ${ANONYMISED_DOSSIER.birthName}, "usageName" = NULL,
      "firstNames" = ${ANONYMISED_DOSSIER.firstNames}, "birthDate" = ${ANONYMISED_DOSSIER.birthDate}::date,
      email = ${ANONYMISED_DOSSIER.email}, phone = ${ANONYMISED_DOSSIER.phone},
      reference = 'ANONYME-' || id::text, "searchText" = 'anonyme-' || id::text,
      "accessTokenHash" = 'anonymised:' || id::text, answers = '{}'::jsonb,
      "anonymisedAt" = ${now}, "updatedAt" = ${now}, version = version + 1
    WHERE id = ANY(${scope.dossierIds}::uuid[])`
  await tx.$executeRaw`
    UPDATE "Draft" SET answers = '{}'::jsonb, email = NULL, "completedSteps" = '{}',
      "tokenHash" = 'anonymised:' || id::text, "updatedAt" = ${now}
    WHERE id = ANY(${scope.draftIds}::uuid[])`
  await tx.auditEvent.createMany({
    data: scope.dossierIds.map((dossierId) => ({
      dossierId,
      actorType: 'SYSTEM' as const,
      action: 'ANONYMISED',
      details,
      createdAt: now,
    })),
  })
  return { dossiers: locked.length, drafts: 0, files: deletedFiles, bytes: files.bytes, emails }
}

/** Deletes the session's drafts that were never submitted, with their files and resume e-mails. */
async function deleteDrafts(tx: DbClient, sessionId: string): Promise<Counts> {
  const locked = await tx.$queryRaw<Array<{ id: string }>>`
    SELECT id FROM "Draft" WHERE "sessionId" = ${sessionId}::uuid AND "submittedAt" IS NULL
    FOR UPDATE SKIP LOCKED`
  if (locked.length === 0) return { dossiers: 0, drafts: 0, files: 0, bytes: 0, emails: 0 }
  const scope = { dossierIds: [], draftIds: locked.map((row) => row.id) }
  const files = await applicantFiles(tx, scope)
  const emails = await deleteApplicantEmails(tx, scope)
  const deletedFiles = await deleteFiles(tx, files.ids)
  const drafts = await tx.draft.deleteMany({ where: { id: { in: scope.draftIds } } })
  return { dossiers: 0, drafts: drafts.count, files: deletedFiles, bytes: files.bytes, emails }
}
