// Property-based tests of the public actions on a submitted dossier: the withdrawal (credential:
// the dossier's private link in a cookie) and the lost-link form (public). Whatever arrives, they
// answer without throwing, and write only what a legitimate request asks for.
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { lostLinkSchema } from '@/lib/schemas/lost-link'
import { getDb } from '@/lib/server/db'
import { seed } from '@/prisma/seed'
import { createDossier } from '../support/dossiers'
import {
  assertNoPollution,
  credential,
  databaseState,
  forwardedFor,
  freshIp,
  FUZZ_TIMEOUT,
  fuzzOptions,
  inputNear,
  junk,
  nastyString,
  REAL,
} from '../support/fuzz'
import { browser, runAfterResponse } from '../support/next-request'
import { NOW } from '../support/registration'
import { resetDatabase } from '../support/test-database'

vi.setConfig({ testTimeout: FUZZ_TIMEOUT })

const dossierActions = await import('@/app/(public)/dossier/actions')
const lostLinkActions = await import('@/app/(public)/dossier/lien-perdu/actions')
const db = getDb()

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

describe('withdrawDossierAction', () => {
  it('withdraws only for the dossier’s link and a ticked confirmation, and otherwise writes nothing', async () => {
    let dossier = await createDossier({ submittedAt: NOW, pieceTypeCodes: [] })
    let state = await databaseState()
    let withdrawn = 0
    await fc.assert(
      fc.asyncProperty(
        inputNear({ confirm: true }),
        credential,
        fc.oneof(fc.constant(null), forwardedFor),
        async (input, cookie, ip) => {
          browser.reset({ ip: ip ?? freshIp() })
          const value = cookie === REAL ? dossier.token : cookie
          if (value !== undefined) browser.setCookie('cnam_dossier', value)
          const result = await dossierActions.withdrawDossierAction(input as { confirm: unknown })
          expect(typeof result.ok).toBe('boolean')
          if (result.ok) {
            expect(cookie).toBe(REAL)
            expect((input as { confirm: unknown }).confirm).toBe(true)
            const stored = await db.dossier.findUniqueOrThrow({ where: { id: dossier.id } })
            expect(stored.status).toBe('WITHDRAWN')
            withdrawn += 1
            // A new dossier for the next runs: this one can no longer be withdrawn.
            dossier = await createDossier({ submittedAt: NOW, pieceTypeCodes: [] })
            state = await databaseState()
          } else {
            expect(typeof result.message).toBe('string')
            expect(await databaseState()).toEqual(state)
          }
        },
      ),
      { ...fuzzOptions(), examples: [[{ confirm: true }, REAL, null]] },
    )
    expect(withdrawn, 'dossiers withdrawn').toBeGreaterThan(0)
  })
})

describe('requestNewLinkAction', () => {
  const SENT =
    'Si un dossier correspond à cette référence et à cette adresse, un nouveau lien y est envoyé dans quelques minutes. Il fonctionne une fois, pendant 7 jours ; l’accès déjà ouvert sur vos appareils le reste jusqu’à ce que vous l’utilisiez.'
  const idle = { status: 'idle', message: null, fieldErrors: {}, values: { reference: '', email: '' } }

  it('sends a new link only for a matching reference and address with the honeypot empty, answers the same otherwise, and writes nothing then', async () => {
    const dossier = await db.dossier.findUniqueOrThrow({
      where: { id: (await createDossier({ submittedAt: NOW, pieceTypeCodes: [] })).id },
      select: { reference: true, email: true },
    })
    const field = (valid: string) =>
      fc.oneof(
        { weight: 4, arbitrary: fc.constant(valid) },
        { weight: 1, arbitrary: fc.constantFrom(` ${valid.toLowerCase()} `, valid.toUpperCase()) },
        { weight: 3, arbitrary: nastyString },
        { weight: 1, arbitrary: fc.constant(new File([new Uint8Array([0])], 'x.pdf')) },
        { weight: 1, arbitrary: fc.constant(undefined) },
      )
    const lostLinkForm = fc
      .record({
        reference: field(dossier.reference),
        email: field(dossier.email),
        website: fc.oneof(fc.constant(undefined), fc.constant(''), nastyString),
      })
      .map((values) => {
        const form = new FormData()
        for (const [name, value] of Object.entries(values)) if (value !== undefined) form.set(name, value)
        return form
      })
    let state = await databaseState()
    let renewed = 0
    const matching = new FormData()
    matching.set('reference', dossier.reference)
    matching.set('email', dossier.email)
    matching.set('website', '')
    await fc.assert(
      fc.asyncProperty(
        fc.oneof({ weight: 1, arbitrary: junk }, { weight: 1, arbitrary: inputNear(idle) }),
        fc.oneof({ weight: 4, arbitrary: lostLinkForm }, { weight: 1, arbitrary: junk }),
        async (previous, form) => {
          browser.reset({ ip: freshIp() })
          const result = await lostLinkActions.requestNewLinkAction(
            previous as Parameters<typeof lostLinkActions.requestNewLinkAction>[0],
            form as FormData,
          )
          // The demand is resolved after the response, as Next's after() does.
          await runAfterResponse()
          expect(['sent', 'error']).toContain(result.status)
          expect(typeof result.values.reference).toBe('string')
          expect(typeof result.values.email).toBe('string')
          const text = (name: string) => {
            const value = form instanceof FormData ? form.get(name) : null
            return typeof value === 'string' ? value : value === null ? undefined : value
          }
          const parsed = lostLinkSchema.safeParse({
            reference: String(text('reference') ?? ''),
            email: String(text('email') ?? ''),
            website: text('website'),
          })
          // Whether a dossier matched never shows in the answer.
          if (parsed.success) expect(result).toMatchObject({ status: 'sent', message: SENT })
          const matches =
            parsed.success &&
            parsed.data.reference === dossier.reference &&
            parsed.data.email === dossier.email.toLowerCase()
          const after = await databaseState()
          if (matches) {
            // A new link (within the per-dossier limit), and the open session is never revoked.
            expect(after.Dossier).toEqual(state.Dossier)
            if (after.ApplicantLink !== state.ApplicantLink) renewed += 1
            state = after
          } else {
            expect(after).toEqual(state)
          }
        },
      ),
      { ...fuzzOptions(), examples: [[idle, matching]] },
    )
    expect(renewed, 'links renewed').toBeGreaterThan(0)
  })
})
