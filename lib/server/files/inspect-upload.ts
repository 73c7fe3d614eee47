import 'server-only'
import { createHash } from 'node:crypto'
import { inflateSync, constants as zlibConstants } from 'node:zlib'
import { fileTypeFromBuffer } from 'file-type'
import {
  PDFArray,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFObjectStreamParser,
  PDFRef,
  PDFXRefStreamParser,
  type PDFContext,
  type PDFObject,
  type PDFRawStream,
} from 'pdf-lib'
import sharp, { type Metadata, type PngOptions } from 'sharp'
import { PDF_ACTIVE_CONTENT, type PdfActiveContent } from '@/lib/domain/piece-warnings'
import { MAX_UPLOAD_BYTES, quotedFileName, tooLargeMessage } from '@/lib/domain/uploads'

/**
 * Decides whether a file sent by an applicant (CV, ID card, pay slips…) is kept. The type comes
 * from the bytes alone: the name and the type declared by the browser are whatever the sender
 * chose. A PDF is proven whole and readable and kept byte for byte (it may carry a signature);
 * an image is decoded and re-encoded, which drops its metadata (GPS position, camera, XMP) and
 * anything hidden after or between its segments.
 */

export { MAX_UPLOAD_BYTES }

/**
 * Decoding costs about 4 bytes of memory per pixel: 50 MP is 200 MB, several times what a phone
 * photo (12-48 MP) or an A4 page scanned at 600 dpi (35 MP) needs.
 */
export const MAX_IMAGE_PIXELS = 50_000_000

/** A browser sends at most a file system's 255 characters; anything longer is a forged request. */
const MAX_RAW_NAME_LENGTH = 1024
const MAX_SAFE_NAME_LENGTH = 100
const FALLBACK_NAME = 'document'

/** High enough for the text of a photographed document to stay sharp; mozjpeg keeps the file small. */
const JPEG_QUALITY = 88

/** Readers look for the end-of-file marker in the last 1024 bytes (some writers add padding after it). */
const EOF_SEARCH_BYTES = 1024

/**
 * Object and cross-reference streams are the only streams pdf-lib inflates while loading. A few
 * hundred kilobytes of zeros inflate to gigabytes, so their decoded size is capped per document;
 * genuine ones hold only small dictionaries and numbers (a few megabytes for thousands of pages).
 */
const MAX_PDF_STRUCTURE_BYTES = 64 * 1024 * 1024
/** Every page and page-tree node is visited once; far beyond any document an applicant sends. */
const MAX_PDF_PAGE_TREE_NODES = 100_000

export type AcceptedMimeType = 'application/pdf' | 'image/jpeg' | 'image/png'

export type InspectedUpload =
  | {
      ok: true
      mimeType: AcceptedMimeType
      bytes: Uint8Array
      sizeBytes: number
      sha256: string
      safeName: string
      /** What a PDF carries that a reader may run or open (kept, and shown to staff); none for images. */
      activeContent: PdfActiveContent[]
    }
  | {
      ok: false
      code: 'EMPTY' | 'TOO_LARGE' | 'TYPE' | 'PDF_ENCRYPTED' | 'PDF_DAMAGED' | 'IMAGE_DAMAGED' | 'NAME'
      message: string
    }

export type UploadRefusal = Extract<InspectedUpload, { ok: false }>

const EXTENSIONS: Record<AcceptedMimeType, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
}

/**
 * Accepts a PDF, JPEG or PNG whose content is whole and readable, at most `maxBytes` long
 * (exactly `maxBytes` is accepted). PDFs are returned unchanged; images are re-encoded without
 * metadata, upright. Every refusal carries a French message naming the file and the rule broken.
 */
export async function inspectUpload(options: {
  bytes: Uint8Array
  fileName: string
  maxBytes: number
}): Promise<InspectedUpload> {
  const { bytes, fileName, maxBytes } = options
  const name = cleanFileName(fileName)
  if (fileName.length > MAX_RAW_NAME_LENGTH) return refuse('NAME', name)
  if (bytes.length === 0) return refuse('EMPTY', name)
  if (bytes.length > maxBytes) return refuse('TOO_LARGE', name, maxBytes)

  const mimeType = await detectMimeType(bytes)
  if (mimeType === 'application/pdf') return inspectPdf(bytes, name)
  if (mimeType === 'image/jpeg' || mimeType === 'image/png') return inspectImage(bytes, mimeType, name)
  return refuse('TYPE', name)
}

/**
 * A file name fit to show and to offer as a download name: last path segment only (old browsers
 * sent C:\…\cv.pdf), without control or bidirectional-override characters (which can make
 * "cv‮fdp.exe" read as "cvexe.pdf"), single spaces, no leading or trailing dots and spaces, at
 * most 100 characters with the extension kept; "document" when nothing is left.
 */
export function cleanFileName(name: string): string {
  const lastSegment = name.split(/[/\\]/).pop() ?? ''
  const visible = Array.from(lastSegment.replace(/\s/g, ' '))
    .filter((character) => !isHiddenCharacter(character.codePointAt(0) ?? 0))
    .join('')
  // NFC once the hidden characters are gone, so that "e", a control character and an accent compose.
  const cleaned = visible
    .normalize('NFC')
    .replace(/ {2,}/g, ' ')
    .replace(/^[. ]+|[. ]+$/g, '')
  if (cleaned === '') return FALLBACK_NAME
  const { base, extension } = splitExtension(cleaned)
  return joinName(base, extension)
}

/** The cleaned name with the extension of the type found in the content (replaced or added). */
function safeNameFor(cleanName: string, mimeType: AcceptedMimeType): string {
  return joinName(splitExtension(cleanName).base, EXTENSIONS[mimeType])
}

function isHiddenCharacter(codePoint: number): boolean {
  return (
    codePoint <= 0x1f ||
    (codePoint >= 0x7f && codePoint <= 0x9f) ||
    // Every Bidi_Control character: the embeddings and overrides U+202A-U+202E, the isolates
    // U+2066-U+2069, and the marks U+061C, U+200E, U+200F, which can also reorder a name.
    codePoint === 0x061c ||
    codePoint === 0x200e ||
    codePoint === 0x200f ||
    (codePoint >= 0x202a && codePoint <= 0x202e) ||
    (codePoint >= 0x2066 && codePoint <= 0x2069) ||
    // A lone surrogate cannot be encoded in UTF-8: encodeURIComponent would throw on the download name.
    (codePoint >= 0xd800 && codePoint <= 0xdfff)
  )
}

/**
 * Only a short alphanumeric ending counts as an extension, so that "CV J.Dupont" or
 * "releve.2024" keep their last word when the real extension is added.
 */
function splitExtension(name: string): { base: string; extension: string } {
  const dot = name.lastIndexOf('.')
  const extension = dot > 0 ? name.slice(dot + 1) : ''
  if (!/^(?=.*[a-z])[a-z0-9]{1,5}$/i.test(extension)) return { base: name, extension: '' }
  return { base: name.slice(0, dot), extension }
}

function joinName(base: string, extension: string): string {
  const room = MAX_SAFE_NAME_LENGTH - (extension ? extension.length + 1 : 0)
  // Counted in code points so that an emoji is never cut in half.
  const kept =
    Array.from(base)
      .slice(0, room)
      .join('')
      .replace(/[. ]+$/, '') || FALLBACK_NAME
  return extension ? `${kept}.${extension}` : kept
}

async function detectMimeType(bytes: Uint8Array): Promise<string | undefined> {
  try {
    return (await fileTypeFromBuffer(bytes))?.mime
  } catch {
    // file-type parses containers (ZIP, Office, media); a malformed one is simply not a known type.
    return undefined
  }
}

async function inspectPdf(bytes: Uint8Array, name: string): Promise<InspectedUpload> {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // A transfer cut short loses the end of the file first.
  if (!view.subarray(Math.max(0, view.length - EOF_SEARCH_BYTES)).includes('%%EOF')) {
    return refuse('PDF_DAMAGED', name)
  }
  // Checked before loading: the objects of an encrypted file may not parse, and the applicant
  // must then be told about the password, not about damage.
  if (hasEncryptEntry(view)) return refuse('PDF_ENCRYPTED', name)

  let pdf: PDFDocument
  try {
    pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false })
  } catch {
    return refuse('PDF_DAMAGED', name)
  }
  if (pdf.isEncrypted || pdf.context.trailerInfo.Encrypt !== undefined) return refuse('PDF_ENCRYPTED', name)
  if (structureTooLarge(pdf)) return refuse('PDF_DAMAGED', name)
  if (!(countPages(pdf) > 0)) return refuse('PDF_DAMAGED', name)

  return accept('application/pdf', bytes, name, activeContentOf(pdf))
}

/**
 * Whether the file names an /Encrypt dictionary anywhere (a trailer, or a cross-reference stream
 * of a compressed file), whether or not its objects can be read; this also catches an encrypted
 * revision that a later update forgot to mark. "/EncryptMetadata" and other longer names do not
 * count. The name could also appear in an uncompressed attachment: rare, and the applicant can
 * then save the document again.
 */
function hasEncryptEntry(view: Buffer): boolean {
  const key = '/Encrypt'
  for (let at = view.indexOf(key); at !== -1; at = view.indexOf(key, at + key.length)) {
    const next = view[at + key.length]
    if (next === undefined || PDF_WHITESPACE_OR_DELIMITER.has(next)) return true
  }
  return false
}

const PDF_WHITESPACE_OR_DELIMITER = new Set(Array.from('\0\t\n\f\r ()<>[]{}/%', (c) => c.charCodeAt(0)))

/**
 * Pages reached from the catalog, each tree node visited once. pdf-lib's own count walks a node
 * once per reference to it (2 KB can hold 60⁴ references) and recurses into loops; a tree must
 * have neither. 0 when the page tree is broken.
 */
function countPages(pdf: PDFDocument): number {
  // pdf-lib loads a file without a catalog and leaves this undefined.
  const catalog: unknown = pdf.catalog
  if (!(catalog instanceof PDFDict)) return 0
  const pending: Array<PDFObject | undefined> = [catalog.get(PDFName.of('Pages'))]
  const visited = new Set<PDFObject>()
  let pages = 0
  while (pending.length > 0) {
    const item = pending.pop()
    const node = item instanceof PDFRef ? pdf.context.lookup(item) : item
    if (!(node instanceof PDFDict) || visited.has(node) || visited.size >= MAX_PDF_PAGE_TREE_NODES) return 0
    visited.add(node)
    const kids = node.lookup(PDFName.of('Kids'))
    if (kids instanceof PDFArray) {
      for (let index = 0; index < kids.size(); index++) pending.push(kids.get(index))
    } else if (node.lookup(PDFName.of('Type')) === PDFName.of('Pages')) {
      return 0
    } else {
      pages++
    }
  }
  return pages
}

/** Objects looked at for active content; beyond, the document is flagged as carrying scripts. */
const MAX_PDF_ACTIVE_CONTENT_OBJECTS = 1_000_000

/**
 * What a reader may run or open in this document: JavaScript (a /JS entry, a /JavaScript action or
 * name tree), a /Launch action, attached files (/EmbeddedFiles, /EmbeddedFile streams, /EF). Every
 * object is visited, with what it holds directly (dictionaries inside dictionaries and arrays), so
 * that an action written inline in the catalog or an annotation counts too. Such a PDF is kept (an
 * official form can carry a script) but the reviewer is told; the staff preview runs none of it.
 */
function activeContentOf(pdf: PDFDocument): PdfActiveContent[] {
  const found = new Set<PdfActiveContent>()
  const pending: PDFObject[] = pdf.context.enumerateIndirectObjects().map(([, object]) => object)
  let visited = 0
  while (pending.length > 0) {
    const item = pending.pop()
    visited += 1
    if (visited > MAX_PDF_ACTIVE_CONTENT_OBJECTS) {
      found.add('JAVASCRIPT')
      break
    }
    const dict =
      item instanceof PDFDict
        ? item
        : item && 'dict' in item && item.dict instanceof PDFDict
          ? item.dict
          : null
    if (item instanceof PDFArray) {
      for (let index = 0; index < item.size(); index++) pending.push(item.get(index))
      continue
    }
    if (!dict) continue
    const action = dict.get(PDFName.of('S'))
    const type = dict.get(PDFName.of('Type'))
    if (
      dict.has(PDFName.of('JS')) ||
      dict.has(PDFName.of('JavaScript')) ||
      action === PDFName.of('JavaScript')
    )
      found.add('JAVASCRIPT')
    if (action === PDFName.of('Launch')) found.add('LAUNCH')
    if (
      dict.has(PDFName.of('EmbeddedFiles')) ||
      dict.has(PDFName.of('EF')) ||
      type === PDFName.of('EmbeddedFile')
    )
      found.add('EMBEDDED_FILE')
    for (const [, value] of dict.entries()) pending.push(value)
  }
  return PDF_ACTIVE_CONTENT.filter((kind) => found.has(kind))
}

/** Bytes inflated so far from a document's object and cross-reference streams, kept on its context. */
const STRUCTURE_BYTES: unique symbol = Symbol.for('cnam-reunion.inspect-upload.pdf-structure-bytes')
const GUARDED: unique symbol = Symbol.for('cnam-reunion.inspect-upload.pdf-structure-guard')
type GuardedContext = PDFContext & { [STRUCTURE_BYTES]?: number }
type StreamParserFactory = ((stream: PDFRawStream, ...rest: never[]) => unknown) & { [GUARDED]?: true }

/**
 * pdf-lib offers no limit on what it inflates, and swallows an error thrown while parsing one
 * object. So its two stream parsers are wrapped once per process: each stream is first measured
 * with zlib's output limit, and the count is kept on the document's context, where inspectPdf
 * reads it after loading. Only unusable files are affected. The state lives on pdf-lib's objects,
 * not in this module, so that a second copy of this module (hot reload) sees the same guard.
 */
function guardPdfStructureStreams(): void {
  for (const parser of [PDFObjectStreamParser, PDFXRefStreamParser] as Array<{
    forStream: StreamParserFactory
  }>) {
    const forStream = parser.forStream
    if (forStream[GUARDED]) continue
    const guarded: StreamParserFactory = (stream, ...rest) => {
      const context: GuardedContext = stream.dict.context
      const used = context[STRUCTURE_BYTES] ?? 0
      context[STRUCTURE_BYTES] = used + inflatedSize(stream, MAX_PDF_STRUCTURE_BYTES - used)
      if (context[STRUCTURE_BYTES] > MAX_PDF_STRUCTURE_BYTES) throw new RangeError('PDF structure too large')
      return forStream(stream, ...rest)
    }
    guarded[GUARDED] = true
    parser.forStream = guarded
  }
}
guardPdfStructureStreams()

function structureTooLarge(pdf: PDFDocument): boolean {
  return ((pdf.context as GuardedContext)[STRUCTURE_BYTES] ?? 0) > MAX_PDF_STRUCTURE_BYTES
}

/** The decoded size of a stream, or Infinity beyond `room` bytes or when it cannot be measured. */
function inflatedSize(stream: PDFRawStream, room: number): number {
  const filter = stream.dict.lookup(PDFName.of('Filter'))
  const filters = filter instanceof PDFArray ? filter.asArray() : filter === undefined ? [] : [filter]
  if (filters.length === 0) return stream.contents.length
  // Other filters are legal but unheard of on these streams, and pdf-lib cannot bound them either.
  if (filters.length > 1 || filters[0] !== PDFName.of('FlateDecode') || room < 1) return Infinity
  try {
    // Z_SYNC_FLUSH: a stream cut short yields what it holds, as in pdf-lib.
    return inflateSync(stream.contents, { maxOutputLength: room, finishFlush: zlibConstants.Z_SYNC_FLUSH })
      .length
  } catch {
    // Too large, or corrupt where pdf-lib's more lenient inflater could go on producing output.
    return Infinity
  }
}

async function inspectImage(
  bytes: Uint8Array,
  mimeType: 'image/jpeg' | 'image/png',
  name: string,
): Promise<InspectedUpload> {
  let metadata: Metadata
  try {
    metadata = await sharp(bytes).metadata()
  } catch {
    return refuse('IMAGE_DAMAGED', name)
  }
  // The header is enough to refuse a decompression bomb before any pixel is decoded.
  if (metadata.width * metadata.height > MAX_IMAGE_PIXELS) return refuseTooManyPixels(name)

  try {
    const image = sharp(bytes, {
      limitInputPixels: MAX_IMAGE_PIXELS,
      // 'warning' would also refuse phone photos with harmless oddities ("extraneous bytes before
      // marker"); 'error' still refuses truncated and undecodable data.
      failOn: 'error',
    }).rotate()
    // sharp writes no metadata unless asked to, so re-encoding is what strips it.
    const encoded =
      mimeType === 'image/jpeg'
        ? await image.jpeg({ quality: JPEG_QUALITY, mozjpeg: true }).toBuffer()
        : await image.png(pngOptions(metadata)).toBuffer()
    return accept(mimeType, new Uint8Array(encoded.buffer, encoded.byteOffset, encoded.byteLength), name)
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message)) return refuseTooManyPixels(name)
    return refuse('IMAGE_DAMAGED', name)
  }
}

/**
 * A scan saved with a palette (often 1 or 4 bits) stays a palette image: as RGB it would grow
 * five to ten times. Its colours all fit in the palette, so no pixel changes.
 */
function pngOptions(metadata: Metadata): PngOptions {
  if (!metadata.isPalette) return {}
  return { palette: true, colours: 2 ** Math.min(metadata.bitsPerSample ?? 8, 8), dither: 0 }
}

function accept(
  mimeType: AcceptedMimeType,
  bytes: Uint8Array,
  name: string,
  activeContent: PdfActiveContent[] = [],
): InspectedUpload {
  return {
    ok: true,
    mimeType,
    bytes,
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    safeName: safeNameFor(name, mimeType),
    activeContent,
  }
}

// French typography: non-breaking spaces inside « » and before a colon.
const NBSP = '\u00a0'
const quoted = quotedFileName

/** The refusal of a file that is over the limit, named like every other refusal. */
export function tooLargeRefusal(fileName: string, maxBytes = MAX_UPLOAD_BYTES): UploadRefusal {
  return refuse('TOO_LARGE', cleanFileName(fileName), maxBytes)
}

function refuse(code: UploadRefusal['code'], name: string, maxBytes = MAX_UPLOAD_BYTES): UploadRefusal {
  const file = quoted(name)
  const messages: Record<UploadRefusal['code'], string> = {
    NAME: `${file} a un nom trop long${NBSP}: renommez le fichier puis réessayez.`,
    EMPTY: `${file} est vide.`,
    TOO_LARGE: tooLargeMessage(name, maxBytes),
    TYPE: `${file} n’est pas un PDF, un JPEG ou un PNG${NBSP}: seuls ces formats sont acceptés.`,
    PDF_ENCRYPTED: `${file} est protégé par un mot de passe${NBSP}: envoyez une version sans protection.`,
    PDF_DAMAGED: `${file} est endommagé ou incomplet${NBSP}: enregistrez-le à nouveau puis réessayez.`,
    IMAGE_DAMAGED: `${file} est endommagé ou incomplet${NBSP}: enregistrez-le à nouveau puis réessayez.`,
  }
  return { ok: false, code, message: messages[code] }
}

function refuseTooManyPixels(name: string): UploadRefusal {
  const megapixels = MAX_IMAGE_PIXELS / 1_000_000
  return {
    ok: false,
    code: 'IMAGE_DAMAGED',
    message: `${quoted(name)} est une image trop grande (plus de ${megapixels}${NBSP}mégapixels)${NBSP}: réduisez sa définition puis réessayez.`,
  }
}
