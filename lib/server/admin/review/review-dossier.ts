import 'server-only'
import { fromIsoDate, todayIn, type IsoDate } from '@/lib/domain/dates'
import type { CompleteAnswers } from '@/lib/domain/registration'
import { pieceDecisionProblem, type PieceDecision } from '@/lib/domain/review'
import {
  ACCEPT_WITHOUT_PAYMENT,
  acceptanceNeedsPaymentConfirmation,
  CLOSED_DOSSIER_MESSAGES,
  isRepeatedStatusChange,
  staffDossierActions,
  transition,
  type StoredDossierStatus,
  type TransitionName,
} from '@/lib/domain/workflow'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb, type DbClient } from '@/lib/server/db'
import { dossierChecklist, pieceViews } from '@/lib/server/dossiers/dossier-checklist'
import { dossierInclude } from '@/lib/server/dossiers/dossier-include'
import { afterEmailsQueued } from '@/lib/server/mail/deliver'
import { enqueueEmail, type Email } from '@/lib/server/mail/outbox'
import { decisionEmail, piecesRequestedEmail, staffMessageEmail } from '@/lib/server/mail/templates'
import { getRegistrationContext } from '@/lib/server/registration/registration-context'
import { lockDossier, ReviewConflict, STALE_DOSSIER_MESSAGE, type LockedDossier } from './locked-dossier'

export type ReviewResult = { ok: true } | { ok: false; message: string; field?: string }

/**
 * Runs one review change on a locked dossier in a transaction: the change, its audit event and
 * the e-mails it sends commit together. A stale page (another reviewer changed the dossier) is
 * refused with a message saying so.
 */
async function review(
  options: {
    actor: StaffActor | null
    dossierId: string
    expectedVersion?: number
    /** The status change this request makes: a repeat of it is answered as done (see below). */
    statusChange?: { action: TransitionName; reason: string | null }
  },
  change: (
    tx: DbClient,
    dossier: LockedDossier,
    actor: StaffActor,
  ) => Promise<{ result: ReviewResult; emails?: Email[] }>,
): Promise<ReviewResult> {
  assertCan(options.actor, 'dossiers.decide')
  const actor = options.actor
  const emails: Email[] = []
  try {
    const result = await getDb().$transaction(async (tx) => {
      const dossier = await lockDossier(tx, options.dossierId)
      if (!dossier) return { ok: false, message: 'Dossier introuvable.' } as ReviewResult
      if (options.expectedVersion !== undefined && dossier.version !== options.expectedVersion) {
        const repeated =
          options.statusChange &&
          isRepeatedStatusChange({
            expectedVersion: options.expectedVersion,
            current: dossier,
            last: await lastStatusChange(tx, dossier.id),
            asked: { ...options.statusChange, actorId: actor.userId },
          })
        if (repeated) return { ok: true } as ReviewResult
        throw new ReviewConflict(STALE_DOSSIER_MESSAGE)
      }
      if (dossier.anonymisedAt)
        return {
          ok: false,
          message: 'Ce dossier est anonymisé (durée de conservation écoulée) : il ne peut plus être modifié.',
        } as ReviewResult
      const statusBefore = dossier.status
      const outcome = await change(tx, dossier, actor)
      if (!outcome.result.ok) {
        // Nothing of a refused change may stay: roll back whatever was written.
        throw new RefusedChange(outcome.result)
      }
      for (const email of outcome.emails ?? []) {
        await enqueueEmail(tx, email)
        emails.push(email)
      }
      // The version moves with the status only: piece decisions, notes, messages and payments
      // are merged, so a reviewer's own quick clicks never look like someone else's change.
      if (dossier.status !== statusBefore) {
        await tx.dossier.update({ where: { id: dossier.id }, data: { version: { increment: 1 } } })
      }
      return outcome.result
    })
    afterEmailsQueued(emails)
    return result
  } catch (error) {
    if (error instanceof RefusedChange) return error.result
    if (error instanceof ReviewConflict) return { ok: false, message: error.message }
    throw error
  }
}

/** The newest status change of the dossier's audit trail, or null. */
async function lastStatusChange(tx: DbClient, dossierId: string) {
  const last = await tx.auditEvent.findFirst({
    where: { dossierId, toStatus: { not: null } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { action: true, actorId: true, toStatus: true, reason: true },
  })
  return last ? { ...last, action: last.action as TransitionName } : null
}

class RefusedChange extends Error {
  constructor(readonly result: ReviewResult) {
    super('refused')
  }
}

async function moveStatus(
  tx: DbClient,
  dossier: LockedDossier,
  actor: StaffActor,
  name: TransitionName,
  reason: string | null,
  details?: { withoutPayment: true },
): Promise<ReviewResult> {
  const allowed = transition(dossier.status, name, { actor: 'STAFF', reason })
  if (!allowed.ok)
    return { ok: false, message: allowed.message, field: allowed.missingReason ? 'reason' : undefined }
  await tx.dossier.update({ where: { id: dossier.id }, data: { status: allowed.to as StoredDossierStatus } })
  await tx.auditEvent.create({
    data: {
      dossierId: dossier.id,
      actorType: 'STAFF',
      actorId: actor.userId,
      action: name,
      fromStatus: dossier.status,
      toStatus: allowed.to as StoredDossierStatus,
      reason,
      details,
    },
  })
  dossier.status = allowed.to as StoredDossierStatus
  return { ok: true }
}

/**
 * A reviewer's decision on one piece: conforme, or non conforme with a reason. Decisions on other
 * pieces made meanwhile are kept (they are merged); a decision on the same piece made meanwhile
 * refuses this one. Deciding a piece of a just-submitted dossier starts its review.
 */
export function decidePiece(options: {
  actor: StaffActor | null
  dossierId: string
  pieceId: string
  decision: PieceDecision
  reason: string | null
  /** The piece's status the reviewer was looking at. */
  seenStatus: string
}): Promise<ReviewResult> {
  return review(options, async (tx, dossier, actor) => {
    const piece = await tx.piece.findFirst({
      where: { id: options.pieceId, dossierId: dossier.id },
      select: { id: true, status: true, pieceTypeCode: true, decidedBy: true, decisionReason: true },
    })
    if (!piece || piece.status === 'SUPERSEDED')
      return {
        result: { ok: false, message: 'Cette pièce a été remplacée par le candidat : rechargez la page.' },
      }
    const reason = options.decision === 'REJECTED' ? (options.reason?.trim() ?? null) : null
    // The same reviewer sending the same decision again (its answer was lost when the database
    // failed at COMMIT, or a second click): it is already saved, so it succeeds without a second
    // audit event, instead of blaming "someone else".
    if (
      piece.status !== options.seenStatus &&
      piece.status === options.decision &&
      piece.decidedBy === actor.userId &&
      piece.decisionReason === reason
    )
      return { result: { ok: true } }
    if (piece.status !== options.seenStatus) {
      return {
        result: {
          ok: false,
          message:
            'Cette pièce a été décidée entre-temps par quelqu’un d’autre : rechargez la page pour voir sa décision.',
        },
      }
    }
    const problem = pieceDecisionProblem({
      decision: options.decision,
      reason: options.reason,
      status: dossier.status,
    })
    if (problem) return { result: { ok: false, message: problem, field: 'reason' } }
    if (dossier.status === 'SUBMITTED') await moveStatus(tx, dossier, actor, 'START_REVIEW', null)
    await tx.piece.update({
      where: { id: piece.id },
      data: {
        status: options.decision,
        decisionReason: reason,
        decidedAt: new Date(),
        decidedBy: actor.userId,
      },
    })
    await tx.auditEvent.create({
      data: {
        dossierId: dossier.id,
        actorType: 'STAFF',
        actorId: actor.userId,
        action: options.decision === 'ACCEPTED' ? 'PIECE_ACCEPTED' : 'PIECE_REJECTED',
        pieceId: piece.id,
        reason,
        details: { pieceTypeCode: piece.pieceTypeCode },
      },
    })
    return { result: { ok: true } }
  })
}

/**
 * A change of status (start review, complete, accept, refuse, close, reopen), with its reason.
 * Accepting a dossier with no payment recorded needs `confirmWithoutPayment`; the history then
 * says so.
 */
export function transitionDossier(options: {
  actor: StaffActor | null
  dossierId: string
  name: Exclude<TransitionName, 'SUBMIT' | 'WITHDRAW' | 'REQUEST_PIECES'>
  reason: string | null
  expectedVersion: number
  confirmWithoutPayment?: boolean
}): Promise<ReviewResult> {
  const statusChange = { action: options.name, reason: options.reason?.trim() || null }
  return review({ ...options, statusChange }, async (tx, dossier, actor) => {
    const allowed = transition(dossier.status, options.name, { actor: 'STAFF', reason: options.reason })
    if (!allowed.ok)
      return {
        result: { ok: false, message: allowed.message, field: allowed.missingReason ? 'reason' : undefined },
      }
    if (options.name === 'MARK_COMPLETE' || options.name === 'ACCEPT') {
      const missing = await piecesNotAccepted(tx, dossier.id)
      if (missing.length > 0) {
        return {
          result: {
            ok: false,
            message: `Toutes les pièces demandées doivent être conformes : ${missing.join(', ')}.`,
          },
        }
      }
    }
    let withoutPayment = false
    if (options.name === 'ACCEPT') {
      const [{ totalCents }, recordedPayments] = await Promise.all([
        tx.dossier.findUniqueOrThrow({ where: { id: dossier.id }, select: { totalCents: true } }),
        tx.paymentRecord.count({ where: { dossierId: dossier.id } }),
      ])
      withoutPayment = acceptanceNeedsPaymentConfirmation({ totalCents, recordedPayments })
      if (withoutPayment && !options.confirmWithoutPayment)
        return {
          result: { ok: false, message: ACCEPT_WITHOUT_PAYMENT.question, field: 'confirmWithoutPayment' },
        }
    }
    const reason = options.reason?.trim() || null
    const moved = await moveStatus(
      tx,
      dossier,
      actor,
      options.name,
      reason,
      withoutPayment ? { withoutPayment: true } : undefined,
    )
    if (!moved.ok) return { result: moved }
    const decision =
      options.name === 'ACCEPT'
        ? 'ACCEPTED'
        : options.name === 'REFUSE'
          ? 'REFUSED'
          : options.name === 'CLOSE'
            ? 'CLOSED'
            : null
    if (!decision) return { result: { ok: true } }
    const programme = await tx.academicSession.findUniqueOrThrow({
      where: { id: dossier.sessionId },
      select: { programme: { select: { title: true } } },
    })
    const email = decisionEmail({
      reference: dossier.reference,
      programmeTitle: programme.programme.title,
      decision,
      reason,
    })
    return {
      result: { ok: true },
      emails: [{ kind: 'DOSSIER_DECISION', to: dossier.email, dossierId: dossier.id, ...email }],
    }
  })
}

/** Labels of the required pieces that are not (all) conforming yet. */
async function piecesNotAccepted(tx: DbClient, dossierId: string): Promise<string[]> {
  const row = await tx.dossier.findUniqueOrThrow({ where: { id: dossierId }, include: dossierInclude })
  const context = await getRegistrationContext({ sessionId: row.sessionId, db: tx })
  if (!context) return []
  const checklist = dossierChecklist({
    programme: context.programme,
    session: context.session,
    answers: row.answers as unknown as CompleteAnswers,
    pieces: pieceViews(row),
    submittedOn: todayIn(row.submittedAt),
  })
  return checklist
    .filter((item) => !item.requirement.optional && item.state !== 'ACCEPTED')
    .map((item) => item.requirement.label)
}

/**
 * Asks the applicant for pieces: the dossier becomes INCOMPLETE, the message (why, and which
 * pieces) is shown on the applicant's page and e-mailed.
 */
export function requestPieces(options: {
  actor: StaffActor | null
  dossierId: string
  pieceTypeCodes: string[]
  message: string
  expectedVersion: number
}): Promise<ReviewResult> {
  const statusChange = { action: 'REQUEST_PIECES' as const, reason: options.message.trim() || null }
  return review({ ...options, statusChange }, async (tx, dossier, actor) => {
    const message = options.message.trim()
    if (options.pieceTypeCodes.length === 0)
      return {
        result: { ok: false, message: 'Cochez au moins une pièce à demander.', field: 'pieceTypeCodes' },
      }
    if (!message)
      return { result: { ok: false, message: 'Expliquez au candidat ce qui ne va pas.', field: 'message' } }
    const context = await getRegistrationContext({ sessionId: dossier.sessionId, db: tx })
    const labels = options.pieceTypeCodes.map(
      (code) => context?.programme.pieceTypes.find((type) => type.code === code)?.label,
    )
    if (labels.some((label) => !label))
      return { result: { ok: false, message: 'Type de pièce inconnu.', field: 'pieceTypeCodes' } }
    const moved = await moveStatus(tx, dossier, actor, 'REQUEST_PIECES', message)
    if (!moved.ok) return { result: moved }
    await tx.dossierMessage.create({
      data: {
        dossierId: dossier.id,
        authorId: actor.userId,
        body: message,
        requestedPieceCodes: options.pieceTypeCodes,
      },
    })
    const email = piecesRequestedEmail({
      reference: dossier.reference,
      message,
      pieceLabels: labels as string[],
    })
    return {
      result: { ok: true },
      emails: [{ kind: 'PIECES_REQUESTED', to: dossier.email, dossierId: dossier.id, ...email }],
    }
  })
}

/** A message to the applicant, shown on their dossier page and e-mailed. */
export function sendMessage(options: {
  actor: StaffActor | null
  dossierId: string
  body: string
}): Promise<ReviewResult> {
  return review(options, async (tx, dossier, actor) => {
    if (!staffDossierActions(dossier.status).sendMessage)
      return { result: { ok: false, message: CLOSED_DOSSIER_MESSAGES.sendMessage(dossier.status) } }
    const body = options.body.trim()
    if (!body) return { result: { ok: false, message: 'Écrivez votre message.', field: 'body' } }
    if (body.length > 4000)
      return { result: { ok: false, message: '4 000 caractères au plus.', field: 'body' } }
    await tx.dossierMessage.create({
      data: { dossierId: dossier.id, authorId: actor.userId, body, requestedPieceCodes: [] },
    })
    await tx.auditEvent.create({
      data: { dossierId: dossier.id, actorType: 'STAFF', actorId: actor.userId, action: 'MESSAGE_SENT' },
    })
    const email = staffMessageEmail({ reference: dossier.reference, message: body })
    return {
      result: { ok: true },
      emails: [{ kind: 'DOSSIER_MESSAGE', to: dossier.email, dossierId: dossier.id, ...email }],
    }
  })
}

/** An internal note, never shown to the applicant. */
export function addNote(options: {
  actor: StaffActor | null
  dossierId: string
  body: string
}): Promise<ReviewResult> {
  return review(options, async (tx, dossier, actor) => {
    const body = options.body.trim()
    if (!body) return { result: { ok: false, message: 'Écrivez la note.', field: 'body' } }
    if (body.length > 4000)
      return { result: { ok: false, message: '4 000 caractères au plus.', field: 'body' } }
    await tx.dossierNote.create({ data: { dossierId: dossier.id, authorId: actor.userId, body } })
    await tx.auditEvent.create({
      data: { dossierId: dossier.id, actorType: 'STAFF', actorId: actor.userId, action: 'NOTE_ADDED' },
    })
    return { result: { ok: true } }
  })
}

/** A payment or funding received (cheque, transfer, employer certificate, caution cheques). */
export function recordPayment(options: {
  actor: StaffActor | null
  dossierId: string
  kind: 'CHEQUE' | 'TRANSFER' | 'EMPLOYER_CERTIFICATE' | 'CAUTION_CHEQUES'
  amountCents: number
  receivedOn: IsoDate
  reference: string | null
}): Promise<ReviewResult> {
  return review(options, async (tx, dossier, actor) => {
    if (!staffDossierActions(dossier.status).recordPayment)
      return { result: { ok: false, message: CLOSED_DOSSIER_MESSAGES.recordPayment(dossier.status) } }
    const payment = await tx.paymentRecord.create({
      data: {
        dossierId: dossier.id,
        kind: options.kind,
        amountCents: options.amountCents,
        receivedOn: fromIsoDate(options.receivedOn),
        reference: options.reference,
        recordedById: actor.userId,
      },
      select: { id: true },
    })
    await tx.auditEvent.create({
      data: {
        dossierId: dossier.id,
        actorType: 'STAFF',
        actorId: actor.userId,
        action: 'PAYMENT_RECORDED',
        details: { paymentId: payment.id, kind: options.kind, amountCents: options.amountCents },
      },
    })
    return { result: { ok: true } }
  })
}
