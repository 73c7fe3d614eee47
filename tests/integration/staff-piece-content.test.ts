// Staff routes that return piece content: who may take every piece at once, that each export is
// in the dossier's history, and that an export can only start from one of our own pages (a POST
// with our Origin), never from a link or a form on another site.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { pdfActiveContentNotice } from '@/lib/domain/piece-warnings'
import { getDb } from '@/lib/server/db'
import { seed } from '@/prisma/seed'
import { createDossier } from '../support/dossiers'
import { browser, expectRedirect } from '../support/next-request'
import { DEFAULT_PIECES, fillDraft, NOW, uploadPieces } from '../support/registration'
import { becomeIdentity, createStaff, IDENTITIES, signInBrowserAs, type Identity } from '../support/staff'
import { resetDatabase } from '../support/test-database'
import { readZip } from '../support/zip'

type Handler = (
  request: Request,
  context: { params: Promise<{ id: string }> },
) => Response | Promise<Response>
type Route = Partial<Record<'GET' | 'POST', Handler>>
const piecesZip = (await import('@/app/(admin)/admin/dossiers/[id]/pieces.zip/route')) as unknown as Route
const personalData = (await import('@/app/(admin)/admin/dossiers/[id]/donnees.zip/route')) as unknown as Route
const registration = await import('@/app/(public)/inscription/actions')
const uploadRoute = await import('@/app/api/inscription/pieces/route')
const { getStaffDossier } = await import('@/lib/server/admin/review/get-staff-dossier')
const { currentStaff } = await import('@/lib/server/auth/authorize')
const pieceRoute = await import('@/app/(admin)/admin/dossiers/[id]/pieces/[pieceId]/route')
const db = getDb()

const SITE = 'http://localhost:3000'
const OUR_PAGE = { Host: 'localhost:3000', Origin: SITE, 'Sec-Fetch-Site': 'same-origin' }
const OTHER_SITE = { Host: 'localhost:3000', Origin: 'https://piege.example', 'Sec-Fetch-Site': 'cross-site' }

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  await resetDatabase()
  await seed(db, { now: NOW })
  browser.reset()
})

afterAll(() => {
  vi.useRealTimers()
})

async function signInAs(role: 'ADMIN' | 'GESTIONNAIRE' | 'LECTURE') {
  const user = await createStaff(role)
  browser.reset()
  await signInBrowserAs(user.id)
  return user
}

/** Calls the route's handler for `method`, as Next would (405 when the route has none). */
async function call(
  route: Route,
  file: 'pieces.zip' | 'donnees.zip',
  dossierId: string,
  method: 'GET' | 'POST',
  headers: Record<string, string>,
): Promise<Response> {
  const handler = route[method]
  if (!handler) return new Response(null, { status: 405 })
  return handler(new Request(`${SITE}/admin/dossiers/${dossierId}/${file}`, { method, headers }), {
    params: Promise.resolve({ id: dossierId }),
  })
}

async function exportEvents(dossierId: string) {
  return db.auditEvent.findMany({
    where: { dossierId, action: { in: ['PIECES_EXPORTED', 'PERSONAL_DATA_EXPORTED'] } },
    select: { action: true, actorId: true, details: true },
  })
}

describe('every piece of a dossier in one ZIP', () => {
  it('is refused to read-only staff (403), and nothing is recorded', async () => {
    const dossier = await createDossier()
    await signInAs('LECTURE')
    const link = await call(piecesZip, 'pieces.zip', dossier.id, 'GET', { 'Sec-Fetch-Site': 'same-origin' })
    expect(link.headers.get('content-type')).not.toBe('application/zip')
    const response = await call(piecesZip, 'pieces.zip', dossier.id, 'POST', OUR_PAGE)
    expect(response.status).toBe(403)
    expect(response.headers.get('content-type')).not.toBe('application/zip')
    expect(await exportEvents(dossier.id)).toEqual([])
  })

  it('gives a gestionnaire every current piece from our page, and records the export', async () => {
    const dossier = await createDossier({ pieceTypeCodes: ['ID_CARD', 'CV'] })
    const reviewer = await signInAs('GESTIONNAIRE')
    const response = await call(piecesZip, 'pieces.zip', dossier.id, 'POST', OUR_PAGE)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/zip')
    const entries = readZip(Buffer.from(await response.arrayBuffer()))
    expect(entries.map((entry) => entry.name).sort()).toEqual([
      `${dossier.reference}-cv-${NOW.toISOString().slice(0, 10)}.pdf`,
      `${dossier.reference}-id-card-${NOW.toISOString().slice(0, 10)}.pdf`,
    ])
    const stored = await db.piece.findMany({
      where: { dossierId: dossier.id },
      select: { file: { select: { content: { select: { bytes: true } } } } },
    })
    expect(entries.map((entry) => entry.bytes.length).sort()).toEqual(
      stored.map((piece) => piece.file.content!.bytes.length).sort(),
    )
    expect(await exportEvents(dossier.id)).toEqual([
      { action: 'PIECES_EXPORTED', actorId: reviewer.id, details: { files: 2 } },
    ])
  })

  it('never starts from a link (GET) nor from another site, and records nothing then', async () => {
    const dossier = await createDossier()
    await signInAs('GESTIONNAIRE')
    const link = await call(piecesZip, 'pieces.zip', dossier.id, 'GET', OTHER_SITE)
    expect(link.status).toBe(405)
    const ownLink = await call(piecesZip, 'pieces.zip', dossier.id, 'GET', {
      'Sec-Fetch-Site': 'same-origin',
    })
    expect(ownLink.status).toBe(405)
    const form = await call(piecesZip, 'pieces.zip', dossier.id, 'POST', OTHER_SITE)
    expect(form.status).toBe(403)
    expect(form.headers.get('content-type')).not.toBe('application/zip')
    expect(await exportEvents(dossier.id)).toEqual([])
  })
})

describe('the RGPD export of everything held about the applicant', () => {
  it('writes no history from a cross-site GET or POST, and one event from our own page', async () => {
    const dossier = await createDossier()
    const admin = await signInAs('ADMIN')
    const link = await call(personalData, 'donnees.zip', dossier.id, 'GET', OTHER_SITE)
    expect(link.status).toBe(405)
    const form = await call(personalData, 'donnees.zip', dossier.id, 'POST', OTHER_SITE)
    expect(form.status).toBe(403)
    expect(await exportEvents(dossier.id)).toEqual([])

    const response = await call(personalData, 'donnees.zip', dossier.id, 'POST', OUR_PAGE)
    expect(response.status).toBe(200)
    expect(readZip(Buffer.from(await response.arrayBuffer())).map((entry) => entry.name)).toContain(
      'dossier.json',
    )
    expect(await exportEvents(dossier.id)).toEqual([
      { action: 'PERSONAL_DATA_EXPORTED', actorId: admin.id, details: expect.anything() },
    ])
  })
})

describe('a PDF that carries JavaScript', () => {
  it('is kept as sent, and its piece card tells the reviewer', async () => {
    await fillDraft(registration)
    await uploadPieces(
      uploadRoute,
      DEFAULT_PIECES.map((piece) =>
        piece.pieceTypeCode === 'CV' ? { ...piece, file: 'cv-javascript.pdf' } : piece,
      ),
    )
    await expectRedirect(() => registration.submitRegistrationAction({ consent: true, certify: true }))
    const { id } = await db.dossier.findFirstOrThrow({ select: { id: true } })
    await signInAs('LECTURE')
    const dossier = await getStaffDossier({ actor: await currentStaff(), dossierId: id })
    if (!dossier || dossier.anonymised) throw new Error('No dossier to review')
    const flagged = dossier.pieces.filter((piece) => piece.activeContent.length > 0)
    expect(flagged.map((piece) => [piece.pieceTypeCode, piece.activeContent])).toEqual([
      ['CV', ['JAVASCRIPT']],
    ])
    expect(pdfActiveContentNotice(flagged[0]!.activeContent)).toBe(
      'Ce PDF contient du JavaScript : l’aperçu ne l’exécute pas, mais ne l’ouvrez pas dans un autre lecteur.',
    )
  })
})

describe('who may take every piece at once, and each piece alone', () => {
  const ZIP_STATUS: Record<Identity, number> = {
    anonymous: 401,
    applicant: 401,
    LECTURE: 403,
    GESTIONNAIRE: 200,
    ADMIN: 200,
  }
  for (const identity of IDENTITIES) {
    it(`${ZIP_STATUS[identity] === 200 ? 'gives' : 'refuses'} ${identity} the ZIP; one piece to staff only`, async () => {
      const dossier = await createDossier()
      await becomeIdentity(identity, { applicantToken: dossier.token })
      const zip = await call(piecesZip, 'pieces.zip', dossier.id, 'POST', OUR_PAGE)
      expect(zip.status).toBe(ZIP_STATUS[identity])
      const events = await exportEvents(dossier.id)
      expect(events).toHaveLength(ZIP_STATUS[identity] === 200 ? 1 : 0)
      if (ZIP_STATUS[identity] === 200)
        expect(readZip(Buffer.from(await zip.arrayBuffer())).length).toBeGreaterThan(0)

      const piece = await db.piece.findFirstOrThrow({
        where: { dossierId: dossier.id },
        select: { id: true },
      })
      const one = await pieceRoute.GET(
        new Request(`${SITE}/admin/dossiers/${dossier.id}/pieces/${piece.id}?apercu=1`, {
          headers: { 'Sec-Fetch-Site': 'same-origin' },
        }),
        { params: Promise.resolve({ id: dossier.id, pieceId: piece.id }) },
      )
      const isStaff = identity !== 'anonymous' && identity !== 'applicant'
      expect(one.status).toBe(isStaff ? 200 : 401)
      if (isStaff) expect(one.headers.get('content-security-policy')).toMatch(/^sandbox;/)
      // Each read of a piece's content is in the audit trail (who, which piece), refused ones not.
      const reads = await db.auditEvent.findMany({
        where: { dossierId: dossier.id, action: 'PIECE_READ' },
        select: { pieceId: true, actorType: true, actorId: true, details: true },
      })
      expect(reads).toEqual(
        isStaff
          ? [
              {
                pieceId: piece.id,
                actorType: 'STAFF',
                actorId: expect.any(String),
                details: { disposition: 'preview' },
              },
            ]
          : [],
      )
    })
  }

  it('refuses a piece embedded or linked from another site', async () => {
    const dossier = await createDossier()
    await signInAs('GESTIONNAIRE')
    const piece = await db.piece.findFirstOrThrow({ where: { dossierId: dossier.id }, select: { id: true } })
    const embedded = await pieceRoute.GET(
      new Request(`${SITE}/admin/dossiers/${dossier.id}/pieces/${piece.id}`, {
        headers: { 'Sec-Fetch-Site': 'cross-site' },
      }),
      { params: Promise.resolve({ id: dossier.id, pieceId: piece.id }) },
    )
    expect(embedded.status).toBe(403)
    expect(embedded.headers.get('content-type')).toBe('text/plain; charset=utf-8')
  })
})
