// Reads an invitation's private link where a real invitee would find it: in the e-mail. The
// portal exposes it nowhere (the outbox keeps it masked, its secret sealed with AUTH_SECRET until
// delivery, and only its hash on the account), so the test does what the delivery path does
// (lib/server/mail/outbox.ts, deliverableText) with the end-to-end server's AUTH_SECRET: it opens
// the sealed secrets of the queued e-mail (the e2e server has no mail server, so it stays queued).
import pg from 'pg'
import { sealedLinkPath } from '../registration/private-link'

/** The end-to-end server's database (see scripts/test/e2e-server.ts). */
function e2eDatabaseUrl(): string {
  const base = process.env.TEST_DATABASE_URL
    ? new URL(process.env.TEST_DATABASE_URL)
    : new URL(
        `postgresql://portal:portal-local-only@127.0.0.1:${process.env.TEST_EMBEDDED_DB_PORT ?? 54321}/`,
      )
  base.pathname = '/portal_e2e'
  return base.toString()
}

/** The path (/admin/invitation/…) of the last invitation e-mailed to `email`. */
export async function invitationPathFor(email: string): Promise<string> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() })
  await client.connect()
  try {
    const { rows } = await client.query<{ text: string; sealedLinks: string | null }>(
      `SELECT text, "sealedLinks" FROM "OutboxEmail" WHERE kind = 'STAFF_INVITATION' AND "toAddress" = $1
       ORDER BY "createdAt" DESC LIMIT 1`,
      [email],
    )
    const path = sealedLinkPath(rows[0], '/admin/invitation/')
    if (!path) throw new Error(`No invitation e-mail for ${email}`)
    return path
  } finally {
    await client.end()
  }
}
