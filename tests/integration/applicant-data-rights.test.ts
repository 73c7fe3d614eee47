import { createHash } from 'node:crypto'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { getDb } from '@/lib/server/db'
import { hashToken } from '@/lib/server/tokens'
import { seed } from '@/prisma/seed'
import { createDossier } from '../support/dossiers'
import { browser, expectRedirect } from '../support/next-request'
import { rowsMentioning, storedFiles } from '../support/personal-data'
import { answers, fillDraft, fixture, NOW, postPiece, uploadPieces, validNir } from '../support/registration'
import {
  becomeIdentity,
  contentFingerprint,
  createStaff,
  IDENTITIES,
  signInBrowserAs,
  type Identity,
} from '../support/staff'
import { resetDatabase } from '../support/test-database'
import { readZip } from '../support/zip'

const registration = await import('@/app/(public)/inscription/actions')
const uploadRoute = await import('@/app/api/inscription/pieces/route')
const review = await import('@/app/(admin)/admin/dossiers/[id]/actions')
const exportRoute = await import('@/app/(admin)/admin/dossiers/[id]/donnees.zip/route')
const db = getDb()

const APPLICANT = {
  birthName: 'Lebon-Droits',
  usageName: 'Payet-Droits',
  firstNames: 'Gaëlle',
  nir: validNir('2840997411042'),
  email: 'gaelle.droits@example.re',
  phone: '+262692554433',
}
const CHEQUE_NUMBER = 'CHQ-445566'

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

/**
 * The applicant applies online (with a file left in the draft: a certificate uploaded as a job
 * seeker, then no longer asked for), and a reviewer works on the dossier: a rejected piece, a
 * request, a message, a note and a payment.
 */
async function applicantWithHistory(): Promise<{
  dossierId: string
  reference: string
  /** The dossier's session cookie, and the draft's (a different token). */
  token: string
  draftToken: string
}> {
  const input = answers({
    identite: {
      civility: 'MADAME',
      birthName: APPLICANT.birthName,
      usageName: APPLICANT.usageName,
      firstNames: APPLICANT.firstNames,
      birthDate: '12/09/1984',
      birthPlace: 'Saint-Paul',
      birthCountry: 'France',
      nationality: 'Française',
      nir: APPLICANT.nir,
    },
    coordonnees: {
      ...answers().coordonnees,
      phone: '0692 55 44 33',
      email: APPLICANT.email,
      emailConfirmation: APPLICANT.email,
    },
  })
  await fillDraft(registration, {
    ...input,
    situation: {
      ...input.situation,
      category: 'JOB_SEEKER',
      employmentStatus: 'JOB_SEEKER',
      jobSeekerId: '7654321B',
      employer: null,
    },
  })
  expect(
    await postPiece(uploadRoute, {
      pieceTypeCode: 'JOB_SEEKER_CERTIFICATE',
      bytes: fixture('attestation-employeur.pdf'),
      fileName: 'france-travail.pdf',
      documentDate: '20/11/2026',
    }),
  ).toMatchObject({ status: 201 })
  expect(await registration.saveStepAction('situation', input.situation)).toMatchObject({ ok: true })
  await uploadPieces(uploadRoute)
  const draftToken = browser.cookie('cnam_inscription')!
  await expectRedirect(() => registration.submitRegistrationAction({ consent: true, certify: true }))
  const token = browser.cookie('cnam_dossier')!
  const dossier = await db.dossier.findUniqueOrThrow({
    where: { accessTokenHash: hashToken(token) },
    select: { id: true, reference: true },
  })

  const reviewer = await createStaff('GESTIONNAIRE')
  browser.reset()
  await signInBrowserAs(reviewer.id)
  const idCard = await db.piece.findFirstOrThrow({
    where: { dossierId: dossier.id, pieceTypeCode: 'ID_CARD' },
  })
  const ok = { ok: true }
  expect(
    await review.decidePieceAction({
      dossierId: dossier.id,
      pieceId: idCard.id,
      decision: 'REJECTED',
      reason: 'Document illisible',
      seenStatus: 'PENDING',
    }),
  ).toEqual(ok)
  const { version } = await db.dossier.findUniqueOrThrow({
    where: { id: dossier.id },
    select: { version: true },
  })
  expect(
    await review.requestPiecesAction({
      dossierId: dossier.id,
      pieceTypeCodes: ['ID_CARD'],
      message: 'Envoyez une copie lisible de votre carte.',
      expectedVersion: version,
    }),
  ).toEqual(ok)
  expect(await review.addNoteAction({ dossierId: dossier.id, body: 'Rappeler Mme Lebon-Droits' })).toEqual(ok)
  expect(
    await review.recordPaymentAction({
      dossierId: dossier.id,
      kind: 'CHEQUE',
      amount: '118',
      receivedOn: '20/11/2026',
      reference: CHEQUE_NUMBER,
    }),
  ).toEqual(ok)
  browser.reset()
  return { dossierId: dossier.id, reference: dossier.reference, token, draftToken }
}

async function exportAs(dossierId: string): Promise<Response> {
  // Posted by the panel's button, from our own page.
  const request = new Request(`http://localhost:3000/admin/dossiers/${dossierId}/donnees.zip`, {
    method: 'POST',
    headers: { Host: 'localhost:3000', Origin: 'http://localhost:3000', 'Sec-Fetch-Site': 'same-origin' },
  })
  return exportRoute.POST(request, {
    params: Promise.resolve({ id: dossierId }),
  })
}

async function signInAs(role: 'ADMIN' | 'GESTIONNAIRE' | 'LECTURE') {
  const user = await createStaff(role)
  browser.reset()
  await signInBrowserAs(user.id)
  return user
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** Every file of the dossier's pieces and of its draft. */
async function filesOf(dossierId: string) {
  return db.storedFile.findMany({
    where: {
      OR: [{ piece: { dossierId } }, { draftPiece: { draft: { dossier: { id: dossierId } } } }],
    },
    select: { id: true, sha256: true, sizeBytes: true },
  })
}

describe('exporting everything held about an applicant', () => {
  it('gives an admin one ZIP with the dossier, every answer, history, message, note, payment, e-mail and file', async () => {
    const dossier = await applicantWithHistory()
    const admin = await signInAs('ADMIN')
    const response = await exportAs(dossier.dossierId)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/zip')
    expect(response.headers.get('content-disposition')).toBe(
      `attachment; filename="${dossier.reference}-donnees-personnelles.zip"`,
    )
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    const entries = readZip(Buffer.from(await response.arrayBuffer()))
    const names = entries.map((entry) => entry.name)
    expect(names.slice(0, 2)).toEqual(['LISEZMOI.txt', 'dossier.json'])

    const data = JSON.parse(entries.find((entry) => entry.name === 'dossier.json')!.bytes.toString('utf8'))
    expect(data.dossier).toMatchObject({
      reference: dossier.reference,
      birthName: APPLICANT.birthName,
      usageName: APPLICANT.usageName,
      firstNames: APPLICANT.firstNames,
      birthDate: '1984-09-12',
      email: APPLICANT.email,
      phone: APPLICANT.phone,
      status: 'INCOMPLETE',
    })
    expect(data.answers.identite.nir).toBe(APPLICANT.nir)
    expect(data.answers.coordonnees.addressLine1).toBe('12 rue des Flamboyants')
    expect(data.messages).toEqual([
      expect.objectContaining({
        body: 'Envoyez une copie lisible de votre carte.',
        requestedPieceCodes: ['ID_CARD'],
      }),
    ])
    expect(data.internalNotes).toEqual([expect.objectContaining({ body: 'Rappeler Mme Lebon-Droits' })])
    expect(data.payments).toEqual([
      expect.objectContaining({ kind: 'CHEQUE', amountCents: 11800, reference: CHEQUE_NUMBER }),
    ])
    expect(data.history.map((event: { action: string }) => event.action)).toEqual(
      expect.arrayContaining([
        'SUBMIT',
        'PIECE_REJECTED',
        'REQUEST_PIECES',
        'NOTE_ADDED',
        'PAYMENT_RECORDED',
      ]),
    )
    expect(data.history).toContainEqual(
      expect.objectContaining({ action: 'PIECE_REJECTED', reason: 'Document illisible' }),
    )
    // The e-mails sent: resume link, confirmation, request; private links masked.
    expect(data.emails.map((email: { kind: string }) => email.kind).sort()).toEqual([
      'DOSSIER_SUBMITTED',
      'PIECES_REQUESTED',
      'RESUME_LINK',
    ])
    const json = JSON.stringify(data)
    for (const token of [dossier.token, dossier.draftToken]) {
      expect(json).not.toContain(token)
      expect(json).not.toContain(hashToken(token))
    }
    expect(json).toMatch(/\/dossier\/acces\/[A-Za-z0-9_-]{3}•••/)
    expect(data.draft.filesNotInDossier).toEqual([
      expect.objectContaining({ pieceTypeCode: 'JOB_SEEKER_CERTIFICATE' }),
    ])

    // Every file, byte for byte, where the JSON says it is.
    const files = await filesOf(dossier.dossierId)
    expect(files).toHaveLength(9)
    const described = [
      ...data.pieces.map((piece: { file: { path: string; sha256: string } }) => piece.file),
      ...data.draft.filesNotInDossier.map((piece: { file: { path: string; sha256: string } }) => piece.file),
    ]
    expect(described.map((file) => file.sha256).sort()).toEqual(files.map((file) => file.sha256).sort())
    for (const file of described) {
      const entry = entries.find((candidate) => candidate.name === file.path)
      expect(entry, file.path).toBeDefined()
      expect(sha256(entry!.bytes)).toBe(file.sha256)
    }
    expect(entries).toHaveLength(2 + files.length)

    // Recorded in the dossier's history.
    expect(
      await db.auditEvent.findMany({
        where: { dossierId: dossier.dossierId, action: 'PERSONAL_DATA_EXPORTED' },
        select: { actorType: true, actorId: true },
      }),
    ).toEqual([{ actorType: 'STAFF', actorId: admin.id }])
  })

  it('answers 404 for a dossier that does not exist', async () => {
    await signInAs('ADMIN')
    expect((await exportAs('01234567-89ab-7def-8123-456789abcdef')).status).toBe(404)
    expect((await exportAs('pas-un-identifiant')).status).toBe(404)
  })
})

describe('erasing an applicant’s dossier on request', () => {
  it('refuses without the reference typed, and writes nothing', async () => {
    const dossier = await createDossier()
    await signInAs('ADMIN')
    const before = await contentFingerprint()
    const result = await review.eraseDossierAction({
      dossierId: dossier.id,
      confirmation: 'CPN42-2026-99999',
    })
    expect(result).toEqual({
      ok: false,
      message: `Recopiez la référence du dossier (${dossier.reference}) pour confirmer l’effacement.`,
      fieldErrors: {
        confirmation: `Recopiez la référence du dossier (${dossier.reference}) pour confirmer l’effacement.`,
      },
    })
    expect(await review.eraseDossierAction({ dossierId: dossier.id, confirmation: '  ' })).toMatchObject({
      ok: false,
      fieldErrors: { confirmation: 'Recopiez la référence du dossier pour confirmer.' },
    })
    expect(await contentFingerprint()).toBe(before)
  })

  it('leaves 0 rows and 0 bytes about the applicant, other dossiers untouched, and one audit event without personal data', async () => {
    const dossier = await applicantWithHistory()
    const other = await createDossier({ birthName: 'Autre-Candidat' })
    const otherBefore = await db.dossier.findUniqueOrThrow({
      where: { id: other.id },
      include: { pieces: { include: { file: { include: { content: true } } } }, events: true },
    })
    const files = await filesOf(dossier.dossierId)
    const secrets = [
      dossier.reference,
      dossier.dossierId,
      APPLICANT.birthName,
      APPLICANT.usageName,
      APPLICANT.nir,
      APPLICANT.email,
      APPLICANT.phone,
      CHEQUE_NUMBER,
    ]
    expect(await rowsMentioning(secrets)).not.toEqual([])
    expect((await storedFiles(files.map((file) => file.id))).bytes).toBeGreaterThan(0)

    const admin = await signInAs('ADMIN')
    const target = await expectRedirect(() =>
      review.eraseDossierAction({
        dossierId: dossier.dossierId,
        confirmation: dossier.reference.toLowerCase(),
      }),
    )
    expect(target).toBe('/admin/dossiers?efface=1')

    expect(await rowsMentioning(secrets)).toEqual([])
    expect(await storedFiles(files.map((file) => file.id))).toEqual({ files: 0, bytes: 0 })
    expect(await db.draft.count({ where: { tokenHash: hashToken(dossier.draftToken) } })).toBe(0)
    expect(await db.outboxEmail.count({ where: { toAddress: APPLICANT.email } })).toBe(0)
    const erased = await db.auditEvent.findMany({ where: { action: 'DOSSIER_ERASED' } })
    expect(erased).toEqual([
      expect.objectContaining({
        dossierId: null,
        actorType: 'STAFF',
        actorId: admin.id,
        fromStatus: 'INCOMPLETE',
        reason: null,
        details: { sessionId: expect.any(String), pieces: 8, files: 9, bytes: expect.any(Number), emails: 3 },
      }),
    ])

    // The other applicant's dossier, pieces, files and history are as they were.
    expect(
      await db.dossier.findUniqueOrThrow({
        where: { id: other.id },
        include: { pieces: { include: { file: { include: { content: true } } } }, events: true },
      }),
    ).toEqual(otherBefore)

    // Erased once: a second try finds nothing.
    expect(
      await review.eraseDossierAction({ dossierId: dossier.dossierId, confirmation: dossier.reference }),
    ).toMatchObject({ ok: false, message: 'Dossier introuvable : il a peut-être déjà été effacé.' })
  })
})

describe('who may export and erase', () => {
  const ALLOWED: Identity[] = ['ADMIN']
  const EXPORT_STATUS: Record<Identity, number> = {
    anonymous: 401,
    applicant: 401,
    LECTURE: 403,
    GESTIONNAIRE: 403,
    ADMIN: 200,
  }

  for (const identity of IDENTITIES) {
    it(`${ALLOWED.includes(identity) ? 'lets' : 'refuses'} ${identity} export the applicant's data`, async () => {
      const dossier = await createDossier()
      await becomeIdentity(identity, { applicantToken: dossier.token })
      const before = await contentFingerprint()
      const response = await exportAs(dossier.id)
      expect(response.status).toBe(EXPORT_STATUS[identity])
      if (ALLOWED.includes(identity)) {
        expect(readZip(Buffer.from(await response.arrayBuffer())).map((entry) => entry.name)).toContain(
          'dossier.json',
        )
        expect(await db.auditEvent.count({ where: { action: 'PERSONAL_DATA_EXPORTED' } })).toBe(1)
      } else {
        expect(await response.text()).not.toContain(dossier.reference)
        expect(await contentFingerprint()).toBe(before)
      }
    })

    it(`${ALLOWED.includes(identity) ? 'lets' : 'refuses'} ${identity} erase the dossier`, async () => {
      const dossier = await createDossier()
      await becomeIdentity(identity, { applicantToken: dossier.token })
      const before = await contentFingerprint()
      const erase = () =>
        review.eraseDossierAction({ dossierId: dossier.id, confirmation: dossier.reference })
      if (ALLOWED.includes(identity)) {
        expect(await expectRedirect(erase)).toBe('/admin/dossiers?efface=1')
        expect(await db.dossier.count({ where: { id: dossier.id } })).toBe(0)
      } else {
        expect(await erase()).toMatchObject({ ok: false })
        expect(await contentFingerprint()).toBe(before)
        expect(await db.dossier.count({ where: { id: dossier.id } })).toBe(1)
      }
    })
  }
})
