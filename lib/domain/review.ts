import {
  ACCEPT_WITHOUT_PAYMENT,
  CLOSED_DOSSIER_MESSAGES,
  staffDossierActions,
  type DossierStatus,
} from './workflow'

/** Reasons a reviewer can pick when a piece does not conform; "Autre" lets them write one. */
export const REJECTION_PRESETS = [
  'Document illisible',
  'Document incomplet (pages ou recto-verso manquants)',
  'Document périmé ou trop ancien',
  'Le document ne correspond pas à la personne',
  'Signature ou cachet manquant',
  'Ce n’est pas le document demandé',
] as const

export type PieceDecision = 'ACCEPTED' | 'REJECTED'

/** Why a piece decision is refused, or null. A rejection always needs its reason. */
export function pieceDecisionProblem(options: {
  decision: PieceDecision
  reason: string | null | undefined
  status: DossierStatus
}): string | null {
  if (!staffDossierActions(options.status).decidePieces)
    return CLOSED_DOSSIER_MESSAGES.decidePieces(options.status)
  if (options.decision === 'REJECTED' && !options.reason?.trim())
    return 'Indiquez pourquoi la pièce n’est pas conforme.'
  if ((options.reason ?? '').length > 500) return '500 caractères au plus.'
  return null
}

export const PAYMENT_KIND_LABELS = {
  CHEQUE: 'Chèque',
  TRANSFER: 'Virement',
  EMPLOYER_CERTIFICATE: 'Attestation de prise en charge de l’employeur',
  CAUTION_CHEQUES: 'Chèques de caution',
} as const

export const AUDIT_ACTION_LABELS: Record<string, string> = {
  SUBMIT: 'Dossier déposé',
  START_REVIEW: 'Examen commencé',
  REQUEST_PIECES: 'Pièces demandées',
  PIECES_RESUBMITTED: 'Pièces renvoyées : retour à l’examen',
  MARK_COMPLETE: 'Dossier déclaré complet',
  REOPEN_REVIEW: 'Examen repris',
  ACCEPT: 'Dossier accepté : inscription',
  REFUSE: 'Dossier refusé',
  WITHDRAW: 'Dossier retiré par le candidat',
  CLOSE: 'Dossier clos sans suite',
  PIECE_ACCEPTED: 'Pièce conforme',
  PIECE_REJECTED: 'Pièce non conforme',
  PIECE_UPLOADED: 'Pièce envoyée par le candidat',
  MESSAGE_SENT: 'Message envoyé au candidat',
  NOTE_ADDED: 'Note interne ajoutée',
  PAYMENT_RECORDED: 'Paiement enregistré',
  ACCESS_LINK_RENEWED: 'Nouveau lien personnel envoyé au candidat',
  PERSONAL_DATA_EXPORTED: 'Données du candidat exportées (demande RGPD)',
  PIECES_EXPORTED: 'Toutes les pièces téléchargées (ZIP)',
  PIECE_READ: 'Pièce consultée',
  FORM_PDF_READ: 'Formulaire d’inscription (PDF) téléchargé',
  ANONYMISED: 'Données personnelles effacées : durée de conservation écoulée',
}

/**
 * Reads of a dossier's content by staff (a piece previewed or downloaded, the form's PDF): kept in
 * the audit trail, so that who saw an identity document can be told, but not listed in the
 * dossier's history, which each page view would otherwise flood.
 */
export const CONTENT_READ_ACTIONS: ReadonlySet<string> = new Set(['PIECE_READ', 'FORM_PDF_READ'])

/** Whether an audit event is a step of the dossier's history (not a read of its content). */
export function isHistoryEvent(action: string): boolean {
  return !CONTENT_READ_ACTIONS.has(action)
}

/** Whether an acceptance's audit event records that no payment was recorded then. */
export function acceptedWithoutPayment(details: unknown): boolean {
  return (
    typeof details === 'object' &&
    details !== null &&
    (details as { withoutPayment?: unknown }).withoutPayment === true
  )
}

/**
 * One event of a dossier's history in words. A piece event names the piece and its file (nine
 * identical « Pièce conforme » said nothing); an acceptance with no payment recorded says so.
 */
export function historyEventLabel(event: {
  action: string
  details?: unknown
  /** The piece the event is about, when it still exists. */
  piece?: { label: string; fileName: string } | null
}): string {
  const base = AUDIT_ACTION_LABELS[event.action] ?? event.action
  if (event.piece) return `${base} : ${event.piece.label}, « ${event.piece.fileName} »`
  if (event.action === 'ACCEPT' && acceptedWithoutPayment(event.details))
    return `${base}, ${ACCEPT_WITHOUT_PAYMENT.history}`
  return base
}
