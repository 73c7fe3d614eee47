import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { getStaffDossier } from '@/lib/server/admin/review/get-staff-dossier'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { seed } from '@/prisma/seed'
import { createDossier } from '../support/dossiers'
import { browser } from '../support/next-request'
import { fixture, NOW, postPiece } from '../support/registration'
import {
  becomeIdentity,
  contentFingerprint,
  createStaff,
  IDENTITIES,
  signInBrowserAs,
  type Identity,
} from '../support/staff'
import { resetDatabase } from '../support/test-database'

const review = await import('@/app/(admin)/admin/dossiers/[id]/actions')
const dossierPieces = await import('@/app/api/dossier/pieces/route')
const db = getDb()

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

async function asReviewer() {
  const reviewer = await createStaff('GESTIONNAIRE')
  await signInBrowserAs(reviewer.id)
  return reviewer
}

async function version(id: string) {
  return (await db.dossier.findUniqueOrThrow({ where: { id }, select: { version: true } })).version
}

describe('reviewing a dossier', () => {
  it('goes from a rejected piece to a request, a re-upload by the applicant, back to review, complete and accepted', async () => {
    const reviewer = await asReviewer()
    const dossier = await createDossier()
    const pieces = await db.piece.findMany({
      where: { dossierId: dossier.id },
      orderBy: { pieceTypeCode: 'asc' },
    })
    const idCard = pieces.find((piece) => piece.pieceTypeCode === 'ID_CARD')!

    expect(
      await review.decidePieceAction({
        dossierId: dossier.id,
        pieceId: idCard.id,
        decision: 'REJECTED',
        reason: 'Document illisible',
        seenStatus: 'PENDING',
      }),
    ).toEqual({ ok: true })
    // Deciding a piece starts the review.
    expect((await db.dossier.findUniqueOrThrow({ where: { id: dossier.id } })).status).toBe('UNDER_REVIEW')

    expect(
      await review.requestPiecesAction({
        dossierId: dossier.id,
        pieceTypeCodes: ['ID_CARD'],
        message: 'La copie de votre carte d’identité est illisible : envoyez un scan net, recto et verso.',
        expectedVersion: await version(dossier.id),
      }),
    ).toEqual({ ok: true })
    const afterRequest = await db.dossier.findUniqueOrThrow({
      where: { id: dossier.id },
      include: { messages: true },
    })
    expect(afterRequest.status).toBe('INCOMPLETE')
    expect(afterRequest.messages).toEqual([
      expect.objectContaining({ requestedPieceCodes: ['ID_CARD'], authorId: reviewer.id }),
    ])
    expect(
      await db.outboxEmail.findFirst({ where: { kind: 'PIECES_REQUESTED', dossierId: dossier.id } }),
    ).toMatchObject({ toAddress: expect.stringContaining('@example.re') })

    // The applicant, from their link, sends the piece again the next day.
    vi.setSystemTime(new Date(NOW.getTime() + 86_400_000))
    browser.reset()
    browser.setCookie('cnam_dossier', dossier.token)
    const upload = await postPiece(dossierPieces, {
      pieceTypeCode: 'ID_CARD',
      bytes: fixture('scan-releve.png'),
      fileName: 'carte.png',
      url: 'http://localhost:3000/api/dossier/pieces',
    })
    expect(upload).toEqual({ status: 201, body: { backToReview: true } })
    const afterUpload = await db.dossier.findUniqueOrThrow({
      where: { id: dossier.id },
      include: { pieces: true },
    })
    expect(afterUpload.status).toBe('UNDER_REVIEW')
    expect(
      afterUpload.pieces
        .filter((piece) => piece.pieceTypeCode === 'ID_CARD')
        .map((piece) => piece.status)
        .sort(),
    ).toEqual(['PENDING', 'SUPERSEDED'])

    // Back to the reviewer: every piece conforms, the dossier is complete, then accepted.
    await signInBrowserAs(reviewer.id)
    const current = await db.piece.findMany({ where: { dossierId: dossier.id, status: 'PENDING' } })
    for (const piece of current) {
      expect(
        await review.decidePieceAction({
          dossierId: dossier.id,
          pieceId: piece.id,
          decision: 'ACCEPTED',
          reason: '',
          seenStatus: 'PENDING',
        }),
      ).toEqual({ ok: true })
    }
    expect(
      await review.transitionAction({
        dossierId: dossier.id,
        name: 'MARK_COMPLETE',
        reason: '',
        expectedVersion: await version(dossier.id),
      }),
    ).toEqual({ ok: true })
    expect(
      await review.recordPaymentAction({
        dossierId: dossier.id,
        kind: 'CHEQUE',
        amount: '118',
        receivedOn: '20/11/2026',
        reference: '1234567',
      }),
    ).toEqual({ ok: true })
    expect(
      await review.transitionAction({
        dossierId: dossier.id,
        name: 'ACCEPT',
        reason: '',
        expectedVersion: await version(dossier.id),
      }),
    ).toEqual({ ok: true })
    const final = await db.dossier.findUniqueOrThrow({
      where: { id: dossier.id },
      include: { events: { orderBy: { createdAt: 'asc' } } },
    })
    expect(final.status).toBe('ACCEPTED')
    expect(final.events.map((event) => event.action)).toEqual(
      expect.arrayContaining([
        'SUBMIT',
        'START_REVIEW',
        'PIECE_REJECTED',
        'REQUEST_PIECES',
        'PIECE_UPLOADED',
        'PIECES_RESUBMITTED',
        'PIECE_ACCEPTED',
        'MARK_COMPLETE',
        'ACCEPT',
      ]),
    )
    expect(final.events.filter((event) => event.action === 'REQUEST_PIECES')[0]).toMatchObject({
      fromStatus: 'UNDER_REVIEW',
      toStatus: 'INCOMPLETE',
      actorId: reviewer.id,
    })
    expect(await db.outboxEmail.count({ where: { kind: 'DOSSIER_DECISION', dossierId: dossier.id } })).toBe(1)
  })

  it('stores a message to the applicant without the NUL characters PostgreSQL refuses', async () => {
    await asReviewer()
    const dossier = await createDossier({ status: 'UNDER_REVIEW' })
    expect(
      await review.sendMessageAction({ dossierId: dossier.id, body: 'Merci de rappeler\u0000 le centre.' }),
    ).toEqual({ ok: true })
    const messages = await db.dossierMessage.findMany({ where: { dossierId: dossier.id } })
    expect(messages.map((message) => message.body)).toEqual(['Merci de rappeler le centre.'])
  })

  it('refuses a refusal without reason, and writes nothing', async () => {
    await asReviewer()
    const dossier = await createDossier({ status: 'UNDER_REVIEW' })
    const before = await contentFingerprint()
    const result = await review.transitionAction({
      dossierId: dossier.id,
      name: 'REFUSE',
      reason: '   ',
      expectedVersion: await version(dossier.id),
    })
    expect(result).toEqual({
      ok: false,
      message: 'Indiquez le motif : « Refuser » demande une explication.',
      fieldErrors: { reason: 'Indiquez le motif : « Refuser » demande une explication.' },
    })
    expect(await contentFingerprint()).toBe(before)
    expect(
      await review.transitionAction({
        dossierId: dossier.id,
        name: 'REFUSE',
        reason: 'Prérequis non remplis',
        expectedVersion: await version(dossier.id),
      }),
    ).toEqual({ ok: true })
  })

  it('refuses to declare complete while a piece is not conforming', async () => {
    await asReviewer()
    const dossier = await createDossier({ status: 'UNDER_REVIEW' })
    const result = await review.transitionAction({
      dossierId: dossier.id,
      name: 'MARK_COMPLETE',
      reason: '',
      expectedVersion: await version(dossier.id),
    })
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toMatch(/Toutes les pièces demandées doivent être conformes/)
  })

  it('refuses an invalid transition with a message', async () => {
    await asReviewer()
    const dossier = await createDossier({ status: 'SUBMITTED' })
    const result = await review.transitionAction({
      dossierId: dossier.id,
      name: 'ACCEPT',
      reason: '',
      expectedVersion: await version(dossier.id),
    })
    expect(result).toMatchObject({
      ok: false,
      message: '« Accepter (inscrire) » est impossible pour un dossier au statut « Déposé ».',
    })
  })
})

/** The dossier as the staff page reads it, for a reviewer. */
async function staffView(dossierId: string) {
  const staff = await createStaff('GESTIONNAIRE')
  const actor: StaffActor = {
    userId: staff.id,
    sessionId: 'test',
    email: staff.email,
    name: staff.name,
    role: 'GESTIONNAIRE',
    totpEnabled: false,
  }
  const view = await getStaffDossier({ actor, dossierId })
  if (!view || view.anonymised) throw new Error('no staff view')
  return view
}

/** A complete dossier whose pieces all conform: ready to be accepted. */
async function completeDossier() {
  const dossier = await createDossier({ status: 'COMPLETE' })
  await db.piece.updateMany({ where: { dossierId: dossier.id }, data: { status: 'ACCEPTED' } })
  return dossier
}

const PAYMENT = { kind: 'CHEQUE', amount: '118', receivedOn: '20/11/2026', reference: '1234567' } as const

describe('accepting a dossier with no payment recorded', () => {
  it('asks for confirmation first, and writes nothing until it is given', async () => {
    await asReviewer()
    const dossier = await completeDossier()
    const before = await contentFingerprint()
    const question =
      'Aucun paiement ni prise en charge n’est enregistré pour ce dossier. L’accepter quand même ?'
    expect(
      await review.transitionAction({
        dossierId: dossier.id,
        name: 'ACCEPT',
        reason: '',
        expectedVersion: await version(dossier.id),
      }),
    ).toEqual({ ok: false, message: question, fieldErrors: { confirmWithoutPayment: question } })
    expect(await contentFingerprint()).toBe(before)
    expect((await db.dossier.findUniqueOrThrow({ where: { id: dossier.id } })).status).toBe('COMPLETE')
  })

  it('accepts once confirmed, and the history says « accepté sans paiement enregistré »', async () => {
    await asReviewer()
    const dossier = await completeDossier()
    expect(
      await review.transitionAction({
        dossierId: dossier.id,
        name: 'ACCEPT',
        reason: '',
        expectedVersion: await version(dossier.id),
        confirmWithoutPayment: true,
      }),
    ).toEqual({ ok: true })
    const accepted = await db.dossier.findUniqueOrThrow({
      where: { id: dossier.id },
      include: { events: { where: { action: 'ACCEPT' } } },
    })
    expect(accepted.status).toBe('ACCEPTED')
    expect(accepted.events.map((event) => event.details)).toEqual([{ withoutPayment: true }])
    const view = await staffView(dossier.id)
    expect(view.history.map((event) => event.label)).toContain(
      'Dossier accepté : inscription, accepté sans paiement enregistré',
    )
  })

  it('accepts without asking when a payment is recorded, and the history does not say « sans paiement »', async () => {
    await asReviewer()
    const dossier = await completeDossier()
    expect(await review.recordPaymentAction({ dossierId: dossier.id, ...PAYMENT })).toEqual({ ok: true })
    expect(
      await review.transitionAction({
        dossierId: dossier.id,
        name: 'ACCEPT',
        reason: '',
        expectedVersion: await version(dossier.id),
      }),
    ).toEqual({ ok: true })
    const event = await db.auditEvent.findFirstOrThrow({ where: { dossierId: dossier.id, action: 'ACCEPT' } })
    expect(event.details).toBeNull()
  })
})

describe('a decided dossier', () => {
  for (const status of ['ACCEPTED', 'REFUSED', 'WITHDRAWN', 'CLOSED'] as const) {
    it(`${status}: refuses a piece decision and leaves the piece as it was`, async () => {
      await asReviewer()
      const dossier = await createDossier({ status })
      const piece = await db.piece.findFirstOrThrow({ where: { dossierId: dossier.id } })
      const before = await contentFingerprint()
      const result = await review.decidePieceAction({
        dossierId: dossier.id,
        pieceId: piece.id,
        decision: 'ACCEPTED',
        reason: '',
        seenStatus: 'PENDING',
      })
      expect(result).toMatchObject({
        ok: false,
        message: expect.stringMatching(/ne peuvent plus être décidées/),
      })
      expect(await contentFingerprint()).toBe(before)
      expect((await db.piece.findUniqueOrThrow({ where: { id: piece.id } })).status).toBe('PENDING')
    })
  }

  it('WITHDRAWN: refuses a payment and a message, still takes an internal note', async () => {
    await asReviewer()
    const dossier = await createDossier({ status: 'WITHDRAWN' })
    const before = await contentFingerprint()
    expect(await review.recordPaymentAction({ dossierId: dossier.id, ...PAYMENT })).toMatchObject({
      ok: false,
      message:
        'Ce dossier est au statut « Retiré par le candidat » : aucun paiement ne peut plus y être enregistré.',
    })
    expect(await review.sendMessageAction({ dossierId: dossier.id, body: 'Bonjour' })).toMatchObject({
      ok: false,
    })
    expect(await contentFingerprint()).toBe(before)
    expect(await db.outboxEmail.count({ where: { dossierId: dossier.id } })).toBe(0)
    expect(await review.addNoteAction({ dossierId: dossier.id, body: 'Appel du candidat' })).toEqual({
      ok: true,
    })
    expect(
      (await db.dossierNote.findMany({ where: { dossierId: dossier.id } })).map((note) => note.body),
    ).toEqual(['Appel du candidat'])
  })

  it('ACCEPTED: still records a payment that comes in after the decision', async () => {
    await asReviewer()
    const dossier = await createDossier({ status: 'ACCEPTED' })
    expect(await review.recordPaymentAction({ dossierId: dossier.id, ...PAYMENT })).toEqual({ ok: true })
    expect(await db.paymentRecord.count({ where: { dossierId: dossier.id } })).toBe(1)
  })
})

describe('the history', () => {
  it('names the piece and the file of each decision', async () => {
    await asReviewer()
    const dossier = await createDossier({ status: 'UNDER_REVIEW' })
    const piece = await db.piece.findFirstOrThrow({
      where: { dossierId: dossier.id, pieceTypeCode: 'ID_CARD' },
      include: { file: true },
    })
    expect(
      await review.decidePieceAction({
        dossierId: dossier.id,
        pieceId: piece.id,
        decision: 'ACCEPTED',
        reason: '',
        seenStatus: 'PENDING',
      }),
    ).toEqual({ ok: true })
    const view = await staffView(dossier.id)
    const label = view.history.find((event) => event.action === 'PIECE_ACCEPTED')?.label
    expect(label).toMatch(/^Pièce conforme : .+, « .+ »$/)
    expect(label).toContain(`« ${piece.file.originalName} »`)
  })
})

describe('concurrent decisions', () => {
  it('refuse the second of two decisions made from the same page, and say so', async () => {
    await asReviewer()
    const dossier = await createDossier({ status: 'UNDER_REVIEW' })
    const seen = await version(dossier.id)
    const results = await Promise.all([
      review.transitionAction({
        dossierId: dossier.id,
        name: 'REFUSE',
        reason: 'Motif A',
        expectedVersion: seen,
      }),
      review.transitionAction({
        dossierId: dossier.id,
        name: 'CLOSE',
        reason: 'Motif B',
        expectedVersion: seen,
      }),
    ])
    expect(results.filter((result) => result.ok)).toHaveLength(1)
    expect(results.find((result) => !result.ok)).toMatchObject({
      message: expect.stringContaining('modifié par quelqu’un d’autre'),
    })
    expect(
      await db.auditEvent.count({ where: { dossierId: dossier.id, action: { in: ['REFUSE', 'CLOSE'] } } }),
    ).toBe(1)
  })

  it('answer a repeated status change (double click, retry after a lost answer) as done, and make it once', async () => {
    await asReviewer()
    const dossier = await createDossier({ status: 'UNDER_REVIEW' })
    const seen = await version(dossier.id)
    const refuse = () =>
      review.transitionAction({
        dossierId: dossier.id,
        name: 'REFUSE',
        reason: 'Prérequis non remplis',
        expectedVersion: seen,
      })
    expect(await Promise.all([refuse(), refuse()])).toEqual([{ ok: true }, { ok: true }])
    expect(await refuse()).toEqual({ ok: true })
    expect((await db.dossier.findUniqueOrThrow({ where: { id: dossier.id } })).status).toBe('REFUSED')
    expect(await db.auditEvent.count({ where: { dossierId: dossier.id, action: 'REFUSE' } })).toBe(1)
    expect(await db.outboxEmail.count({ where: { kind: 'DOSSIER_DECISION', dossierId: dossier.id } })).toBe(1)
  })

  it('still refuse the same change from a stale page when another reviewer made it', async () => {
    const first = await asReviewer()
    const dossier = await createDossier({ status: 'UNDER_REVIEW' })
    const seen = await version(dossier.id)
    const request = {
      dossierId: dossier.id,
      name: 'REFUSE' as const,
      reason: 'Prérequis non remplis',
      expectedVersion: seen,
    }
    expect(await review.transitionAction(request)).toEqual({ ok: true })
    await asReviewer()
    expect(await review.transitionAction(request)).toMatchObject({
      ok: false,
      message: expect.stringContaining('modifié par quelqu’un d’autre'),
    })
    // Nor is a different reason from the same reviewer a repeat.
    await signInBrowserAs(first.id)
    expect(await review.transitionAction({ ...request, reason: 'Dossier hors délai' })).toMatchObject({
      ok: false,
      message: expect.stringContaining('modifié par quelqu’un d’autre'),
    })
    expect(await db.auditEvent.count({ where: { dossierId: dossier.id, action: 'REFUSE' } })).toBe(1)
  })

  it('keep both decisions on two different pieces, and refuse a second decision on the same piece', async () => {
    await asReviewer()
    const dossier = await createDossier({ status: 'UNDER_REVIEW' })
    const [first, second] = await db.piece.findMany({ where: { dossierId: dossier.id }, take: 2 })
    const both = await Promise.all([
      review.decidePieceAction({
        dossierId: dossier.id,
        pieceId: first!.id,
        decision: 'ACCEPTED',
        reason: '',
        seenStatus: 'PENDING',
      }),
      review.decidePieceAction({
        dossierId: dossier.id,
        pieceId: second!.id,
        decision: 'REJECTED',
        reason: 'Illisible',
        seenStatus: 'PENDING',
      }),
    ])
    expect(both).toEqual([{ ok: true }, { ok: true }])
    const again = await review.decidePieceAction({
      dossierId: dossier.id,
      pieceId: first!.id,
      decision: 'REJECTED',
      reason: 'Autre avis',
      seenStatus: 'PENDING',
    })
    expect(again).toMatchObject({ ok: false, message: expect.stringContaining('décidée entre-temps') })
    expect((await db.piece.findUniqueOrThrow({ where: { id: first!.id } })).status).toBe('ACCEPTED')
  })
})

describe('access to the review actions', () => {
  const dossierRow = (id: string) => db.dossier.findUniqueOrThrow({ where: { id } })
  // Each action with the effect an allowed call must have (so that one answering ok and doing
  // nothing fails).
  const ACTIONS: Array<
    [
      string,
      (dossierId: string, pieceId: string, expectedVersion: number) => Promise<{ ok: boolean }>,
      (dossierId: string, pieceId: string) => Promise<void>,
    ]
  > = [
    [
      'decidePiece',
      (dossierId, pieceId) =>
        review.decidePieceAction({
          dossierId,
          pieceId,
          decision: 'ACCEPTED',
          reason: '',
          seenStatus: 'PENDING',
        }),
      async (_dossierId, pieceId) =>
        expect((await db.piece.findUniqueOrThrow({ where: { id: pieceId } })).status).toBe('ACCEPTED'),
    ],
    [
      'transition',
      (dossierId, _pieceId, expectedVersion) =>
        review.transitionAction({ dossierId, name: 'CLOSE', reason: 'Test', expectedVersion }),
      async (dossierId) => expect((await dossierRow(dossierId)).status).toBe('CLOSED'),
    ],
    [
      'requestPieces',
      (dossierId, _pieceId, expectedVersion) =>
        review.requestPiecesAction({ dossierId, pieceTypeCodes: ['CV'], message: 'Merci', expectedVersion }),
      async (dossierId) =>
        expect(
          await db.dossierMessage.findMany({ where: { dossierId }, select: { requestedPieceCodes: true } }),
        ).toEqual([{ requestedPieceCodes: ['CV'] }]),
    ],
    [
      'sendMessage',
      (dossierId) => review.sendMessageAction({ dossierId, body: 'Bonjour' }),
      async (dossierId) =>
        expect(await db.dossierMessage.findMany({ where: { dossierId }, select: { body: true } })).toEqual([
          { body: 'Bonjour' },
        ]),
    ],
    [
      'addNote',
      (dossierId) => review.addNoteAction({ dossierId, body: 'Note' }),
      async (dossierId) =>
        expect(await db.dossierNote.findMany({ where: { dossierId }, select: { body: true } })).toEqual([
          { body: 'Note' },
        ]),
    ],
    [
      'recordPayment',
      (dossierId) =>
        review.recordPaymentAction({
          dossierId,
          kind: 'CHEQUE',
          amount: '118',
          receivedOn: '20/11/2026',
          reference: '1234567',
        }),
      async (dossierId) =>
        expect(
          await db.paymentRecord.findMany({
            where: { dossierId },
            select: { kind: true, amountCents: true },
          }),
        ).toEqual([{ kind: 'CHEQUE', amountCents: 11_800 }]),
    ],
  ]
  const ALLOWED: Identity[] = ['GESTIONNAIRE', 'ADMIN']

  for (const identity of IDENTITIES) {
    for (const [name, call, effect] of ACTIONS) {
      it(`${ALLOWED.includes(identity) ? 'lets' : 'refuses'} ${identity} ${name}`, async () => {
        const dossier = await createDossier({ status: 'UNDER_REVIEW' })
        const piece = await db.piece.findFirstOrThrow({ where: { dossierId: dossier.id } })
        await becomeIdentity(identity, { applicantToken: dossier.token })
        const before = await contentFingerprint()
        const result = await call(dossier.id, piece.id, await version(dossier.id))
        if (ALLOWED.includes(identity)) {
          expect(result).toEqual({ ok: true })
          await effect(dossier.id, piece.id)
        } else {
          expect(result).toMatchObject({ ok: false })
          expect(await contentFingerprint()).toBe(before)
        }
      })
    }
  }
})
