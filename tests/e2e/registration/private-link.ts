// Reads an applicant's private link where a real applicant finds it: in the e-mail. Pages never
// show it, so the test reads the queued e-mail from the end-to-end database, as a mail catcher
// would (the same way as tests/e2e/admin/invitation-link.ts).
import pg from 'pg'

/** The end-to-end server's database; `dbPort` names another embedded one (the log canary's). */
function e2eDatabaseUrl(dbPort?: number): string {
  const base =
    process.env.TEST_DATABASE_URL && dbPort === undefined
      ? new URL(process.env.TEST_DATABASE_URL)
      : new URL(
          `postgresql://portal:portal-local-only@127.0.0.1:${dbPort ?? process.env.TEST_EMBEDDED_DB_PORT ?? 54321}/`,
        )
  base.pathname = '/portal_e2e'
  return base.toString()
}

/** Runs one query on the end-to-end database. */
export async function e2eQuery<Row extends object>(
  sql: string,
  values: unknown[] = [],
  dbPort?: number,
): Promise<Row[]> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl(dbPort) })
  await client.connect()
  try {
    return (await client.query<Row>(sql, values)).rows
  } finally {
    await client.end()
  }
}

/** The path (/inscription/reprendre/…) of the last resume link e-mailed to `email`. */
export async function resumeLinkPathFor(email: string, dbPort?: number): Promise<string> {
  const rows = await e2eQuery<{ text: string }>(
    `SELECT text FROM "OutboxEmail" WHERE kind = 'RESUME_LINK' AND "toAddress" = $1
     ORDER BY "createdAt" DESC LIMIT 1`,
    [email],
    dbPort,
  )
  const path = /\/inscription\/reprendre\/[A-Za-z0-9_-]{43}/.exec(rows[0]?.text ?? '')?.[0]
  if (!path) throw new Error(`No resume e-mail for ${email}`)
  return path
}

/** The path (/dossier/acces/…) of the last dossier link e-mailed to `email` (confirmation or new link). */
export async function dossierLinkPathFor(email: string, dbPort?: number): Promise<string> {
  const rows = await e2eQuery<{ text: string }>(
    `SELECT text FROM "OutboxEmail" WHERE "toAddress" = $1 AND text LIKE '%/dossier/acces/%'
     ORDER BY "createdAt" DESC LIMIT 1`,
    [email],
    dbPort,
  )
  const path = /\/dossier\/acces\/[A-Za-z0-9_-]{43}/.exec(rows[0]?.text ?? '')?.[0]
  if (!path) throw new Error(`No dossier link e-mailed to ${email}`)
  return path
}
