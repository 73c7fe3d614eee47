import 'server-only'
import { resolveDossierSession } from '@/lib/server/access/resolve-dossier-session'

/** The id of the dossier behind an applicant's session cookie, or null. */
export async function findDossierIdByToken(token: string | undefined | null): Promise<string | null> {
  return (await resolveDossierSession({ token })).dossierId
}
