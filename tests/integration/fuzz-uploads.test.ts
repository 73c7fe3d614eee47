// Property-based tests of the two upload routes (a draft's piece, a piece sent again for a dossier)
// with the bodies a hostile client can post: random bytes behind real file signatures, broken
// multipart envelopes, odd names and fields, other sites' origins, forged cookies. Each request gets
// a JSON answer with a 2xx or 4xx status, never a crash, and a refused one stores nothing.
import { readdirSync } from 'node:fs'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { getDb } from '@/lib/server/db'
import { seed } from '@/prisma/seed'
import { createDossier } from '../support/dossiers'
import {
  assertNoPollution,
  cookieText,
  credential,
  databaseState,
  forwardedFor,
  freshIp,
  FUZZ_TIMEOUT,
  fuzzOptions,
  hugeString,
  nastyString,
  REAL,
} from '../support/fuzz'
import { browser, expectRedirect } from '../support/next-request'
import { fixture, NOW } from '../support/registration'
import { resetDatabase } from '../support/test-database'

vi.setConfig({ testTimeout: FUZZ_TIMEOUT })

const registration = await import('@/app/(public)/inscription/actions')
const draftRoute = await import('@/app/api/inscription/pieces/route')
const dossierRoute = await import('@/app/api/dossier/pieces/route')
const db = getDb()

const SITE = 'http://localhost:3000'

const bytes = (text: string) => Uint8Array.from(text, (char) => char.charCodeAt(0))

/** The first bytes by which file types are recognised: the accepted ones and some refused ones. */
const SIGNATURES = [
  '%PDF-1.4\n',
  '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n',
  '\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR',
  '\xff\xd8\xff\xe0\x00\x10JFIF\x00',
  '\xff\xd8\xff\xe1',
  'GIF89a',
  'PK\x03\x04',
  '<svg xmlns="http://www.w3.org/2000/svg">',
  '<!DOCTYPE html><script>',
  '\x7fELF',
  'MZ\x90\x00',
].map(bytes)

/** The upload fixtures: genuine documents and every hostile one the inspection knows of. */
const FIXTURES = readdirSync('tests/fixtures/uploads').filter((name) => /\.(pdf|png|jpg)$/.test(name))

const content: fc.Arbitrary<Uint8Array> = fc.oneof(
  { weight: 3, arbitrary: fc.uint8Array({ maxLength: 2048 }) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom(...SIGNATURES), fc.uint8Array({ maxLength: 2048 }))
      .map(([signature, rest]) => new Uint8Array([...signature, ...rest])),
  },
  { weight: 2, arbitrary: fc.constantFrom(...FIXTURES).map((name) => fixture(name)) },
  {
    weight: 1,
    // A genuine file with a few bytes changed.
    arbitrary: fc
      .tuple(
        fc.constantFrom(...FIXTURES),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
      )
      .map(([name, changes]) => {
        const file = fixture(name)
        for (const [at, value] of changes) file[at % file.length] = value
        return file
      }),
  },
)

const fileName = fc.oneof(
  fc.constantFrom(
    'cv.pdf',
    'photo.jpg',
    'scan.png',
    '../../etc/passwd',
    'C:\\Windows\\cv.pdf',
    '.pdf',
    'cv.pdf.exe',
  ),
  nastyString,
  hugeString.map((name) => `${name.slice(0, 5000)}.pdf`),
)

const PIECE_CODES = [
  'CV',
  'DIPLOMAS',
  'ID_CARD',
  'ID_PHOTO',
  'JOB_SEEKER_CERTIFICATE',
  'REGISTRATION_FORM',
  'cv',
]

/** A multipart form as a browser (or a script) builds it. */
const uploadForm = fc
  .record({
    pieceTypeCode: fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...PIECE_CODES) },
      { weight: 1, arbitrary: nastyString },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
    documentDate: fc.oneof(
      fc.constant(undefined),
      fc.constantFrom('02/11/2026', '2026-11-20', '31/02/2026'),
      nastyString,
    ),
    file: fc.oneof(
      {
        weight: 6,
        arbitrary: fc.tuple(content, fileName).map(([data, name]) => new File([new Uint8Array(data)], name)),
      },
      { weight: 1, arbitrary: nastyString },
      { weight: 1, arbitrary: fc.constant(undefined) },
    ),
    secondFile: fc.option(content, { freq: 5 }),
    extra: fc.array(fc.tuple(nastyString, nastyString), { maxLength: 3 }),
  })
  .map(({ pieceTypeCode, documentDate, file, secondFile, extra }) => {
    const form = new FormData()
    for (const [name, value] of extra) form.append(name, value)
    if (pieceTypeCode !== undefined) form.set('pieceTypeCode', pieceTypeCode)
    if (documentDate !== undefined) form.set('documentDate', documentDate)
    if (file !== undefined) form.append('file', file)
    if (secondFile) form.append('file', new File([new Uint8Array(secondFile)], 'autre.pdf'))
    return form
  })

type Body = { body: Uint8Array; contentType: string | null }

async function encoded(form: FormData): Promise<Body> {
  const request = new Request(SITE, { method: 'POST', body: form })
  return {
    body: new Uint8Array(await request.arrayBuffer()),
    contentType: request.headers.get('content-type'),
  }
}

/** What reaches the route: a well-formed form, a damaged one, or bytes under any content type. */
const requestBody: fc.Arbitrary<() => Promise<Body>> = fc.oneof(
  { weight: 6, arbitrary: uploadForm.map((form) => () => encoded(form)) },
  {
    weight: 2,
    // The same form cut short, or with bytes changed, or under another boundary.
    arbitrary: fc
      .tuple(
        uploadForm,
        fc.nat(),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 }),
        fc.boolean(),
      )
      .map(([form, cut, changes, otherBoundary]) => async () => {
        const { body, contentType } = await encoded(form)
        const damaged = body.slice(0, body.length === 0 ? 0 : (cut % body.length) + 1)
        for (const [at, value] of changes) if (damaged.length > 0) damaged[at % damaged.length] = value
        return {
          body: damaged,
          contentType: otherBoundary ? 'multipart/form-data; boundary=----autre' : contentType,
        }
      }),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(
        fc.uint8Array({ maxLength: 4096 }),
        fc.oneof(
          fc.constant(null),
          fc.constantFrom(
            'multipart/form-data',
            'multipart/form-data; boundary=x',
            'application/json',
            'text/plain',
          ),
          cookieText,
        ),
      )
      .map(([body, contentType]) => async () => ({ body, contentType })),
  },
)

const origin = fc.oneof(
  { weight: 6, arbitrary: fc.constant(SITE) },
  { weight: 2, arbitrary: fc.constant(null) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('https://pirate.example', 'null', 'http://localhost:3000.evil.re'),
  },
  { weight: 1, arbitrary: cookieText },
)

const STATUSES = [201, 400, 401, 403, 413, 422, 429]

/**
 * The property shared by both routes: posted with any body, origin, cookie and address, the route
 * answers JSON with an expected status, and stores nothing unless it answered 201.
 */
async function fuzzRoute(options: {
  route: { POST: (request: Request) => Promise<Response> }
  cookieName: string
  token: () => string
  /** After a 201: checks what was stored, and makes a new target when it can take no more. */
  accepted: (body: Record<string, unknown>) => Promise<void>
  /** A piece the route accepts: tried first, so that the accepting path is always exercised. */
  valid: { pieceTypeCode: string; file: string }
}) {
  let state = await databaseState()
  let acceptedCount = 0
  const validForm = new FormData()
  validForm.set('pieceTypeCode', options.valid.pieceTypeCode)
  validForm.set('file', new File([new Uint8Array(fixture(options.valid.file))], options.valid.file))
  await fc.assert(
    fc.asyncProperty(
      requestBody,
      origin,
      credential,
      fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: forwardedFor }),
      async (makeBody, from, cookie, ip) => {
        browser.reset({ ip: ip ?? freshIp() })
        const value = cookie === REAL ? options.token() : cookie
        if (value !== undefined) browser.setCookie(options.cookieName, value)
        const { body, contentType } = await makeBody()
        const headers = new Headers({ host: 'localhost:3000' })
        if (contentType !== null) headers.set('content-type', contentType)
        if (from !== null) headers.set('origin', from)
        const response = await options.route.POST(
          new Request(`${SITE}/api/pieces`, { method: 'POST', body: new Uint8Array(body), headers }),
        )
        expect(STATUSES).toContain(response.status)
        const answer = (await response.json()) as Record<string, unknown>
        if (response.status === 201) {
          expect(cookie).toBe(REAL)
          acceptedCount += 1
          await options.accepted(answer)
          state = await databaseState()
        } else {
          expect(typeof answer.message).toBe('string')
          expect(await databaseState()).toEqual(state)
        }
      },
    ),
    { ...fuzzOptions(), examples: [[() => encoded(validForm), SITE, REAL, null]] },
  )
  expect(acceptedCount, 'accepted uploads').toBeGreaterThan(0)
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  // A thousand refusals make a thousand security log lines: kept out of the test report.
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  vi.spyOn(console, 'info').mockImplementation(() => {})
  await resetDatabase()
  await seed(db, { now: NOW })
})

afterAll(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
  assertNoPollution()
})

describe('POST /api/inscription/pieces', () => {
  it('stores an accepted file for the draft of the cookie, and nothing for any other request', async () => {
    browser.reset({ ip: freshIp() })
    expect(await expectRedirect(() => registration.startRegistrationAction(new FormData()))).toBe(
      '/inscription/identite',
    )
    const token = browser.cookie('cnam_inscription')!
    const draft = await db.draft.findFirstOrThrow({ orderBy: { createdAt: 'desc' }, select: { id: true } })
    await fuzzRoute({
      route: draftRoute,
      cookieName: 'cnam_inscription',
      token: () => token,
      valid: { pieceTypeCode: 'CV', file: 'cv.pdf' },
      accepted: async (answer) => {
        const piece = await db.draftPiece.findUniqueOrThrow({
          where: { id: answer.pieceId as string },
          select: { draftId: true, file: { select: { mimeType: true } } },
        })
        expect(piece.draftId).toBe(draft.id)
        expect(['application/pdf', 'image/jpeg', 'image/png']).toContain(piece.file.mimeType)
        // Room for the next accepted files (a draft holds 40 at most).
        if ((await db.draftPiece.count({ where: { draftId: draft.id } })) >= 30)
          await db.storedFile.deleteMany({ where: { draftPiece: { draftId: draft.id } } })
      },
    })
  })
})

describe('POST /api/dossier/pieces', () => {
  /** A dossier waiting for a new ID card, as after a reviewer's request. */
  async function incompleteDossier() {
    const dossier = await createDossier({ status: 'INCOMPLETE', pieceTypeCodes: ['CV'] })
    await db.dossierMessage.create({
      data: { dossierId: dossier.id, body: 'Envoyez une carte lisible.', requestedPieceCodes: ['ID_CARD'] },
    })
    return dossier
  }

  it('stores a requested piece for the dossier of the cookie, and nothing for any other request', async () => {
    let dossier = await incompleteDossier()
    await fuzzRoute({
      route: dossierRoute,
      cookieName: 'cnam_dossier',
      token: () => dossier.token,
      valid: { pieceTypeCode: 'ID_CARD', file: 'scan-releve.png' },
      accepted: async (answer) => {
        expect(answer).toEqual({ backToReview: true })
        const stored = await db.dossier.findUniqueOrThrow({
          where: { id: dossier.id },
          select: { status: true, pieces: { where: { pieceTypeCode: 'ID_CARD' }, select: { id: true } } },
        })
        expect(stored).toMatchObject({ status: 'UNDER_REVIEW', pieces: [expect.anything()] })
        // Back to review: it takes no more pieces. A new one for the next runs.
        dossier = await incompleteDossier()
      },
    })
  })
})
