// Issue 9, findings 1, 3, 5 and 6: a private link is an invitation to sign in, never a session,
// and it goes only where the applicant said. Through the real server actions and pages.
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { getDb } from '@/lib/server/db'
import { DOSSIER_COOKIE, DRAFT_COOKIE } from '@/lib/server/registration/cookies'
import { hashToken } from '@/lib/server/tokens'
import { seed } from '@/prisma/seed'
import { createDossier } from '../support/dossiers'
import { lastLink, openLink, prefetch } from '../support/links'
import { browser, runAfterResponse } from '../support/next-request'
import { answers, fillDraft, NOW, uploadPieces } from '../support/registration'
import { contentFingerprint } from '../support/staff'
import { resetDatabase } from '../support/test-database'

const actions = await import('@/app/(public)/inscription/actions')
const dossierActions = await import('@/app/(public)/dossier/actions')
const { requestNewLinkAction } = await import('@/app/(public)/dossier/lien-perdu/actions')
const uploadRoute = await import('@/app/api/inscription/pieces/route')
const db = getDb()
const DAY = 86_400_000

function form(values: Record<string, string>) {
  const data = new FormData()
  for (const [key, value] of Object.entries(values)) data.set(key, value)
  return data
}

async function linkRequestRows(): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ n: number }>>`
    SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'LinkRequest'`
  return row?.n
    ? Number(
        (await db.$queryRawUnsafe<Array<{ n: number }>>('SELECT count(*)::int AS n FROM "LinkRequest"'))[0]!
          .n,
      )
    : 0
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

describe('a resume link is an invitation, never a session', () => {
  it('a GET (a mail scanner’s prefetch) sets no cookie and consumes nothing', async () => {
    await fillDraft(actions)
    const link = await lastLink('RESUME_LINK')
    browser.reset()
    await prefetch(link)
    expect(browser.cookie(DRAFT_COOKIE)).toBeUndefined()
    // The person who clicks afterwards still gets in.
    browser.reset()
    expect((await openLink(link)).refused).toBe(false)
    expect(browser.cookie(DRAFT_COOKIE)).toBeDefined()
  })

  it('« Continuer » sets a fresh session token, different from the link’s, stored hashed', async () => {
    await fillDraft(actions)
    const link = await lastLink('RESUME_LINK')
    browser.reset()
    const opened = await openLink(link)
    expect(opened).toEqual({ location: '/inscription/pieces', refused: false })
    const session = browser.cookie(DRAFT_COOKIE)
    expect(session).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(session).not.toBe(link.token)
    const draft = await db.draft.findFirstOrThrow({ select: { tokenHash: true } })
    expect(draft.tokenHash).toBe(hashToken(session!))
  })

  it('is refused the second time, in any browser', async () => {
    await fillDraft(actions)
    const link = await lastLink('RESUME_LINK')
    browser.reset()
    expect((await openLink(link)).refused).toBe(false)
    browser.reset({ ip: '198.51.100.7' })
    expect((await openLink(link)).refused).toBe(true)
    expect(browser.cookie(DRAFT_COOKIE)).toBeUndefined()
  })

  it('is refused after 7 days', async () => {
    await fillDraft(actions)
    const link = await lastLink('RESUME_LINK')
    vi.setSystemTime(new Date(NOW.getTime() + 7 * DAY + 60_000))
    browser.reset()
    expect((await openLink(link)).refused).toBe(true)
    expect(browser.cookie(DRAFT_COOKIE)).toBeUndefined()
  })

  it('ends the draft’s other session: the other device is told why on its next request', async () => {
    await fillDraft(actions)
    const first = browser.cookie(DRAFT_COOKIE)!
    const link = await lastLink('RESUME_LINK')
    browser.reset({ ip: '198.51.100.7' })
    expect((await openLink(link)).refused).toBe(false)
    browser.reset()
    browser.setCookie(DRAFT_COOKIE, first)
    const result = await actions.saveStepAction('identite', answers().identite)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.formError).toMatch(/autre appareil/)
    expect(!result.ok && result.formError).toMatch(/nouveau lien/)
  })

  it('a browser that holds another draft is asked which to keep, and keeps its own until it answers', async () => {
    // The stranger's draft, and a link to it he got by e-mail.
    await fillDraft(
      actions,
      answers({ coordonnees: { email: 'etranger@example.re', emailConfirmation: 'etranger@example.re' } }),
    )
    const strangerLink = await lastLink('RESUME_LINK', 'etranger@example.re')
    // The victim's own draft in her browser.
    browser.reset({ ip: '198.51.100.20' })
    await fillDraft(actions)
    const own = browser.cookie(DRAFT_COOKIE)
    const opened = await openLink(strangerLink)
    expect(opened.location).toMatch(/^\/inscription\/reprendre\/[A-Za-z0-9_-]{43}\?choisir$/)
    expect(browser.cookie(DRAFT_COOKIE)).toBe(own)
    // Asked, she may still choose the link's draft on purpose.
    expect((await openLink(strangerLink, { replace: true })).refused).toBe(false)
    expect(browser.cookie(DRAFT_COOKIE)).not.toBe(own)
  })
})

describe('a resume link goes only to the draft’s current address', () => {
  it('the link mailed to an old « Coordonnées » address opens nothing after the address changed', async () => {
    await fillDraft(
      actions,
      answers({ coordonnees: { email: 'faute@example.re', emailConfirmation: 'faute@example.re' } }),
    )
    const typo = await lastLink('RESUME_LINK', 'faute@example.re')
    const fixed = {
      ...answers().coordonnees,
      email: 'marie@example.re',
      emailConfirmation: 'marie@example.re',
    }
    expect((await actions.saveStepAction('coordonnees', fixed)).ok).toBe(true)
    browser.reset({ ip: '198.51.100.7' })
    expect((await openLink(typo)).refused).toBe(true)
    expect(browser.cookie(DRAFT_COOKIE)).toBeUndefined()
    // The new address got its own link, which works.
    expect((await openLink(await lastLink('RESUME_LINK', 'marie@example.re'))).refused).toBe(false)
  })

  it('20 saves of « Coordonnées » with 20 new addresses queue at most 5 resume e-mails', async () => {
    await fillDraft(actions)
    for (let index = 0; index < 20; index += 1) {
      const email = `victime${index}@example.re`
      const result = await actions.saveStepAction('coordonnees', {
        ...answers().coordonnees,
        email,
        emailConfirmation: email,
      })
      expect(result.ok).toBe(true)
    }
    expect(await db.outboxEmail.count({ where: { kind: 'RESUME_LINK' } })).toBeLessThanOrEqual(5)
  })

  it('after submission the draft’s link and cookie do not open the dossier', async () => {
    await fillDraft(actions)
    await uploadPieces(uploadRoute)
    const draftCookie = browser.cookie(DRAFT_COOKIE)!
    const resume = await lastLink('RESUME_LINK')
    await expect(actions.submitRegistrationAction({ consent: true, certify: true })).rejects.toMatchObject({
      digest: expect.stringContaining('/dossier/confirmation'),
    })
    const dossierSession = browser.cookie(DOSSIER_COOKIE)!
    expect(dossierSession).not.toBe(draftCookie)
    expect(dossierSession).not.toBe(resume.token)
    // The draft's link, on either route, opens nothing.
    browser.reset({ ip: '198.51.100.7' })
    expect((await openLink(resume)).refused).toBe(true)
    expect(
      (await openLink({ ...resume, kind: 'dossier', path: `/dossier/acces/${resume.token}` })).refused,
    ).toBe(true)
    expect(browser.cookie(DOSSIER_COOKIE)).toBeUndefined()
    // Nor does the draft's cookie, presented as a dossier cookie.
    browser.setCookie(DOSSIER_COOKIE, draftCookie)
    const withdrawn = await dossierActions.withdrawDossierAction({ confirm: true })
    expect(withdrawn.ok).toBe(false)
    expect((await db.dossier.findFirstOrThrow()).status).toBe('SUBMITTED')
  })
})

describe('a lost dossier link', () => {
  it('answers in the same words whether or not a dossier matches, and the request writes only the demand', async () => {
    const dossier = await createDossier({ email: 'marie@example.re' })
    const idle = {
      status: 'idle' as const,
      message: null,
      fieldErrors: {},
      values: { reference: '', email: '' },
    }
    const before = await contentFingerprint()
    const matched = await requestNewLinkAction(
      idle,
      form({ reference: dossier.reference, email: 'marie@example.re' }),
    )
    const unmatched = await requestNewLinkAction(
      idle,
      form({ reference: dossier.reference, email: 'autre@example.re' }),
    )
    expect(unmatched).toEqual(matched)
    // Only the two demands were written by the requests: no link, no e-mail, no audit event yet.
    expect(await linkRequestRows()).toBe(2)
    const withoutDemands = (fingerprint: string) =>
      fingerprint
        .split(',')
        .filter((part) => !part.startsWith('LinkRequest:'))
        .join(',')
    expect(withoutDemands(await contentFingerprint())).toBe(withoutDemands(before))
    await runAfterResponse()
    expect(await db.outboxEmail.count({ where: { dossierId: dossier.id } })).toBe(1)
    expect(await linkRequestRows()).toBe(0)
  })

  it('keeps the old dossier session until the new link is used', async () => {
    const dossier = await createDossier({ email: 'marie@example.re' })
    const idle = {
      status: 'idle' as const,
      message: null,
      fieldErrors: {},
      values: { reference: '', email: '' },
    }
    await requestNewLinkAction(idle, form({ reference: dossier.reference, email: 'marie@example.re' }))
    await runAfterResponse()
    const link = await lastLink('DOSSIER_MESSAGE', 'marie@example.re')
    // The applicant's own browser still follows the dossier.
    browser.setCookie(DOSSIER_COOKIE, dossier.token)
    const { getApplicantDossier } = await import('@/lib/server/dossiers/get-applicant-dossier')
    expect((await getApplicantDossier({ token: dossier.token }))?.id).toBe(dossier.id)
    // Once the new link is used on another device, that old session ends, with the reason.
    browser.reset({ ip: '198.51.100.7' })
    expect((await openLink(link)).refused).toBe(false)
    expect(browser.cookie(DOSSIER_COOKIE)).not.toBe(dossier.token)
    expect(await getApplicantDossier({ token: dossier.token })).toBeNull()
    browser.reset()
    browser.setCookie(DOSSIER_COOKIE, dossier.token)
    const refused = await dossierActions.withdrawDossierAction({ confirm: true })
    expect(!refused.ok && refused.message).toMatch(/autre appareil/)
  })
})
