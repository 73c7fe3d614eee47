import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { toIsoDate } from '@/lib/domain/dates'
import { purgeDay } from '@/lib/domain/retention'
import { duplicateSession } from '@/lib/domain/session'
import { env } from '@/lib/env'
import { getStaffDossier } from '@/lib/server/admin/review/get-staff-dossier'
import { getDb } from '@/lib/server/db'
import { sessionInclude, toDomainSession } from '@/lib/server/programme/mappers'
import { purgeEndedSessions } from '@/lib/server/retention/purge-ended-sessions'
import { createSession } from '@/lib/server/sessions/create-session'
import { hashToken } from '@/lib/server/tokens'
import { seed } from '@/prisma/seed'
import { createDossier } from '../support/dossiers'
import { browser, expectRedirect } from '../support/next-request'
import { rowsMentioning, storedFiles } from '../support/personal-data'
import { answers, fillDraft, fixture, NOW, postPiece, uploadPieces, validNir } from '../support/registration'
import { contentFingerprint, createStaff, signInBrowserAs } from '../support/staff'
import { resetDatabase } from '../support/test-database'

const registration = await import('@/app/(public)/inscription/actions')
const uploadRoute = await import('@/app/api/inscription/pieces/route')
const review = await import('@/app/(admin)/admin/dossiers/[id]/actions')
const db = getDb()

// What the applicants of the session to purge typed: none of it may be left anywhere afterwards.
const APPLICANT_A = {
  birthName: 'Técher-Purge',
  usageName: 'Boyer-Purge',
  firstNames: 'Annabelle',
  nir: validNir('2840997411099'),
  firstEmail: 'ancienne.adresse.purge@example.re',
  email: 'annabelle.purge@example.re',
  phone: '+262692987654',
}
const APPLICANT_B = { birthName: 'Grondin-Purge', firstNames: 'Ludovic', email: 'ludovic.purge@example.re' }
const CHEQUE_NUMBER = 'CHQ-778899'
const SECRETS = [
  APPLICANT_A.birthName,
  APPLICANT_A.usageName,
  'Annabelle',
  APPLICANT_A.nir,
  APPLICANT_A.firstEmail,
  APPLICANT_A.email,
  APPLICANT_A.phone,
  '692987654',
  APPLICANT_B.birthName,
  'Ludovic',
  APPLICANT_B.email,
  CHEQUE_NUMBER,
]

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

/** The session after 2026-2027, made the way staff duplicate one: it must come through untouched. */
async function createNextSession(): Promise<string> {
  const source = await db.academicSession.findFirstOrThrow({
    where: { startYear: 2026 },
    include: sessionInclude,
  })
  const created = await db.$transaction((tx) =>
    createSession(tx, {
      programmeId: source.programmeId,
      session: duplicateSession(toDomainSession(source), 2027),
    }),
  )
  return created.id
}

/** The first instant of the day the session's data must be gone, and the instant before it. */
async function purgeMoment(sessionId: string): Promise<{ dayBefore: Date; day: Date }> {
  const session = await db.academicSession.findUniqueOrThrow({
    where: { id: sessionId },
    select: { secondExamEndsOn: true, semesters: { select: { endsOn: true, examEndsOn: true } } },
  })
  const day = purgeDay(
    {
      secondExamEndsOn: toIsoDate(session.secondExamEndsOn),
      semesters: session.semesters.map((semester) => ({
        endsOn: toIsoDate(semester.endsOn),
        examEndsOn: toIsoDate(semester.examEndsOn),
      })),
    },
    env.DOSSIER_RETENTION_MONTHS,
  )
  const start = new Date(`${day}T00:00:00+04:00`)
  return { day: start, dayBefore: new Date(start.getTime() - 1) }
}

/** Applicant A applies online: two addresses typed (two resume e-mails), one file left in the draft. */
async function applyOnline(): Promise<{ dossierId: string; token: string; draftToken: string }> {
  const input = answers({
    identite: {
      civility: 'MADAME',
      birthName: APPLICANT_A.birthName,
      usageName: APPLICANT_A.usageName,
      firstNames: APPLICANT_A.firstNames,
      birthDate: '12/09/1984',
      birthPlace: 'Saint-Pierre',
      birthCountry: 'France',
      nationality: 'Française',
      nir: APPLICANT_A.nir,
    },
  })
  const contact = (email: string) => ({
    ...input.coordonnees,
    phone: '0692 98 76 54',
    email,
    emailConfirmation: email,
  })
  // First as a job seeker, with the certificate; then employed: the certificate is no longer asked
  // for, and stays in the draft rather than going into the dossier.
  await fillDraft(registration, {
    ...input,
    coordonnees: contact(APPLICANT_A.firstEmail),
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
      bytes: fixture('cv.pdf'),
      fileName: 'attestation-france-travail.pdf',
      documentDate: '20/11/2026',
    }),
  ).toMatchObject({ status: 201 })
  expect(await registration.saveStepAction('situation', input.situation)).toMatchObject({ ok: true })
  expect(await registration.saveStepAction('coordonnees', contact(APPLICANT_A.email))).toMatchObject({
    ok: true,
  })
  await uploadPieces(uploadRoute)
  const draftToken = browser.cookie('cnam_inscription')!
  await expectRedirect(() => registration.submitRegistrationAction({ consent: true, certify: true }))
  // The dossier's session is its own token, not the draft's.
  const token = browser.cookie('cnam_dossier')!
  const dossier = await db.dossier.findUniqueOrThrow({
    where: { accessTokenHash: hashToken(token) },
    select: { id: true },
  })
  return { dossierId: dossier.id, token, draftToken }
}

/** Applicant B's dossier goes through a review: rejection, request, note, payment, refusal. */
async function reviewAndRefuse(dossierId: string) {
  const reviewer = await createStaff('GESTIONNAIRE')
  browser.reset()
  await signInBrowserAs(reviewer.id)
  const piece = await db.piece.findFirstOrThrow({ where: { dossierId, pieceTypeCode: 'ID_CARD' } })
  const version = async () =>
    (await db.dossier.findUniqueOrThrow({ where: { id: dossierId }, select: { version: true } })).version
  const ok = { ok: true }
  expect(
    await review.decidePieceAction({
      dossierId,
      pieceId: piece.id,
      decision: 'REJECTED',
      reason: `Carte illisible, ${APPLICANT_B.birthName}`,
      seenStatus: 'PENDING',
    }),
  ).toEqual(ok)
  expect(
    await review.requestPiecesAction({
      dossierId,
      pieceTypeCodes: ['ID_CARD'],
      message: `Bonjour ${APPLICANT_B.firstNames}, envoyez une copie lisible.`,
      expectedVersion: await version(),
    }),
  ).toEqual(ok)
  expect(
    await review.addNoteAction({
      dossierId,
      body: `Appelé ${APPLICANT_B.firstNames} ${APPLICANT_B.birthName}`,
    }),
  ).toEqual(ok)
  expect(
    await review.recordPaymentAction({
      dossierId,
      kind: 'CHEQUE',
      amount: '118',
      receivedOn: '20/11/2026',
      reference: CHEQUE_NUMBER,
    }),
  ).toEqual(ok)
  expect(
    await review.transitionAction({
      dossierId,
      name: 'CLOSE',
      reason: `Sans nouvelles de ${APPLICANT_B.birthName}`,
      expectedVersion: await version(),
    }),
  ).toEqual(ok)
  browser.reset()
}

/** A started registration never sent, with a file and a resume e-mail. */
async function abandonDraft(): Promise<string> {
  browser.reset()
  await fillDraft(
    registration,
    answers({
      coordonnees: {
        ...answers().coordonnees,
        email: 'abandon.purge@example.re',
        emailConfirmation: 'abandon.purge@example.re',
      },
    }),
  )
  await postPiece(uploadRoute, { pieceTypeCode: 'CV', bytes: fixture('cv.pdf'), fileName: 'cv.pdf' })
  const draft = await db.draft.findUniqueOrThrow({
    where: { tokenHash: hashToken(browser.cookie('cnam_inscription')!) },
    select: { id: true },
  })
  browser.reset()
  return draft.id
}

/** Every row about the dossiers and drafts of a session, files' bytes included, as JSON. */
async function sessionRows(sessionId: string) {
  const [rows] = await db.$queryRaw<[{ rows: unknown }]>`
    WITH d AS (SELECT * FROM "Dossier" WHERE "sessionId" = ${sessionId}::uuid),
         dr AS (SELECT * FROM "Draft" WHERE "sessionId" = ${sessionId}::uuid),
         f AS (
           SELECT sf.id FROM "StoredFile" sf
           WHERE sf.id IN (SELECT "fileId" FROM "Piece" WHERE "dossierId" IN (SELECT id FROM d))
              OR sf.id IN (SELECT "fileId" FROM "DraftPiece" WHERE "draftId" IN (SELECT id FROM dr)))
    SELECT jsonb_build_object(
      'dossiers', (SELECT jsonb_agg(to_jsonb(d) ORDER BY d.id) FROM d),
      'drafts', (SELECT jsonb_agg(to_jsonb(dr) ORDER BY dr.id) FROM dr),
      'ues', (SELECT jsonb_agg(to_jsonb(x) ORDER BY x."dossierId", x."ueId") FROM "DossierUe" x WHERE x."dossierId" IN (SELECT id FROM d)),
      'pieces', (SELECT jsonb_agg(to_jsonb(x) ORDER BY x.id) FROM "Piece" x WHERE x."dossierId" IN (SELECT id FROM d)),
      'draftPieces', (SELECT jsonb_agg(to_jsonb(x) ORDER BY x.id) FROM "DraftPiece" x WHERE x."draftId" IN (SELECT id FROM dr)),
      'files', (SELECT jsonb_agg(to_jsonb(x) ORDER BY x.id) FROM "StoredFile" x WHERE x.id IN (SELECT id FROM f)),
      'bytes', (SELECT jsonb_agg(md5(x.bytes) ORDER BY x."fileId") FROM "StoredFileContent" x WHERE x."fileId" IN (SELECT id FROM f)),
      'events', (SELECT jsonb_agg(to_jsonb(x) ORDER BY x.id) FROM "AuditEvent" x WHERE x."dossierId" IN (SELECT id FROM d)),
      'messages', (SELECT jsonb_agg(to_jsonb(x) ORDER BY x.id) FROM "DossierMessage" x WHERE x."dossierId" IN (SELECT id FROM d)),
      'notes', (SELECT jsonb_agg(to_jsonb(x) ORDER BY x.id) FROM "DossierNote" x WHERE x."dossierId" IN (SELECT id FROM d)),
      'payments', (SELECT jsonb_agg(to_jsonb(x) ORDER BY x.id) FROM "PaymentRecord" x WHERE x."dossierId" IN (SELECT id FROM d)),
      'emails', (SELECT jsonb_agg(to_jsonb(x) ORDER BY x.id) FROM "OutboxEmail" x WHERE x."dossierId" IN (SELECT id FROM d))
    ) AS rows`
  return rows.rows
}

/** What the statistics count, per dossier: it must survive the anonymisation. */
async function statistics(sessionId: string) {
  const dossiers = await db.dossier.findMany({
    where: { sessionId },
    orderBy: { id: 'asc' },
    select: {
      id: true,
      status: true,
      category: true,
      civility: true,
      firstRegistration: true,
      totalCents: true,
      feeLines: true,
      submittedAt: true,
      ues: { select: { ueId: true, semester: true, foad: true }, orderBy: { ueId: 'asc' } },
      payments: { select: { kind: true, amountCents: true, receivedOn: true } },
      events: { select: { action: true, fromStatus: true, toStatus: true, createdAt: true } },
    },
  })
  return dossiers.map((dossier) => ({
    ...dossier,
    events: dossier.events.filter((event) => event.action !== 'ANONYMISED'),
  }))
}

describe('the retention purge (npm run dossiers:purge)', () => {
  it('anonymises the dossiers and deletes the drafts of a session once its retention period is over, and nothing else', async () => {
    const session = await db.academicSession.findFirstOrThrow({
      where: { startYear: 2026 },
      select: { id: true },
    })
    const nextSessionId = await createNextSession()
    const a = await applyOnline()
    const b = await createDossier(APPLICANT_B)
    await reviewAndRefuse(b.id)
    const abandonedDraftId = await abandonDraft()
    // The next session's applicant, with a message, a note and a payment of their own.
    const c = await createDossier({
      sessionLabel: '2027-2028',
      birthName: 'Hoarau-Garde',
      email: 'garde@example.re',
    })
    const gestionnaire = await createStaff('GESTIONNAIRE')
    await signInBrowserAs(gestionnaire.id)
    expect(await review.sendMessageAction({ dossierId: c.id, body: 'Bonjour Hoarau-Garde' })).toEqual({
      ok: true,
    })
    expect(await review.addNoteAction({ dossierId: c.id, body: 'Note sur Hoarau-Garde' })).toEqual({
      ok: true,
    })
    browser.reset()

    // What there is to purge, seen before the purge.
    const before = await db.dossier.findMany({
      where: { sessionId: session.id },
      select: { id: true, draftId: true, pieces: { select: { fileId: true } } },
    })
    expect(before.map((dossier) => dossier.id).sort()).toEqual([a.dossierId, b.id].sort())
    const fileIds = (
      await db.storedFile.findMany({
        where: {
          OR: [
            { piece: { dossier: { sessionId: session.id } } },
            { draftPiece: { draft: { sessionId: session.id } } },
          ],
        },
        select: { id: true },
      })
    ).map((file) => file.id)
    // 8 pieces each, plus the file left in A's draft and the abandoned draft's CV.
    expect(fileIds).toHaveLength(18)
    expect((await storedFiles(fileIds)).bytes).toBeGreaterThan(0)
    expect(await rowsMentioning(SECRETS)).not.toEqual([])
    expect(await db.outboxEmail.count({ where: { kind: 'RESUME_LINK' } })).toBe(3)
    const otherSession = await sessionRows(nextSessionId)
    const stats = await statistics(session.id)
    const { day, dayBefore } = await purgeMoment(session.id)

    // The last day of the retention period: everything is still there.
    vi.setSystemTime(dayBefore)
    const fingerprint = await contentFingerprint()
    const early = await purgeEndedSessions()
    expect(early.find((purged) => purged.sessionId === session.id)).toBeUndefined()
    expect(await contentFingerprint()).toBe(fingerprint)

    // The next day: the session's personal data go.
    vi.setSystemTime(day)
    const report = await purgeEndedSessions()
    expect(report.find((purged) => purged.sessionId === session.id)).toMatchObject({
      dossiers: 2,
      drafts: 1,
      files: 18,
    })
    expect(report.some((purged) => purged.sessionId === nextSessionId)).toBe(false)

    // 0 rows with personal data: not a name, address, NIR, e-mail, phone or cheque number anywhere.
    expect(await rowsMentioning(SECRETS)).toEqual([])
    expect(await rowsMentioning(['abandon.purge@example.re'])).toEqual([])
    // 0 bytes of files.
    expect(await storedFiles(fileIds)).toEqual({ files: 0, bytes: 0 })
    const [contentLeft] = await db.$queryRaw<[{ count: number }]>`
      SELECT count(*)::int AS count FROM "StoredFileContent" WHERE "fileId" = ANY(${fileIds}::uuid[])`
    expect(contentLeft.count).toBe(0)
    expect(await db.piece.count({ where: { dossier: { sessionId: session.id } } })).toBe(0)
    expect(await db.draftPiece.count({ where: { draft: { sessionId: session.id } } })).toBe(0)

    const anonymised = await db.dossier.findMany({
      where: { sessionId: session.id },
      include: { messages: true, notes: true, payments: true, events: true, draft: true },
    })
    for (const dossier of anonymised) {
      expect(dossier).toMatchObject({
        anonymisedAt: day,
        birthName: '',
        usageName: null,
        firstNames: '',
        email: '',
        phone: '',
        answers: {},
        reference: `ANONYME-${dossier.id}`,
      })
      expect(toIsoDate(dossier.birthDate)).toBe('1900-01-01')
      expect(dossier.messages).toEqual([])
      expect(dossier.notes).toEqual([])
      expect(dossier.payments.every((payment) => payment.reference === null)).toBe(true)
      expect(dossier.events.filter((event) => event.reason !== null || event.pieceId !== null)).toEqual([])
      expect(dossier.events.filter((event) => event.action === 'ANONYMISED')).toHaveLength(1)
      expect(dossier.draft).toMatchObject({ answers: {}, email: null, completedSteps: [] })
    }
    expect(await db.draft.count({ where: { id: abandonedDraftId } })).toBe(0)
    expect(await db.outboxEmail.count({ where: { dossierId: { in: [a.dossierId, b.id] } } })).toBe(0)
    // The resume links sent to both of A's addresses and to the abandoned draft's.
    expect(await db.outboxEmail.count({ where: { kind: 'RESUME_LINK' } })).toBe(0)

    // What the statistics need is still there, and the staff page shows the dossier as anonymised.
    expect(await statistics(session.id)).toEqual(stats)
    const staffView = await getStaffDossier({
      actor: {
        userId: gestionnaire.id,
        sessionId: 'not-used',
        email: gestionnaire.email,
        name: gestionnaire.name,
        role: 'GESTIONNAIRE',
        totpEnabled: false,
      },
      dossierId: a.dossierId,
    })
    expect(staffView).toMatchObject({ anonymised: true, status: 'SUBMITTED' })
    // The applicant's private links lead nowhere any more.
    expect(await db.dossier.count({ where: { accessTokenHash: hashToken(a.token) } })).toBe(0)
    expect(await db.draft.count({ where: { tokenHash: hashToken(a.draftToken) } })).toBe(0)
    expect(await db.applicantLink.count({ where: { dossierId: a.dossierId } })).toBe(0)

    // The other session is exactly as it was.
    expect(await sessionRows(nextSessionId)).toEqual(otherSession)
    expect(await rowsMentioning(['Hoarau-Garde'])).not.toEqual([])

    // Idempotent: running it again, the next day, changes nothing.
    const afterFirstRun = await contentFingerprint()
    vi.setSystemTime(new Date(day.getTime() + 86_400_000))
    const again = await purgeEndedSessions()
    expect(again.find((purged) => purged.sessionId === session.id)).toMatchObject({
      dossiers: 0,
      drafts: 0,
      files: 0,
      emails: 0,
    })
    expect(await contentFingerprint()).toBe(afterFirstRun)
  })

  it('shares the work when several machines run it at once: each dossier anonymised once, none left', async () => {
    const session = await db.academicSession.findFirstOrThrow({
      where: { startYear: 2026 },
      select: { id: true },
    })
    // More than one batch (100) of dossiers.
    const dossiers = []
    for (let index = 0; index < 130; index += 1)
      dossiers.push(await createDossier({ pieceTypeCodes: ['CV', 'ID_CARD'] }))
    const { day } = await purgeMoment(session.id)
    vi.setSystemTime(day)

    const runs = await Promise.all([purgeEndedSessions(), purgeEndedSessions(), purgeEndedSessions()])
    const done = runs.map((report) => report.find((purged) => purged.sessionId === session.id)!)
    expect(done.reduce((sum, purged) => sum + purged.dossiers, 0)).toBe(130)
    expect(done.reduce((sum, purged) => sum + purged.files, 0)).toBe(260)
    expect(await db.dossier.count({ where: { sessionId: session.id, anonymisedAt: null } })).toBe(0)
    expect(await db.storedFile.count()).toBe(0)
    const events = await db.auditEvent.groupBy({
      by: ['dossierId'],
      where: { action: 'ANONYMISED' },
      _count: { _all: true },
    })
    expect(events).toHaveLength(130)
    expect(events.every((group) => group._count._all === 1)).toBe(true)
  })
})
