import 'server-only'
import nodemailer, { type Transporter } from 'nodemailer'
import { env } from '@/lib/env'
import { getDb } from '@/lib/server/db'
import { logEvent } from '@/lib/server/log'
import { maskPrivateLinks } from './outbox'

let transporter: Transporter | null | undefined

function getTransporter(): Transporter | null {
  if (transporter === undefined) transporter = env.SMTP_URL ? nodemailer.createTransport(env.SMTP_URL) : null
  return transporter
}

const MAX_ATTEMPTS = 5

/**
 * Sends pending e-mails of the outbox. Safe on several instances at once: each batch is claimed
 * with FOR UPDATE SKIP LOCKED. Without SMTP_URL nothing is sent: e-mails stay pending for staff to
 * see, and in development they are printed (private links masked).
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
        Array<{ id: string; toAddress: string; subject: string; text: string; attempts: number }>
      >`
        SELECT id, "toAddress", subject, text, attempts FROM "OutboxEmail"
        WHERE status = 'PENDING' ORDER BY "createdAt" LIMIT ${options.limit ?? 20} FOR UPDATE SKIP LOCKED`
      for (const email of batch) {
        try {
          await transport.sendMail({
            from: env.MAIL_FROM,
            to: email.toAddress,
            subject: email.subject,
            text: email.text,
          })
          await tx.outboxEmail.update({
            where: { id: email.id },
            data: { status: 'SENT', sentAt: new Date(), attempts: { increment: 1 } },
          })
          sent += 1
        } catch (error) {
          const attempts = email.attempts + 1
          await tx.outboxEmail.update({
            where: { id: email.id },
            data: {
              attempts,
              lastError: error instanceof Error ? error.message.slice(0, 500) : 'unknown',
              status: attempts >= MAX_ATTEMPTS ? 'FAILED' : 'PENDING',
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
