import 'server-only'
import { sessionIsIdle, type SessionEndReason } from '@/lib/domain/access'
import { getDb } from '@/lib/server/db'
import { hashToken, looksLikeToken } from '@/lib/server/tokens'
import { recordSessionEnd, sessionEndReason } from './applicant-sessions'

/** A session's last-seen time is written at most this often (not at every request). */
const SEEN_RESOLUTION_MS = 3_600_000

export type DossierSession =
  { dossierId: string; ended: null } | { dossierId: null; ended: SessionEndReason | null }

/**
 * The dossier of a browser's session cookie. A session idle for SESSION_IDLE_DAYS ends here; an
 * ended one says why (`ended`), so that the page can tell the applicant how to get in again.
 */
export async function resolveDossierSession(options: {
  token: string | undefined | null
  now?: Date
}): Promise<DossierSession> {
  if (!looksLikeToken(options.token)) return { dossierId: null, ended: null }
  const now = options.now ?? new Date()
  const tokenHash = hashToken(options.token)
  const db = getDb()
  const row = await db.dossier.findUnique({
    where: { accessTokenHash: tokenHash },
    select: { id: true, sessionSeenAt: true },
  })
  if (!row) return { dossierId: null, ended: await sessionEndReason(options.token) }
  if (sessionIsIdle(row.sessionSeenAt, now)) {
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE "Dossier" SET "accessTokenHash" = NULL WHERE id = ${row.id}::uuid AND "accessTokenHash" = ${tokenHash}`
      await recordSessionEnd(tx, { tokenHash, reason: 'IDLE', now })
    })
    return { dossierId: null, ended: 'IDLE' }
  }
  if (now.getTime() - row.sessionSeenAt.getTime() > SEEN_RESOLUTION_MS)
    // Raw, so that the dossier's updatedAt (what staff see as its last change) stays as it was.
    await db.$executeRaw`UPDATE "Dossier" SET "sessionSeenAt" = ${now} WHERE id = ${row.id}::uuid AND "accessTokenHash" = ${tokenHash}`
  return { dossierId: row.id, ended: null }
}
