import 'server-only'
import { getDb } from '@/lib/server/db'
import { hashToken, looksLikeToken } from '@/lib/server/tokens'

/** The id of the dossier behind an applicant's private token, or null. */
export async function findDossierIdByToken(token: string | undefined | null): Promise<string | null> {
  if (!looksLikeToken(token)) return null
  const row = await getDb().dossier.findUnique({
    where: { accessTokenHash: hashToken(token) },
    select: { id: true },
  })
  return row?.id ?? null
}
