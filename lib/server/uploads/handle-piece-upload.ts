import 'server-only'
import { routeForLogs } from '@/lib/security/headers.mjs'
import { logSecurityEvent } from '@/lib/server/log-security-event'
import { hitRateLimit, RATE_LIMITS } from '@/lib/server/rate-limit'
import { clientIp } from '@/lib/server/request-context'
import { withInspectionSlot, RETRY_AFTER_SECONDS } from './inspection-slots'
import { inspectReceivedUpload, isSameOrigin, receivePieceUpload, type ParsedUpload } from './read-upload'

const json = (status: number, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } })

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
  // proxy.ts does not run for the upload routes (UNPROXIED_ROUTES), so the route is named here.
  const route = routeForLogs(new URL(request.url).pathname)
  const logRefusal = (event: string, fields: Record<string, string | number>) =>
    logSecurityEvent('warn', event, { route, ...fields })
  if (!isSameOrigin(request)) {
    await logRefusal('upload.refused', { code: 'CROSS_ORIGIN' })
    return json(403, { message: 'Envoi refusé.' })
  }
  if (!options.token) {
    await logRefusal('upload.refused', { code: 'NO_TOKEN' })
    return json(401, { message: options.missingTokenMessage })
  }
  const ip = await clientIp()
  const limit = await hitRateLimit({ rule: RATE_LIMITS.upload, subject: ip })
  if (!limit.allowed) {
    await logRefusal('rate_limit.hit', { rule: RATE_LIMITS.upload.name })
    return json(429, {
      message: 'Trop de fichiers envoyés depuis votre connexion : réessayez dans une heure.',
    })
  }
  const received = await receivePieceUpload(request)
  if (!received.ok) {
    await logRefusal('upload.refused', { code: received.code, status: received.status })
    return json(received.status, { message: received.message })
  }
  // Inspection and storage hold the file in memory: a bounded number at once per process.
  const slot = await withInspectionSlot(async () => {
    const parsed = await inspectReceivedUpload(received)
    if (!parsed.ok) return { parsed, stored: null }
    return { parsed, stored: await options.store(options.token!, parsed) }
  })
  if (slot.busy) {
    await received.file.dispose()
    await logRefusal('upload.refused', { code: 'BUSY', status: 503 })
    return json(
      503,
      {
        message: 'Beaucoup de fichiers arrivent en ce moment : nouvel essai dans quelques secondes.',
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      },
      { 'Retry-After': String(RETRY_AFTER_SECONDS) },
    )
  }
  const { parsed, stored } = slot.value
  if (!parsed.ok) {
    await logRefusal('upload.refused', { code: parsed.code, status: parsed.status })
    return json(parsed.status, { message: parsed.message })
  }
  if (stored?.ok) return json(201, stored.body)
  // The draft or dossier refused it (expired, piece not asked for…): its message is not logged.
  await logRefusal('upload.refused', { code: 'NOT_ACCEPTED' })
  return json(422, { message: stored?.message ?? 'Envoi refusé.' })
}
