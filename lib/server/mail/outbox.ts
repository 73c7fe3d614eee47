import 'server-only'
import type { DbClient } from '@/lib/server/db'

export type EmailKind =
  | 'RESUME_LINK'
  | 'DOSSIER_SUBMITTED'
  | 'DOSSIER_MESSAGE'
  | 'PIECES_REQUESTED'
  | 'DOSSIER_DECISION'
  | 'DOSSIER_WITHDRAWN'
  | 'STAFF_INVITATION'

export type Email = { kind: EmailKind; to: string; subject: string; text: string; dossierId?: string | null }

/**
 * Queues an e-mail in the outbox, inside the caller's transaction: it exists if and only if what it
 * announces was committed. lib/server/mail/deliver.ts sends it afterwards.
 */
export async function enqueueEmail(tx: DbClient, email: Email): Promise<string> {
  const row = await tx.outboxEmail.create({
    data: {
      kind: email.kind,
      toAddress: email.to,
      subject: email.subject,
      text: email.text,
      dossierId: email.dossierId ?? null,
    },
    select: { id: true },
  })
  return row.id
}

/** Private links in a text, replaced for logs and staff screens (the link is the key to a dossier). */
export function maskPrivateLinks(text: string): string {
  return text.replace(/(\/(?:reprendre|acces|invitation)\/)[A-Za-z0-9_-]{20,}/g, '$1[lien privé masqué]')
}
