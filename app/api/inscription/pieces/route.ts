import { logEvent } from '@/lib/server/log'
import { hitRateLimit, RATE_LIMITS } from '@/lib/server/rate-limit'
import { readDraftToken } from '@/lib/server/registration/cookies'
import { addDraftPiece } from '@/lib/server/registration/draft-pieces'
import { clientIp } from '@/lib/server/request-context'
import { isSameOrigin, readPieceUpload } from '@/lib/server/uploads/read-upload'

const json = (status: number, body: Record<string, unknown>) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

/** Upload of a piece for the registration in progress (the draft of the cookie). */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return json(403, { message: 'Envoi refusé.' })
  const token = await readDraftToken()
  if (!token)
    return json(401, {
      message: 'Votre inscription en cours est introuvable : rouvrez le lien reçu par e-mail.',
    })
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
  const result = await addDraftPiece({
    token,
    pieceTypeCode: parsed.pieceTypeCode,
    upload: parsed.upload,
    documentDate: parsed.documentDate,
  })
  if (!result.ok) return json(422, { message: result.message })
  return json(201, { pieceId: result.pieceId })
}
