// Property-based tests of saveStepAction, each step of the registration form, called as the browser
// calls it (the real action, with next/headers mocked): whatever arrives, it answers without
// throwing, saves only what the step's schema accepts, and a refused input leaves every table as it
// was. (The other registration actions: fuzz-registration.test.ts.)
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { todayIn } from '@/lib/domain/dates'
import { ANSWER_STEPS, type AnswerStepId } from '@/lib/domain/registration'
import { stepSchema, type StepContext, type StepInput } from '@/lib/schemas/registration-steps'
import { getDb } from '@/lib/server/db'
import { getDraft } from '@/lib/server/registration/get-draft'
import { stepContextOf } from '@/lib/server/registration/registration-context'
import { seed } from '@/prisma/seed'
import {
  assertNoPollution,
  credential,
  databaseState,
  FUZZ_RUNS,
  FUZZ_TIMEOUT,
  fuzzOptions,
  inputNear,
  junk,
  REAL,
  openDraftBrowser,
  startDraft,
} from '../support/fuzz'
import { answers, NOW } from '../support/registration'
import { resetDatabase } from '../support/test-database'

vi.setConfig({ testTimeout: FUZZ_TIMEOUT })

const actions = await import('@/app/(public)/inscription/actions')
const db = getDb()

async function contextOf(token: string): Promise<StepContext> {
  const lookup = await getDraft({ token })
  if (lookup.state !== 'ACTIVE') throw new Error('The draft should be active')
  return stepContextOf(lookup.draft.context, todayIn(NOW))
}

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

describe('saveStepAction', () => {
  it.each(ANSWER_STEPS)(
    'saves %s only when the step schema accepts it, and otherwise writes nothing',
    async (step) => {
      const token = await startDraft(actions)
      const context = await contextOf(token)
      const valid = answers()[step]
      let state = await databaseState()
      let saved = 0
      await fc.assert(
        fc.asyncProperty(inputNear(valid), credential, async (input, cookie) => {
          openDraftBrowser(token, cookie)
          const result = await actions.saveStepAction(step, input as StepInput)
          if (result.ok) {
            saved += 1
            expect(cookie).toBe(REAL)
            expect(
              stepSchema(step, context).safeParse(input).success,
              'saved although the schema refuses it',
            ).toBe(true)
            state = await databaseState()
          } else {
            expect(isRecordOfStrings(result.fieldErrors)).toBe(true)
            expect(result.formError === null || typeof result.formError === 'string').toBe(true)
            expect(await databaseState()).toEqual(state)
          }
          assertNoPollution()
        }),
        // The form's own answers first: the saving path is always exercised.
        { ...fuzzOptions(), examples: [[valid, REAL]] },
      )
      expect(saved, 'inputs saved').toBeGreaterThan(0)
    },
  )

  it('refuses any step that is not one of the form’s, and writes nothing', async () => {
    const token = await startDraft(actions)
    const state = await databaseState()
    await fc.assert(
      fc.asyncProperty(
        junk.filter((step) => !(ANSWER_STEPS as readonly unknown[]).includes(step)),
        junk,
        async (step, input) => {
          openDraftBrowser(token, REAL)
          const result = await actions.saveStepAction(step as AnswerStepId, input as StepInput)
          expect(result).toEqual({ ok: false, fieldErrors: {}, formError: 'Étape inconnue.' })
          expect(await databaseState()).toEqual(state)
        },
      ),
      fuzzOptions({ numRuns: Math.ceil(FUZZ_RUNS / 4) }),
    )
  })
})
