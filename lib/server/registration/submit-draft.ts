import 'server-only'
import { fromIsoDate, todayIn, toIsoDate } from '@/lib/domain/dates'
import { paymentInstructions } from '@/lib/domain/fees'
import { semestersOfPeriod } from '@/lib/domain/session'
import { formatReference, withdrawalDeadline } from '@/lib/domain/workflow'
import { publicBaseUrl } from '@/lib/env'
import { formatEuros } from '@/lib/format'
import type { Prisma } from '@/lib/generated/prisma/client'
import type { RawAnswers } from '@/lib/schemas/registration-steps'
import { getDb } from '@/lib/server/db'
import { afterEmailsQueued } from '@/lib/server/mail/deliver'
import { enqueueEmail } from '@/lib/server/mail/outbox'
import { dossierSubmittedEmail } from '@/lib/server/mail/templates'
import { recordSessionEnd } from '@/lib/server/access/applicant-sessions'
import { issueApplicantLink } from '@/lib/server/access/issue-applicant-link'
import { hashToken, looksLikeToken, newToken } from '@/lib/server/tokens'
import { evaluateRegistration, type RegistrationIssue } from './evaluate-registration'
import { getRegistrationContext, receivingCentre } from './registration-context'
import { DRAFT_UNAVAILABLE } from './save-draft-step'

/** Version of the privacy notice the applicant consents to (app/(public)/confidentialite). */
export const PRIVACY_NOTICE_VERSION = '2026-11-26'

/** How long after a submission its retry (the first answer lost) still gets the dossier's session. */
const RETRY_WINDOW_MS = 15 * 60_000

export type SubmitResult =
  | {
      ok: true
      dossierId: string
      reference: string
      alreadySubmitted: boolean
      /** The dossier's new session token, for this browser's cookie (null: no session given). */
      sessionToken: string | null
    }
  | { ok: false; issues: RegistrationIssue[]; formError: string | null }

/** Lowercase, accent-free text for staff search. */
export function searchTextOf(parts: Array<string | null | undefined>): string {
  return parts
    .filter(Boolean)
    .join(' ')
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
}

export function dossierLink(token: string): string {
  return `${publicBaseUrl()}/dossier/acces/${token}`
}

/**
 * Turns a draft into a dossier. Everything is checked again on the server with today's rules; an
 * incomplete or invalid draft is refused with every problem named, and nothing is written. A
 * complete one is stored — dossier, UEs, pieces, first audit event, confirmation e-mail — in one
 * transaction. The draft row is locked first, so a double click or a retried request makes one
 * dossier: the second call finds the draft submitted and returns the same dossier.
 */
export async function submitDraft(options: { token: string; now?: Date }): Promise<SubmitResult> {
  if (!looksLikeToken(options.token)) return { ok: false, issues: [], formError: DRAFT_UNAVAILABLE.NONE }
  const now = options.now ?? new Date()
  const today = todayIn(now)
  const tokenHash = hashToken(options.token)
  const sessionToken = newToken()
  const queued: Array<{ to: string; subject: string; text: string }> = []

  const result = await getDb().$transaction(
    async (tx): Promise<SubmitResult> => {
      const locked = await tx.$queryRaw<
        Array<{ id: string; submittedAt: Date | null; expiresAt: Date; sessionId: string }>
      >`
        SELECT id, "submittedAt", "expiresAt", "sessionId" FROM "Draft" WHERE "tokenHash" = ${tokenHash} FOR UPDATE`
      const draftRow = locked[0]
      if (!draftRow) return { ok: false, issues: [], formError: DRAFT_UNAVAILABLE.NONE }
      if (draftRow.submittedAt) {
        const existing = await tx.dossier.findUnique({
          where: { draftId: draftRow.id },
          select: { id: true, reference: true, accessTokenHash: true },
        })
        if (existing) {
          // A retry whose first answer was lost (or a double click) gets the dossier's session,
          // but only right after the submission: later, the draft's cookie opens nothing.
          if (now.getTime() - draftRow.submittedAt.getTime() > RETRY_WINDOW_MS)
            return { ok: false, issues: [], formError: DRAFT_UNAVAILABLE.SUBMITTED }
          const retryToken = newToken()
          await recordSessionEnd(tx, { tokenHash: existing.accessTokenHash, reason: 'OPENED_ELSEWHERE', now })
          await tx.dossier.update({
            where: { id: existing.id },
            data: { accessTokenHash: hashToken(retryToken), sessionSeenAt: now },
            select: { id: true },
          })
          return {
            ok: true,
            dossierId: existing.id,
            reference: existing.reference,
            alreadySubmitted: true,
            sessionToken: retryToken,
          }
        }
      }
      if (draftRow.expiresAt <= now) return { ok: false, issues: [], formError: DRAFT_UNAVAILABLE.EXPIRED }

      const draft = await tx.draft.findUniqueOrThrow({
        where: { id: draftRow.id },
        select: {
          answers: true,
          pieces: {
            orderBy: { createdAt: 'asc' },
            select: {
              id: true,
              pieceTypeCode: true,
              documentDate: true,
              fileId: true,
              file: { select: { originalName: true } },
            },
          },
        },
      })
      const context = await getRegistrationContext({ sessionId: draftRow.sessionId, db: tx })
      if (!context) return { ok: false, issues: [], formError: DRAFT_UNAVAILABLE.NONE }
      const uploads = draft.pieces.map((piece) => ({
        id: piece.id,
        pieceTypeCode: piece.pieceTypeCode,
        documentDate: piece.documentDate ? toIsoDate(piece.documentDate) : null,
        fileName: piece.file.originalName,
      }))
      const evaluation = evaluateRegistration({
        raw: (draft.answers ?? {}) as RawAnswers,
        context,
        uploads,
        today,
      })
      if (evaluation.issues.length > 0 || !evaluation.complete || !evaluation.fees) {
        return { ok: false, issues: evaluation.issues, formError: null }
      }
      const { complete: answers, fees } = evaluation

      const ueRows = await tx.ue.findMany({
        where: { programmeId: context.programmeId, code: { in: answers.ue.ues.map((ue) => ue.code) } },
        select: { id: true, code: true },
      })
      const ueIdByCode = new Map(ueRows.map((ue) => [ue.code, ue.id]))
      // Only the pieces the checklist asks for become pieces of the dossier.
      const wanted = new Set(
        evaluation.checklist.flatMap((item) => item.requirement.pieceTypes.map((type) => type.code)),
      )
      const { identite: identity, coordonnees: contact, situation } = answers
      await tx.draft.update({ where: { id: draftRow.id }, data: { submittedAt: now } })
      // The draft's links die: from now on only the dossier's address gets the dossier's link.
      await tx.applicantLink.updateMany({
        where: { draftId: draftRow.id, usedAt: null, revokedAt: null },
        data: { revokedAt: now },
      })

      // Every submission of the session increments this one row, and holds its lock until commit:
      // simultaneous submissions queue here. So it comes last, followed only by the writes that
      // need the reference, in as few statements as possible (bench/submission.ts measured the
      // queue: 20 dossiers sent at once spent most of their time waiting on this lock).
      const prefix = `${context.programme.code}-${context.session.startYear}`
      const [counter] = await tx.$queryRaw<Array<{ lastValue: number }>>`
        INSERT INTO "ReferenceCounter" (prefix, "lastValue") VALUES (${prefix}, 1)
        ON CONFLICT (prefix) DO UPDATE SET "lastValue" = "ReferenceCounter"."lastValue" + 1
        RETURNING "lastValue"`
      const reference = formatReference(context.programme.code, context.session.startYear, counter!.lastValue)

      const dossier = await tx.dossier.create({
        data: {
          reference,
          sessionId: context.sessionId,
          draftId: draftRow.id,
          // A new session for this browser: the draft's cookie is not the dossier's.
          accessTokenHash: hashToken(sessionToken),
          sessionSeenAt: now,
          status: 'SUBMITTED',
          civility: identity.civility,
          birthName: identity.birthName,
          usageName: identity.usageName,
          firstNames: identity.firstNames,
          birthDate: fromIsoDate(identity.birthDate),
          email: contact.email,
          phone: contact.phone,
          category: situation.category,
          searchText: searchTextOf([
            reference,
            identity.birthName,
            identity.usageName,
            identity.firstNames,
            contact.email,
          ]),
          answers: answers as unknown as Prisma.InputJsonValue,
          feeLines: fees.lines as unknown as Prisma.InputJsonValue,
          totalCents: fees.totalCents,
          firstRegistration: situation.firstRegistration,
          consentGivenAt: now,
          privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
          submittedAt: now,
          ues: {
            createMany: {
              data: answers.ue.ues.map((pick) => {
                const ue = context.session.ues.find((candidate) => candidate.code === pick.code)!
                // A full-year UE is registered with the first semester; a report with none.
                const semester = semestersOfPeriod(ue.periodKind)[0] ?? null
                return { ueId: ueIdByCode.get(pick.code)!, semester, foad: pick.foad }
              }),
            },
          },
          pieces: {
            createMany: {
              data: draft.pieces
                .filter((piece) => wanted.has(piece.pieceTypeCode))
                .map((piece) => ({
                  pieceTypeCode: piece.pieceTypeCode,
                  fileId: piece.fileId,
                  documentDate: piece.documentDate,
                })),
            },
          },
          events: {
            create: {
              actorType: 'APPLICANT',
              action: 'SUBMIT',
              fromStatus: null,
              toStatus: 'SUBMITTED',
              details: {
                totalCents: fees.totalCents,
                pieces: wanted.size,
                privacyNoticeVersion: PRIVACY_NOTICE_VERSION,
              },
            },
          },
        },
        select: { id: true },
      })

      const linkToken = await issueApplicantLink(tx, {
        kind: 'DOSSIER',
        dossierId: dossier.id,
        email: contact.email,
        now,
      })
      const message = dossierSubmittedEmail({
        reference,
        programmeTitle: context.programme.title,
        sessionLabel: context.session.label,
        totalCents: fees.totalCents,
        paymentInstructions: paymentInstructions({
          category: situation.category,
          totalCents: fees.totalCents,
          cautionCents: evaluation.cautionCents,
          payee: context.programme.paymentPayee,
          formatEuros,
        }),
        dossierLink: dossierLink(linkToken),
        withdrawalDeadline: withdrawalDeadline(now, context.programme.withdrawalPeriodDays),
        centre: receivingCentre(context),
      })
      await enqueueEmail(
        tx,
        { kind: 'DOSSIER_SUBMITTED', to: contact.email, dossierId: dossier.id, ...message },
        { centre: receivingCentre(context) },
      )
      queued.push({ to: contact.email, ...message })
      return { ok: true, dossierId: dossier.id, reference, alreadySubmitted: false, sessionToken }
    },
    { timeout: 30_000, maxWait: 10_000 },
  )
  if (result.ok && !result.alreadySubmitted) afterEmailsQueued(queued)
  return result
}
