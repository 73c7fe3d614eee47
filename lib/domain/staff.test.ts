import { describe, expect, it } from 'vitest'
import {
  can,
  isLockedOut,
  passwordEntropyBits,
  passwordProblem,
  PIECE_CONTENT_PERMISSIONS,
  sessionExpired,
  STAFF_ROLES,
  type Permission,
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

describe('lockout', () => {
  it('starts at the 10th failure for an account or an IP address', () => {
    expect(isLockedOut({ forAccount: 9, forIp: 9 })).toBe(false)
    expect(isLockedOut({ forAccount: 10, forIp: 0 })).toBe(true)
    expect(isLockedOut({ forAccount: 0, forIp: 10 })).toBe(true)
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
