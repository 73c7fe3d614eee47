import { describe, expect, it } from 'vitest'
import {
  accountPaceSeconds,
  can,
  passwordEntropyBits,
  passwordProblem,
  PIECE_CONTENT_PERMISSIONS,
  sessionExpired,
  signInThrottle,
  signInThrottleMessage,
  STAFF_ROLES,
  type Permission,
  type SignInFailures,
} from './staff'

describe('passwords (CNIL: length over composition, 80 bits)', () => {
  it('accepts 12 characters of four kinds, a 14-character one of three kinds and a long phrase', () => {
    expect(passwordProblem('Tamarin#2026x')).toBeNull()
    expect(passwordProblem('Flamboyant2026x')).toBeNull()
    expect(passwordProblem('le volcan fume encore ce matin')).toBeNull()
  })
  it('refuses what is short, weak or tied to the account', () => {
    expect(passwordProblem('Court#1')).toMatch(/au moins 12 caractères/)
    expect(passwordProblem('abcdefghijkl')).toMatch(/trop facile/)
    expect(passwordProblem('aaaaaaaaaaaaaaaaaaaaaaa')).toMatch(/répète/)
    expect(passwordProblem('Gestionnaire.Payet#2026', 'payet@cnam.re')).toMatch(/adresse e-mail/)
    expect(passwordProblem('x'.repeat(129) + 'A1!')).toMatch(/128/)
  })
  it('counts entropy as length × log2(alphabet)', () => {
    expect(passwordEntropyBits('abcdefghijkl')).toBeCloseTo(12 * Math.log2(26))
    expect(passwordEntropyBits('Ab1!Ab1!Ab1!')).toBeCloseTo(12 * Math.log2(95))
  })
})

describe('sign-in throttling', () => {
  const now = new Date('2026-11-26T08:00:00Z')
  const secondsAgo = (seconds: number) => new Date(now.getTime() - seconds * 1000)
  const times = (count: number, everySeconds: number, from = 1) =>
    Array.from({ length: count }, (_, index) => secondsAgo(from + index * everySeconds))
  const none: SignInFailures = { accountAndClient: [], client: [], account: { count: 0, last: null } }

  it('lets a client with no failures through, however many failures the account has', () => {
    expect(signInThrottle(none, now)).toEqual({ allowed: true })
    expect(signInThrottle({ ...none, account: { count: 1000, last: secondsAgo(0) } }, now)).toEqual({
      allowed: true,
    })
    // Two failures of its own (typos) still do not make it wait.
    expect(
      signInThrottle(
        { accountAndClient: times(2, 60), client: times(2, 60), account: { count: 1000, last: now } },
        now,
      ),
    ).toEqual({ allowed: true })
  })

  it('refuses a client at its 10th failure on one account until the oldest leaves the 15 minutes', () => {
    const nine = times(9, 60)
    expect(signInThrottle({ ...none, accountAndClient: nine, client: nine }, now)).toEqual({ allowed: true })
    const ten = times(10, 60) // the oldest 541 seconds ago
    expect(signInThrottle({ ...none, accountAndClient: ten, client: ten }, now)).toEqual({
      allowed: false,
      limit: 'CLIENT',
      retryAfterSeconds: 900 - 541,
    })
    // Order does not matter; the newest ten decide.
    expect(signInThrottle({ ...none, accountAndClient: [...ten].reverse(), client: ten }, now)).toMatchObject(
      {
        retryAfterSeconds: 359,
      },
    )
  })

  it('refuses a client at its 30th failure on any accounts', () => {
    expect(signInThrottle({ ...none, client: times(29, 10) }, now)).toEqual({ allowed: true })
    expect(signInThrottle({ ...none, client: times(30, 10) }, now)).toEqual({
      allowed: false,
      limit: 'CLIENT',
      retryAfterSeconds: 900 - 291,
    })
  })

  it('paces an account under attack for clients that failed 3 times on it, by 5 seconds at most', () => {
    expect([4, 5, 6, 7, 8, 100, 100_000].map(accountPaceSeconds)).toEqual([0, 1, 2, 4, 5, 5, 5])
    const three = times(3, 60, 30)
    const attacked = { accountAndClient: three, client: three, account: { count: 40, last: secondsAgo(2) } }
    expect(signInThrottle(attacked, now)).toEqual({
      allowed: false,
      limit: 'ACCOUNT_PACE',
      retryAfterSeconds: 3,
    })
    expect(signInThrottle({ ...attacked, account: { count: 40, last: secondsAgo(5) } }, now)).toEqual({
      allowed: true,
    })
    // Below 5 failures for the account, nobody waits.
    expect(signInThrottle({ ...attacked, account: { count: 4, last: now } }, now)).toEqual({ allowed: true })
  })

  it('is the same rule whatever the time of a refused attempt: only failures are inputs', () => {
    // A refused attempt is not a failure, so the inputs (hence the answer) do not change with it.
    const ten = times(10, 1, 100)
    const first = signInThrottle({ ...none, accountAndClient: ten, client: ten }, now)
    const later = signInThrottle(
      { ...none, accountAndClient: ten, client: ten },
      new Date(now.getTime() + 60_000),
    )
    expect(first).toMatchObject({ allowed: false, retryAfterSeconds: 791 })
    expect(later).toMatchObject({ allowed: false, retryAfterSeconds: 731 })
  })

  it('says which limit in plain French, with the wait rounded up', () => {
    expect(signInThrottleMessage({ allowed: false, limit: 'CLIENT', retryAfterSeconds: 61 })).toBe(
      'Trop de tentatives depuis cette connexion : réessayez dans 2 minutes.',
    )
    expect(signInThrottleMessage({ allowed: false, limit: 'CLIENT', retryAfterSeconds: 30 })).toBe(
      'Trop de tentatives depuis cette connexion : réessayez dans 1 minute.',
    )
    expect(signInThrottleMessage({ allowed: false, limit: 'ACCOUNT_PACE', retryAfterSeconds: 1 })).toBe(
      'Trop de tentatives sur ce compte : réessayez dans 1 seconde.',
    )
  })
})

describe('sessions', () => {
  const createdAt = new Date('2026-11-26T06:00:00Z')
  const session = { createdAt, lastSeenAt: createdAt, expiresAt: new Date('2026-11-26T16:00:00Z') }
  it('end after 30 minutes without activity', () => {
    expect(sessionExpired(session, new Date('2026-11-26T06:29:00Z'))).toBeNull()
    expect(sessionExpired(session, new Date('2026-11-26T06:31:00Z'))).toBe('IDLE')
  })
  it('end at their absolute end even when active', () => {
    expect(
      sessionExpired(
        { ...session, lastSeenAt: new Date('2026-11-26T15:59:00Z') },
        new Date('2026-11-26T16:00:00Z'),
      ),
    ).toBe('ABSOLUTE')
  })
})

describe('roles', () => {
  it('let lecture read, gestionnaire decide and export, admin also run the programme and accounts', () => {
    const table = Object.fromEntries(
      STAFF_ROLES.map((role) => [
        role,
        (
          ['dossiers.read', 'dossiers.decide', 'dossiers.export', 'programme.edit', 'staff.manage'] as const
        ).filter((permission) => can(role, permission)),
      ]),
    )
    expect(table).toEqual({
      LECTURE: ['dossiers.read'],
      GESTIONNAIRE: ['dossiers.read', 'dossiers.decide', 'dossiers.export'],
      ADMIN: ['dossiers.read', 'dossiers.decide', 'dossiers.export', 'programme.edit', 'staff.manage'],
    })
  })

  it('let lecture view pieces one by one but not take them all, nor the RGPD export', () => {
    const allowed = (permission: Permission) => STAFF_ROLES.filter((role) => can(role, permission))
    expect(allowed(PIECE_CONTENT_PERMISSIONS.piece)).toEqual(['ADMIN', 'GESTIONNAIRE', 'LECTURE'])
    expect(allowed(PIECE_CONTENT_PERMISSIONS.form)).toEqual(['ADMIN', 'GESTIONNAIRE', 'LECTURE'])
    expect(allowed(PIECE_CONTENT_PERMISSIONS.piecesZip)).toEqual(['ADMIN', 'GESTIONNAIRE'])
    expect(allowed(PIECE_CONTENT_PERMISSIONS.personalData)).toEqual(['ADMIN'])
  })
})
