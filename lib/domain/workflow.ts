import { addDays, todayIn, type IsoDate } from './dates'

/**
 * The life of a dossier, as a state machine. Every change of status goes through `transition`,
 * which says whether it is allowed for that actor and what it needs (a reason…). The server writes
 * the change and its audit event in one transaction; the staff area and the applicant's page use
 * `availableTransitions` to offer only what is possible.
 */

export const DOSSIER_STATUSES = [
  'DRAFT',
  'SUBMITTED',
  'UNDER_REVIEW',
  'INCOMPLETE',
  'COMPLETE',
  'ACCEPTED',
  'REFUSED',
  'WITHDRAWN',
  'CLOSED',
] as const
export type DossierStatus = (typeof DOSSIER_STATUSES)[number]
/** Statuses a stored dossier can have (a draft is not a dossier yet). */
export type StoredDossierStatus = Exclude<DossierStatus, 'DRAFT'>

export const STATUS_LABELS: Record<DossierStatus, string> = {
  DRAFT: 'Brouillon',
  SUBMITTED: 'Déposé',
  UNDER_REVIEW: 'En cours d’examen',
  INCOMPLETE: 'Incomplet : pièces demandées',
  COMPLETE: 'Complet',
  ACCEPTED: 'Accepté : inscrit',
  REFUSED: 'Refusé',
  WITHDRAWN: 'Retiré par le candidat',
  CLOSED: 'Clos sans suite',
}

export type WorkflowActor = 'APPLICANT' | 'STAFF' | 'SYSTEM'

export type TransitionName =
  | 'SUBMIT'
  | 'START_REVIEW'
  | 'REQUEST_PIECES'
  | 'PIECES_RESUBMITTED'
  | 'MARK_COMPLETE'
  | 'REOPEN_REVIEW'
  | 'ACCEPT'
  | 'REFUSE'
  | 'WITHDRAW'
  | 'CLOSE'

type TransitionRule = {
  from: readonly DossierStatus[]
  to: DossierStatus
  actors: readonly WorkflowActor[]
  reasonRequired: boolean
  label: string
}

const OPEN: readonly DossierStatus[] = ['SUBMITTED', 'UNDER_REVIEW', 'INCOMPLETE', 'COMPLETE']

export const TRANSITIONS: Record<TransitionName, TransitionRule> = {
  SUBMIT: {
    from: ['DRAFT'],
    to: 'SUBMITTED',
    actors: ['APPLICANT'],
    reasonRequired: false,
    label: 'Déposer le dossier',
  },
  START_REVIEW: {
    from: ['SUBMITTED'],
    to: 'UNDER_REVIEW',
    actors: ['STAFF'],
    reasonRequired: false,
    label: 'Commencer l’examen',
  },
  REQUEST_PIECES: {
    from: ['SUBMITTED', 'UNDER_REVIEW', 'COMPLETE'],
    to: 'INCOMPLETE',
    actors: ['STAFF'],
    reasonRequired: true,
    label: 'Demander des pièces',
  },
  PIECES_RESUBMITTED: {
    from: ['INCOMPLETE'],
    to: 'UNDER_REVIEW',
    actors: ['APPLICANT', 'STAFF', 'SYSTEM'],
    reasonRequired: false,
    label: 'Pièces renvoyées',
  },
  MARK_COMPLETE: {
    from: ['UNDER_REVIEW'],
    to: 'COMPLETE',
    actors: ['STAFF'],
    reasonRequired: false,
    label: 'Déclarer complet',
  },
  REOPEN_REVIEW: {
    from: ['COMPLETE'],
    to: 'UNDER_REVIEW',
    actors: ['STAFF'],
    reasonRequired: false,
    label: 'Reprendre l’examen',
  },
  ACCEPT: {
    from: ['COMPLETE'],
    to: 'ACCEPTED',
    actors: ['STAFF'],
    reasonRequired: false,
    label: 'Accepter (inscrire)',
  },
  REFUSE: { from: OPEN, to: 'REFUSED', actors: ['STAFF'], reasonRequired: true, label: 'Refuser' },
  WITHDRAW: {
    from: [...OPEN, 'ACCEPTED'],
    to: 'WITHDRAWN',
    actors: ['APPLICANT'],
    reasonRequired: false,
    label: 'Retirer mon dossier',
  },
  CLOSE: { from: OPEN, to: 'CLOSED', actors: ['STAFF'], reasonRequired: true, label: 'Clore sans suite' },
}

export type TransitionResult =
  { ok: true; from: DossierStatus; to: DossierStatus } | { ok: false; message: string; missingReason?: true }

/** Checks a transition; the message explains a refusal in French. */
export function transition(
  from: DossierStatus,
  name: TransitionName,
  options: { actor: WorkflowActor; reason?: string | null },
): TransitionResult {
  const rule = TRANSITIONS[name]
  if (!rule.actors.includes(options.actor)) {
    return { ok: false, message: `« ${rule.label} » n’est pas possible pour vous.` }
  }
  if (!rule.from.includes(from)) {
    return {
      ok: false,
      message: `« ${rule.label} » est impossible pour un dossier au statut « ${STATUS_LABELS[from]} ».`,
    }
  }
  if (rule.reasonRequired && !options.reason?.trim()) {
    return {
      ok: false,
      message: `Indiquez le motif : « ${rule.label} » demande une explication.`,
      missingReason: true,
    }
  }
  return { ok: true, from, to: rule.to }
}

export function availableTransitions(from: DossierStatus, actor: WorkflowActor): TransitionName[] {
  return (Object.keys(TRANSITIONS) as TransitionName[]).filter((name) => {
    const rule = TRANSITIONS[name]
    return rule.actors.includes(actor) && rule.from.includes(from)
  })
}

export function isFinal(status: DossierStatus): boolean {
  return status === 'REFUSED' || status === 'WITHDRAWN' || status === 'CLOSED'
}

/**
 * What staff may still do on a dossier, besides changing its status. Pieces are decided while the
 * dossier is open: once it is decided (accepted, refused, withdrawn, closed) its pieces are closed,
 * until a transition brings it back to an open status. A payment can still come in for an
 * accepted dossier, not for one that is over. A withdrawn applicant is not written to; an
 * internal note is always possible (and the RGPD panel, which has its own permission).
 */
export function staffDossierActions(status: DossierStatus): {
  decidePieces: boolean
  recordPayment: boolean
  sendMessage: boolean
  addNote: boolean
} {
  const open = OPEN.includes(status)
  return {
    decidePieces: open,
    recordPayment: open || status === 'ACCEPTED',
    sendMessage: status !== 'DRAFT' && status !== 'WITHDRAWN',
    addNote: status !== 'DRAFT',
  }
}

/** Why a piece decision, a payment or a message is refused on a dossier at `status`. */
export const CLOSED_DOSSIER_MESSAGES = {
  decidePieces: (status: DossierStatus) =>
    `Ce dossier est au statut « ${STATUS_LABELS[status]} » : ses pièces ne peuvent plus être décidées.`,
  recordPayment: (status: DossierStatus) =>
    `Ce dossier est au statut « ${STATUS_LABELS[status]} » : aucun paiement ne peut plus y être enregistré.`,
  sendMessage: (status: DossierStatus) =>
    `Ce dossier est au statut « ${STATUS_LABELS[status]} » : le candidat ne peut plus recevoir de message par le portail.`,
} as const

/**
 * Accepting a dossier for which no payment (nor funding) is recorded is possible, but asked
 * twice: the reviewer confirms, and the history says so.
 */
export function acceptanceNeedsPaymentConfirmation(options: {
  totalCents: number
  recordedPayments: number
}): boolean {
  return options.totalCents > 0 && options.recordedPayments === 0
}

export const ACCEPT_WITHOUT_PAYMENT = {
  question: 'Aucun paiement ni prise en charge n’est enregistré pour ce dossier. L’accepter quand même ?',
  confirm: 'Accepter sans paiement enregistré',
  history: 'accepté sans paiement enregistré',
} as const

/** A status change as the audit trail records it. */
export type StatusChange = {
  action: TransitionName
  actorId: string | null
  toStatus: DossierStatus | null
  reason: string | null
}

/**
 * Whether a status change asked from a page showing version `expectedVersion` was already made:
 * the dossier moved on by exactly one status change (`last`, the newest of its audit trail), and
 * that change is this one — same action, same reviewer, same reason, to the status the dossier
 * has. A double click, or a retry after the answer to a committed change was lost, is then
 * answered as done; anything else is someone else's change, and the page is stale.
 */
export function isRepeatedStatusChange(options: {
  expectedVersion: number
  current: { version: number; status: DossierStatus }
  last: StatusChange | null
  asked: { action: TransitionName; actorId: string; reason: string | null }
}): boolean {
  const { expectedVersion, current, last, asked } = options
  return (
    current.version === expectedVersion + 1 &&
    last !== null &&
    last.action === asked.action &&
    last.actorId === asked.actorId &&
    last.toStatus === current.status &&
    (last.reason ?? null) === asked.reason
  )
}

/**
 * Clause de rétractation: the applicant may withdraw within `days` days of submission. The day of
 * submission is day 0, counted in La Réunion's calendar; the last day is included.
 */
export function withdrawalDeadline(submittedAt: Date, days: number): IsoDate {
  return addDays(todayIn(submittedAt), days)
}

export function canWithdraw(options: {
  status: DossierStatus
  submittedAt: Date
  now: Date
  days: number
}): boolean {
  return (
    TRANSITIONS.WITHDRAW.from.includes(options.status) &&
    todayIn(options.now) <= withdrawalDeadline(options.submittedAt, options.days)
  )
}

/** "CPN42-2026-00042": programme, first year of the session, counter. */
export function formatReference(programmeCode: string, startYear: number, counter: number): string {
  return `${programmeCode}-${startYear}-${String(counter).padStart(5, '0')}`
}

export const REFERENCE_PATTERN = /^[A-Z0-9]{2,10}-\d{4}-\d{5,}$/
