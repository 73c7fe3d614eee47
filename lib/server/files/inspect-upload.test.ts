import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { crc32 } from 'node:zlib'
import fc from 'fast-check'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { GPS_POSITION_TAGS, gpsTagIds } from '@/tests/fixtures/uploads/exif'
import { UPLOAD_FIXTURES, type UploadFixture } from '@/tests/fixtures/uploads/manifest'
import { cleanFileName, inspectUpload, MAX_UPLOAD_BYTES, type InspectedUpload } from './inspect-upload'

const FIXTURES = fileURLToPath(new URL('../../../tests/fixtures/uploads', import.meta.url))
const NBSP = '\u00a0'

function fixture(file: string): Buffer {
  return readFileSync(path.join(FIXTURES, file))
}

function inspectFixture(entry: UploadFixture): Promise<InspectedUpload> {
  return inspectUpload({
    bytes: new Uint8Array(fixture(entry.file)),
    fileName: entry.file,
    maxBytes: entry.maxBytes ?? MAX_UPLOAD_BYTES,
  })
}

function accepted(result: InspectedUpload): Extract<InspectedUpload, { ok: true }> {
  if (!result.ok) throw new Error(`Refused (${result.code}): ${result.message}`)
  return result
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** A genuine PNG padded, with a chunk no reader needs, to exactly `size` bytes. */
function pngOfSize(png: Buffer, size: number): Buffer {
  const iend = png.length - 12
  const data = Buffer.alloc(size - png.length - 12, 0x20)
  const chunk = Buffer.alloc(12 + data.length)
  chunk.writeUInt32BE(data.length, 0)
  chunk.write('paDd', 4, 'latin1') // lower-case first letter: ancillary, safe to ignore
  data.copy(chunk, 8)
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length)
  return Buffer.concat([png.subarray(0, iend), chunk, png.subarray(iend)])
}

// pdf-lib warns on the console about every object it cannot parse in the damaged PDFs.
beforeAll(() => void vi.spyOn(console, 'warn').mockImplementation(() => undefined))
afterAll(() => vi.restoreAllMocks())

describe('inspectUpload, on every file of tests/fixtures/uploads', () => {
  it('has an expectation for each fixture file, and a file for each expectation', () => {
    const files = readdirSync(FIXTURES).filter((name) => !/\.ts$|^README\.md$/.test(name))
    expect(files.sort()).toEqual(UPLOAD_FIXTURES.map((entry) => entry.file).sort())
    expect(UPLOAD_FIXTURES.filter((entry) => entry.kind === 'hostile').length).toBeGreaterThanOrEqual(20)
  })

  const hostile = UPLOAD_FIXTURES.filter((entry) => entry.kind === 'hostile')
  it.each(hostile)('refuses $file', async (entry) => {
    if (entry.expected.ok) throw new Error(`${entry.file} is listed as hostile but expected to be accepted`)
    const result = await inspectFixture(entry)
    expect(result).toMatchObject({ ok: false, code: entry.expected.code })
    expect(result.ok ? '' : result.message).toContain(`«${NBSP}${cleanFileName(entry.file)}${NBSP}»`)
  })

  const accepting = UPLOAD_FIXTURES.filter((entry) => entry.kind !== 'hostile')
  it.each(accepting)('accepts $file', async (entry) => {
    if (!entry.expected.ok) throw new Error(`${entry.file} is listed as accepted but expected to be refused`)
    const result = accepted(await inspectFixture(entry))
    expect(result.mimeType).toBe(entry.expected.mimeType)
    expect(result.safeName).toBe(entry.expected.safeName)
    expect(result.sizeBytes).toBe(result.bytes.length)
    expect(result.sha256).toBe(sha256(result.bytes))
    expect(result.sha256).toMatch(/^[0-9a-f]{64}$/)
    // What the staff piece card warns about: scripts, launch actions, attached files.
    expect(result.activeContent).toEqual(entry.expected.activeContent ?? [])
  })
})

describe('inspectUpload, PDF', () => {
  it('keeps an accepted PDF byte for byte', async () => {
    const original = fixture('attestation-employeur.pdf')
    const result = accepted(
      await inspectUpload({ bytes: original, fileName: 'attestation.pdf', maxBytes: MAX_UPLOAD_BYTES }),
    )
    expect(Buffer.from(result.bytes).equals(fixture('attestation-employeur.pdf'))).toBe(true)
    expect(result.sha256).toBe(sha256(original))
  })

  it('words each PDF refusal as the applicant must read it', async () => {
    const refusal = async (file: string, fileName: string) => {
      const result = await inspectUpload({ bytes: fixture(file), fileName, maxBytes: MAX_UPLOAD_BYTES })
      return result.ok ? 'accepted' : result.message
    }
    expect(await refusal('releve-mot-de-passe.pdf', 'releve.pdf')).toBe(
      `«${NBSP}releve.pdf${NBSP}» est protégé par un mot de passe${NBSP}: envoyez une version sans protection.`,
    )
    expect(await refusal('cv-tronque.pdf', 'x.pdf')).toBe(
      `«${NBSP}x.pdf${NBSP}» est endommagé ou incomplet${NBSP}: enregistrez-le à nouveau puis réessayez.`,
    )
  })
})

describe('inspectUpload, images', () => {
  it('strips EXIF with GPS, XMP, the ICC profile and comments from a JPEG, and turns it upright', async () => {
    const original = fixture('photo-identite-gps.jpg')
    const before = await sharp(original).metadata()
    expect(gpsTagIds(before.exif)).toEqual(expect.arrayContaining(GPS_POSITION_TAGS))
    expect([before.orientation, before.width, before.height]).toEqual([6, 64, 48])
    expect(before.xmp).toBeDefined()
    expect(before.icc).toBeDefined()
    expect(original.includes('Saint-Denis')).toBe(true)

    const result = accepted(
      await inspectUpload({ bytes: original, fileName: 'photo.jpg', maxBytes: MAX_UPLOAD_BYTES }),
    )
    const after = await sharp(result.bytes).metadata()
    expect(after.format).toBe('jpeg')
    expect(after.exif).toBeUndefined()
    expect(after.xmp).toBeUndefined()
    expect(after.icc).toBeUndefined()
    expect(after.orientation).toBeUndefined()
    expect([after.width, after.height]).toEqual([48, 64])
    const stored = Buffer.from(result.bytes)
    for (const secret of ['Saint-Denis', 'Payet', 'Cnam', 'xpacket'])
      expect(stored.includes(secret)).toBe(false)
  })

  it('strips EXIF with GPS, XMP and text chunks from a palette PNG without changing a pixel', async () => {
    const original = fixture('scan-releve.png')
    const before = await sharp(original).metadata()
    expect(gpsTagIds(before.exif)).toEqual(expect.arrayContaining(GPS_POSITION_TAGS))
    expect(before.xmp).toBeDefined()
    expect(original.includes('Saint-Denis')).toBe(true)

    const result = accepted(
      await inspectUpload({ bytes: original, fileName: 'scan.png', maxBytes: MAX_UPLOAD_BYTES }),
    )
    const after = await sharp(result.bytes).metadata()
    expect(after.exif).toBeUndefined()
    expect(after.xmp).toBeUndefined()
    expect(after.comments).toBeUndefined()
    expect(after.isPalette).toBe(true)
    expect(Buffer.from(result.bytes).includes('Saint-Denis')).toBe(false)
    const pixels = async (bytes: Uint8Array) => sharp(bytes).removeAlpha().raw().toBuffer()
    expect((await pixels(result.bytes)).equals(await pixels(original))).toBe(true)
  })

  it('re-encodes a JPEG close to the original', async () => {
    const original = fixture('photo-renommee.png')
    const result = accepted(
      await inspectUpload({ bytes: original, fileName: 'photo.png', maxBytes: MAX_UPLOAD_BYTES }),
    )
    const [before, after] = await Promise.all(
      [original, result.bytes].map((bytes) => sharp(bytes).raw().toBuffer()),
    )
    expect(after!.length).toBe(before!.length)
    const meanDifference =
      before!.reduce((sum, value, index) => sum + Math.abs(value - after![index]!), 0) / before!.length
    expect(meanDifference).toBeLessThan(3)
  })

  it('removes the HTML hidden in a JPEG comment', async () => {
    const original = fixture('polyglotte-html.jpg')
    expect(original.includes('<script>')).toBe(true)
    const result = accepted(
      await inspectUpload({ bytes: original, fileName: 'polyglotte.jpg', maxBytes: MAX_UPLOAD_BYTES }),
    )
    expect(Buffer.from(result.bytes).includes('<script')).toBe(false)
    expect(Buffer.from(result.bytes).includes('<html')).toBe(false)
  })

  it('refuses a decompression bomb by its dimensions, saying so', async () => {
    const result = await inspectUpload({
      bytes: fixture('bombe-64-mpx.png'),
      fileName: 'plan.png',
      maxBytes: MAX_UPLOAD_BYTES,
    })
    expect(result).toEqual({
      ok: false,
      code: 'IMAGE_DAMAGED',
      message: `«${NBSP}plan.png${NBSP}» est une image trop grande (plus de 50${NBSP}mégapixels)${NBSP}: réduisez sa définition puis réessayez.`,
    })
  })
})

describe('inspectUpload, size and type', () => {
  it('accepts exactly MAX_UPLOAD_BYTES and refuses one byte more, in French', async () => {
    const png = fixture('capture-ecran.png')
    const atLimit = pngOfSize(png, MAX_UPLOAD_BYTES)
    expect(atLimit.length).toBe(MAX_UPLOAD_BYTES)
    const result = accepted(
      await inspectUpload({ bytes: atLimit, fileName: 'scan.png', maxBytes: MAX_UPLOAD_BYTES }),
    )
    expect(result.sizeBytes).toBeLessThan(10_000) // the padding chunk is not kept

    const overLimit = pngOfSize(png, MAX_UPLOAD_BYTES + 1)
    expect(
      await inspectUpload({ bytes: overLimit, fileName: 'scan.pdf', maxBytes: MAX_UPLOAD_BYTES }),
    ).toEqual({
      ok: false,
      code: 'TOO_LARGE',
      message: `«${NBSP}scan.pdf${NBSP}» dépasse 10${NBSP}Mo (taille maximale d’un fichier).`,
    })
  })

  it('compares the length with the limit given, whatever the content', async () => {
    const pdf = fixture('taille-limite.pdf')
    expect((await inspectUpload({ bytes: pdf, fileName: 'a.pdf', maxBytes: pdf.length })).ok).toBe(true)
    expect(await inspectUpload({ bytes: pdf, fileName: 'a.pdf', maxBytes: pdf.length - 1 })).toMatchObject({
      ok: false,
      code: 'TOO_LARGE',
      message: expect.stringContaining(`dépasse 1023${NBSP}octets`),
    })
    const zeros = new Uint8Array(3 * 1024 * 1024 + 1)
    expect(
      await inspectUpload({ bytes: zeros, fileName: 'a.pdf', maxBytes: 1.5 * 1024 * 1024 }),
    ).toMatchObject({
      code: 'TOO_LARGE',
      message: expect.stringContaining(`dépasse 1,5${NBSP}Mo`),
    })
  })

  it('words the type and empty-file refusals as the applicant must read them', async () => {
    const type = await inspectUpload({ bytes: fixture('cv.exe.pdf'), fileName: 'cv.exe.pdf', maxBytes: 1e6 })
    expect(type).toEqual({
      ok: false,
      code: 'TYPE',
      message: `«${NBSP}cv.exe.pdf${NBSP}» n’est pas un PDF, un JPEG ou un PNG${NBSP}: seuls ces formats sont acceptés.`,
    })
    const empty = await inspectUpload({ bytes: new Uint8Array(0), fileName: 'photo.png', maxBytes: 1e6 })
    expect(empty).toEqual({ ok: false, code: 'EMPTY', message: `«${NBSP}photo.png${NBSP}» est vide.` })
  })

  it('decides the type from the content, never from the name', async () => {
    const jpeg = fixture('photo-renommee.png')
    for (const fileName of ['photo.pdf', 'photo.png', 'photo', 'photo.exe']) {
      expect(accepted(await inspectUpload({ bytes: jpeg, fileName, maxBytes: 1e6 })).mimeType).toBe(
        'image/jpeg',
      )
    }
    const html = fixture('page.html.png')
    for (const fileName of ['page.png', 'page.jpg', 'page.pdf']) {
      expect(await inspectUpload({ bytes: html, fileName, maxBytes: 1e6 })).toMatchObject({ code: 'TYPE' })
    }
  })
})

describe('inspectUpload, names', () => {
  const pdf = fixture('cv.pdf')
  const png = fixture('capture-ecran.png')
  const jpeg = fixture('photo-renommee.png')
  const safeName = async (bytes: Buffer, fileName: string) =>
    accepted(await inspectUpload({ bytes, fileName, maxBytes: MAX_UPLOAD_BYTES })).safeName

  it('gives the name the extension of the type found in the content', async () => {
    expect(await safeName(pdf, 'CV Jeanne.pdf')).toBe('CV Jeanne.pdf')
    expect(await safeName(pdf, 'SCAN.PDF')).toBe('SCAN.pdf')
    expect(await safeName(pdf, 'cv.exe')).toBe('cv.pdf')
    expect(await safeName(pdf, 'cv')).toBe('cv.pdf')
    expect(await safeName(pdf, 'CV J.Dupont')).toBe('CV J.Dupont.pdf')
    expect(await safeName(pdf, 'releve.2024')).toBe('releve.2024.pdf')
    expect(await safeName(pdf, '')).toBe('document.pdf')
    expect(await safeName(jpeg, 'scan.jpeg')).toBe('scan.jpg')
    expect(await safeName(png, 'facture\u202Egnp.exe')).toBe('facturegnp.png')
    expect(await safeName(png, 'C:\\fakepath\\..\\capture.png')).toBe('capture.png')
  })

  it('keeps the name within 100 characters once the extension is added', async () => {
    const name = await safeName(pdf, 'b'.repeat(100))
    expect(name).toBe(`${'b'.repeat(96)}.pdf`)
  })

  it('refuses a name no browser would send (over 1024 characters), showing it shortened', async () => {
    expect((await inspectUpload({ bytes: png, fileName: `${'n'.repeat(1020)}.png`, maxBytes: 1e6 })).ok).toBe(
      true,
    )
    const result = await inspectUpload({ bytes: png, fileName: `${'n'.repeat(1021)}.png`, maxBytes: 1e6 })
    expect(result).toEqual({
      ok: false,
      code: 'NAME',
      message: `«${NBSP}${'n'.repeat(96)}.png${NBSP}» a un nom trop long${NBSP}: renommez le fichier puis réessayez.`,
    })
  })
})

describe('cleanFileName', () => {
  it('keeps only the last path segment, for / and \\', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd')
    expect(cleanFileName('C:\\Users\\x\\cv.pdf')).toBe('cv.pdf')
    expect(cleanFileName('dossier/sous-dossier\\cv.pdf')).toBe('cv.pdf')
    expect(cleanFileName('..')).toBe('document')
    expect(cleanFileName('cv/')).toBe('document')
  })

  it('drops control characters', () => {
    expect(cleanFileName('cv\u0000.pdf')).toBe('cv.pdf')
    expect(cleanFileName('cv.pdf\u0000.exe')).toBe('cv.pdf.exe')
    expect(cleanFileName('cv\u0007\u001b[31m.pdf')).toBe('cv[31m.pdf')
    expect(cleanFileName('cv\u007f\u0085\u009b.pdf')).toBe('cv.pdf')
  })

  it('drops bidirectional overrides, isolates and marks', () => {
    expect(cleanFileName('photo\u202Egpj.exe')).toBe('photogpj.exe')
    expect(cleanFileName('\u202Acv\u202B\u202C\u202D.pdf')).toBe('cv.pdf')
    expect(cleanFileName('a\u2066b\u2067c\u2068d\u2069.pdf')).toBe('abcd.pdf')
    expect(cleanFileName('cv\u200F\u200E\u061C.pdf')).toBe('cv.pdf')
  })

  it('turns newlines and tabs into single spaces', () => {
    expect(cleanFileName('mon\ncv\r\nfinal.pdf')).toBe('mon cv final.pdf')
    expect(cleanFileName('mon \t  cv.pdf')).toBe('mon cv.pdf')
    expect(cleanFileName('mon\u00a0\u2028cv.pdf')).toBe('mon cv.pdf')
    expect(cleanFileName('a \u0000 b.pdf')).toBe('a b.pdf')
  })

  it('trims dots and spaces at both ends', () => {
    expect(cleanFileName('  .cv.pdf. ')).toBe('cv.pdf')
    expect(cleanFileName('.bashrc')).toBe('bashrc')
    expect(cleanFileName('cv.pdf...')).toBe('cv.pdf')
  })

  it('caps the name at 100 characters and keeps the extension', () => {
    const long = cleanFileName(`${'a'.repeat(300)}.pdf`)
    expect(long).toBe(`${'a'.repeat(96)}.pdf`)
    expect(cleanFileName('a'.repeat(300))).toBe('a'.repeat(100))
    const cutOnSpaces = cleanFileName(`${'x'.repeat(95)} ....${'y'.repeat(50)}.pdf`)
    expect(cutOnSpaces).toBe(`${'x'.repeat(95)}.pdf`)
  })

  it('never cuts a character in two', () => {
    const name = cleanFileName(`${'😀'.repeat(150)}.png`)
    expect(Array.from(name)).toHaveLength(100)
    expect(name.endsWith('😀.png')).toBe(true)
    expect(() => encodeURIComponent(name)).not.toThrow()
    expect(cleanFileName('cv\ud800.pdf')).toBe('cv.pdf')
  })

  it('falls back to "document" when nothing is left', () => {
    expect(cleanFileName('')).toBe('document')
    expect(cleanFileName('   ')).toBe('document')
    expect(cleanFileName('...')).toBe('document')
    expect(cleanFileName('\u0000\u202E\n')).toBe('document')
  })

  it('leaves an ordinary French name alone, composed as NFC', () => {
    expect(cleanFileName('Relevé de notes — 2010 (1).pdf')).toBe('Relevé de notes — 2010 (1).pdf')
    expect(cleanFileName('Releve\u0301.pdf')).toBe('Relevé.pdf')
    expect(cleanFileName('Releve\u0000\u0301.pdf')).toBe('Relevé.pdf')
  })

  it('gives, for any string, a short visible name that cleaning again leaves unchanged', () => {
    const hidden = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]/u
    const pieces = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.constantFrom(
        '/',
        '\\',
        '.',
        ' ',
        '\n',
        '\u202e',
        '\u0000',
        '\u0301',
        '😀',
        '.pdf',
        '.jpeg',
        '\ud800',
      ),
    )
    fc.assert(
      fc.property(
        fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join('')),
        (name) => {
          const cleaned = cleanFileName(name)
          expect(cleaned).not.toBe('')
          expect(Array.from(cleaned).length).toBeLessThanOrEqual(100)
          expect(cleaned).not.toMatch(/[/\\]|^[. ]|[. ]$| {2}|[^\S ]/)
          expect(cleaned).not.toMatch(hidden)
          expect(cleaned).toBe(cleaned.normalize('NFC'))
          expect(() => encodeURIComponent(cleaned)).not.toThrow()
          expect(cleanFileName(cleaned)).toBe(cleaned)
        },
      ),
      { numRuns: 2000 },
    )
  })
})

describe('inspectUpload, on damaged or random bytes', () => {
  const results = new Set([
    'EMPTY',
    'TOO_LARGE',
    'TYPE',
    'PDF_ENCRYPTED',
    'PDF_DAMAGED',
    'IMAGE_DAMAGED',
    'NAME',
  ])
  const checkResult = (result: InspectedUpload, fileName: string) => {
    if (result.ok) {
      expect(result.sha256).toBe(sha256(result.bytes))
    } else {
      expect(results.has(result.code)).toBe(true)
      expect(result.message).toContain(`«${NBSP}${cleanFileName(fileName)}${NBSP}»`)
    }
  }

  it('answers, without throwing, for any bytes behind a PDF, JPEG or PNG signature', async () => {
    const signature = fc.constantFrom(
      '%PDF-1.7\n',
      '\xff\xd8\xff\xe0',
      '\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR',
      '',
    )
    await fc.assert(
      fc.asyncProperty(
        signature,
        fc.uint8Array({ maxLength: 3000 }),
        fc.boolean(),
        async (start, body, eof) => {
          const bytes = Buffer.concat([
            Buffer.from(start, 'latin1'),
            body,
            Buffer.from(eof ? '\n%%EOF\n' : ''),
          ])
          checkResult(
            await inspectUpload({ bytes, fileName: 'fichier.pdf', maxBytes: MAX_UPLOAD_BYTES }),
            'fichier.pdf',
          )
        },
      ),
      { numRuns: 300 },
    )
  })

  it('answers, without throwing, for genuine files with bytes changed or cut', async () => {
    const genuine = ['cv.pdf', 'attestation-employeur.pdf', 'photo-identite-gps.jpg', 'scan-releve.png'].map(
      fixture,
    )
    const damage = fc.record({
      file: fc.constantFrom(...genuine),
      changes: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }),
      cut: fc.option(fc.nat(), { nil: undefined }),
    })
    await fc.assert(
      fc.asyncProperty(damage, async ({ file, changes, cut }) => {
        const bytes = Buffer.from(file)
        for (const [at, value] of changes) bytes[at % bytes.length] = value
        const damaged = cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length)
        checkResult(
          await inspectUpload({ bytes: damaged, fileName: 'abîmé.pdf', maxBytes: MAX_UPLOAD_BYTES }),
          'abîmé.pdf',
        )
      }),
      { numRuns: 300 },
    )
  })
})
