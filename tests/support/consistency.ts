// Checks for the fault and concurrency tests, made over a direct connection to PostgreSQL (never
// through the app's pool nor a fault-injecting proxy): what a dossier, a draft or a decision looks
// like in the database, and whether anything is left half-written or waiting on a lock.
// (No import here reads DATABASE_URL: the fault tests set it after importing this file.)
import pg from 'pg'
import type * as ActionsModule from '@/app/(public)/inscription/actions'
import type * as UploadRouteModule from '@/app/api/inscription/pieces/route'
import { hashToken, newToken } from '@/lib/server/tokens'
import { browser } from './next-request'
import { fillDraft, uploadPieces } from './registration'

/** A connection of its own to `url`; close it with `end()`. */
export async function directClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  return client
}

let ipCounter = 0

/**
 * A new browser with an address of its own, so that the per-IP limits of many applicants do not
 * add up. Every address has the same width: the fault tests aim cuts at byte offsets.
 */
export function newApplicantBrowser(): string {
  ipCounter += 1
  const ip = `198.51.${100 + Math.floor(ipCounter / 150)}.${100 + (ipCounter % 150)}`
  browser.reset({ ip })
  return ip
}

/** Fills a complete draft, as an applicant does, in a new browser; returns the draft's token. */
export async function fillCompleteDraft(
  actions: typeof ActionsModule,
  uploadRoute: typeof UploadRouteModule,
): Promise<{ token: string }> {
  newApplicantBrowser()
  await fillDraft(actions)
  await uploadPieces(uploadRoute)
  const token = browser.cookie('cnam_inscription')
  if (!token) throw new Error('The draft cookie is missing after filling a draft')
  return { token }
}

/**
 * Another applicant's draft, identical to the draft of `sourceToken` (answers, pieces, their files
 * and bytes, copied row by row) under a new token: what `fillCompleteDraft` makes, in a fraction
 * of the time (no uploads to inspect). Then opens it in a new browser, like the applicant's link.
 */
export async function copyDraft(client: pg.Client, sourceToken: string): Promise<{ token: string }> {
  const token = newToken()
  await client.query('BEGIN')
  try {
    const { rows: drafts } = await client.query<{ id: string; source: string }>(
      `INSERT INTO "Draft" (id, "sessionId", "tokenHash", answers, "completedSteps", email, "createdAt", "updatedAt", "expiresAt")
       SELECT gen_random_uuid(), "sessionId", $2, answers, "completedSteps", email, "createdAt", "updatedAt", "expiresAt"
       FROM "Draft" WHERE "tokenHash" = $1
       RETURNING id, (SELECT id FROM "Draft" WHERE "tokenHash" = $1) AS source`,
      [hashToken(sourceToken), hashToken(token)],
    )
    const draft = drafts[0]
    if (!draft) throw new Error('No draft to copy')
    const { rows: pieces } = await client.query<{ id: string; fileId: string }>(
      'SELECT id, "fileId" FROM "DraftPiece" WHERE "draftId" = $1 ORDER BY "createdAt"',
      [draft.source],
    )
    for (const piece of pieces) {
      const { rows: files } = await client.query<{ id: string }>(
        `INSERT INTO "StoredFile" (id, "mimeType", "sizeBytes", sha256, "originalName", storage, "createdAt")
         SELECT gen_random_uuid(), "mimeType", "sizeBytes", sha256, "originalName", storage, "createdAt"
         FROM "StoredFile" WHERE id = $1 RETURNING id`,
        [piece.fileId],
      )
      await client.query(
        `INSERT INTO "StoredFileContent" ("fileId", bytes) SELECT $2, bytes FROM "StoredFileContent" WHERE "fileId" = $1`,
        [piece.fileId, files[0]!.id],
      )
      await client.query(
        `INSERT INTO "DraftPiece" (id, "draftId", "pieceTypeCode", "fileId", "documentDate", "createdAt")
         SELECT gen_random_uuid(), $2, "pieceTypeCode", $3, "documentDate", "createdAt" FROM "DraftPiece" WHERE id = $1`,
        [piece.id, draft.id, files[0]!.id],
      )
    }
    await client.query('COMMIT')
  } catch (error) {
    await client.query('ROLLBACK')
    throw error
  }
  newApplicantBrowser()
  browser.setCookie('cnam_inscription', token)
  return { token }
}

/**
 * Dossiers that lack part of what a submission writes: a UE, a piece, the SUBMIT audit event or
 * the confirmation e-mail, or whose draft is not marked submitted. Each is named with what it lacks.
 */
export async function partialDossiers(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ reference: string; problem: string }>(`
    SELECT d.reference, concat_ws(', ',
      CASE WHEN (SELECT count(*) FROM "DossierUe" u WHERE u."dossierId" = d.id) = 0 THEN 'no UE' END,
      CASE WHEN (SELECT count(*) FROM "Piece" p WHERE p."dossierId" = d.id)
        <> (SELECT count(*) FROM "DraftPiece" dp WHERE dp."draftId" = d."draftId") THEN 'pieces missing' END,
      CASE WHEN (SELECT count(*) FROM "AuditEvent" e WHERE e."dossierId" = d.id AND e.action = 'SUBMIT') <> 1
        THEN 'no single SUBMIT event' END,
      CASE WHEN (SELECT count(*) FROM "OutboxEmail" o WHERE o."dossierId" = d.id AND o.kind = 'DOSSIER_SUBMITTED') <> 1
        THEN 'no single confirmation e-mail' END,
      CASE WHEN dr."submittedAt" IS NULL THEN 'draft not marked submitted' END
    ) AS problem
    FROM "Dossier" d JOIN "Draft" dr ON dr.id = d."draftId"`)
  return rows.filter((row) => row.problem !== '').map((row) => `${row.reference}: ${row.problem}`)
}

/**
 * Files nobody points at (no draft piece, no dossier piece), files without their bytes, and drafts
 * marked submitted that have no dossier.
 */
export async function orphans(
  client: pg.Client,
): Promise<{ files: number; contentless: number; drafts: number }> {
  const { rows } = await client.query<{ files: number; contentless: number; drafts: number }>(`
    SELECT
      (SELECT count(*)::int FROM "StoredFile" f
        WHERE NOT EXISTS (SELECT 1 FROM "DraftPiece" dp WHERE dp."fileId" = f.id)
          AND NOT EXISTS (SELECT 1 FROM "Piece" p WHERE p."fileId" = f.id)) AS files,
      (SELECT count(*)::int FROM "StoredFile" f
        WHERE NOT EXISTS (SELECT 1 FROM "StoredFileContent" c WHERE c."fileId" = f.id)) AS contentless,
      (SELECT count(*)::int FROM "Draft" dr
        WHERE dr."submittedAt" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Dossier" d WHERE d."draftId" = dr.id)) AS drafts`)
  return rows[0]!
}

/** What an applicant's draft holds: answers, pieces (type and content hash), submitted or not. */
export async function draftSnapshot(
  client: pg.Client,
  draftToken: string,
): Promise<{ answers: unknown; pieces: string[]; submitted: boolean; dossiers: number }> {
  const { rows } = await client.query<{
    id: string
    answers: unknown
    submittedAt: Date | null
    pieces: string[] | null
    dossiers: number
  }>(
    `SELECT dr.id, dr.answers, dr."submittedAt",
       (SELECT array_agg(dp."pieceTypeCode" || ':' || f.sha256 || ':' || md5(c.bytes) ORDER BY dp."pieceTypeCode", f.sha256)
          FROM "DraftPiece" dp JOIN "StoredFile" f ON f.id = dp."fileId"
          JOIN "StoredFileContent" c ON c."fileId" = f.id WHERE dp."draftId" = dr.id) AS pieces,
       (SELECT count(*)::int FROM "Dossier" d WHERE d."draftId" = dr.id) AS dossiers
     FROM "Draft" dr WHERE dr."tokenHash" = $1`,
    [hashToken(draftToken)],
  )
  const row = rows[0]
  if (!row) throw new Error('Draft not found')
  return {
    answers: row.answers,
    pieces: row.pieces ?? [],
    submitted: row.submittedAt !== null,
    dossiers: row.dossiers,
  }
}

/**
 * Locks not granted (a row lock is waited for on the holder's transaction id, a lock outside any
 * database: hence the join on the session), sessions waiting on a lock, and sessions still in a
 * transaction or a query. Once every request has returned, there must be none.
 */
export async function leftoverLocks(
  client: pg.Client,
): Promise<{ waitingLocks: number; waitingSessions: number; openTransactions: number }> {
  const { rows } = await client.query<{
    waitingLocks: number
    waitingSessions: number
    openTransactions: number
  }>(`
    SELECT
      (SELECT count(*)::int FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE a.datname = current_database() AND NOT l.granted) AS "waitingLocks",
      (SELECT count(*)::int FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
          AND wait_event_type = 'Lock') AS "waitingSessions",
      (SELECT count(*)::int FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'
          AND state IN ('idle in transaction', 'idle in transaction (aborted)', 'active')) AS "openTransactions"`)
  return rows[0]!
}

/**
 * How many fault runs a test makes: 50 in CI (`.ci/run` sets CI=1), else FAULT_RUNS when set (a
 * quicker local run), else 50.
 */
export function faultRuns(): number {
  if (process.env.CI) return 50
  const runs = Number(process.env.FAULT_RUNS || 50)
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`FAULT_RUNS must be a positive integer, not ${runs}`)
  return runs
}

/**
 * Lets the app's pool see the connections the proxy cut: their sockets report the close on the
 * next turns of the event loop, and pg drops them then. (A request sent in that same instant could
 * still get a dying connection and fail, as it would in production: the test waits, as a person
 * clicking "send" again would.)
 */
export async function letConnectionsClose(): Promise<void> {
  for (let turn = 0; turn < 3; turn += 1) {
    await new Promise((resolve) => setTimeout(resolve, 0))
    await new Promise((resolve) => setImmediate(resolve))
  }
}

/**
 * Half-made review decisions: a piece decided without exactly one audit event for that decision,
 * a decision event whose piece is still pending, a dossier under review without the event that
 * started the review, or such an event on a dossier that is not under review.
 */
export async function halfDecisions(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ problem: string }>(`
    SELECT 'piece ' || p.id || ' is ' || p.status || ' with ' || count(e.id) || ' matching event(s)' AS problem
      FROM "Piece" p
      LEFT JOIN "AuditEvent" e ON e."pieceId" = p.id
        AND e.action = CASE p.status WHEN 'ACCEPTED' THEN 'PIECE_ACCEPTED' ELSE 'PIECE_REJECTED' END
      WHERE p.status IN ('ACCEPTED', 'REJECTED')
      GROUP BY p.id, p.status HAVING count(e.id) <> 1
    UNION ALL
    SELECT 'event ' || e.action || ' on piece ' || p.id || ' still ' || p.status
      FROM "AuditEvent" e JOIN "Piece" p ON p.id = e."pieceId"
      WHERE e.action IN ('PIECE_ACCEPTED', 'PIECE_REJECTED') AND p.status = 'PENDING'
    UNION ALL
    SELECT 'dossier ' || d.reference || ' is ' || d.status || ' with ' || count(e.id) || ' START_REVIEW event(s)'
      FROM "Dossier" d
      LEFT JOIN "AuditEvent" e ON e."dossierId" = d.id AND e.action = 'START_REVIEW'
      GROUP BY d.id, d.reference, d.status
      HAVING count(e.id) <> CASE d.status WHEN 'SUBMITTED' THEN 0 ELSE 1 END`)
  return rows.map((row) => row.problem)
}
