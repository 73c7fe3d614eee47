/** Words of the outbox screen: kinds and states of the e-mails the portal sends. */

export const EMAIL_STATUSES = ['PENDING', 'SENT', 'FAILED'] as const
export type EmailStatus = (typeof EMAIL_STATUSES)[number]

export const EMAIL_STATUS_LABELS: Record<EmailStatus, string> = {
  PENDING: 'En attente',
  SENT: 'Envoyé',
  FAILED: 'En échec',
}

export const EMAIL_KIND_LABELS: Record<string, string> = {
  RESUME_LINK: 'Lien de reprise d’inscription',
  DOSSIER_SUBMITTED: 'Accusé de dépôt',
  DOSSIER_MESSAGE: 'Message au candidat',
  PIECES_REQUESTED: 'Demande de pièces',
  DOSSIER_DECISION: 'Décision',
  DOSSIER_WITHDRAWN: 'Retrait du dossier',
  STAFF_INVITATION: 'Invitation du personnel',
}

export function emailKindLabel(kind: string): string {
  return EMAIL_KIND_LABELS[kind] ?? kind
}
