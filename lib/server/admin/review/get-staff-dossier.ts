import 'server-only'
import { todayIn } from '@/lib/domain/dates'
import type { FeeLine } from '@/lib/domain/fees'
import type { CompleteAnswers } from '@/lib/domain/registration'
import { historyEventLabel, isHistoryEvent } from '@/lib/domain/review'
import { availableTransitions, type StoredDossierStatus, type TransitionName } from '@/lib/domain/workflow'
import { can } from '@/lib/domain/staff'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import {
  dossierChecklist,
  pieceViews,
  type DossierChecklistItem,
  type DossierPieceView,
} from '@/lib/server/dossiers/dossier-checklist'
import { dossierInclude } from '@/lib/server/dossiers/dossier-include'
import {
  getRegistrationContext,
  type RegistrationContext,
} from '@/lib/server/registration/registration-context'

export type StaffDossier = {
  anonymised: false
  id: string
  reference: string
  status: StoredDossierStatus
  version: number
  submittedAt: Date
  totalCents: number
  feeLines: FeeLine[]
  answers: CompleteAnswers
  pieces: DossierPieceView[]
  checklist: DossierChecklistItem[]
  payments: Array<{
    id: string
    kind: string
    amountCents: number
    receivedOn: Date
    reference: string | null
    recordedBy: string
    createdAt: Date
  }>
  notes: Array<{ id: string; body: string; author: string; createdAt: Date }>
  messages: Array<{
    id: string
    body: string
    requestedPieceCodes: string[]
    author: string | null
    createdAt: Date
  }>
  history: Array<{
    id: string
    action: string
    /** The event in words (historyEventLabel): the piece and file it concerned, if any. */
    label: string
    actor: string
    fromStatus: string | null
    toStatus: string | null
    reason: string | null
    createdAt: Date
  }>
  context: RegistrationContext
  /** What this staff member may do now (workflow and role together). */
  transitions: TransitionName[]
  canDecide: boolean
}

/**
 * A dossier whose retention period ended (lib/server/retention): what the statistics keep, and its
 * history without reasons. Nothing can be done on it any more but erase it.
 */
export type AnonymisedStaffDossier = {
  anonymised: true
  id: string
  reference: string
  status: StoredDossierStatus
  submittedAt: Date
  anonymisedAt: Date
  sessionLabel: string
  category: string
  totalCents: number
  ueCodes: string[]
  history: StaffDossier['history']
}

/** A dossier as staff review it: every answer, piece, payment, note, message and event. */
export async function getStaffDossier(options: {
  actor: StaffActor | null
  dossierId: string
}): Promise<StaffDossier | AnonymisedStaffDossier | null> {
  assertCan(options.actor, 'dossiers.read')
  if (!/^[0-9a-f-]{36}$/i.test(options.dossierId)) return null
  const db = getDb()
  const row = await db.dossier.findUnique({
    where: { id: options.dossierId },
    include: {
      ...dossierInclude,
      notes: { orderBy: { createdAt: 'asc' } },
      payments: { orderBy: { receivedOn: 'asc' } },
    },
  })
  if (!row) return null
  const context = await getRegistrationContext({ sessionId: row.sessionId })
  if (!context) return null
  const staffIds = [
    ...new Set(
      [
        ...row.notes.map((note) => note.authorId),
        ...row.payments.map((payment) => payment.recordedById),
        ...row.events.map((event) => event.actorId),
        ...row.messages.map((message) => message.authorId),
      ].filter((id): id is string => Boolean(id)),
    ),
  ]
  const staff = new Map(
    (await db.staffUser.findMany({ where: { id: { in: staffIds } }, select: { id: true, name: true } })).map(
      (user) => [user.id, user.name],
    ),
  )
  const pieceTypeLabels = new Map(context.programme.pieceTypes.map((type) => [type.code, type.label]))
  const pieceOf = (pieceId: string | null) => {
    const piece = row.pieces.find((candidate) => candidate.id === pieceId)
    return piece
      ? {
          label: pieceTypeLabels.get(piece.pieceTypeCode) ?? piece.pieceTypeCode,
          fileName: piece.file.originalName,
        }
      : null
  }
  const history = row.events
    .filter((event) => isHistoryEvent(event.action))
    .map((event) => ({
      id: event.id,
      action: event.action,
      label: historyEventLabel({
        action: event.action,
        details: event.details,
        piece: pieceOf(event.pieceId),
      }),
      actor:
        event.actorType === 'APPLICANT'
          ? 'Le candidat'
          : event.actorType === 'SYSTEM'
            ? 'Le portail'
            : (staff.get(event.actorId ?? '') ?? 'Personnel'),
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      reason: event.reason,
      createdAt: event.createdAt,
    }))
  if (row.anonymisedAt) {
    return {
      anonymised: true,
      id: row.id,
      reference: row.reference,
      status: row.status,
      submittedAt: row.submittedAt,
      anonymisedAt: row.anonymisedAt,
      sessionLabel: context.session.label,
      category: row.category,
      totalCents: row.totalCents,
      ueCodes: row.ues.map((ue) => ue.ue.code).sort(),
      history,
    }
  }
  const answers = row.answers as unknown as CompleteAnswers
  const pieces = pieceViews(row)
  const canDecide = can(options.actor.role, 'dossiers.decide')
  return {
    anonymised: false,
    id: row.id,
    reference: row.reference,
    status: row.status,
    version: row.version,
    submittedAt: row.submittedAt,
    totalCents: row.totalCents,
    feeLines: row.feeLines as unknown as FeeLine[],
    answers,
    pieces,
    checklist: dossierChecklist({
      programme: context.programme,
      session: context.session,
      answers,
      pieces,
      submittedOn: todayIn(row.submittedAt),
    }),
    payments: row.payments.map((payment) => ({
      id: payment.id,
      kind: payment.kind,
      amountCents: payment.amountCents,
      receivedOn: payment.receivedOn,
      reference: payment.reference,
      recordedBy: staff.get(payment.recordedById) ?? '—',
      createdAt: payment.createdAt,
    })),
    notes: row.notes.map((note) => ({
      id: note.id,
      body: note.body,
      author: staff.get(note.authorId) ?? '—',
      createdAt: note.createdAt,
    })),
    messages: row.messages.map((message) => ({
      id: message.id,
      body: message.body,
      requestedPieceCodes: message.requestedPieceCodes,
      author: message.authorId ? (staff.get(message.authorId) ?? '—') : null,
      createdAt: message.createdAt,
    })),
    history,
    context,
    transitions: canDecide ? availableTransitions(row.status, 'STAFF') : [],
    canDecide,
  }
}
