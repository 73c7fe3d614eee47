import 'server-only'
import { NextResponse } from 'next/server'
import { isSameOrigin } from '@/lib/server/same-origin'

/**
 * A 303 redirect to a path of this site. The Location stays relative: behind a proxy, or when the
 * site is reached as 127.0.0.1 rather than localhost, an absolute URL built from the request could
 * send the browser to another host, where the cookie just set would not be sent.
 */
export function redirectTo(path: string, headers: Record<string, string> = {}): NextResponse {
  return new NextResponse(null, {
    status: 303,
    headers: { Location: path, 'Referrer-Policy': 'no-referrer', 'Cache-Control': 'no-store', ...headers },
  })
}

const TEXT = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' }

/**
 * The answer to a GET of an export that is recorded in the dossier's history: a link (from any
 * site, a prefetch, a mail client's preview) must not write that history, so only the form button
 * of our own page starts one, with a POST.
 */
export function exportNeedsPost(): Response {
  return new Response('Utilisez le bouton de la page du dossier pour lancer cet export.', {
    status: 405,
    headers: { ...TEXT, Allow: 'POST' },
  })
}

/** A 403 for an export posted from another site (isSameOrigin), else null. */
export function refuseForeignPost(request: Request): Response | null {
  if (isSameOrigin(request)) return null
  return new Response('Requête refusée : elle ne vient pas du portail.', { status: 403, headers: TEXT })
}
