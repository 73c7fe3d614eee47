import 'server-only'
import type { SessionEndReason } from '@/lib/domain/access'
import type { Prisma } from '@/lib/generated/prisma/client'
import { getDb } from '@/lib/server/db'
import { hashToken, looksLikeToken } from '@/lib/server/tokens'

type Tx = Prisma.TransactionClient

/**
 * Records why the session whose token hashes to `tokenHash` ended, so that the browser still
 * holding its cookie is told on its next request. Only the hash is kept (it opens nothing).
 */
export async function recordSessionEnd(
  tx: Tx,
  options: { tokenHash: string | null; reason: SessionEndReason; now: Date },
): Promise<void> {
  if (!options.tokenHash || options.tokenHash.startsWith('anonymised:')) return
  await tx.endedApplicantSession.upsert({
    where: { tokenHash: options.tokenHash },
    create: { tokenHash: options.tokenHash, reason: options.reason, endedAt: options.now },
    update: { reason: options.reason, endedAt: options.now },
  })
}

/** Why the session of this cookie ended, or null when it never existed (or is still open). */
export async function sessionEndReason(token: string | undefined | null): Promise<SessionEndReason | null> {
  if (!looksLikeToken(token)) return null
  const row = await getDb().endedApplicantSession.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { reason: true },
  })
  return (row?.reason as SessionEndReason | undefined) ?? null
}
