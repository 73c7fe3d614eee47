import 'server-only'
import { documentDateSchema } from '@/lib/schemas/registration'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as NodeReadableStream } from 'node:stream/web'
import busboy, { type Busboy } from 'busboy'
import {
  inspectUpload,
  MAX_UPLOAD_BYTES,
  tooLargeRefusal,
  type InspectedUpload,
} from '@/lib/server/files/inspect-upload'
import { SpooledFile } from './spooled-file'

export { isSameOrigin } from '@/lib/server/same-origin'

/** Room for the multipart envelope and the other fields around the file. */
const ENVELOPE_BYTES = 64 * 1024
/** The most a piece upload's body can be; Next's proxy is told to pass at least this much. */
export const MAX_UPLOAD_BODY_BYTES = MAX_UPLOAD_BYTES + ENVELOPE_BYTES

export type ParsedUpload =
  | {
      ok: true
      pieceTypeCode: string
      documentDate: string | null
      upload: Extract<InspectedUpload, { ok: true }>
    }
  | UploadFailure

type UploadFailure = { ok: false; status: number; message: string; code: string }

/** A piece upload whose body has been read (its file spooled), not inspected yet. */
export type ReceivedUpload =
  | { ok: true; pieceTypeCode: string; documentDate: string | null; fileName: string; file: SpooledFile }
  | UploadFailure

const unreadable: UploadFailure = {
  ok: false,
  status: 400,
  code: 'FORM',
  message: 'Envoi illisible : réessayez.',
}

function tooLarge(fileName: string | null): UploadFailure {
  const message = fileName
    ? tooLargeRefusal(fileName).message
    : 'Ce fichier dépasse 10 Mo (taille maximale d’un fichier).'
  return { ok: false, status: 413, code: 'TOO_LARGE', message }
}

/**
 * Reads a piece upload (multipart: pieceTypeCode, documentDate?, file) as it arrives: the file
 * goes to a SpooledFile (memory, then a temporary file), and reading stops as soon as it is one
 * byte over the limit (413, naming the file). Nothing is held whole in memory here, so slow
 * uploads in flight cost the server little; `inspectReceivedUpload` reads the file once, under a
 * cap on how many run at once.
 */
export async function receivePieceUpload(request: Request): Promise<ReceivedUpload> {
  // A body declared far beyond the limit is not worth reading (its file's name is in it).
  const declared = Number(request.headers.get('content-length') ?? 0)
  if (declared > 2 * MAX_UPLOAD_BODY_BYTES) return tooLarge(null)
  if (!request.body) return unreadable
  let parser: Busboy
  try {
    parser = busboy({
      headers: { 'content-type': request.headers.get('content-type') ?? '' },
      // busboy reports its limit when a file reaches it: one byte more than ours, so that a
      // file of exactly MAX_UPLOAD_BYTES is accepted.
      limits: { files: 1, fileSize: MAX_UPLOAD_BYTES + 1, fields: 4, fieldSize: 1024, parts: 6 },
      defParamCharset: 'utf8',
    })
  } catch {
    // Not multipart, or no boundary.
    return unreadable
  }
  const source = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>)
  return new Promise<ReceivedUpload>((resolve) => {
    const fields = new Map<string, string>()
    let file: { name: string; spool: SpooledFile; written: Promise<void> } | null = null
    let settled = false
    const settle = (result: ReceivedUpload) => {
      if (settled) return
      settled = true
      // The rest of the body is read and dropped, not cancelled: cancelling the stream Next gives
      // a route handler makes its feeder throw (« ReadableStream is already closed »).
      source.unpipe(parser)
      parser.on('error', () => {})
      source.on('error', () => {})
      source.resume()
      if (!result.ok && file) void file.spool.dispose()
      resolve(result)
    }
    parser.on('field', (name, value, info) => {
      if (!info.valueTruncated) fields.set(name, value)
    })
    parser.on('file', (name, stream, info) => {
      if (name !== 'file' || file) {
        stream.resume()
        return
      }
      const spool = new SpooledFile()
      const current = { name: info.filename ?? '', spool, written: pipeline(stream, spool) }
      file = current
      stream.on('limit', () => settle(tooLarge(current.name)))
      current.written.catch(() => settle(unreadable))
    })
    parser.on('error', () => settle(unreadable))
    source.on('error', () => settle(unreadable))
    parser.on('close', () => {
      if (settled) return
      if (!file) return settle(fieldsFailure(fields) ?? NO_FILE)
      const received = file
      received.written.then(
        () => {
          const failure = fieldsFailure(fields)
          if (failure) return settle(failure)
          settle({
            ok: true,
            pieceTypeCode: fields.get('pieceTypeCode')!,
            documentDate: parseDocumentDate(fields.get('documentDate')).value,
            fileName: received.name,
            file: received.spool,
          })
        },
        () => settle(unreadable),
      )
    })
    source.pipe(parser)
  })
}

const NO_FILE: UploadFailure = {
  ok: false,
  status: 400,
  code: 'NO_FILE',
  message: 'Choisissez un fichier sur votre appareil.',
}

function parseDocumentDate(raw: string | undefined): { value: string | null; failure?: UploadFailure } {
  if (!raw?.trim()) return { value: null }
  const parsed = documentDateSchema.safeParse(raw)
  if (parsed.success) return { value: parsed.data }
  return {
    value: null,
    failure: {
      ok: false,
      status: 422,
      code: 'DATE',
      message: parsed.error.issues[0]?.message ?? 'Date invalide.',
    },
  }
}

function fieldsFailure(fields: Map<string, string>): UploadFailure | null {
  const pieceTypeCode = fields.get('pieceTypeCode')
  if (typeof pieceTypeCode !== 'string' || !/^[A-Z_]{2,40}$/.test(pieceTypeCode))
    return { ok: false, status: 400, code: 'PIECE_TYPE', message: 'Type de pièce inconnu.' }
  return parseDocumentDate(fields.get('documentDate')).failure ?? null
}

/**
 * Inspects a received file by its content (inspect-upload.ts) and releases its spool. Callers run
 * it through `withInspectionSlot`, which bounds how many files are decoded in memory at once.
 */
export async function inspectReceivedUpload(
  received: Extract<ReceivedUpload, { ok: true }>,
): Promise<ParsedUpload> {
  let bytes: Uint8Array
  try {
    bytes = await received.file.bytes()
  } finally {
    await received.file.dispose()
  }
  const inspected = await inspectUpload({ bytes, fileName: received.fileName, maxBytes: MAX_UPLOAD_BYTES })
  if (!inspected.ok) return { ok: false, status: 422, code: inspected.code, message: inspected.message }
  return {
    ok: true,
    pieceTypeCode: received.pieceTypeCode,
    documentDate: received.documentDate,
    upload: inspected,
  }
}
