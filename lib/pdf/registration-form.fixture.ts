import sharp from 'sharp'
import { todayIn, type IsoDate } from '@/lib/domain/dates'
import { cautionAmountCents, computeFees } from '@/lib/domain/fees'
import { nirKey } from '@/lib/domain/nir'
import { evaluateChecklist, requiredPieces, type UploadedPiece } from '@/lib/domain/pieces'
import type { RegistrationFormData } from '@/lib/domain/registration-form'
import type {
  ChoiceAnswers,
  ContactAnswers,
  IdentityAnswers,
  PriorAnswers,
  SituationAnswers,
} from '@/lib/domain/registration'
import { duplicateSession } from '@/lib/domain/session'
import { registrationSemester } from '@/lib/domain/ue-choice'
import { formatReference } from '@/lib/domain/workflow'
import { formatOpeningHours, formatPeriod, formatPhone } from '@/lib/format'
import { centres, programme2010, session2010 } from '@/prisma/seed/cpn42-2010-2011'

/**
 * Sample data for the printable registration form: tests, and a look at the PDF while working on
 * it. Built from the seed's programme and the 2026-2027 session generated from the 2010-2011
 * brochure, with fees and checklist computed by the domain rules, so that it stays consistent.
 */

const SESSION = duplicateSession(session2010, 2026, { registrationOpen: true })
const CENTRE = centres.find((centre) => centre.receivesDossiers) ?? centres[0]!

/** A NIR whose key is right: sex, birth year and month, place (5 characters), order number. */
function nir(sex: 1 | 2, birthDate: IsoDate, place: string, order: string): string {
  const body = `${sex}${birthDate.slice(2, 4)}${birthDate.slice(5, 7)}${place}${order}`
  return `${body}${String(nirKey(body)).padStart(2, '0')}`
}

/**
 * A small ID-photo-like JPEG (35:45) drawn from raw pixels: a head and shoulders on a light
 * background, so that a misplaced or stretched photo shows on the rendered page.
 */
export async function samplePhotoJpeg(): Promise<Uint8Array> {
  const width = 140
  const height = 180
  const pixels = Buffer.alloc(width * height * 3)
  const inEllipse = (x: number, y: number, cx: number, cy: number, rx: number, ry: number) =>
    ((x - cx) / rx) ** 2 + ((y - cy) / ry) ** 2 <= 1
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let colour = [223, 230, 238]
      if (inEllipse(x, y, 70, 205, 64, 72)) colour = [47, 62, 92]
      else if (inEllipse(x, y, 70, 62, 34, 40)) colour = [44, 32, 28]
      if (inEllipse(x, y, 70, 76, 28, 36) && y > 52) colour = [185, 138, 106]
      pixels.set(colour, (y * width + x) * 3)
    }
  }
  const jpeg = await sharp(pixels, { raw: { width, height, channels: 3 } })
    .jpeg({ quality: 82 })
    .toBuffer()
  return new Uint8Array(jpeg)
}

type Applicant = {
  counter: number
  submittedAt: Date
  identity: IdentityAnswers
  contact: ContactAnswers
  situation: SituationAnswers
  prior: PriorAnswers
  choice: ChoiceAnswers
  uploads: UploadedPiece[]
  photo: RegistrationFormData['photo']
}

/** The form data the server would build for these answers. */
function formData(applicant: Applicant): RegistrationFormData {
  const { situation, prior, choice } = applicant
  const printedOn = todayIn(applicant.submittedAt)
  const reference = formatReference(programme2010.code, SESSION.startYear, applicant.counter)
  const sessionUe = (code: string) => {
    const ue = SESSION.ues.find((candidate) => candidate.code === code)
    if (!ue) throw new RangeError(`No UE ${code} in session ${SESSION.label}`)
    return ue
  }
  const chosen = choice.ues.map((choiceUe) => ({ ...sessionUe(choiceUe.code), foad: choiceUe.foad }))
  const selection = {
    ues: chosen,
    firstRegistration: situation.firstRegistration,
    baseFeeAlreadyPaid: situation.baseFeeAlreadyPaid,
  }
  const requirements = requiredPieces(programme2010.pieceTypes, {
    situation,
    prior,
    choice,
    prerequisitesFromObtainedUes: [],
  })
  return {
    reference,
    status: 'SUBMITTED',
    submittedAt: applicant.submittedAt,
    programme: {
      code: programme2010.code,
      title: programme2010.title,
      diplomaKind: programme2010.diplomaKind,
      level: programme2010.level,
      ects: programme2010.ects,
      paymentPayee: programme2010.paymentPayee,
      withdrawalPeriodDays: programme2010.withdrawalPeriodDays,
      terminationClause: programme2010.terminationClause,
    },
    session: { label: SESSION.label },
    centre: {
      name: CENTRE.name,
      addressLines: [
        CENTRE.street,
        [CENTRE.addressComplement, CENTRE.postBox].filter(Boolean).join(' — '),
        `${CENTRE.postcode} ${CENTRE.city}${CENTRE.cedex ? ' Cedex' : ''}`,
      ].filter(Boolean),
      phone: formatPhone(CENTRE.phone),
      email: CENTRE.email,
      openingHours: formatOpeningHours(CENTRE.openingHours),
    },
    identity: applicant.identity,
    contact: applicant.contact,
    situation,
    prior,
    ues: chosen.map((ue) => ({
      code: ue.code,
      title: ue.title,
      ects: ue.ects,
      periodLabel: formatPeriod(
        SESSION.periods.find((period) => period.kind === ue.periodKind) ?? {
          kind: ue.periodKind,
          startMonth: null,
          endMonth: null,
        },
      ),
      semester: registrationSemester(ue),
      foad: ue.foad,
    })),
    experience: { months: choice.experienceMonths, inField: choice.experienceInField },
    fees: computeFees(SESSION.tariff, { ...selection, category: situation.category }),
    cautionCents:
      situation.category === 'EMPLOYER_FUNDED' && situation.employerCertificateSigned === false
        ? cautionAmountCents(SESSION.tariff, selection)
        : null,
    checklist: evaluateChecklist(requirements, applicant.uploads, printedOn).map((item) => ({
      label: item.requirement.label,
      state: item.state,
      files: item.uploads.map((upload) => upload.fileName),
    })),
    photo: applicant.photo,
    staffUrl: `http://localhost:3000/admin/dossiers/${reference}`,
    printedOn,
  }
}

function upload(pieceTypeCode: string, fileName: string, documentDate: IsoDate | null = null): UploadedPiece {
  return { id: `${pieceTypeCode}-${fileName}`, pieceTypeCode, documentDate, fileName }
}

/**
 * Madame Marie-Claire HOARAU née PAYET, born in Saint-Denis, employed by a Mission locale that
 * funds her first registration (3 first-semester UEs, one of them at a distance) without signing
 * the certificate: she joins caution cheques. Shallow `overrides` replace whole fields.
 */
export async function sampleRegistrationFormData(
  overrides: Partial<RegistrationFormData> = {},
): Promise<RegistrationFormData> {
  const birthDate = '1984-09-12'
  const data = formData({
    counter: 42,
    submittedAt: new Date('2026-10-05T06:12:00Z'),
    identity: {
      civility: 'MADAME',
      birthName: 'PAYET',
      usageName: 'HOARAU',
      firstNames: 'Marie-Claire',
      birthDate,
      birthPlace: 'Saint-Denis',
      birthCountry: 'France',
      nationality: 'Française',
      nir: nir(2, birthDate, '97411', '238'),
    },
    contact: {
      addressLine1: '12, chemin des Tamarins',
      addressLine2: 'Résidence Les Bougainvilliers, bâtiment B',
      postcode: '97490',
      town: 'Sainte-Clotilde',
      phone: '+262692123456',
      email: 'marie-claire.hoarau@example.re',
    },
    situation: {
      category: 'EMPLOYER_FUNDED',
      employmentStatus: 'EMPLOYED',
      employer: {
        name: 'Mission locale Nord',
        address: '15, rue Jean Chatel, 97400 Saint-Denis',
        contactName: 'Mme Sylvie GRONDIN, responsable des ressources humaines',
        contactPhone: '+262262201010',
        contactEmail: 'rh@mission-locale-nord.example.re',
      },
      employerCertificateSigned: false,
      jobSeekerId: null,
      highestDiploma: 'BAC',
      diplomaTitle: 'Baccalauréat sciences médico-sociales',
      accessRoute: 'BAC_LEVEL',
      firstRegistration: true,
      baseFeeAlreadyPaid: false,
    },
    prior: {
      obtained: [
        { code: 'CCE001', place: 'REUNION', year: 2024 },
        { code: 'AST002', place: 'ELSEWHERE', year: 2019 },
      ],
      earlyExperienceReview: false,
    },
    choice: {
      ues: [
        { code: 'AST004', foad: false },
        { code: 'TRS001', foad: false },
        { code: 'TET003', foad: true },
      ],
      experienceMonths: null,
      experienceInField: null,
    },
    uploads: [
      upload('CV', 'cv-marie-claire-hoarau.pdf'),
      upload('COVER_LETTER', 'lettre-de-motivation.pdf'),
      upload('DIPLOMAS', 'bac-sms-2002.pdf'),
      upload('PAY_SLIP', 'bulletin-salaire-septembre-2026.pdf'),
      upload('SOCIAL_SECURITY', 'attestation-droits-cgss.pdf'),
      upload('ID_CARD', 'carte-identite-recto-verso.jpg'),
      upload('ID_PHOTO', 'photo-identite.jpg'),
      upload('PRIOR_UE_CERTIFICATES', 'attestation-reussite-AST002.pdf'),
      upload('EMPLOYER_FUNDING_CERTIFICATE', 'prise-en-charge-mission-locale.pdf'),
    ],
    photo: { mimeType: 'image/jpeg', bytes: await samplePhotoJpeg() },
  })
  return { ...data, ...overrides }
}

/**
 * A dossier that cannot fit on one page: very long names and address, 12 UEs (one of them the
 * activity report), UEs obtained elsewhere, and one checklist line per piece of the catalogue
 * (15) with every state. No photo: the empty frame is printed.
 */
export async function sampleLongRegistrationFormData(): Promise<RegistrationFormData> {
  const birthDate = '1979-02-28'
  const codes = [
    'AST002',
    'AST004',
    'TRS001',
    'CCE001',
    'CCE003',
    'UEV010',
    'TET003',
    'TET099',
    'TET007',
    'AST005',
    'PSY001',
    'UA000S',
  ]
  const data = formData({
    counter: 1234,
    submittedAt: new Date('2026-10-28T18:30:00Z'),
    identity: {
      civility: 'MONSIEUR',
      birthName: 'FONTAINE-DE-LA-RAVINE-DES-CABRIS-GRONDIN-DIJOUX-MAILLOT-TECHER',
      usageName: 'VIENNE-DE-SAINT-GILLES-LES-HAUTS-ET-DE-LA-PLAINE-DES-PALMISTES',
      firstNames: 'Jean-Baptiste Marie Louis Emmanuel Dieudonné Christophe Maximilien',
      birthDate,
      birthPlace: 'Saint-Pierre (Ravine des Cabris, lieu-dit Bois d’Olive)',
      birthCountry: 'France',
      nationality: 'Française',
      nir: nir(1, birthDate, '97416', '071'),
    },
    contact: {
      addressLine1:
        '1284, chemin départemental de la Plaine des Palmistes à la Plaine des Cafres, lotissement Les Hortensias',
      addressLine2: 'Chez Madame Marie-Thérèse FONTAINE-GRONDIN, appartement 12, escalier C, troisième étage',
      postcode: '97418',
      town: 'La Plaine des Cafres (Le Tampon)',
      phone: '+33612345678',
      email: 'jean-baptiste.fontaine-de-la-ravine-des-cabris@courriel-tres-long.example.re',
    },
    situation: {
      category: 'JOB_SEEKER',
      employmentStatus: 'JOB_SEEKER',
      employer: null,
      employerCertificateSigned: null,
      jobSeekerId: '1234567A',
      highestDiploma: 'BAC_2',
      diplomaTitle: 'BTS Économie sociale et familiale, obtenu au lycée Roland Garros du Tampon',
      accessRoute: 'VAE',
      firstRegistration: false,
      baseFeeAlreadyPaid: false,
    },
    prior: {
      obtained: [
        { code: 'TRS002', place: 'ELSEWHERE', year: 2015 },
        { code: 'PSY002', place: 'REUNION', year: 2021 },
        { code: 'CCE002', place: 'REUNION', year: 2022 },
        { code: 'TET001', place: 'ELSEWHERE', year: 2016 },
      ],
      earlyExperienceReview: true,
    },
    choice: {
      ues: codes.map((code, index) => ({ code, foad: code !== 'UA000S' && index % 4 === 3 })),
      experienceMonths: 30,
      experienceInField: true,
    },
    uploads: [],
    photo: null,
  })
  const states: RegistrationFormData['checklist'][number]['state'][] = [
    'ACCEPTED',
    'REJECTED',
    'PROVIDED',
    'MISSING',
    'TOO_OLD',
    'DATE_MISSING',
    'FUTURE_DATE',
  ]
  return {
    ...data,
    checklist: programme2010.pieceTypes.map((pieceType, index) => {
      const state = states[index % states.length] ?? 'PROVIDED'
      return {
        label: pieceType.label,
        state,
        files:
          state === 'MISSING'
            ? []
            : [
                `${pieceType.code.toLowerCase()}-fontaine-de-la-ravine-des-cabris-scan-2026.pdf`,
                ...(index % 3 === 0 ? [`${pieceType.code.toLowerCase()}-verso.jpg`] : []),
              ],
      }
    }),
  }
}
