import { secureCookies } from '@/lib/env'
import { getApplicantDossier } from '@/lib/server/dossiers/get-applicant-dossier'
import { redirectTo } from '@/lib/server/http'
import { logSecurityEvent } from '@/lib/server/log-security-event'
import { DOSSIER_COOKIE } from '@/lib/server/registration/cookies'

/** The private dossier link (from the confirmation e-mail): token into a cookie, then the dossier page. */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const dossier = await getApplicantDossier({ token })
  if (!dossier) {
    // A mistyped, old or guessed link: worth a trace (never the token itself).
    await logSecurityEvent('warn', 'access.denied', { reason: 'unknown_private_link' })
    return redirectTo('/dossier?etat=inconnu')
  }
  const response = redirectTo('/dossier')
  response.cookies.set(DOSSIER_COOKIE, token, {
    httpOnly: true,
    secure: secureCookies(),
    sameSite: 'lax',
    path: '/',
    maxAge: 400 * 86_400,
  })
  return response
}
