import 'server-only'
import { restorePrivateLinks, splitPrivateLinks } from '@/lib/domain/private-links'
import { openSecret, sealSecret } from '@/lib/server/auth/secrets'
import type { DbClient } from '@/lib/server/db'
import { centreInclude, toDomainCentre } from '@/lib/server/programme/mappers'
import { receivingCentre } from '@/lib/server/registration/registration-context'
import { hashToken } from '@/lib/server/tokens'
import { emailFooter } from './templates'

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
 *
 * Nothing stored opens anything: the text keeps its private links masked, their secrets are sealed
 * with AUTH_SECRET apart (erased once the e-mail is sent or given up), and only their hashes stay.
 * The text ends with the contact details of the centre that receives dossiers.
 */
export async function enqueueEmail(
  tx: DbClient,
  email: Email,
  options: {
    /**
     * The receiving centre when the caller has it already (the submission: its registration
     * context), which saves a query while the reference counter's lock is held.
     */
    centre?: ReturnType<typeof receivingCentre>
  } = {},
): Promise<string> {
  const centre =
    options.centre !== undefined
      ? options.centre
      : receivingCentre({
          centres: (await tx.centre.findMany({ orderBy: { position: 'asc' }, include: centreInclude })).map(
            toDomainCentre,
          ),
        })
  const { masked, secrets } = splitPrivateLinks(`${email.text}\n\n${emailFooter(centre)}`)
  const row = await tx.outboxEmail.create({
    data: {
      kind: email.kind,
      toAddress: email.to,
      subject: email.subject,
      text: masked,
      sealedLinks: secrets.length > 0 ? sealSecret(JSON.stringify(secrets)) : null,
      linkHashes: secrets.map(hashToken),
      dossierId: email.dossierId ?? null,
    },
    select: { id: true },
  })
  return row.id
}

/**
 * The text to send: the stored one with its private links restored. Null when they cannot be
 * (their secret was erased, or AUTH_SECRET changed): sending would deliver dead links.
 */
export function deliverableText(row: {
  text: string
  sealedLinks: string | null
  linkHashes: readonly string[] | null
}): string | null {
  if (!row.linkHashes?.length) return row.text
  const opened = row.sealedLinks ? openSecret(row.sealedLinks) : null
  if (!opened) return null
  try {
    const secrets: unknown = JSON.parse(opened)
    if (!Array.isArray(secrets) || !secrets.every((secret) => typeof secret === 'string')) return null
    return restorePrivateLinks(row.text, secrets)
  } catch {
    return null
  }
}
