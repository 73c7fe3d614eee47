// The eight pieces a benchmark applicant sends: genuine files of about 650 KB each (5 MB in all),
// made the way applicants make them, so that the upload route does its real work on them (type
// from the bytes, PDF structure walked, images decoded and re-encoded without their metadata).
// Scanned pages are mostly white with lines of "text" and scanner grain; the grain is what gives a
// scan its size, so its strength is searched until each file weighs what we want. Deterministic:
// the same bytes at each run.
import { PDFDocument } from 'pdf-lib'
import sharp from 'sharp'

export type PieceFile = {
  pieceTypeCode: string
  fileName: string
  bytes: Uint8Array
}

/** 5 MB over 8 pieces. */
const TARGET_TOTAL_BYTES = 5 * 1024 * 1024
const TARGET_PIECE_BYTES = Math.round(TARGET_TOTAL_BYTES / 8)

/** A small seeded generator (mulberry32): the same pixels at each run. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Grey pixels of a scanned page: white paper, dark lines of words, and grain of `grain` (0-1)
 * strength on a `grainShare` of the pixels.
 */
function scannedPage(width: number, height: number, seed: number, grain: number): Buffer {
  const next = random(seed)
  const pixels = Buffer.alloc(width * height, 246)
  const margin = Math.round(width * 0.1)
  const lineHeight = Math.round(height / 60)
  for (let top = margin; top + lineHeight < height - margin; top += lineHeight * 2) {
    let left = margin
    const lineEnd = width - margin - Math.round(next() * width * 0.3)
    while (left < lineEnd) {
      const word = Math.round(width * (0.02 + next() * 0.06))
      for (let y = top; y < top + lineHeight; y++)
        for (let x = left; x < Math.min(left + word, lineEnd); x++)
          if (next() < 0.55) pixels[y * width + x] = 30 + Math.round(next() * 60)
      left += word + Math.round(width * 0.015)
    }
  }
  for (let index = 0; index < pixels.length; index++) {
    const noise = (next() - 0.5) * 2 * grain * 60
    pixels[index] = Math.max(0, Math.min(255, pixels[index]! + noise))
  }
  return pixels
}

/** A colour photograph (a face-like blob on a gradient) with sensor noise of `grain` strength. */
function photo(width: number, height: number, seed: number, grain: number): Buffer {
  const next = random(seed)
  const pixels = Buffer.alloc(width * height * 3)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3
      const dx = (x - width / 2) / (width * 0.28)
      const dy = (y - height * 0.42) / (height * 0.3)
      const inFace = dx * dx + dy * dy < 1
      const base = inFace ? [201, 160, 130] : [80 + (y / height) * 90, 120, 170 - (x / width) * 60]
      for (let channel = 0; channel < 3; channel++)
        pixels[at + channel] = Math.max(0, Math.min(255, base[channel]! + (next() - 0.5) * 2 * grain * 50))
    }
  }
  return pixels
}

/** The smallest `make(grain)` at least `target` bytes long (grain searched in [0, 1]). */
async function sized(target: number, make: (grain: number) => Promise<Uint8Array>): Promise<Uint8Array> {
  let low = 0
  let high = 1
  let best = await make(high)
  for (let step = 0; step < 8; step++) {
    const grain = (low + high) / 2
    const bytes = await make(grain)
    if (bytes.length >= target) {
      best = bytes
      high = grain
    } else low = grain
    if (Math.abs(bytes.length - target) < target * 0.04) return bytes
  }
  return best
}

const A4_150DPI = { width: 1240, height: 1754 }

async function scanJpeg(seed: number, grain: number, size = A4_150DPI): Promise<Uint8Array> {
  return new Uint8Array(
    await sharp(scannedPage(size.width, size.height, seed, grain), {
      raw: { width: size.width, height: size.height, channels: 1 },
    })
      .jpeg({ quality: 80 })
      .toBuffer(),
  )
}

/** A PDF of `pages` scanned pages (JPEG images), as a scanner's "save as PDF" writes it. */
async function scannedPdf(seed: number, pages: number, target: number): Promise<Uint8Array> {
  return sized(target, async (grain) => {
    const pdf = await PDFDocument.create()
    pdf.setProducer('Scanner')
    for (let page = 0; page < pages; page++) {
      const image = await pdf.embedJpg(await scanJpeg(seed + page, grain))
      const a4 = pdf.addPage([595.28, 841.89])
      a4.drawImage(image, { x: 0, y: 0, width: 595.28, height: 841.89 })
    }
    return pdf.save()
  })
}

/** A palette PNG as scanners write diplomas (16 greys), with a text comment. */
async function scannedPng(seed: number, target: number): Promise<Uint8Array> {
  return sized(
    target,
    async (grain) =>
      new Uint8Array(
        await sharp(scannedPage(A4_150DPI.width, A4_150DPI.height, seed, grain), {
          raw: { width: A4_150DPI.width, height: A4_150DPI.height, channels: 1 },
        })
          .png({ palette: true, colours: 16, dither: 0 })
          .toBuffer(),
      ),
  )
}

/** A phone photograph stored sideways (EXIF orientation 6) with camera tags, to be stripped. */
async function phoneJpeg(seed: number, target: number, width: number, height: number): Promise<Uint8Array> {
  return sized(
    target,
    async (grain) =>
      new Uint8Array(
        await sharp(photo(width, height, seed, grain), { raw: { width, height, channels: 3 } })
          .jpeg({ quality: 90 })
          .withExif({ IFD0: { Make: 'Bench', Model: 'Phone', Orientation: '6' } })
          .toBuffer(),
      ),
  )
}

let cached: Promise<PieceFile[]> | null = null

/**
 * The pieces of an employed individual (tests/support/registration.ts's DEFAULT_PIECES): five PDFs,
 * a PNG scan and two JPEG photographs, about 5 MB in all.
 */
export function applicantPieces(): Promise<PieceFile[]> {
  cached ??= (async () => [
    { pieceTypeCode: 'CV', fileName: 'cv.pdf', bytes: await scannedPdf(1, 1, TARGET_PIECE_BYTES) },
    {
      pieceTypeCode: 'COVER_LETTER',
      fileName: 'lettre-motivation.pdf',
      bytes: await scannedPdf(11, 1, TARGET_PIECE_BYTES),
    },
    { pieceTypeCode: 'DIPLOMAS', fileName: 'diplome.png', bytes: await scannedPng(21, TARGET_PIECE_BYTES) },
    {
      pieceTypeCode: 'PAY_SLIP',
      fileName: 'bulletin-salaire.pdf',
      bytes: await scannedPdf(31, 1, TARGET_PIECE_BYTES),
    },
    {
      pieceTypeCode: 'SOCIAL_SECURITY',
      fileName: 'attestation-secu.pdf',
      bytes: await scannedPdf(41, 1, TARGET_PIECE_BYTES),
    },
    {
      pieceTypeCode: 'ID_CARD',
      fileName: 'carte-identite.jpg',
      bytes: await phoneJpeg(51, TARGET_PIECE_BYTES, 1600, 1200),
    },
    {
      pieceTypeCode: 'ID_PHOTO',
      fileName: 'photo.jpg',
      bytes: await phoneJpeg(61, TARGET_PIECE_BYTES, 1200, 1600),
    },
    { pieceTypeCode: 'PAYMENT', fileName: 'cheque.pdf', bytes: await scannedPdf(71, 1, TARGET_PIECE_BYTES) },
  ])()
  return cached
}
