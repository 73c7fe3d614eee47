import { describe, expect, it } from 'vitest'
import {
  accountChangeProblem,
  accountState,
  invitationExpiry,
  isWorkingAdmin,
  LAST_ADMIN_DEACTIVATION,
  LAST_ADMIN_DEMOTION,
  SELF_DEACTIVATION,
  type AdminSeat,
} from './staff-accounts'

const admin = (id: string, extra: Partial<AdminSeat> = {}): AdminSeat => ({
  id,
  role: 'ADMIN',
  active: true,
  hasPassword: true,
  ...extra,
})

describe('the last-admin rule', () => {
  it('refuses to demote or deactivate the only working administrator', () => {
    const accounts = [admin('a')]
    expect(
      accountChangeProblem({ actorId: 'a', accounts, change: { userId: 'a', role: 'GESTIONNAIRE' } }),
    ).toBe(LAST_ADMIN_DEMOTION)
    expect(accountChangeProblem({ actorId: 'x', accounts, change: { userId: 'a', active: false } })).toBe(
      LAST_ADMIN_DEACTIVATION,
    )
  })

  it('allows it when another working administrator remains, including demoting oneself', () => {
    const accounts = [admin('a'), admin('b')]
    expect(
      accountChangeProblem({ actorId: 'a', accounts, change: { userId: 'a', role: 'LECTURE' } }),
    ).toBeNull()
    expect(
      accountChangeProblem({ actorId: 'a', accounts, change: { userId: 'b', active: false } }),
    ).toBeNull()
  })

  it('does not count an invited administrator without a password, nor a deactivated one', () => {
    const accounts = [admin('a'), admin('invited', { hasPassword: false }), admin('off', { active: false })]
    expect(
      accountChangeProblem({ actorId: 'b', accounts, change: { userId: 'a', role: 'GESTIONNAIRE' } }),
    ).toBe(LAST_ADMIN_DEMOTION)
    expect(isWorkingAdmin(accounts[1]!)).toBe(false)
    expect(isWorkingAdmin(accounts[2]!)).toBe(false)
  })

  it('leaves changes of other accounts alone', () => {
    const accounts = [admin('a'), admin('g', { role: 'GESTIONNAIRE' })]
    expect(
      accountChangeProblem({ actorId: 'a', accounts, change: { userId: 'g', role: 'LECTURE' } }),
    ).toBeNull()
    expect(
      accountChangeProblem({ actorId: 'a', accounts, change: { userId: 'g', active: false } }),
    ).toBeNull()
    // Keeping the role, or reactivating, never removes an administrator.
    expect(
      accountChangeProblem({ actorId: 'a', accounts, change: { userId: 'a', role: 'ADMIN' } }),
    ).toBeNull()
    expect(accountChangeProblem({ actorId: 'a', accounts, change: { userId: 'a', active: true } })).toBeNull()
  })

  it('refuses that anyone deactivates their own account, even with other administrators', () => {
    const accounts = [admin('a'), admin('b')]
    expect(accountChangeProblem({ actorId: 'a', accounts, change: { userId: 'a', active: false } })).toBe(
      SELF_DEACTIVATION,
    )
  })
})

describe('account state', () => {
  const now = new Date('2026-11-26T08:00:00Z')
  it('shows invitations as pending for 7 days, then expired', () => {
    const expiresAt = invitationExpiry(now)
    expect(expiresAt.toISOString()).toBe('2026-12-03T08:00:00.000Z')
    const invited = { active: true, hasPassword: false, invitationExpiresAt: expiresAt }
    expect(accountState(invited, now)).toBe('INVITED')
    expect(accountState(invited, expiresAt)).toBe('INVITATION_EXPIRED')
  })
  it('shows a deactivated account as such, whatever its password', () => {
    expect(accountState({ active: false, hasPassword: true, invitationExpiresAt: null }, now)).toBe(
      'DEACTIVATED',
    )
    expect(accountState({ active: true, hasPassword: true, invitationExpiresAt: null }, now)).toBe('ACTIVE')
  })
})
