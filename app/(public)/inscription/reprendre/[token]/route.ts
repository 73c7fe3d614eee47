import { NextResponse } from 'next/server'
import { firstIncompleteStep } from '@/lib/domain/registration'
import { draftExpiry } from '@/lib/server/registration/create-draft'
import { DRAFT_COOKIE } from '@/lib/server/registration/cookies'
import { getDraft } from '@/lib/server/registration/get-draft'
import { secureCookies } from '@/lib/env'

/**
 * The private resume link: puts the token in a cookie and sends the applicant to the first step
 * still to fill in, so that no page URL carries the token afterwards.
 */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const lookup = await getDraft({ token })
  const base = new URL(request.url)
  if (lookup.state !== 'ACTIVE') {
    const state = lookup.state === 'SUBMITTED' ? 'submitted' : lookup.state.toLowerCase()
    return NextResponse.redirect(new URL(`/inscription?etat=${state}`, base), { status: 303, headers: { 'Referrer-Policy': 'no-referrer' } })
  }
  const response = NextResponse.redirect(new URL(`/inscription/${firstIncompleteStep(lookup.draft.completedSteps)}`, base), {
    status: 303,
    headers: { 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' },
  })
  response.cookies.set(DRAFT_COOKIE, token, { httpOnly: true, secure: secureCookies(), sameSite: 'lax', path: '/', expires: draftExpiry(new Date()) })
  return response
}
