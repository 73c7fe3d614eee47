// `npm run mail:send`: resolves pending « lien perdu » demands, then sends the e-mails waiting in the outbox (those whose immediate sending
// failed, or were queued while SMTP was unreachable). Schedule it every few minutes; several
// machines at once are harmless (each batch is claimed with FOR UPDATE SKIP LOCKED).
import { withAppDatabase } from '../lib/with-app-database'

await withAppDatabase(async () => {
  // « Lien perdu » demands that no request resolved after its response (an instance stopped):
  // their e-mails are queued first, then sent with the others.
  const { processLinkRequests } = await import('../../lib/server/access/process-link-requests')
  for (;;) {
    const { resolved } = await processLinkRequests()
    if (resolved === 0) break
  }
  const { env } = await import('../../lib/env')
  if (!env.SMTP_URL) {
    console.log('SMTP_URL is not set: e-mails stay in the outbox (visible to staff under « Courriels »).')
    return
  }
  const { deliverPendingEmails } = await import('../../lib/server/mail/deliver')
  let total = { sent: 0, failed: 0 }
  for (;;) {
    const batch = await deliverPendingEmails({ limit: 50 })
    total = { sent: total.sent + batch.sent, failed: total.failed + batch.failed }
    if (batch.sent + batch.failed === 0 || batch.sent === 0) break
  }
  console.log(
    `Sent ${total.sent} e-mail(s); ${total.failed} failed attempt(s) (they are retried, 5 times at most).`,
  )
})
