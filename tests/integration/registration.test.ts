import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { draftLastDay } from '@/lib/domain/registration'
import { formatDate } from '@/lib/format'
import { getDb } from '@/lib/server/db'
import { seed } from '@/prisma/seed'
import { lastLink, openLink } from '../support/links'
import { browser, expectRedirect } from '../support/next-request'
import {
  answers,
  DEFAULT_PIECES,
  fillDraft,
  fixture,
  NOW,
  postPiece,
  uploadPieces,
} from '../support/registration'
import { resetDatabase } from '../support/test-database'

const actions = await import('@/app/(public)/inscription/actions')
const uploadRoute = await import('@/app/api/inscription/pieces/route')
const db = getDb()

async function counts() {
  const [dossiers, pieces, events, files, emails] = await Promise.all([
    db.dossier.count(),
    db.piece.count(),
    db.auditEvent.count(),
    db.storedFile.count(),
    db.outboxEmail.count({ where: { kind: 'DOSSIER_SUBMITTED' } }),
  ])
  return { dossiers, pieces, events, files, emails }
}

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

describe('a complete registration', () => {
  it('is stored with its UEs, pieces, first audit event and confirmation e-mail, under a readable reference', async () => {
    await fillDraft(actions)
    await uploadPieces(uploadRoute)
    const target = await expectRedirect(() =>
      actions.submitRegistrationAction({ consent: true, certify: true }),
    )
    expect(target).toBe('/dossier/confirmation')

    const dossier = await db.dossier.findFirstOrThrow({
      include: { ues: { include: { ue: true } }, pieces: true, events: true },
    })
    expect(dossier.reference).toMatch(/^CPN42-2026-00001$/)
    expect(dossier.status).toBe('SUBMITTED')
    expect(dossier.birthName).toBe('Payet')
    expect(dossier.email).toBe('marie-claire.hoarau@example.re')
    expect(dossier.phone).toBe('+262692123456')
    // 18 € + 100 € + (6 + 4) ECTS × 55 €.
    expect(dossier.totalCents).toBe(1800 + 10000 + 10 * 5500)
    expect(dossier.ues.map((ue) => [ue.ue.code, ue.semester]).sort()).toEqual([
      ['PSY001', 2],
      ['TET099', 2],
    ])
    expect(dossier.pieces.map((piece) => piece.pieceTypeCode).sort()).toEqual(
      DEFAULT_PIECES.map((piece) => piece.pieceTypeCode).sort(),
    )
    expect(dossier.events).toEqual([
      expect.objectContaining({ action: 'SUBMIT', actorType: 'APPLICANT', toStatus: 'SUBMITTED' }),
    ])
    expect(dossier.privacyNoticeVersion).toBeTruthy()
    expect(
      await db.outboxEmail.findFirst({ where: { kind: 'DOSSIER_SUBMITTED', dossierId: dossier.id } }),
    ).toMatchObject({
      toAddress: 'marie-claire.hoarau@example.re',
      status: 'PENDING',
    })
    // The browser now holds the dossier's link, no more the draft's.
    expect(browser.cookie('cnam_dossier')).toBeTruthy()
    expect(browser.cookie('cnam_inscription')).toBeUndefined()
  })

  it('strips the GPS position from the ID photo before storing it', async () => {
    await fillDraft(actions)
    await uploadPieces(uploadRoute, [{ pieceTypeCode: 'ID_PHOTO', file: 'photo-identite-gps.jpg' }])
    const stored = await db.storedFileContent.findFirstOrThrow()
    const sharp = (await import('sharp')).default
    expect((await sharp(fixture('photo-identite-gps.jpg')).metadata()).exif).toBeDefined()
    expect((await sharp(stored.bytes).metadata()).exif).toBeUndefined()
  })
})

describe('an incomplete or invalid registration', () => {
  it('is refused with every missing piece named, and stores nothing', async () => {
    await fillDraft(actions)
    await uploadPieces(
      uploadRoute,
      DEFAULT_PIECES.filter((piece) => !['ID_CARD', 'PAYMENT'].includes(piece.pieceTypeCode)),
    )
    const before = await counts()
    const result = await actions.submitRegistrationAction({ consent: true, certify: true })
    expect(result.ok).toBe(false)
    expect(result.issues).toEqual(
      expect.arrayContaining([
        { step: 'pieces', message: "Pièce manquante : Photocopie de la carte d'identité." },
        { step: 'pieces', message: expect.stringContaining('Titre de paiement') },
      ]),
    )
    expect(await counts()).toEqual(before)
    expect(before.dossiers).toBe(0)
  })

  it('is refused without consent, and the message says why', async () => {
    await fillDraft(actions)
    await uploadPieces(uploadRoute)
    const result = await actions.submitRegistrationAction({ consent: false, certify: true })
    expect(result.fieldErrors.consent).toMatch(/Acceptez le traitement/)
    expect(await db.dossier.count()).toBe(0)
  })

  it('refuses a job-seeker certificate older than 15 days on the day of submission', async () => {
    await fillDraft(
      actions,
      answers({
        situation: {
          category: 'JOB_SEEKER',
          employmentStatus: 'JOB_SEEKER',
          jobSeekerId: '1234567A',
          employer: null,
        },
      }),
    )
    const pieces = DEFAULT_PIECES.filter((piece) => piece.pieceTypeCode !== 'PAY_SLIP')
    await uploadPieces(uploadRoute, [
      ...pieces,
      { pieceTypeCode: 'JOB_SEEKER_CERTIFICATE', file: 'cv.pdf', documentDate: '10/11/2026' },
    ])
    const result = await actions.submitRegistrationAction({ consent: true, certify: true })
    expect(result.ok).toBe(false)
    expect(result.issues).toContainEqual({
      step: 'pieces',
      message: expect.stringContaining('moins de 15 jours'),
    })
    expect(await db.dossier.count()).toBe(0)
  })

  it('accepts the same certificate dated 15 days before submission', async () => {
    await fillDraft(
      actions,
      answers({
        situation: {
          category: 'JOB_SEEKER',
          employmentStatus: 'JOB_SEEKER',
          jobSeekerId: '1234567A',
          employer: null,
        },
      }),
    )
    const pieces = DEFAULT_PIECES.filter((piece) => piece.pieceTypeCode !== 'PAY_SLIP')
    await uploadPieces(uploadRoute, [
      ...pieces,
      { pieceTypeCode: 'JOB_SEEKER_CERTIFICATE', file: 'cv.pdf', documentDate: '11/11/2026' },
    ])
    expect(
      await expectRedirect(() => actions.submitRegistrationAction({ consent: true, certify: true })),
    ).toBe('/dossier/confirmation')
    // 18 € + 100 € + 10 ECTS × 5 €.
    expect((await db.dossier.findFirstOrThrow()).totalCents).toBe(1800 + 10000 + 10 * 500)
  })
})

describe('the steps', () => {
  it('refuse a UE of a semester whose deadline has passed, saying when it closed', async () => {
    await fillDraft(actions)
    const result = await actions.saveStepAction('ue', { ues: { AST002: { selected: true } } })
    expect(result).toEqual({
      ok: false,
      formError: null,
      fieldErrors: {
        'ues.AST002': 'AST002 : Inscriptions au 1er semestre closes depuis le 30 octobre 2026.',
      },
    })
  })

  it('refuse AST005 without AST004, and accept it once AST004 is declared obtained here (no other centre’s proof then)', async () => {
    await fillDraft(actions)
    const refused = await actions.saveStepAction('ue', { ues: { AST005: { selected: true } } })
    expect(refused.ok).toBe(false)
    expect(!refused.ok && refused.fieldErrors['ues.AST005']).toMatch(/AST005 demande d’avoir AST004/)
    expect(
      (
        await actions.saveStepAction('acquis', {
          obtained: { AST004: { selected: true, place: 'REUNION', year: '2025' } },
        })
      ).ok,
    ).toBe(true)
    expect((await actions.saveStepAction('ue', { ues: { AST005: { selected: true } } })).ok).toBe(true)
    await uploadPieces(uploadRoute)
    // Obtained at this centre: its results are here, no success certificate is asked (issue 10, item 9).
    expect(
      await expectRedirect(() => actions.submitRegistrationAction({ consent: true, certify: true })),
    ).toMatch(/confirmation/)
    expect(await db.dossier.count()).toBe(1)
  })

  it('check the social security number key and the e-mail confirmation on the server', async () => {
    await fillDraft(actions)
    const identity = answers().identite
    const badKey = await actions.saveStepAction('identite', {
      ...identity,
      nir: `${String(identity.nir).slice(0, 13)}00`,
    })
    expect(!badKey.ok && badKey.fieldErrors.nir).toMatch(/clé/)
    const contact = answers().coordonnees
    const mismatch = await actions.saveStepAction('coordonnees', {
      ...contact,
      emailConfirmation: 'autre@example.re',
    })
    expect(!mismatch.ok && mismatch.fieldErrors.emailConfirmation).toBe(
      'Les deux adresses e-mail ne sont pas identiques.',
    )
  })

  it('send the resume link by e-mail when the address is given, and the link resumes the draft in another browser', async () => {
    await fillDraft(actions)
    const link = await lastLink('RESUME_LINK')
    const draftCookie = browser.cookie('cnam_inscription')
    // The same last day as the resume page prints (draftLastDay), in La Réunion's calendar.
    const email = await db.outboxEmail.findFirstOrThrow({ where: { kind: 'RESUME_LINK' } })
    const draft = await db.draft.findFirstOrThrow({ select: { expiresAt: true } })
    expect(email.text).toContain(`conservé jusqu’au ${formatDate(draftLastDay(draft.expiresAt))} ;`)
    browser.reset()
    const opened = await openLink(link)
    expect(opened).toEqual({ location: '/inscription/pieces', refused: false })
    // The other browser holds a session of its own, neither the link's token nor the first cookie.
    const cookie = browser.cookie('cnam_inscription')
    expect(cookie).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect([link.token, draftCookie]).not.toContain(cookie)
  })
})

describe('uploads', () => {
  const HOSTILE = [
    ['cv.exe.pdf', 'TYPE'],
    ['page.html.png', 'TYPE'],
    ['vide.png', 'EMPTY'],
  ] as const

  for (const [file] of HOSTILE) {
    it(`refuse ${file} by its content, name the file, and store nothing`, async () => {
      await fillDraft(actions)
      const before = await counts()
      const result = await postPiece(uploadRoute, {
        pieceTypeCode: 'CV',
        bytes: fixture(file),
        fileName: file,
      })
      expect(result.status).toBe(422)
      // French quotes are followed by a no-break space.
      expect(result.body.message?.replace(/[\u00a0\u202f]/g, ' ')).toContain(`« ${file} »`)
      expect(await counts()).toEqual(before)
    })
  }

  it('refuse a file over 10 MB without storing it', async () => {
    await fillDraft(actions)
    const before = await counts()
    const big = new Uint8Array(10 * 1024 * 1024 + 128 * 1024)
    big.set(fixture('cv.pdf'))
    const result = await postPiece(uploadRoute, { pieceTypeCode: 'CV', bytes: big, fileName: 'gros.pdf' })
    expect(result.status).toBe(413)
    expect(result.body.message).toMatch(/10\sMo/)
    expect(await counts()).toEqual(before)
  })

  it('refuse an upload without a registration in progress', async () => {
    const result = await postPiece(uploadRoute, {
      pieceTypeCode: 'CV',
      bytes: fixture('cv.pdf'),
      fileName: 'cv.pdf',
    })
    expect(result.status).toBe(401)
    expect(await db.storedFile.count()).toBe(0)
  })

  it('can be removed before submission, with their bytes', async () => {
    await fillDraft(actions)
    const result = await postPiece(uploadRoute, {
      pieceTypeCode: 'CV',
      bytes: fixture('cv.pdf'),
      fileName: 'cv.pdf',
    })
    expect(await db.storedFileContent.count()).toBe(1)
    expect(await actions.removeDraftPieceAction(result.body.pieceId!)).toEqual({ ok: true })
    expect(await db.storedFileContent.count()).toBe(0)
    expect(await db.draftPiece.count()).toBe(0)
  })
})

describe('submission', () => {
  it('makes one dossier out of two concurrent submissions of the same draft', async () => {
    await fillDraft(actions)
    await uploadPieces(uploadRoute)
    const results = await Promise.allSettled([
      actions.submitRegistrationAction({ consent: true, certify: true }),
      actions.submitRegistrationAction({ consent: true, certify: true }),
    ])
    expect(
      results.map(
        (result) =>
          result.status === 'rejected' &&
          (result.reason as { digest?: string }).digest?.startsWith('NEXT_REDIRECT'),
      ),
    ).toEqual([true, true])
    expect(await db.dossier.count()).toBe(1)
    expect(await db.outboxEmail.count({ where: { kind: 'DOSSIER_SUBMITTED' } })).toBe(1)
  })

  it('gives each dossier its own reference', async () => {
    for (const ip of ['203.0.113.20', '203.0.113.21']) {
      browser.reset({ ip })
      await fillDraft(actions)
      await uploadPieces(uploadRoute)
      await expectRedirect(() => actions.submitRegistrationAction({ consent: true, certify: true }))
    }
    expect(
      (await db.dossier.findMany({ orderBy: { reference: 'asc' } })).map((dossier) => dossier.reference),
    ).toEqual(['CPN42-2026-00001', 'CPN42-2026-00002'])
  })
})
