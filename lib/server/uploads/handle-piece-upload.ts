import 'server-only'
import { logSecurityEvent } from '@/lib/server/log-security-event'
import { hitRateLimit, RATE_LIMITS } from '@/lib/server/rate-limit'
import { clientIp } from '@/lib/server/request-context'
import { isSameOrigin, readPieceUpload, type ParsedUpload } from './read-upload'

const json = (status: number, body: Record<string, unknown>) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

/**
 * What every piece upload route does: same-origin check, the private token of the cookie, per-IP
 * rate limit, reading and inspecting the file, then `store`. Refusals are JSON `{ message }` in
 * French, logged as security events (`upload.refused` with a code, `rate_limit.hit`) without the
 * file, its name or the token.
 */
export async function handlePieceUpload(
  request: Request,
  options: {
    token: string | undefined
    missingTokenMessage: string
    store: (
      token: string,
      upload: Extract<ParsedUpload, { ok: true }>,
    ) => Promise<{ ok: true; body: Record<string, unknown> } | { ok: false; message: string }>
  },
): Promise<Response> {
  if (!isSameOrigin(request)) {
    await logSecurityEvent('warn', 'upload.refused', { code: 'CROSS_ORIGIN' })
    return json(403, { message: 'Envoi refusé.' })
  }
  if (!options.token) {
    await logSecurityEvent('warn', 'upload.refused', { code: 'NO_TOKEN' })
    return json(401, { message: options.missingTokenMessage })
  }
  const ip = await clientIp()
  const limit = await hitRateLimit({ rule: RATE_LIMITS.upload, subject: ip })
  if (!limit.allowed) {
    await logSecurityEvent('warn', 'rate_limit.hit', { rule: RATE_LIMITS.upload.name })
    return json(429, {
      message: 'Trop de fichiers envoyés depuis votre connexion : réessayez dans une heure.',
    })
  }
  const parsed = await readPieceUpload(request)
  if (!parsed.ok) {
    await logSecurityEvent('warn', 'upload.refused', { code: parsed.code, status: parsed.status })
    return json(parsed.status, { message: parsed.message })
  }
  const stored = await options.store(options.token, parsed)
  if (stored.ok) return json(201, stored.body)
  // The draft or dossier refused it (expired, piece not asked for…): its message is not logged.
  await logSecurityEvent('warn', 'upload.refused', { code: 'NOT_ACCEPTED' })
  return json(422, { message: stored.message })
}
