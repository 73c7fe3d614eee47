import { STATUS_LABELS, type DossierStatus } from './workflow'

/** Figures and words of the staff dashboard: bar widths, totals, and the history's wording. */

/** Width of a bar, in percent of the largest one (0 for nothing, at least 2 so that 1 shows). */
export function barPercent(count: number, max: number): number {
  if (count <= 0 || max <= 0) return 0
  return Math.max(2, Math.round((count / max) * 100))
}

export function total(counts: readonly number[]): number {
  return counts.reduce((sum, count) => sum + count, 0)
}

/** What happened to a dossier, in the past tense, for the recent-activity list. */
const ACTION_LABELS: Record<string, string> = {
  SUBMIT: 'Dossier déposé',
  START_REVIEW: 'Examen commencé',
  REQUEST_PIECES: 'Pièces demandées',
  PIECES_RESUBMITTED: 'Pièces renvoyées',
  PIECE_UPLOADED: 'Pièce envoyée',
  MARK_COMPLETE: 'Déclaré complet',
  REOPEN_REVIEW: 'Examen repris',
  ACCEPT: 'Accepté : inscrit',
  REFUSE: 'Refusé',
  WITHDRAW: 'Retiré par le candidat',
  CLOSE: 'Clos sans suite',
  PIECE_ACCEPTED: 'Pièce jugée conforme',
  PIECE_REJECTED: 'Pièce jugée non conforme',
  MESSAGE_SENT: 'Message envoyé au candidat',
  NOTE_ADDED: 'Note interne ajoutée',
  PAYMENT_RECORDED: 'Paiement enregistré',
}

/**
 * The label of an audit action. Actions added later by other parts of the staff area fall back
 * on the status they led to, or on a neutral wording: the dashboard never shows a raw code.
 */
export function auditActionLabel(action: string, toStatus: DossierStatus | null): string {
  const known = ACTION_LABELS[action]
  if (known) return known
  if (toStatus) return `Passé au statut « ${STATUS_LABELS[toStatus]} »`
  return 'Dossier modifié'
}

export const ACTOR_LABELS = { APPLICANT: 'Candidat', STAFF: 'Personnel', SYSTEM: 'Automatique' } as const
