import 'server-only'
import nodemailer, { type Transporter } from 'nodemailer'
import { env } from '@/lib/env'
import { getDb } from '@/lib/server/db'
import { logEvent } from '@/lib/server/log'
import { maskPrivateLinks, NEW_LINK_ADVICE } from '@/lib/domain/private-links'
import { deliverableText } from './outbox'

let transporter: Transporter | null | undefined

function getTransporter(): Transporter | null {
  if (transporter === undefined) transporter = env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : null
  return transporter
}

const MAX_ATTEMPTS = 5

/** Why an e-mail is given up without trying: its private links cannot be restored. */
export const LINKS_UNAVAILABLE = `Lien privé indisponible (effacé, ou AUTH_SECRET changé) : ${NEW_LINK_ADVICE}`

/**
 * Sends pending e-mails of the outbox. Safe on several instances at once: each batch is claimed
 * with FOR UPDATE SKIP LOCKED. Without SMTP_URL nothing is sent: e-mails stay pending for staff to
 * see, and in development they are printed (private links masked).
 *
 * Private links are restored for the SMTP message only (lib/server/mail/outbox.ts); their sealed
 * secrets are erased as soon as the e-mail is sent or given up, so the row opens nothing after.
 */
export async function deliverPendingEmails(
  options: { limit?: number } = {},
): Promise<{ sent: number; failed: number }> {
  const transport = getTransporter()
  if (!transport) return { sent: 0, failed: 0 }
  const db = getDb()
  let sent = 0
  let failed = 0
  await db.$transaction(
    async (tx) => {
      const batch = await tx.$queryRaw<
        Array<{
          id: string
          toAddress: string
          subject: string
          text: string
          sealedLinks: string | null
          linkHashes: string[] | null
          attempts: number
        }>
      >`
        SELECT id, "toAddress", subject, text, "sealedLinks", "linkHashes", attempts FROM "OutboxEmail"
        WHERE status = 'PENDING' ORDER BY "createdAt" LIMIT ${options.limit ?? 20} FOR UPDATE SKIP LOCKED`
      for (const email of batch) {
        const text = deliverableText(email)
        if (text === null) {
          await tx.outboxEmail.update({
            where: { id: email.id },
            data: { status: 'FAILED', lastError: LINKS_UNAVAILABLE, sealedLinks: null },
          })
          failed += 1
          continue
        }
        try {
          await transport.sendMail({ from: env.MAIL_FROM, to: email.toAddress, subject: email.subject, text })
          await tx.outboxEmail.update({
            where: { id: email.id },
            data: { status: 'SENT', sentAt: new Date(), attempts: { increment: 1 }, sealedLinks: null },
          })
          sent += 1
        } catch (error) {
          const attempts = email.attempts + 1
          await tx.outboxEmail.update({
            where: { id: email.id },
            data: {
              attempts,
              lastError: error instanceof Error ? error.message.slice(0, 500) : 'unknown',
              // Given up: its links die with it (staff send a new one rather than retry).
              ...(attempts >= MAX_ATTEMPTS ? { status: 'FAILED', sealedLinks: null } : { status: 'PENDING' }),
            },
          })
          failed += 1
        }
      }
    },
    { timeout: 120_000 },
  )
  if (failed > 0) logEvent('warn', 'mail.delivery_failed', { failed })
  return { sent, failed }
}

/** After a transaction that queued e-mails: print them in development, send them when SMTP is set. */
export function afterEmailsQueued(emails: Array<{ to: string; subject: string; text: string }>): void {
  if (env.NODE_ENV === 'development' && !env.SMTP_URL) {
    for (const email of emails) {
      console.info(
        `\n[outbox] To: ${email.to}\n[outbox] Subject: ${email.subject}\n${maskPrivateLinks(email.text)}\n`,
      )
    }
  }
  if (getTransporter()) void deliverPendingEmails().catch(() => logEvent('warn', 'mail.delivery_error', {}))
}
