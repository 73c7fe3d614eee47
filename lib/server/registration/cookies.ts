import 'server-only'
import { cookies } from 'next/headers'
import { SESSION_IDLE_DAYS } from '@/lib/domain/access'
import { secureCookies } from '@/lib/env'

/**
 * The applicant's session tokens: random, made when a link is exchanged (« Continuer »), a draft
 * is started or a dossier is sent, never equal to a link's token, stored hashed. httpOnly, so that
 * no page script reads them; they end SESSION_IDLE_DAYS after the last visit (checked on the
 * server too, lib/domain/access.ts).
 */
export const DRAFT_COOKIE = 'cnam_inscription'
export const DOSSIER_COOKIE = 'cnam_dossier'

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
    options(new Date(now.getTime() + SESSION_IDLE_DAYS * 86_400_000)),
  )
}
