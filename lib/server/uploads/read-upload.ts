import 'server-only'
import { documentDateSchema } from '@/lib/schemas/registration'
import { inspectUpload, MAX_UPLOAD_BYTES, type InspectedUpload } from '@/lib/server/files/inspect-upload'

export { isSameOrigin } from '@/lib/server/same-origin'

/** Room for the multipart envelope and the other fields around the file. */
const ENVELOPE_BYTES = 64 * 1024

export type ParsedUpload =
  | {
      ok: true
      pieceTypeCode: string
      documentDate: string | null
      upload: Extract<InspectedUpload, { ok: true }>
    }
  | { ok: false; status: number; message: string; code: string }

/** Reads at most `limit` bytes of the body; more is refused without reading it all. */
async function readCapped(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > limit) return null
  if (!request.body) return new Uint8Array()
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let total = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    total += value.byteLength
    if (total > limit) {
      await reader.cancel()
      return null
    }
    chunks.push(value)
  }
  const body = new Uint8Array(total)
  let offset = 0
  for (const chunk of chunks) {
    body.set(chunk, offset)
    offset += chunk.byteLength
  }
  return body
}

/**
 * Parses a piece upload (multipart: pieceTypeCode, documentDate?, file) and inspects the file by
 * its content. Every refusal has an HTTP status and a French message naming the file and the rule.
 */
export async function readPieceUpload(request: Request): Promise<ParsedUpload> {
  const body = await readCapped(request, MAX_UPLOAD_BYTES + ENVELOPE_BYTES)
  if (!body)
    return {
      ok: false,
      status: 413,
      code: 'TOO_LARGE',
      message: 'Ce fichier dépasse 10 Mo (taille maximale d’un fichier).',
    }
  let form: FormData
  try {
    form = await new Response(body as Uint8Array<ArrayBuffer>, {
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
    }).formData()
  } catch {
    return { ok: false, status: 400, code: 'FORM', message: 'Envoi illisible : réessayez.' }
  }
  const file = form.get('file')
  const pieceTypeCode = form.get('pieceTypeCode')
  if (!(file instanceof File))
    return { ok: false, status: 400, code: 'NO_FILE', message: 'Choisissez un fichier sur votre appareil.' }
  if (typeof pieceTypeCode !== 'string' || !/^[A-Z_]{2,40}$/.test(pieceTypeCode)) {
    return { ok: false, status: 400, code: 'PIECE_TYPE', message: 'Type de pièce inconnu.' }
  }
  let documentDate: string | null = null
  const rawDate = form.get('documentDate')
  if (typeof rawDate === 'string' && rawDate.trim()) {
    const parsed = documentDateSchema.safeParse(rawDate)
    if (!parsed.success)
      return {
        ok: false,
        status: 422,
        code: 'DATE',
        message: parsed.error.issues[0]?.message ?? 'Date invalide.',
      }
    documentDate = parsed.data
  }
  const inspected = await inspectUpload({
    bytes: new Uint8Array(await file.arrayBuffer()),
    fileName: file.name,
    maxBytes: MAX_UPLOAD_BYTES,
  })
  if (!inspected.ok) return { ok: false, status: 422, code: inspected.code, message: inspected.message }
  return { ok: true, pieceTypeCode, documentDate, upload: inspected }
}
