// Reads an applicant's private link where a real applicant finds it: in the e-mail. Pages never
// show it, and the outbox keeps it masked with its secret sealed with AUTH_SECRET until delivery,
// so the test does what the delivery path does (lib/server/mail/outbox.ts, deliverableText) with
// the end-to-end server's AUTH_SECRET: it opens the sealed secrets of the queued e-mail (the e2e
// server has no mail server, so it stays queued). tests/e2e/admin/invitation-link.ts does the same.
import { createDecipheriv, createHash } from 'node:crypto'
import pg from 'pg'
import { E2E_AUTH_SECRET } from '../staff-accounts'

/** lib/server/auth/secrets.ts's openSecret, which the test process cannot import (server-only). */
function openSealed(sealed: string): string[] {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'))
  const key = createHash('sha256').update(E2E_AUTH_SECRET).digest()
  const decipher = createDecipheriv('aes-256-gcm', key, iv!)
  decipher.setAuthTag(tag!)
  return JSON.parse(Buffer.concat([decipher.update(body!), decipher.final()]).toString('utf8')) as string[]
}

/**
 * The private link under `prefix` (e.g. '/inscription/reprendre/') of a queued e-mail: the stored
 * text shows it masked (prefix + 3 characters + •••), its sealed secrets hold the token.
 */
export function sealedLinkPath(
  row: { text: string; sealedLinks: string | null } | undefined,
  prefix: string,
): string | null {
  const visible = new RegExp(`${prefix}([A-Za-z0-9_-]{3})•••`).exec(row?.text ?? '')?.[1]
  if (!row?.sealedLinks || !visible) return null
  const token = openSealed(row.sealedLinks).find((secret) => secret.startsWith(visible))
  return token ? `${prefix}${token}` : null
}

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
  const rows = await e2eQuery<{ text: string; sealedLinks: string | null }>(
    `SELECT text, "sealedLinks" FROM "OutboxEmail" WHERE kind = 'RESUME_LINK' AND "toAddress" = $1
     ORDER BY "createdAt" DESC LIMIT 1`,
    [email],
    dbPort,
  )
  const path = sealedLinkPath(rows[0], '/inscription/reprendre/')
  if (!path) throw new Error(`No resume e-mail for ${email}`)
  return path
}

/** The path (/dossier/acces/…) of the last dossier link e-mailed to `email` (confirmation or new link). */
export async function dossierLinkPathFor(email: string, dbPort?: number): Promise<string> {
  const rows = await e2eQuery<{ text: string; sealedLinks: string | null }>(
    `SELECT text, "sealedLinks" FROM "OutboxEmail" WHERE "toAddress" = $1 AND text LIKE '%/dossier/acces/%'
     ORDER BY "createdAt" DESC LIMIT 1`,
    [email],
    dbPort,
  )
  const path = sealedLinkPath(rows[0], '/dossier/acces/')
  if (!path) throw new Error(`No dossier link e-mailed to ${email}`)
  return path
}
