// Reads an invitation's private link where a real invitee would find it: in the e-mail. The
// portal exposes it nowhere (the outbox page masks it, and only its hash is kept on the account),
// so the test reads the queued e-mail straight from the end-to-end database, as a mail catcher
// would show it.
import pg from 'pg'

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
    const { rows } = await client.query<{ text: string }>(
      `SELECT text FROM "OutboxEmail" WHERE kind = 'STAFF_INVITATION' AND "toAddress" = $1
       ORDER BY "createdAt" DESC LIMIT 1`,
      [email],
    )
    const path = /\/admin\/invitation\/[A-Za-z0-9_-]{43}/.exec(rows[0]?.text ?? '')?.[0]
    if (!path) throw new Error(`No invitation e-mail for ${email}`)
    return path
  } finally {
    await client.end()
  }
}
