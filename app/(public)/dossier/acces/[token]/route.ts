import { NextResponse } from 'next/server'
import { secureCookies } from '@/lib/env'
import { DOSSIER_COOKIE } from '@/lib/server/registration/cookies'
import { getApplicantDossier } from '@/lib/server/dossiers/get-applicant-dossier'

/** The private dossier link (from the confirmation e-mail): token into a cookie, then the dossier page. */
export async function GET(request: Request, { params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const dossier = await getApplicantDossier({ token })
  const base = new URL(request.url)
  if (!dossier) {
    return NextResponse.redirect(new URL('/dossier?etat=inconnu', base), { status: 303, headers: { 'Referrer-Policy': 'no-referrer' } })
  }
  const response = NextResponse.redirect(new URL('/dossier', base), { status: 303, headers: { 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store' } })
  response.cookies.set(DOSSIER_COOKIE, token, { httpOnly: true, secure: secureCookies(), sameSite: 'lax', path: '/', maxAge: 400 * 86_400 })
  return response
}
