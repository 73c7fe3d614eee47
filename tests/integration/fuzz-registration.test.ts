// Property-based tests of the public registration actions, called as the browser calls them (the
// real actions, with next/headers mocked): whatever arrives, an action answers (or redirects), never
// throws, and an input it refuses leaves every table as it was. (saveStepAction, step by step:
// fuzz-registration-steps.test.ts.)
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { documentDateSchema, startSchema, submissionSchema } from '@/lib/schemas/registration'
import { getDb } from '@/lib/server/db'
import { DRAFT_COOKIE } from '@/lib/server/registration/cookies'
import { seed } from '@/prisma/seed'
import {
  assertNoPollution,
  credential,
  databaseState,
  forwardedFor,
  freshIp,
  FUZZ_RUNS,
  FUZZ_TIMEOUT,
  fuzzOptions,
  inputNear,
  junk,
  nastyString,
  REAL,
  redirectTarget,
  openDraftBrowser,
  startDraft,
} from '../support/fuzz'
import { browser, expectRedirect } from '../support/next-request'
import { fillDraft, fixture, NOW, postPiece, uploadPieces } from '../support/registration'
import { resetDatabase } from '../support/test-database'

vi.setConfig({ testTimeout: FUZZ_TIMEOUT })

const actions = await import('@/app/(public)/inscription/actions')
const uploadRoute = await import('@/app/api/inscription/pieces/route')
const db = getDb()

const isRecordOfStrings = (value: unknown) =>
  typeof value === 'object' &&
  value !== null &&
  Object.values(value).every((item) => typeof item === 'string')

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

describe('startRegistrationAction', () => {
  /** What the start form can post: the honeypot empty, filled, a file, absent, with other fields. */
  const startForm = fc
    .record({
      website: fc.oneof(
        fc.constant(undefined),
        fc.constant(''),
        nastyString,
        fc.constant(new File([new Uint8Array([1, 2, 3])], 'site.txt')),
      ),
      extra: fc.array(fc.tuple(fc.string(), nastyString), { maxLength: 3 }),
    })
    .map(({ website, extra }) => {
      const form = new FormData()
      for (const [name, value] of extra) form.append(name, value)
      if (website !== undefined) form.set('website', website)
      return form
    })

  it('creates one draft for an empty honeypot, and nothing for anything else', async () => {
    let state = await databaseState()
    let created = 0
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(startForm, junk),
        fc.oneof(fc.constant(null), forwardedFor),
        async (form, ip) => {
          browser.reset({ ip: ip ?? freshIp() })
          let target: string | null = null
          try {
            await actions.startRegistrationAction(form as FormData)
          } catch (error) {
            target = redirectTarget(error)
          }
          expect(target).not.toBeNull()
          const honest =
            form instanceof FormData &&
            startSchema.safeParse({ website: form.get('website') ?? undefined }).success
          if (target === '/inscription/identite') {
            expect(honest, 'a draft for a filled honeypot').toBe(true)
            expect(browser.cookie(DRAFT_COOKIE)).toMatch(/^[\w-]{43}$/)
            const after = await databaseState()
            expect(after.Draft).not.toEqual(state.Draft)
            state = after
            created += 1
          } else {
            expect(['/inscription', '/inscription?erreur=trop-de-demandes']).toContain(target)
            expect(browser.cookie(DRAFT_COOKIE)).toBeUndefined()
            expect(await databaseState()).toEqual(state)
          }
        },
      ),
      { ...fuzzOptions(), examples: [[new FormData(), null]] },
    )
    expect(created, 'drafts created').toBeGreaterThan(0)
  })

  it('creates nothing while registration is closed', async () => {
    await db.academicSession.updateMany({ data: { registrationOpen: false } })
    try {
      const state = await databaseState()
      await fc.assert(
        fc.asyncProperty(
          fc.oneof({ weight: 3, arbitrary: startForm }, { weight: 1, arbitrary: junk }),
          async (form) => {
            browser.reset({ ip: freshIp() })
            const target = await expectRedirect(() => actions.startRegistrationAction(form as FormData))
            expect(['/inscription', '/inscription?erreur=fermee']).toContain(target)
            expect(browser.cookie(DRAFT_COOKIE)).toBeUndefined()
            expect(await databaseState()).toEqual(state)
          },
        ),
        fuzzOptions({ numRuns: Math.ceil(FUZZ_RUNS / 4) }),
      )
    } finally {
      await db.academicSession.updateMany({
        where: { startYear: NOW.getUTCFullYear() },
        data: { registrationOpen: true },
      })
    }
  })
})

describe('the draft’s pieces', () => {
  /** A draft with one uploaded file; returns its token and a way to read the file's current id. */
  async function draftWithPiece() {
    const token = await startDraft(actions)
    const upload = async () => {
      openDraftBrowser(token, REAL)
      const posted = await postPiece(uploadRoute, {
        pieceTypeCode: 'CV',
        bytes: fixture('cv.pdf'),
        fileName: 'cv.pdf',
      })
      expect(posted.status).toBe(201)
      return posted.body.pieceId!
    }
    return { token, upload, pieceId: await upload() }
  }

  const pieceIdArbitrary = fc.oneof(
    { weight: 2, arbitrary: fc.constant(REAL) },
    { weight: 2, arbitrary: fc.uuid() },
    { weight: 4, arbitrary: junk },
    { weight: 3, arbitrary: nastyString },
  )

  it('removeDraftPieceAction removes a file of the draft, and refuses anything else without writing', async () => {
    const draft = await draftWithPiece()
    let state = await databaseState()
    let removed = 0
    await fc.assert(
      fc.asyncProperty(pieceIdArbitrary, credential, async (pieceId, cookie) => {
        openDraftBrowser(draft.token, cookie)
        const id = pieceId === REAL ? draft.pieceId : pieceId
        const result = await actions.removeDraftPieceAction(id as string)
        expect(typeof result.ok).toBe('boolean')
        if (result.ok) {
          removed += 1
          expect([pieceId, cookie]).toEqual([REAL, REAL])
          draft.pieceId = await draft.upload()
          state = await databaseState()
        } else {
          expect(typeof result.message).toBe('string')
          expect(await databaseState()).toEqual(state)
        }
      }),
      { ...fuzzOptions(), examples: [[REAL, REAL]] },
    )
    expect(removed, 'files removed').toBeGreaterThan(0)
  })

  it('setDraftPieceDateAction dates a file of the draft with a real day, and refuses anything else without writing', async () => {
    const draft = await draftWithPiece()
    let state = await databaseState()
    let dated = 0
    const date = fc.oneof(
      fc.constantFrom('02/11/2026', '2026-11-02', '2/1/2026', '29/02/2024'),
      fc.date({ noInvalidDate: true }).map((day) => day.toISOString().slice(0, 10)),
      nastyString,
      junk,
    )
    await fc.assert(
      fc.asyncProperty(pieceIdArbitrary, date, credential, async (pieceId, day, cookie) => {
        openDraftBrowser(draft.token, cookie)
        const result = await actions.setDraftPieceDateAction(
          (pieceId === REAL ? draft.pieceId : pieceId) as string,
          day as string,
        )
        expect(typeof result.ok).toBe('boolean')
        if (result.ok) {
          expect([pieceId, cookie]).toEqual([REAL, REAL])
          expect(documentDateSchema.safeParse(day).success).toBe(true)
          dated += 1
          state = await databaseState()
        } else {
          expect(typeof result.message).toBe('string')
          expect(await databaseState()).toEqual(state)
        }
      }),
      { ...fuzzOptions(), examples: [[REAL, '02/11/2026', REAL]] },
    )
    expect(dated, 'files dated').toBeGreaterThan(0)
  })
})

describe('submitRegistrationAction', () => {
  const confirmation = inputNear({ consent: true, certify: true })

  it('refuses an incomplete draft whatever is sent, from whatever address, and writes nothing', async () => {
    browser.reset({ ip: freshIp() })
    await fillDraft(actions)
    const token = browser.cookie(DRAFT_COOKIE)!
    const state = await databaseState()
    await fc.assert(
      fc.asyncProperty(
        confirmation,
        credential,
        fc.oneof(fc.constant(null), forwardedFor),
        async (input, cookie, ip) => {
          openDraftBrowser(token, cookie, ip ?? freshIp())
          const result = await actions.submitRegistrationAction(
            input as { consent: unknown; certify: unknown },
          )
          expect(result.ok).toBe(false)
          expect(Array.isArray(result.issues)).toBe(true)
          expect(isRecordOfStrings(result.fieldErrors)).toBe(true)
          expect(await databaseState()).toEqual(state)
        },
      ),
      fuzzOptions(),
    )
  })

  it('never sends a complete draft without both confirmations', async () => {
    browser.reset({ ip: freshIp() })
    await fillDraft(actions)
    await uploadPieces(uploadRoute)
    const token = browser.cookie(DRAFT_COOKIE)!
    const state = await databaseState()
    await fc.assert(
      fc.asyncProperty(
        confirmation.filter((input) => !submissionSchema.safeParse(input).success),
        async (input) => {
          openDraftBrowser(token, REAL)
          const result = await actions.submitRegistrationAction(
            input as { consent: unknown; certify: unknown },
          )
          expect(result.ok).toBe(false)
          expect(Object.keys(result.fieldErrors).length).toBeGreaterThan(0)
          expect(await databaseState()).toEqual(state)
        },
      ),
      fuzzOptions({ numRuns: Math.ceil(FUZZ_RUNS / 4) }),
    )
  })
})
