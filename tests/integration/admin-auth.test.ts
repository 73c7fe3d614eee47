// Staff sign-in, sessions and the own-account page, through the real server actions (next/headers
// mocked: a cookie jar and an IP address stand for the browser).
import { generate } from 'otplib'
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { signIn, WRONG_CREDENTIALS } from '@/lib/server/auth/sign-in'
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

function advanceSeconds(seconds: number) {
  vi.setSystemTime(new Date(Date.now() + seconds * 1000))
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

  /**
   * Wrong passwords for `email`, one from each of `count` addresses no one else uses: through the
   * sign-in function itself (the action reads one test browser's address, and argon2 makes 1,000
   * sequential checks slow), four at a time.
   */
  async function failuresFromManyAddresses(email: string, count: number, prefix: number) {
    for (let start = 0; start < count; start += 4) {
      const batch = Array.from({ length: Math.min(4, count - start) }, (_, offset) => start + offset)
      const results = await Promise.all(
        batch.map((index) =>
          signIn({
            email,
            password: `Mauvais-mot-de-passe-${index}`,
            ip: `10.${prefix}.${Math.floor(index / 250)}.${(index % 250) + 1}`,
          }),
        ),
      )
      for (const result of results)
        expect(result).toEqual({ ok: false, message: WRONG_CREDENTIALS, locked: false })
    }
  }

  it.each([10, 100, 1000])(
    'still opens an account with the right password from a fresh address after %i failures from others',
    async (failures) => {
      const user = await createStaff('ADMIN')
      await failuresFromManyAddresses(user.email, failures, 1)
      expect(await db.signInAttempt.count({ where: { email: user.email, succeeded: false } })).toBe(failures)
      browser.reset({ ip: '198.51.100.250' })
      expect(await signInWith(user.email, STAFF_PASSWORD)).toEqual({ redirectedTo: '/admin', message: null })
      expect((await currentStaff())?.userId).toBe(user.id)
    },
    600_000,
  )

  it('limits one address on one account to 10 failures in 15 minutes; refusals do not extend it', async () => {
    const user = await createStaff('GESTIONNAIRE')
    browser.reset({ ip: '192.0.2.50' })
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      expect((await signInWith(user.email, `Mauvais-mot-de-passe-${attempt}`)).message).toBe(
        WRONG_CREDENTIALS,
      )
      advanceSeconds(10)
    }
    // Even the right password is refused from this address, without being checked…
    const refused = await signInWith(user.email, STAFF_PASSWORD)
    expect(refused.redirectedTo).toBeNull()
    expect(refused.message).toMatch(
      /^Trop de tentatives depuis cette connexion : réessayez dans 14 minutes\./,
    )
    expect(await db.staffSession.count()).toBe(0)
    // …but the account itself is not locked: its owner, elsewhere, signs in.
    browser.reset({ ip: '192.0.2.51' })
    expect((await signInWith(user.email, STAFF_PASSWORD)).redirectedTo).toBe('/admin')
    // The guesser keeps trying once a minute: refused each time, and that does not move the end.
    browser.reset({ ip: '192.0.2.50' })
    for (let minute = 1; minute <= 13; minute += 1) {
      advance(1)
      expect((await signInWith(user.email, `Encore-un-essai-${minute}`)).message).toMatch(
        /^Trop de tentatives depuis cette connexion/,
      )
    }
    expect(await db.signInAttempt.count({ where: { ip: '192.0.2.50', succeeded: false } })).toBe(10)
    // 15 minutes after the first failure, that address may try again.
    advance(1)
    expect((await signInWith(user.email, STAFF_PASSWORD)).redirectedTo).toBe('/admin')
  })

  it('limits one address to 30 failures in 15 minutes, whatever the accounts tried', async () => {
    const user = await createStaff('GESTIONNAIRE')
    browser.reset({ ip: '192.0.2.66' })
    for (let attempt = 1; attempt <= 30; attempt += 1) {
      expect((await signInWith(`essai${attempt}@test.cnam.re`, STAFF_PASSWORD)).message).toBe(
        WRONG_CREDENTIALS,
      )
    }
    expect((await signInWith(user.email, STAFF_PASSWORD)).message).toMatch(
      /^Trop de tentatives depuis cette connexion : réessayez dans 15 minutes\./,
    )
    expect(await db.staffSession.count()).toBe(0)
    browser.reset({ ip: '192.0.2.67' })
    expect((await signInWith(user.email, STAFF_PASSWORD)).redirectedTo).toBe('/admin')
  })

  it('slows an account under attack for addresses that already failed on it, by a few seconds at most', async () => {
    const user = await createStaff('ADMIN')
    await failuresFromManyAddresses(user.email, 40, 2)
    // An address that failed 3 times on this account waits for the account's pace.
    browser.reset({ ip: '192.0.2.80' })
    for (let attempt = 1; attempt <= 3; attempt += 1) {
      advanceSeconds(6)
      expect((await signInWith(user.email, `Mauvais-mot-de-passe-${attempt}`)).message).toBe(
        WRONG_CREDENTIALS,
      )
    }
    const paced = await signInWith(user.email, STAFF_PASSWORD)
    expect(paced.message).toBe('Trop de tentatives sur ce compte : réessayez dans 5 secondes.')
    expect(await db.signInAttempt.count({ where: { ip: '192.0.2.80' } })).toBe(3)
    advanceSeconds(5)
    expect((await signInWith(user.email, STAFF_PASSWORD)).redirectedTo).toBe('/admin')
    // A fresh address is never slowed.
    await failuresFromManyAddresses(user.email, 5, 3)
    browser.reset({ ip: '192.0.2.81' })
    expect((await signInWith(user.email, STAFF_PASSWORD)).redirectedTo).toBe('/admin')
  })

  it('says the same words when limited, whether the account exists or not', async () => {
    const user = await createStaff('GESTIONNAIRE')
    const answers: Array<Array<string | null>> = []
    for (const [email, ip] of [
      [user.email, '192.0.2.90'],
      ['personne@test.cnam.re', '192.0.2.91'],
    ] as const) {
      vi.setSystemTime(new Date(NOW.getTime() + answers.length * 3600_000))
      browser.reset({ ip })
      const seen: Array<string | null> = []
      for (let attempt = 1; attempt <= 11; attempt += 1) {
        seen.push((await signInWith(email, `Mauvais-mot-de-passe-${attempt}`)).message)
        advanceSeconds(2)
      }
      answers.push(seen)
    }
    expect(answers[0]).toEqual(answers[1])
    expect(answers[0]?.at(-1)).toMatch(/^Trop de tentatives/)
  })

  it('counts the socket address, not an X-Forwarded-For the client sends (TRUSTED_PROXIES=0)', async () => {
    const user = await createStaff('GESTIONNAIRE')
    browser.reset({ ip: '192.0.2.100' })
    for (let attempt = 1; attempt <= 10; attempt += 1) {
      browser.sendForwardedFor(`198.18.0.${attempt}`)
      expect((await signInWith(user.email, `Mauvais-mot-de-passe-${attempt}`)).message).toBe(
        WRONG_CREDENTIALS,
      )
      advanceSeconds(10)
    }
    browser.sendForwardedFor('198.18.0.99')
    expect((await signInWith(user.email, STAFF_PASSWORD)).message).toMatch(
      /^Trop de tentatives depuis cette connexion/,
    )
    expect(await db.signInAttempt.count({ where: { ip: '192.0.2.100', succeeded: false } })).toBe(10)
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
      expect(
        await accountActions.changeOwnPasswordAction({
          currentPassword: `Mauvais-mot-de-passe-${attempt}`,
          password: NEW_PASSWORD,
          confirmation: NEW_PASSWORD,
        }),
      ).toMatchObject({ ok: false, fieldErrors: { currentPassword: 'Mot de passe actuel incorrect.' } })
      advanceSeconds(6)
    }
    expect(
      await accountActions.changeOwnPasswordAction({
        currentPassword: STAFF_PASSWORD,
        password: NEW_PASSWORD,
        confirmation: NEW_PASSWORD,
      }),
    ).toMatchObject({
      ok: false,
      fieldErrors: { currentPassword: expect.stringMatching(/^Trop de tentatives depuis cette connexion/) },
    })
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
    // The code that confirmed the enrolment, seen over the shoulder, is spent: it does not sign in.
    const enrolmentCodeAgain = await signInActions.secondFactorAction(
      { message: null },
      form({ code, retour: '/admin' }),
    )
    expect(enrolmentCodeAgain.message).toMatch(/Code incorrect/)
    expect(await currentStaff()).toBeNull()
    // The next code the app shows does.
    vi.setSystemTime(new Date(Date.now() + 30_000))
    const nextCode = await codeFor(enrolment.secret)
    const target = await expectRedirect(() =>
      signInActions.secondFactorAction({ message: null }, form({ code: nextCode, retour: '/admin' })),
    )
    expect(target).toBe('/admin')
    expect((await currentStaff())?.userId).toBe(user.id)

    // The same code, seen over the shoulder, does not open a second session.
    browser.reset()
    await signInWith(user.email, STAFF_PASSWORD)
    const replayed = await signInActions.secondFactorAction(
      { message: null },
      form({ code: nextCode, retour: '/admin' }),
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
