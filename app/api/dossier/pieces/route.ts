import { reuploadPiece } from '@/lib/server/dossiers/reupload-piece'
import { logEvent } from '@/lib/server/log'
import { hitRateLimit, RATE_LIMITS } from '@/lib/server/rate-limit'
import { readDossierToken } from '@/lib/server/registration/cookies'
import { clientIp } from '@/lib/server/request-context'
import { isSameOrigin, readPieceUpload } from '@/lib/server/uploads/read-upload'

const json = (status: number, body: Record<string, unknown>) =>
  Response.json(body, { status, headers: { 'Cache-Control': 'no-store' } })

/** A piece sent again after staff asked for it, for the dossier of the cookie. */
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return json(403, { message: 'Envoi refusé.' })
  const token = await readDossierToken()
  if (!token)
    return json(401, { message: 'Dossier introuvable sur cet appareil : ouvrez le lien reçu par e-mail.' })
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
  const result = await reuploadPiece({
    token,
    pieceTypeCode: parsed.pieceTypeCode,
    upload: parsed.upload,
    documentDate: parsed.documentDate,
  })
  if (!result.ok) return json(422, { message: result.message })
  return json(201, { backToReview: result.backToReview })
}
