import { secureCookies } from '@/lib/env'
import { firstIncompleteStep } from '@/lib/domain/registration'
import { redirectTo } from '@/lib/server/http'
import { logSecurityEvent } from '@/lib/server/log-security-event'
import { draftExpiry } from '@/lib/server/registration/create-draft'
import { DRAFT_COOKIE } from '@/lib/server/registration/cookies'
import { getDraft } from '@/lib/server/registration/get-draft'

/**
 * The private resume link: puts the token in a cookie and sends the applicant to the first step
 * still to fill in, so that no page URL carries the token afterwards.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const lookup = await getDraft({ token })
  if (lookup.state !== 'ACTIVE') {
    // NONE is a mistyped or guessed link: worth a trace (never the token itself).
    if (lookup.state === 'NONE')
      await logSecurityEvent('warn', 'access.denied', { reason: 'unknown_private_link' })
    return redirectTo(`/inscription?etat=${lookup.state.toLowerCase()}`)
  }
  const response = redirectTo(`/inscription/${firstIncompleteStep(lookup.draft.completedSteps)}`)
  response.cookies.set(DRAFT_COOKIE, token, {
    httpOnly: true,
    secure: secureCookies(),
    sameSite: 'lax',
    path: '/',
    expires: draftExpiry(new Date()),
  })
  return response
}
