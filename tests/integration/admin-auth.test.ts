// Staff sign-in, sessions and the own-account page, through the real server actions (next/headers
// mocked: a cookie jar and an IP address stand for the browser).
import { generate } from 'otplib'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { LOCKED_OUT, WRONG_CREDENTIALS } from '@/lib/server/auth/sign-in'
import { openSecret } from '@/lib/server/auth/secrets'
import { STAFF_COOKIE } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { getOwnAccount } from '@/lib/server/staff/get-own-account'
import { browser, expectRedirect } from '../support/next-request'
import { createStaff, signInBrowserAs, STAFF_PASSWORD } from '../support/staff'
import { resetDatabase } from '../support/test-database'

const signInActions = await import('@/app/(admin)/admin/connexion/actions')
const accountActions = await import('@/app/(admin)/admin/compte/actions')
const { currentStaff, requireStaffPage } = await import('@/lib/server/auth/authorize')
const db = getDb()

const NOW = new Date('2026-11-26T08:00:00Z')
const NEW_PASSWORD = 'le volcan fume encore ce matin'

function form(fields: Record<string, string>): FormData {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) data.set(name, value)
  return data
}

const EMPTY = { message: null, email: '' }

/** Signs in through the sign-in form's action; returns where it redirected, or the form's state. */
async function signInWith(email: string, password: string, retour?: string) {
  try {
    const state = await signInActions.signInAction(
      EMPTY,
      form({ email, password, ...(retour ? { retour } : {}) }),
    )
    return { redirectedTo: null, message: state.message }
  } catch (error) {
    const digest = (error as { digest?: string }).digest
    if (digest?.startsWith('NEXT_REDIRECT')) return { redirectedTo: digest.split(';')[2], message: null }
    throw error
  }
}

function advance(minutes: number) {
  vi.setSystemTime(new Date(Date.now() + minutes * 60_000))
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  await resetDatabase()
  browser.reset()
})

afterAll(() => {
  vi.useRealTimers()
})

describe('signing in', () => {
  it('opens a session and goes to the page asked for', async () => {
    const user = await createStaff('GESTIONNAIRE')
    const result = await signInWith(user.email, STAFF_PASSWORD, '/admin/courriels')
    expect(result.redirectedTo).toBe('/admin/courriels')
    expect((await currentStaff())?.userId).toBe(user.id)
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: user.id } })).lastSignInAt).toEqual(NOW)
  })

  it('says the same for a wrong password, an unknown e-mail and a deactivated account', async () => {
    const user = await createStaff('GESTIONNAIRE')
    const off = await createStaff('ADMIN', { active: false })
    const wrongPassword = await signInWith(user.email, 'Pas-le-bon-mot-de-passe-2026')
    const unknownEmail = await signInWith('personne@test.cnam.re', STAFF_PASSWORD)
    const deactivated = await signInWith(off.email, STAFF_PASSWORD)
    expect(wrongPassword.message).toBe(WRONG_CREDENTIALS)
    expect(unknownEmail.message).toBe(WRONG_CREDENTIALS)
    expect(deactivated.message).toBe(WRONG_CREDENTIALS)
    expect(browser.cookie(STAFF_COOKIE)).toBeUndefined()
    expect(await db.staffSession.count()).toBe(0)
  })

  it('answers an e-mail holding a NUL character (which PostgreSQL refuses) like any wrong e-mail', async () => {
    const user = await createStaff('GESTIONNAIRE')
    expect((await signInWith(`${user.email}\u0000`, 'Pas-le-bon-mot-de-passe-2026')).message).toBe(
      WRONG_CREDENTIALS,
    )
    expect(await db.staffSession.count()).toBe(0)
  })

  it('locks an account after 10 failures in 15 minutes, whatever the IP addresses', async () => {
    const user = await createStaff('GESTIONNAIRE')
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      browser.useIp(`198.51.100.${attempt}`)
      expect((await signInWith(user.email, `Mauvais-mot-de-passe-${attempt}`)).message).toBe(
        WRONG_CREDENTIALS,
      )
    }
    browser.useIp('198.51.100.200')
    // The right password no longer opens the account, from any address.
    expect(await signInWith(user.email, STAFF_PASSWORD)).toEqual({ redirectedTo: null, message: LOCKED_OUT })
    // Another account from these addresses is not affected.
    const colleague = await createStaff('LECTURE')
    expect((await signInWith(colleague.email, STAFF_PASSWORD)).redirectedTo).toBe('/admin')
    // The window slides: 15 minutes after the failures, the account opens again.
    advance(16)
    browser.reset({ ip: '198.51.100.201' })
    expect((await signInWith(user.email, STAFF_PASSWORD)).redirectedTo).toBe('/admin')
  })

  it('locks an IP address after 10 failures in 15 minutes, whatever the accounts tried', async () => {
    const user = await createStaff('GESTIONNAIRE')
    browser.reset({ ip: '192.0.2.66' })
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expect((await signInWith(`essai${attempt}@test.cnam.re`, STAFF_PASSWORD)).message).toBe(
        WRONG_CREDENTIALS,
      )
    }
    expect((await signInWith(user.email, STAFF_PASSWORD)).message).toBe(LOCKED_OUT)
    expect(await db.staffSession.count()).toBe(0)
    browser.reset({ ip: '192.0.2.67' })
    expect((await signInWith(user.email, STAFF_PASSWORD)).redirectedTo).toBe('/admin')
  })
})

describe('sessions', () => {
  it('refuses the old cookie after signing out', async () => {
    const user = await createStaff('ADMIN')
    await signInWith(user.email, STAFF_PASSWORD)
    const token = browser.cookie(STAFF_COOKIE)!
    expect(await expectRedirect(() => signInActions.signOutAction())).toBe('/admin/connexion?deconnecte=1')
    expect(browser.cookie(STAFF_COOKIE)).toBeUndefined()
    // Someone who kept the cookie gets nothing with it.
    browser.setCookie(STAFF_COOKIE, token)
    expect(await currentStaff()).toBeNull()
    expect(await expectRedirect(() => requireStaffPage('staff.manage', '/admin/comptes'))).toBe(
      '/admin/connexion?retour=%2Fadmin%2Fcomptes',
    )
    expect(await accountActions.startTotpAction()).toMatchObject({ ok: false, formError: /reconnectez-vous/ })
    expect(await db.staffSession.count()).toBe(0)
  })

  it('ends after 30 minutes without activity, and sends back to the sign-in page', async () => {
    const user = await createStaff('LECTURE')
    await signInWith(user.email, STAFF_PASSWORD)
    // Activity keeps it alive…
    advance(20)
    expect((await currentStaff())?.userId).toBe(user.id)
    advance(20)
    expect((await currentStaff())?.userId).toBe(user.id)
    // …30 minutes of silence end it.
    advance(31)
    expect(await expectRedirect(() => requireStaffPage('dossiers.read', '/admin'))).toBe(
      '/admin/connexion?retour=%2Fadmin',
    )
    expect(await db.staffSession.count({ where: { userId: user.id } })).toBe(0)
  })

  it('sends a role without the permission to the "forbidden" page, not to the sign-in page', async () => {
    const user = await createStaff('LECTURE')
    await signInBrowserAs(user.id)
    expect(await expectRedirect(() => requireStaffPage('staff.manage', '/admin/comptes'))).toBe(
      '/admin/interdit',
    )
  })
})

describe('own account: password', () => {
  it('needs the current password, applies the CNIL rule, and ends the other sessions only', async () => {
    const user = await createStaff('GESTIONNAIRE')
    // Another device signed in earlier.
    await signInBrowserAs(user.id)
    const otherDevice = browser.cookie(STAFF_COOKIE)!
    browser.reset({ ip: '203.0.113.20' })
    await signInWith(user.email, STAFF_PASSWORD)
    const thisDevice = browser.cookie(STAFF_COOKIE)!

    expect(
      await accountActions.changeOwnPasswordAction({
        currentPassword: 'Pas-le-bon-mot-de-passe-2026',
        password: NEW_PASSWORD,
        confirmation: NEW_PASSWORD,
      }),
    ).toEqual({
      ok: false,
      fieldErrors: { currentPassword: 'Mot de passe actuel incorrect.' },
      formError: null,
    })
    expect(
      await accountActions.changeOwnPasswordAction({
        currentPassword: STAFF_PASSWORD,
        password: 'motdepasse',
        confirmation: 'motdepasse',
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { password: expect.stringContaining('au moins 12 caractères') },
    })
    expect(
      await accountActions.changeOwnPasswordAction({
        currentPassword: STAFF_PASSWORD,
        password: NEW_PASSWORD,
        confirmation: `${NEW_PASSWORD}!`,
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { confirmation: 'Les deux mots de passe ne sont pas identiques.' },
    })

    const result = await accountActions.changeOwnPasswordAction({
      currentPassword: STAFF_PASSWORD,
      password: NEW_PASSWORD,
      confirmation: NEW_PASSWORD,
    })
    expect(result).toEqual({ ok: true, message: 'Mot de passe changé. Votre autre session a été fermée.' })
    expect(browser.cookie(STAFF_COOKIE)).toBe(thisDevice)
    expect((await currentStaff())?.userId).toBe(user.id)
    browser.setCookie(STAFF_COOKIE, otherDevice)
    expect(await currentStaff()).toBeNull()

    browser.reset({ ip: '203.0.113.21' })
    expect((await signInWith(user.email, STAFF_PASSWORD)).message).toBe(WRONG_CREDENTIALS)
    expect((await signInWith(user.email, NEW_PASSWORD)).redirectedTo).toBe('/admin')
  })

  it('counts wrong current passwords toward the lockout', async () => {
    const user = await createStaff('LECTURE')
    await signInBrowserAs(user.id)
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      await accountActions.changeOwnPasswordAction({
        currentPassword: `Mauvais-mot-de-passe-${attempt}`,
        password: NEW_PASSWORD,
        confirmation: NEW_PASSWORD,
      })
    }
    expect(
      await accountActions.changeOwnPasswordAction({
        currentPassword: STAFF_PASSWORD,
        password: NEW_PASSWORD,
        confirmation: NEW_PASSWORD,
      }),
    ).toMatchObject({ ok: false, fieldErrors: { currentPassword: LOCKED_OUT } })
    expect(await db.signInAttempt.count({ where: { email: user.email, succeeded: false } })).toBe(10)
  })
})

describe('own account: second factor (TOTP)', () => {
  async function codeFor(secret: string, offsetSeconds = 0): Promise<string> {
    return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds })
  }

  it('is set up with a QR code, confirmed by a code, then asked at each sign-in', async () => {
    const user = await createStaff('GESTIONNAIRE')
    await signInBrowserAs(user.id)
    const otherDevice = browser.cookie(STAFF_COOKIE)!
    browser.reset()
    await signInWith(user.email, STAFF_PASSWORD)

    expect(await accountActions.startTotpAction()).toEqual({ ok: true })
    const actor = await currentStaff()
    const enrolment = (await getOwnAccount({ actor })).totpEnrolment!
    expect(enrolment.uri).toMatch(/^otpauth:\/\/totp\/.+secret=/)
    expect(enrolment.qrSvg).toContain('<svg')
    // Stored sealed, and not in force yet.
    const stored = await db.staffUser.findUniqueOrThrow({ where: { id: user.id } })
    expect(stored.totpEnabled).toBe(false)
    expect(stored.totpSecret).not.toContain(enrolment.secret)
    expect(openSecret(stored.totpSecret!)).toBe(enrolment.secret)
    // Starting again keeps the secret the app may already have scanned.
    await accountActions.startTotpAction()
    expect((await getOwnAccount({ actor })).totpEnrolment?.secret).toBe(enrolment.secret)

    expect(await accountActions.confirmTotpAction({ code: '12345' })).toMatchObject({
      ok: false,
      fieldErrors: { code: expect.stringContaining('6 chiffres') },
    })
    const wrong = (await codeFor(enrolment.secret, 300)).toString()
    expect(await accountActions.confirmTotpAction({ code: wrong })).toMatchObject({
      ok: false,
      fieldErrors: { code: expect.stringContaining('Code incorrect') },
    })
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: user.id } })).totpEnabled).toBe(false)

    const code = await codeFor(enrolment.secret)
    expect(
      await accountActions.confirmTotpAction({ code: `${code.slice(0, 3)} ${code.slice(3)}` }),
    ).toMatchObject({
      ok: true,
    })
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: user.id } })).totpEnabled).toBe(true)
    // This session stays, the other one (opened without the second factor) is ended.
    expect((await currentStaff())?.userId).toBe(user.id)
    browser.setCookie(STAFF_COOKIE, otherDevice)
    expect(await currentStaff()).toBeNull()

    // Next sign-in: password, then the code.
    browser.reset()
    expect((await signInWith(user.email, STAFF_PASSWORD)).redirectedTo).toBe(
      '/admin/connexion/code?retour=%2Fadmin',
    )
    expect(await currentStaff()).toBeNull()
    const refused = await signInActions.secondFactorAction(
      { message: null },
      form({ code: wrong, retour: '/admin' }),
    )
    expect(refused.message).toMatch(/Code incorrect/)
    expect(await currentStaff()).toBeNull()
    const target = await expectRedirect(() =>
      signInActions.secondFactorAction({ message: null }, form({ code, retour: '/admin' })),
    )
    expect(target).toBe('/admin')
    expect((await currentStaff())?.userId).toBe(user.id)

    // The same code, seen over the shoulder, does not open a second session.
    browser.reset()
    await signInWith(user.email, STAFF_PASSWORD)
    const replayed = await signInActions.secondFactorAction(
      { message: null },
      form({ code, retour: '/admin' }),
    )
    expect(replayed.message).toMatch(/Code incorrect/)
    expect(await currentStaff()).toBeNull()
  })

  it('is turned off only with the current password', async () => {
    const user = await createStaff('LECTURE')
    await signInBrowserAs(user.id)
    await accountActions.startTotpAction()
    const { secret } = (await getOwnAccount({ actor: await currentStaff() })).totpEnrolment!
    await accountActions.confirmTotpAction({ code: await codeFor(secret) })

    expect(
      await accountActions.disableTotpAction({ currentPassword: 'Pas-le-bon-mot-de-passe-2026' }),
    ).toEqual({
      ok: false,
      fieldErrors: { currentPassword: 'Mot de passe actuel incorrect.' },
      formError: null,
    })
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: user.id } })).totpEnabled).toBe(true)
    expect(await accountActions.disableTotpAction({ currentPassword: STAFF_PASSWORD })).toMatchObject({
      ok: true,
    })
    const stored = await db.staffUser.findUniqueOrThrow({ where: { id: user.id } })
    expect(stored).toMatchObject({ totpEnabled: false, totpSecret: null })
    browser.reset()
    expect((await signInWith(user.email, STAFF_PASSWORD)).redirectedTo).toBe('/admin')
  })

  it('can be abandoned before it is confirmed', async () => {
    const user = await createStaff('LECTURE')
    await signInBrowserAs(user.id)
    await accountActions.startTotpAction()
    expect(await accountActions.cancelTotpAction()).toEqual({ ok: true })
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      totpEnabled: false,
      totpSecret: null,
    })
  })
})
