import 'server-only'
import { logEvent } from '@/lib/server/log'
import { hitRateLimit, RATE_LIMITS } from '@/lib/server/rate-limit'
import { clientIp } from '@/lib/server/request-context'
import { isSameOrigin, readPieceUpload, type ParsedUpload } from './read-upload'

const json = (status: number, body: Record<string, unknown>) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

/**
 * What every piece upload route does: same-origin check, the private token of the cookie, per-IP
 * rate limit, reading and inspecting the file, then `store`. Refusals are JSON `{ message }` in
 * French, logged as security events without personal data.
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
  if (!isSameOrigin(request)) return json(403, { message: 'Envoi refusé.' })
  if (!options.token) return json(401, { message: options.missingTokenMessage })
  const ip = await clientIp()
  const limit = await hitRateLimit({ rule: RATE_LIMITS.upload, subject: ip })
  if (!limit.allowed) {
    logEvent('warn', 'rate_limit.hit', { rule: RATE_LIMITS.upload.name, ip })
    return json(429, {
      message: 'Trop de fichiers envoyés depuis votre connexion : réessayez dans une heure.',
    })
  }
  const parsed = await readPieceUpload(request)
  if (!parsed.ok) {
    logEvent('warn', 'upload.refused', { code: parsed.code, ip })
    return json(parsed.status, { message: parsed.message })
  }
  const stored = await options.store(options.token, parsed)
  return stored.ok ? json(201, stored.body) : json(422, { message: stored.message })
}
