import 'server-only'
import { cookies } from 'next/headers'
import { secureCookies } from '@/lib/env'

/**
 * The private tokens travel in httpOnly cookies once their link has been opened, so that pages
 * never carry them in their URL (no leak through history, logs or the Referer header).
 */
export const DRAFT_COOKIE = 'cnam_inscription'
export const DOSSIER_COOKIE = 'cnam_dossier'

const DOSSIER_COOKIE_DAYS = 400

function options(expires: Date) {
  return { httpOnly: true, secure: secureCookies(), sameSite: 'lax' as const, path: '/', expires }
}

export async function readDraftToken(): Promise<string | undefined> {
  return (await cookies()).get(DRAFT_COOKIE)?.value
}

export async function writeDraftToken(token: string, expires: Date): Promise<void> {
  ;(await cookies()).set(DRAFT_COOKIE, token, options(expires))
}

export async function clearDraftToken(): Promise<void> {
  ;(await cookies()).delete(DRAFT_COOKIE)
}

export async function readDossierToken(): Promise<string | undefined> {
  return (await cookies()).get(DOSSIER_COOKIE)?.value
}

export async function writeDossierToken(token: string, now = new Date()): Promise<void> {
  ;(await cookies()).set(
    DOSSIER_COOKIE,
    token,
    options(new Date(now.getTime() + DOSSIER_COOKIE_DAYS * 86_400_000)),
  )
}
