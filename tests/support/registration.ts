// Builds registrations the way an applicant does, through the server actions and the upload route.
import { readFileSync } from 'node:fs'
import { nirKey } from '@/lib/domain/nir'
import type { AnswerStepId } from '@/lib/domain/registration'
import type { StepInput } from '@/lib/schemas/registration-steps'
import type * as ActionsModule from '@/app/(public)/inscription/actions'
import type * as UploadRouteModule from '@/app/api/inscription/pieces/route'
import { browser, expectRedirect } from './next-request'

/** A day when the 2026-2027 session is open for its 2nd semester only (deadline 31 March 2027). */
export const NOW = new Date('2026-11-26T08:00:00Z')

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`tests/fixtures/uploads/${name}`))
}

export function validNir(body = '2840997411005'): string {
  return `${body}${String(nirKey(body)).padStart(2, '0')}`
}

export function answers(
  overrides: Partial<Record<AnswerStepId, StepInput>> = {},
): Record<AnswerStepId, StepInput> {
  return {
    identite: {
      civility: 'MADAME',
      birthName: 'Payet',
      usageName: 'Hoarau',
      firstNames: 'Marie-Claire',
      birthDate: '12/09/1984',
      birthPlace: 'Saint-Denis',
      birthCountry: 'France',
      nationality: 'Française',
      nir: validNir(),
      ...overrides.identite,
    },
    coordonnees: {
      addressLine1: '12 rue des Flamboyants',
      addressLine2: '',
      postcode: '97400',
      town: 'Saint-Denis',
      phone: '0692 12 34 56',
      email: 'marie-claire.hoarau@example.re',
      emailConfirmation: 'marie-claire.hoarau@example.re',
      ...overrides.coordonnees,
    },
    situation: {
      category: 'INDIVIDUAL',
      employmentStatus: 'EMPLOYED',
      employer: {
        name: 'Mission locale Nord',
        address: '1 rue de Paris, 97400 Saint-Denis',
        contactName: 'Mme Grondin, RH',
        contactPhone: '',
        contactEmail: '',
      },
      highestDiploma: 'BAC',
      diplomaTitle: 'Baccalauréat ES',
      accessRoute: 'BAC_LEVEL',
      firstRegistration: 'oui',
      baseFeeAlreadyPaid: 'non',
      ...overrides.situation,
    },
    acquis: { obtained: {}, earlyExperienceReview: false, ...overrides.acquis },
    ue: {
      ues: { TET099: { selected: true, foad: false }, PSY001: { selected: true, foad: false } },
      ...overrides.ue,
    },
  }
}

/** Pieces for the default answers (an employed individual): one file per requirement. */
export const DEFAULT_PIECES: Array<{ pieceTypeCode: string; file: string; documentDate?: string }> = [
  { pieceTypeCode: 'CV', file: 'cv.pdf' },
  { pieceTypeCode: 'COVER_LETTER', file: 'cv.pdf' },
  { pieceTypeCode: 'DIPLOMAS', file: 'scan-releve.png' },
  { pieceTypeCode: 'PAY_SLIP', file: 'cv.pdf' },
  { pieceTypeCode: 'SOCIAL_SECURITY', file: 'cv.pdf' },
  { pieceTypeCode: 'ID_CARD', file: 'scan-releve.png' },
  { pieceTypeCode: 'ID_PHOTO', file: 'photo-identite-gps.jpg' },
  { pieceTypeCode: 'PAYMENT', file: 'cv.pdf' },
]

type Actions = typeof ActionsModule
type UploadRoute = typeof UploadRouteModule

/** Posts a file to an upload route as a browser would (multipart form). */
export async function postPiece(
  route: { POST: (request: Request) => Promise<Response> },
  options: {
    pieceTypeCode: string
    bytes: Uint8Array
    fileName: string
    documentDate?: string
    url?: string
  },
): Promise<{ status: number; body: { message?: string; pieceId?: string } }> {
  const form = new FormData()
  form.set('pieceTypeCode', options.pieceTypeCode)
  if (options.documentDate) form.set('documentDate', options.documentDate)
  form.set('file', new File([new Uint8Array(options.bytes)], options.fileName))
  const response = await route.POST(
    new Request(options.url ?? 'http://localhost:3000/api/inscription/pieces', {
      method: 'POST',
      body: form,
      headers: { origin: 'http://localhost:3000', host: 'localhost:3000' },
    }),
  )
  return { status: response.status, body: (await response.json()) as { message?: string } }
}

/** Starts a registration in the current browser and fills every answer step. */
export async function fillDraft(actions: Actions, input = answers()): Promise<void> {
  const start = new FormData()
  expectOk(await expectRedirect(() => actions.startRegistrationAction(start)), '/inscription/identite')
  for (const step of ['identite', 'coordonnees', 'situation', 'acquis', 'ue'] as const) {
    const result = await actions.saveStepAction(step, input[step])
    if (!result.ok) throw new Error(`Step ${step} refused: ${JSON.stringify(result)}`)
  }
}

export async function uploadPieces(route: UploadRoute, pieces = DEFAULT_PIECES): Promise<void> {
  for (const piece of pieces) {
    const result = await postPiece(route, {
      pieceTypeCode: piece.pieceTypeCode,
      bytes: fixture(piece.file),
      fileName: piece.file,
      documentDate: piece.documentDate,
    })
    if (result.status !== 201)
      throw new Error(`Upload of ${piece.pieceTypeCode} refused: ${JSON.stringify(result.body)}`)
  }
}

function expectOk(actual: string, expected: string) {
  if (actual !== expected) throw new Error(`Redirected to ${actual}, expected ${expected}`)
}

export { browser }
