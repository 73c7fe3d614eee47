// Submitted dossiers made straight in the database, for staff-area tests that need many of them
// or need them in a given state. (tests/support/registration.ts makes them as an applicant does.)
import { createHash } from 'node:crypto'
import { fromIsoDate } from '@/lib/domain/dates'
import type { StoredDossierStatus } from '@/lib/domain/workflow'
import type { Prisma, TariffCategory } from '@/lib/generated/prisma/client'
import { getDb } from '@/lib/server/db'
import { hashToken, newToken } from '@/lib/server/tokens'
import { searchTextOf } from '@/lib/server/registration/submit-draft'

let sequence = 0

export type DossierOverrides = {
  status?: StoredDossierStatus
  birthName?: string
  firstNames?: string
  email?: string
  category?: TariffCategory
  ueCodes?: Array<{ code: string; semester: 1 | 2 | null; foad?: boolean }>
  submittedAt?: Date
  pieceTypeCodes?: string[]
  sessionLabel?: string
}

/** A submitted dossier of the seeded programme (run the seed first), with small PDF pieces. */
export async function createDossier(
  overrides: DossierOverrides = {},
): Promise<{ id: string; reference: string; token: string }> {
  const db = getDb()
  sequence += 1
  const session = await db.academicSession.findFirstOrThrow({
    where: overrides.sessionLabel ? { label: overrides.sessionLabel } : { registrationOpen: true },
    orderBy: { startYear: 'desc' },
    select: { id: true, startYear: true, programme: { select: { code: true, id: true } } },
  })
  const token = newToken()
  const reference = `${session.programme.code}-${session.startYear}-${String(90000 + sequence).padStart(5, '0')}`
  const birthName = overrides.birthName ?? `Nom${sequence}`
  const firstNames = overrides.firstNames ?? 'Jean'
  const email = overrides.email ?? `candidat${sequence}@example.re`
  const category = overrides.category ?? 'INDIVIDUAL'
  const ueCodes = overrides.ueCodes ?? [
    { code: 'TET099', semester: 2 },
    { code: 'PSY001', semester: 2 },
  ]
  const ues = await db.ue.findMany({
    where: { programmeId: session.programme.id, code: { in: ueCodes.map((ue) => ue.code) } },
    select: { id: true, code: true },
  })
  const draft = await db.draft.create({
    data: {
      sessionId: session.id,
      tokenHash: hashToken(newToken()),
      expiresAt: new Date(Date.now() + 86_400_000),
      submittedAt: new Date(),
    },
  })
  const answers = {
    identite: {
      civility: 'MADAME',
      birthName,
      usageName: null,
      firstNames,
      birthDate: '1984-09-12',
      birthPlace: 'Saint-Denis',
      birthCountry: 'France',
      nationality: 'Française',
      nir: '284099741100514',
    },
    coordonnees: {
      addressLine1: '1 rue de la Paix',
      addressLine2: null,
      postcode: '97400',
      town: 'Saint-Denis',
      phone: '+262692123456',
      email,
    },
    situation: {
      category,
      employmentStatus: category === 'JOB_SEEKER' ? 'JOB_SEEKER' : 'EMPLOYED',
      employer:
        category === 'JOB_SEEKER'
          ? null
          : {
              name: 'Mission locale',
              address: 'Saint-Denis',
              contactName: 'RH',
              contactPhone: null,
              contactEmail: null,
            },
      employerCertificateSigned: category === 'EMPLOYER_FUNDED' ? true : null,
      jobSeekerId: category === 'JOB_SEEKER' ? '1234567A' : null,
      highestDiploma: 'BAC',
      diplomaTitle: null,
      accessRoute: 'BAC_LEVEL',
      firstRegistration: true,
      baseFeeAlreadyPaid: false,
    },
    acquis: { obtained: [], earlyExperienceReview: false },
    ue: {
      ues: ueCodes.map((ue) => ({ code: ue.code, foad: ue.foad ?? false })),
      experienceMonths: null,
      experienceInField: null,
    },
  }
  const pdf = Buffer.from(`%PDF-1.4\n% test piece ${sequence}\n%%EOF\n`)
  const pieceTypeCodes = overrides.pieceTypeCodes ?? [
    'CV',
    'COVER_LETTER',
    'DIPLOMAS',
    'PAY_SLIP',
    'SOCIAL_SECURITY',
    'ID_CARD',
    'ID_PHOTO',
    'PAYMENT',
  ]
  const dossier = await db.dossier.create({
    data: {
      reference,
      sessionId: session.id,
      draftId: draft.id,
      accessTokenHash: hashToken(token),
      status: overrides.status ?? 'SUBMITTED',
      civility: 'MADAME',
      birthName,
      firstNames,
      birthDate: fromIsoDate('1984-09-12'),
      email,
      phone: '+262692123456',
      category,
      searchText: searchTextOf([reference, birthName, firstNames, email]),
      answers: answers as Prisma.InputJsonValue,
      feeLines: [],
      totalCents: 11800,
      firstRegistration: true,
      consentGivenAt: new Date(),
      privacyNoticeVersion: 'test',
      submittedAt: overrides.submittedAt ?? new Date(),
      ues: {
        create: ues.map((ue) => ({
          ueId: ue.id,
          semester: ueCodes.find((pick) => pick.code === ue.code)?.semester ?? null,
          foad: false,
        })),
      },
      events: { create: { actorType: 'APPLICANT', action: 'SUBMIT', toStatus: 'SUBMITTED' } },
    },
    select: { id: true },
  })
  for (const code of pieceTypeCodes) {
    await db.piece.create({
      data: {
        dossier: { connect: { id: dossier.id } },
        pieceTypeCode: code,
        file: {
          create: {
            mimeType: 'application/pdf',
            sizeBytes: pdf.length,
            sha256: createHash('sha256').update(pdf).digest('hex'),
            originalName: `${code.toLowerCase()}.pdf`,
            content: { create: { bytes: pdf } },
          },
        },
      },
    })
  }
  return { id: dossier.id, reference, token }
}
