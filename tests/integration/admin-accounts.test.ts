// Staff accounts (invitation, roles, deactivation, the last-admin rule), the dashboard and the
// outbox, through the real server actions and data functions; and the access matrix of all of
// them for every kind of visitor.
import { generate } from 'otplib'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { StaffRole } from '@/lib/domain/staff'
import {
  LAST_ADMIN_DEMOTION,
  SELF_DEACTIVATION,
  type AdminSeat,
  isWorkingAdmin,
} from '@/lib/domain/staff-accounts'
import { getDashboard } from '@/lib/server/admin/dashboard/get-dashboard'
import { listOutboxEmails } from '@/lib/server/admin/outbox/list-outbox-emails'
import { retryOutboxEmail } from '@/lib/server/admin/outbox/retry-outbox-email'
import { AccessDenied } from '@/lib/server/auth/authorize'
import { verifyPassword } from '@/lib/server/auth/secrets'
import { WRONG_CREDENTIALS } from '@/lib/server/auth/sign-in'
import { STAFF_COOKIE, type StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { enqueueEmail } from '@/lib/server/mail/outbox'
import { cancelTotpEnrolment } from '@/lib/server/staff/cancel-totp-enrolment'
import { changeOwnPassword } from '@/lib/server/staff/change-own-password'
import { changeStaffRole } from '@/lib/server/staff/change-staff-role'
import { confirmTotpEnrolment } from '@/lib/server/staff/confirm-totp-enrolment'
import { disableTotp } from '@/lib/server/staff/disable-totp'
import { getOwnAccount } from '@/lib/server/staff/get-own-account'
import { getStaffInvitation } from '@/lib/server/staff/get-staff-invitation'
import { getStaffUser } from '@/lib/server/staff/get-staff-user'
import { inviteStaffUser } from '@/lib/server/staff/invite-staff-user'
import { listStaffUsers } from '@/lib/server/staff/list-staff-users'
import { resendStaffInvitation } from '@/lib/server/staff/resend-staff-invitation'
import { setStaffActive } from '@/lib/server/staff/set-staff-active'
import { startTotpEnrolment } from '@/lib/server/staff/start-totp-enrolment'
import { hashToken } from '@/lib/server/tokens'
import { seed } from '@/prisma/seed'
import { createDossier } from '../support/dossiers'
import { linkTokenIn } from '../support/mail'
import { browser, expectRedirect } from '../support/next-request'
import {
  becomeIdentity,
  contentFingerprint,
  createStaff,
  IDENTITIES,
  signInBrowserAs,
  STAFF_PASSWORD,
  type Identity,
} from '../support/staff'
import { resetDatabase } from '../support/test-database'

const accountsActions = await import('@/app/(admin)/admin/comptes/actions')
const ownActions = await import('@/app/(admin)/admin/compte/actions')
const invitationActions = await import('@/app/(admin)/admin/invitation/[token]/actions')
const outboxActions = await import('@/app/(admin)/admin/courriels/actions')
const signInActions = await import('@/app/(admin)/admin/connexion/actions')
const { currentStaff } = await import('@/lib/server/auth/authorize')
const db = getDb()

const NOW = new Date('2026-11-26T08:00:00Z')
const CHOSEN_PASSWORD = 'Tamarin#Cilaos-2026'

/** Log lines written during the test, parsed (logEvent writes one JSON object per line). */
let logs: Array<Record<string, unknown>> = []
function captureLogs() {
  logs = []
  for (const level of ['info', 'warn', 'error'] as const) {
    vi.spyOn(console, level).mockImplementation((line: unknown) => {
      logs.push(JSON.parse(String(line)) as Record<string, unknown>)
    })
  }
}

async function actorOf(userId: string): Promise<StaffActor> {
  browser.reset()
  await signInBrowserAs(userId)
  const actor = await currentStaff()
  if (!actor) throw new Error('not signed in')
  return actor
}

/** The private link's token in the last invitation e-mail sent to `email`. */
async function invitationTokenFor(email: string): Promise<string> {
  const message = await db.outboxEmail.findFirstOrThrow({
    where: { kind: 'STAFF_INVITATION', toAddress: email },
    orderBy: { createdAt: 'desc' },
  })
  const token = linkTokenIn(message, '/admin/invitation/')
  if (!token) throw new Error('no invitation link in the e-mail')
  return token
}

async function signInWith(email: string, password: string) {
  try {
    const state = await signInActions.signInAction(
      { message: null, email: '' },
      formData({ email, password }),
    )
    return { redirectedTo: null, message: state.message }
  } catch (error) {
    const digest = (error as { digest?: string }).digest
    if (digest?.startsWith('NEXT_REDIRECT')) return { redirectedTo: digest.split(';')[2], message: null }
    throw error
  }
}

function formData(fields: Record<string, string>): FormData {
  const data = new FormData()
  for (const [name, value] of Object.entries(fields)) data.set(name, value)
  return data
}

async function seats(): Promise<AdminSeat[]> {
  const rows = await db.staffUser.findMany({
    select: { id: true, role: true, active: true, passwordHash: true },
  })
  return rows.map((row) => ({ ...row, hasPassword: row.passwordHash !== null }))
}

describe('accounts', () => {
  beforeEach(async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(NOW)
    await resetDatabase()
    browser.reset()
    captureLogs()
  })
  afterEach(() => {
    vi.restoreAllMocks()
  })
  afterAll(() => {
    vi.useRealTimers()
  })

  describe('invitation', () => {
    it('creates an account without password and queues its e-mail; the link lets the person choose a password and sign in', async () => {
      const admin = await createStaff('ADMIN')
      await signInBrowserAs(admin.id)
      const result = await accountsActions.inviteStaffAction({
        name: '  Josiane Grondin ',
        email: ' Josiane.Grondin@Lecnam.NET ',
        role: 'GESTIONNAIRE',
      })
      expect(result).toMatchObject({ ok: true, userId: expect.any(String) })

      const invited = await db.staffUser.findUniqueOrThrow({ where: { email: 'josiane.grondin@lecnam.net' } })
      expect(invited).toMatchObject({
        name: 'Josiane Grondin',
        role: 'GESTIONNAIRE',
        active: true,
        passwordHash: null,
        invitationExpiresAt: new Date('2026-12-03T08:00:00Z'),
      })
      const token = await invitationTokenFor(invited.email)
      // Only the token's hash is kept.
      expect(invited.invitationTokenHash).toBe(hashToken(token))
      const email = await db.outboxEmail.findFirstOrThrow({ where: { kind: 'STAFF_INVITATION' } })
      expect(email).toMatchObject({ toAddress: 'josiane.grondin@lecnam.net', status: 'PENDING' })
      expect(email.text).toContain('Gestionnaire')
      expect(email.text).toContain('3 décembre 2026 à 12:00')
      expect(logs).toContainEqual(
        expect.objectContaining({ event: 'staff.invited', actorId: admin.id, userId: invited.id }),
      )

      // The invited person, in their own browser.
      browser.reset({ ip: '203.0.113.50' })
      expect(await getStaffInvitation({ token })).toEqual({
        state: 'VALID',
        name: 'Josiane Grondin',
        email: 'josiane.grondin@lecnam.net',
      })
      expect(
        await invitationActions.acceptInvitationAction(token, {
          password: 'motdepasse',
          confirmation: 'motdepasse',
        }),
      ).toMatchObject({
        ok: false,
        fieldErrors: { password: expect.stringContaining('au moins 12 caractères') },
      })
      expect(
        await invitationActions.acceptInvitationAction(token, {
          password: 'Josiane.Grondin-2026!',
          confirmation: 'Josiane.Grondin-2026!',
        }),
      ).toMatchObject({ ok: false, fieldErrors: { password: expect.stringContaining('adresse e-mail') } })
      expect(
        await invitationActions.acceptInvitationAction(token, {
          password: CHOSEN_PASSWORD,
          confirmation: 'Tamarin#Cilaos-2025',
        }),
      ).toMatchObject({
        ok: false,
        fieldErrors: { confirmation: 'Les deux mots de passe ne sont pas identiques.' },
      })
      expect(await db.staffSession.count({ where: { userId: invited.id } })).toBe(0)

      const target = await expectRedirect(() =>
        invitationActions.acceptInvitationAction(token, {
          password: CHOSEN_PASSWORD,
          confirmation: CHOSEN_PASSWORD,
        }),
      )
      expect(target).toBe('/admin')
      expect((await currentStaff())?.userId).toBe(invited.id)
      const accepted = await db.staffUser.findUniqueOrThrow({ where: { id: invited.id } })
      expect(accepted).toMatchObject({
        invitationTokenHash: null,
        invitationExpiresAt: null,
        lastSignInAt: NOW,
      })
      expect(accepted.passwordHash).toMatch(/^\$argon2id\$/)

      // The link is spent…
      expect(await getStaffInvitation({ token })).toEqual({ state: 'INVALID' })
      expect(
        await invitationActions.acceptInvitationAction(token, {
          password: 'Un autre mot de passe 2026',
          confirmation: 'Un autre mot de passe 2026',
        }),
      ).toMatchObject({ ok: false, formError: expect.stringContaining('plus valable') })
      // …and the chosen password signs in.
      await expectRedirect(() => signInActions.signOutAction())
      expect(await signInWith('josiane.grondin@lecnam.net', CHOSEN_PASSWORD)).toEqual({
        redirectedTo: '/admin',
        message: null,
      })
      // No personal data in the logs.
      expect(JSON.stringify(logs)).not.toMatch(/grondin|josiane/i)
    })

    it('refuses an address that already has an account, and writes nothing', async () => {
      const admin = await createStaff('ADMIN')
      const existing = await createStaff('LECTURE')
      await signInBrowserAs(admin.id)
      const before = await contentFingerprint()
      expect(
        await accountsActions.inviteStaffAction({
          name: 'Doublon',
          email: existing.email.toUpperCase(),
          role: 'ADMIN',
        }),
      ).toEqual({
        ok: false,
        fieldErrors: { email: 'Un compte existe déjà avec cette adresse e-mail.' },
        formError: null,
      })
      expect(
        await accountsActions.inviteStaffAction({ name: '', email: 'pas-une-adresse', role: 'CHEF' }),
      ).toMatchObject({
        ok: false,
        fieldErrors: {
          name: 'Indiquez le prénom et le nom.',
          email: expect.stringContaining('n’est pas valide'),
          role: 'Choisissez un rôle.',
        },
      })
      expect(await contentFingerprint()).toBe(before)
    })

    it('expires after 7 days; a new invitation replaces the old link', async () => {
      const admin = await createStaff('ADMIN')
      const actor = await actorOf(admin.id)
      const invited = await inviteStaffUser({
        actor,
        values: { name: 'Paul Hoarau', email: 'paul.hoarau@lecnam.net', role: 'LECTURE' },
      })
      const first = await invitationTokenFor('paul.hoarau@lecnam.net')
      vi.setSystemTime(new Date(NOW.getTime() + 7 * 24 * 3_600_000 + 60_000))
      expect(await getStaffInvitation({ token: first })).toEqual({ state: 'INVALID' })
      expect((await getStaffUser({ actor, userId: invited.userId! }))?.state).toBe('INVITATION_EXPIRED')
      expect(
        await invitationActions.acceptInvitationAction(first, {
          password: CHOSEN_PASSWORD,
          confirmation: CHOSEN_PASSWORD,
        }),
      ).toMatchObject({ ok: false, formError: expect.stringContaining('plus valable') })

      vi.setSystemTime(new Date(Date.now() + 1000))
      expect(await resendStaffInvitation({ actor, userId: invited.userId! })).toMatchObject({ ok: true })
      const second = await invitationTokenFor('paul.hoarau@lecnam.net')
      expect(second).not.toBe(first)
      expect(await getStaffInvitation({ token: first })).toEqual({ state: 'INVALID' })
      expect((await getStaffInvitation({ token: second })).state).toBe('VALID')
      expect(await db.outboxEmail.count({ where: { kind: 'STAFF_INVITATION' } })).toBe(2)
      // Not for an account that already has its password.
      expect(await resendStaffInvitation({ actor, userId: admin.id })).toMatchObject({
        ok: false,
        formError: 'Ce compte a déjà choisi son mot de passe.',
      })
    })

    it('hides the invitation link from the outbox screen', async () => {
      const admin = await createStaff('ADMIN')
      const actor = await actorOf(admin.id)
      await inviteStaffUser({ actor, values: { name: 'Lin Ah-Kee', email: 'lin@lecnam.net', role: 'ADMIN' } })
      const token = await invitationTokenFor('lin@lecnam.net')
      const reader = await actorOf((await createStaff('LECTURE')).id)
      const page = await listOutboxEmails({ actor: reader, filter: { page: 1 } })
      const shown = page.emails.find((email) => email.kind === 'STAFF_INVITATION')!
      expect(shown.text).not.toContain(token)
      expect(shown.text).toContain(`/admin/invitation/${token.slice(0, 3)}•••`)
    })
  })

  describe('roles and deactivation', () => {
    it('changes a role, which applies at the next request of the account', async () => {
      const admin = await createStaff('ADMIN')
      const member = await createStaff('GESTIONNAIRE')
      await signInBrowserAs(member.id)
      const memberCookie = browser.cookie(STAFF_COOKIE)!
      await actorOf(admin.id)
      expect(await accountsActions.changeStaffRoleAction({ userId: member.id, role: 'LECTURE' })).toEqual({
        ok: true,
        message: 'Rôle enregistré.',
      })
      expect((await db.staffUser.findUniqueOrThrow({ where: { id: member.id } })).role).toBe('LECTURE')
      // The member's open session now carries the new role.
      browser.reset()
      browser.setCookie(STAFF_COOKIE, memberCookie)
      expect((await currentStaff())?.role).toBe('LECTURE')
      expect(logs).toContainEqual(
        expect.objectContaining({
          event: 'staff.role_changed',
          userId: member.id,
          from: 'GESTIONNAIRE',
          to: 'LECTURE',
        }),
      )
    })

    it('deactivating ends every session of the account at once; reactivating lets it sign in again', async () => {
      const admin = await createStaff('ADMIN')
      const member = await createStaff('GESTIONNAIRE')
      await signInBrowserAs(member.id)
      const phone = browser.cookie(STAFF_COOKIE)!
      browser.reset()
      await signInBrowserAs(member.id)
      const desk = browser.cookie(STAFF_COOKIE)!
      expect(await db.staffSession.count({ where: { userId: member.id } })).toBe(2)

      await actorOf(admin.id)
      expect(await accountsActions.setStaffActiveAction({ userId: member.id, active: false })).toMatchObject({
        ok: true,
      })
      expect(await db.staffSession.count({ where: { userId: member.id } })).toBe(0)
      for (const cookie of [phone, desk]) {
        browser.reset()
        browser.setCookie(STAFF_COOKIE, cookie)
        expect(await currentStaff()).toBeNull()
      }
      browser.reset()
      expect((await signInWith(member.email, STAFF_PASSWORD)).message).toBe(WRONG_CREDENTIALS)

      await actorOf(admin.id)
      expect(await accountsActions.setStaffActiveAction({ userId: member.id, active: true })).toMatchObject({
        ok: true,
      })
      browser.reset()
      expect((await signInWith(member.email, STAFF_PASSWORD)).redirectedTo).toBe('/admin')
      expect(logs.map((line) => line.event)).toEqual(
        expect.arrayContaining(['staff.deactivated', 'staff.reactivated']),
      )
    })

    it('refuses that an administrator deactivates their own account', async () => {
      const admin = await createStaff('ADMIN')
      await createStaff('ADMIN')
      await actorOf(admin.id)
      expect(await accountsActions.setStaffActiveAction({ userId: admin.id, active: false })).toEqual({
        ok: false,
        fieldErrors: {},
        formError: SELF_DEACTIVATION,
      })
      expect((await db.staffUser.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true)
    })
  })

  describe('the last administrator', () => {
    it('cannot be demoted, even by themselves, nor when the only other administrator has not chosen a password', async () => {
      const admin = await createStaff('ADMIN')
      const invitedAdmin = await db.staffUser.create({
        data: {
          email: 'invite@test.cnam.re',
          name: 'Invité',
          role: 'ADMIN',
          invitationTokenHash: 'x'.repeat(64),
        },
      })
      const actor = await actorOf(admin.id)
      const before = await contentFingerprint()
      for (const role of ['GESTIONNAIRE', 'LECTURE'] as const) {
        expect(await accountsActions.changeStaffRoleAction({ userId: admin.id, role })).toEqual({
          ok: false,
          fieldErrors: { role: LAST_ADMIN_DEMOTION },
          formError: null,
        })
      }
      expect(await setStaffActive({ actor, userId: admin.id, active: false })).toMatchObject({ ok: false })
      expect(await contentFingerprint()).toBe(before)
      expect(logs).toContainEqual(
        expect.objectContaining({ event: 'staff.last_admin_refused', userId: admin.id }),
      )
      // Demoting the invited administrator is fine: it removes nobody who can act.
      expect(await changeStaffRole({ actor, userId: invitedAdmin.id, role: 'LECTURE' })).toEqual({ ok: true })
    })

    it('two administrators demoting each other at the same moment: exactly one succeeds', async () => {
      for (let round = 0; round < 5; round += 1) {
        await resetDatabase()
        const [first, second] = [await createStaff('ADMIN'), await createStaff('ADMIN')]
        const [firstActor, secondActor] = [await actorOf(first.id), await actorOf(second.id)]
        const outcomes = await Promise.allSettled([
          changeStaffRole({ actor: firstActor, userId: second.id, role: 'GESTIONNAIRE' }),
          changeStaffRole({ actor: secondActor, userId: first.id, role: 'GESTIONNAIRE' }),
        ])
        const succeeded = outcomes.filter((outcome) => outcome.status === 'fulfilled' && outcome.value.ok)
        expect(succeeded).toHaveLength(1)
        // The other was refused: its author is no longer an administrator (or would be the last one).
        const refused = outcomes.find((outcome) => !(outcome.status === 'fulfilled' && outcome.value.ok))!
        if (refused.status === 'rejected') expect(refused.reason).toBeInstanceOf(AccessDenied)
        else expect(refused.value).toMatchObject({ ok: false })
        expect((await seats()).filter(isWorkingAdmin)).toHaveLength(1)
      }
    })

    it('two administrators deactivating each other at the same moment: exactly one succeeds', async () => {
      for (let round = 0; round < 5; round += 1) {
        await resetDatabase()
        const [first, second] = [await createStaff('ADMIN'), await createStaff('ADMIN')]
        const [firstActor, secondActor] = [await actorOf(first.id), await actorOf(second.id)]
        const outcomes = await Promise.allSettled([
          setStaffActive({ actor: firstActor, userId: second.id, active: false }),
          setStaffActive({ actor: secondActor, userId: first.id, active: false }),
        ])
        expect(outcomes.filter((outcome) => outcome.status === 'fulfilled' && outcome.value.ok)).toHaveLength(
          1,
        )
        expect((await seats()).filter(isWorkingAdmin)).toHaveLength(1)
      }
    })
  })
})

describe('dashboard', () => {
  beforeAll(async () => {
    vi.useRealTimers()
    await resetDatabase()
    await seed(db, { now: NOW })
  })

  it('counts the dossiers of the open session per status, category and UE, with recent activity', async () => {
    const reader = await actorOf((await createStaff('LECTURE')).id)
    const older = await db.academicSession.findFirstOrThrow({ where: { registrationOpen: false } })
    await createDossier({ status: 'SUBMITTED', category: 'INDIVIDUAL' })
    await createDossier({
      status: 'SUBMITTED',
      category: 'JOB_SEEKER',
      ueCodes: [{ code: 'TET099', semester: 2 }],
    })
    await createDossier({ status: 'ACCEPTED', category: 'EMPLOYER_FUNDED' })
    await createDossier({
      status: 'WITHDRAWN',
      category: 'INDIVIDUAL',
      ueCodes: [{ code: 'PSY001', semester: 2 }],
    })
    // Another session's dossier counts only there.
    await createDossier({ status: 'REFUSED', sessionLabel: older.label })

    const dashboard = (await getDashboard({ actor: reader }))!
    expect(dashboard.session.registrationOpen).toBe(true)
    const byStatus = Object.fromEntries(dashboard.byStatus.map((row) => [row.status, row.count]))
    expect(byStatus).toEqual({
      SUBMITTED: 2,
      UNDER_REVIEW: 0,
      INCOMPLETE: 0,
      COMPLETE: 0,
      ACCEPTED: 1,
      REFUSED: 0,
      WITHDRAWN: 1,
      CLOSED: 0,
    })
    expect(Object.fromEntries(dashboard.byCategory.map((row) => [row.category, row.count]))).toEqual({
      JOB_SEEKER: 1,
      INDIVIDUAL: 2,
      EMPLOYER_FUNDED: 1,
    })
    expect(dashboard.byCategory.find((row) => row.category === 'JOB_SEEKER')?.label).toBe(
      "Demandeurs d'emploi",
    )
    const ue = (code: string) => dashboard.byUe.find((row) => row.code === code)
    expect(ue('TET099')).toMatchObject({ open: 2, accepted: 1, total: 3 })
    expect(ue('PSY001')).toMatchObject({ open: 1, accepted: 1, total: 3 })
    // Every UE offered is listed, with or without dossiers.
    expect(dashboard.byUe.length).toBeGreaterThan(5)
    expect(dashboard.byUe.filter((row) => row.total === 0).length).toBeGreaterThan(0)
    expect(dashboard.recent).toHaveLength(4)
    expect(dashboard.recent.every((event) => event.action === 'SUBMIT' && event.dossier)).toBe(true)

    const other = (await getDashboard({ actor: reader, sessionId: older.id }))!
    expect(other.session.id).toBe(older.id)
    expect(other.byStatus.find((row) => row.status === 'REFUSED')?.count).toBe(1)
    expect(other.recent).toHaveLength(1)
    // An unknown session falls back on the open one.
    expect(
      (await getDashboard({ actor: reader, sessionId: '00000000-0000-4000-8000-000000000000' }))?.session.id,
    ).toBe(dashboard.session.id)
  })
})

describe('outbox', () => {
  beforeEach(async () => {
    vi.useRealTimers()
    await resetDatabase()
  })

  async function email(
    status: 'PENDING' | 'SENT' | 'FAILED',
    to: string,
    kind = 'DOSSIER_SUBMITTED' as const,
  ) {
    const id = await enqueueEmail(db, {
      kind,
      to,
      subject: `Dossier reçu (${status})`,
      text: `Suivez votre dossier : http://localhost:3000/dossier/acces/${'a'.repeat(43)}`,
    })
    await db.outboxEmail.update({
      where: { id },
      data: {
        status,
        attempts: status === 'FAILED' ? 5 : status === 'SENT' ? 1 : 0,
        lastError: status === 'FAILED' ? 'Connection refused' : null,
      },
    })
    return id
  }

  it('lists e-mails by status and recipient, with private links masked', async () => {
    const reader = await actorOf((await createStaff('LECTURE')).id)
    await email('SENT', 'marie@example.re')
    await email('PENDING', 'paul@example.re')
    const failed = await email('FAILED', 'paul@example.re')
    const all = await listOutboxEmails({ actor: reader, filter: { page: 1 } })
    expect(all.total).toBe(3)
    expect(all.counts).toEqual({ PENDING: 1, SENT: 1, FAILED: 1 })
    expect(all.emails.every((row) => row.text.includes('/dossier/acces/aaa•••'))).toBe(true)
    expect(JSON.stringify(all.emails)).not.toContain('a'.repeat(43))
    const failures = await listOutboxEmails({ actor: reader, filter: { statut: 'FAILED', page: 1 } })
    expect(failures.emails.map((row) => [row.id, row.attempts, row.lastError])).toEqual([
      [failed, 5, 'Connection refused'],
    ])
    const paul = await listOutboxEmails({ actor: reader, filter: { destinataire: 'PAUL', page: 1 } })
    expect(paul.total).toBe(2)
    expect(paul.counts).toEqual({ PENDING: 1, SENT: 0, FAILED: 1 })
  })

  it('lets an administrator put a failed e-mail back in the queue, once', async () => {
    const admin = await createStaff('ADMIN')
    const failed = await email('FAILED', 'paul@example.re')
    const sent = await email('SENT', 'marie@example.re')
    await actorOf(admin.id)
    expect(await outboxActions.retryEmailAction({ emailId: failed })).toMatchObject({ ok: true })
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: failed } })).toMatchObject({
      status: 'PENDING',
      attempts: 0,
      lastError: 'Connection refused',
    })
    expect(await outboxActions.retryEmailAction({ emailId: failed })).toMatchObject({ ok: false })
    expect(await outboxActions.retryEmailAction({ emailId: sent })).toMatchObject({ ok: false })
    expect((await db.outboxEmail.findUniqueOrThrow({ where: { id: sent } })).status).toBe('SENT')
  })
})

// ---------------------------------------------------------------------------------------------
// Access matrix: every action and data function of the accounts, own account, dashboard and
// outbox, for every kind of visitor. Allowed ones succeed; refused ones change nothing.
// ---------------------------------------------------------------------------------------------

type Requirement = 'staff.manage' | 'outbox.read' | 'dossiers.read' | 'signed-in'

const ROLES_ALLOWED: Record<Requirement, StaffRole[]> = {
  'staff.manage': ['ADMIN'],
  'outbox.read': ['LECTURE', 'GESTIONNAIRE', 'ADMIN'],
  'dossiers.read': ['LECTURE', 'GESTIONNAIRE', 'ADMIN'],
  'signed-in': ['LECTURE', 'GESTIONNAIRE', 'ADMIN'],
}

type Fixtures = { member: string; invited: string; failedEmail: string; totpCode: () => Promise<string> }

type Case = {
  name: string
  requires: Requirement
  /** Runs the call as the current browser; returns what it returned. */
  run: (fixtures: Fixtures) => Promise<unknown>
  /** For allowed identities: runs first (e.g. a TOTP set-up before its confirmation). */
  before?: () => Promise<void>
  /**
   * For allowed identities: asserts what the call did (the row written, the value changed, the
   * data returned), so that a function which answers « ok » and does nothing fails.
   */
  effect: (fixtures: Fixtures, result: unknown) => Promise<void>
}

const actor = () => currentStaff()
const ip = '203.0.113.10'

async function me(): Promise<StaffActor> {
  const current = await actor()
  if (!current) throw new Error('not signed in')
  return current
}
const staffRow = (id: string) => db.staffUser.findUniqueOrThrow({ where: { id } })
const ownRow = async () => staffRow((await me()).userId)
/** The TOTP enrolment under way for the signed-in account, if any. */
const ownEnrolment = async () => (await getOwnAccount({ actor: await me() })).totpEnrolment
async function enableOwnTotp() {
  await startTotpEnrolment({ actor: await me() })
  const secret = (await ownEnrolment())?.secret
  if (!secret) throw new Error('no enrolment started')
  expect(await confirmTotpEnrolment({ actor: await me(), code: await generate({ secret }) })).toMatchObject({
    ok: true,
  })
}
const invitationsTo = (userId: string) =>
  staffRow(userId).then((user) =>
    db.outboxEmail.count({ where: { kind: 'STAFF_INVITATION', toAddress: user.email } }),
  )

const CASES: Case[] = [
  // Accounts (administrators).
  {
    name: 'listStaffUsers',
    requires: 'staff.manage',
    effect: async ({ member }, result) =>
      expect((result as Array<{ id: string }>).map((user) => user.id)).toContain(member),
    run: async () => listStaffUsers({ actor: await actor() }),
  },
  {
    name: 'getStaffUser',
    requires: 'staff.manage',
    effect: async ({ member }, result) =>
      expect(result).toMatchObject({ id: member, email: (await staffRow(member)).email }),
    run: async ({ member }) => getStaffUser({ actor: await actor(), userId: member }),
  },
  {
    name: 'inviteStaffUser',
    requires: 'staff.manage',
    effect: async (_fixtures, result) => {
      const { userId } = result as { userId?: string }
      expect(await staffRow(userId!)).toMatchObject({ name: 'Nouvelle', role: 'LECTURE', passwordHash: null })
    },
    run: async () =>
      inviteStaffUser({
        actor: await actor(),
        values: { name: 'Nouvelle', email: `nouvelle-${Date.now()}@test.cnam.re`, role: 'LECTURE' },
      }),
  },
  {
    name: 'inviteStaffAction',
    requires: 'staff.manage',
    effect: async () =>
      expect(await db.staffUser.count({ where: { email: { startsWith: 'action-' }, role: 'LECTURE' } })).toBe(
        1,
      ),
    run: () =>
      accountsActions.inviteStaffAction({
        name: 'Nouvelle',
        email: `action-${Date.now()}@test.cnam.re`,
        role: 'LECTURE',
      }),
  },
  {
    name: 'changeStaffRole',
    requires: 'staff.manage',
    effect: async ({ member }) => expect((await staffRow(member)).role).toBe('LECTURE'),
    run: async ({ member }) => changeStaffRole({ actor: await actor(), userId: member, role: 'LECTURE' }),
  },
  {
    name: 'changeStaffRoleAction',
    requires: 'staff.manage',
    effect: async ({ member }) => expect((await staffRow(member)).role).toBe('LECTURE'),
    run: ({ member }) => accountsActions.changeStaffRoleAction({ userId: member, role: 'LECTURE' }),
  },
  {
    name: 'setStaffActive',
    requires: 'staff.manage',
    effect: async ({ member }) => expect((await staffRow(member)).active).toBe(false),
    run: async ({ member }) => setStaffActive({ actor: await actor(), userId: member, active: false }),
  },
  {
    name: 'setStaffActiveAction',
    requires: 'staff.manage',
    effect: async ({ member }) => expect((await staffRow(member)).active).toBe(false),
    run: ({ member }) => accountsActions.setStaffActiveAction({ userId: member, active: false }),
  },
  {
    name: 'resendStaffInvitation',
    requires: 'staff.manage',
    effect: async ({ invited }) => {
      // The invitation made by the fixture had no e-mail; the resent one is queued with a new link.
      expect(await invitationsTo(invited)).toBe(1)
      expect((await staffRow(invited)).invitationTokenHash).not.toBe(hashToken(invited))
    },
    run: async ({ invited }) => resendStaffInvitation({ actor: await actor(), userId: invited }),
  },
  {
    name: 'resendInvitationAction',
    requires: 'staff.manage',
    effect: async ({ invited }) => {
      expect(await invitationsTo(invited)).toBe(1)
      expect((await staffRow(invited)).invitationTokenHash).not.toBe(hashToken(invited))
    },
    run: ({ invited }) => accountsActions.resendInvitationAction({ userId: invited }),
  },
  // Outbox.
  {
    name: 'listOutboxEmails',
    requires: 'outbox.read',
    effect: async ({ failedEmail }, result) =>
      expect((result as { emails: Array<{ id: string }> }).emails.map((email) => email.id)).toContain(
        failedEmail,
      ),
    run: async () => listOutboxEmails({ actor: await actor(), filter: { page: 1 } }),
  },
  {
    name: 'retryOutboxEmail',
    requires: 'staff.manage',
    effect: async ({ failedEmail }) =>
      expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: failedEmail } })).toMatchObject({
        status: 'PENDING',
      }),
    run: async ({ failedEmail }) => retryOutboxEmail({ actor: await actor(), emailId: failedEmail }),
  },
  {
    name: 'retryEmailAction',
    requires: 'staff.manage',
    effect: async ({ failedEmail }) =>
      expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: failedEmail } })).toMatchObject({
        status: 'PENDING',
      }),
    run: ({ failedEmail }) => outboxActions.retryEmailAction({ emailId: failedEmail }),
  },
  // Dashboard.
  {
    name: 'getDashboard',
    requires: 'dossiers.read',
    // The applicant's dossier made before the matrix is counted.
    effect: async (_fixtures, result) =>
      expect(
        (result as { byStatus: Array<{ count: number }> }).byStatus.reduce((sum, row) => sum + row.count, 0),
      ).toBeGreaterThan(0),
    run: async () => getDashboard({ actor: await actor() }),
  },
  // Own account.
  {
    name: 'getOwnAccount',
    requires: 'signed-in',
    effect: async (_fixtures, result) => expect(result).toMatchObject({ email: (await ownRow()).email }),
    run: async () => getOwnAccount({ actor: await actor() }),
  },
  {
    name: 'changeOwnPassword',
    requires: 'signed-in',
    effect: async () =>
      expect(await verifyPassword((await ownRow()).passwordHash!, CHOSEN_PASSWORD)).toBe(true),
    run: async () =>
      changeOwnPassword({
        actor: await actor(),
        currentPassword: STAFF_PASSWORD,
        newPassword: CHOSEN_PASSWORD,
        ip,
      }),
  },
  {
    name: 'changeOwnPasswordAction',
    requires: 'signed-in',
    effect: async () =>
      expect(await verifyPassword((await ownRow()).passwordHash!, CHOSEN_PASSWORD)).toBe(true),
    run: () =>
      ownActions.changeOwnPasswordAction({
        currentPassword: STAFF_PASSWORD,
        password: CHOSEN_PASSWORD,
        confirmation: CHOSEN_PASSWORD,
      }),
  },
  {
    name: 'startTotpEnrolment',
    requires: 'signed-in',
    effect: async () => expect(await ownEnrolment()).not.toBeNull(),
    run: async () => startTotpEnrolment({ actor: await actor() }),
  },
  {
    name: 'startTotpAction',
    requires: 'signed-in',
    effect: async () => expect(await ownEnrolment()).not.toBeNull(),
    run: () => ownActions.startTotpAction(),
  },
  {
    name: 'cancelTotpEnrolment',
    requires: 'signed-in',
    before: async () => void (await startTotpEnrolment({ actor: await actor() })),
    effect: async () => expect(await ownEnrolment()).toBeNull(),
    run: async () => cancelTotpEnrolment({ actor: await actor() }),
  },
  {
    name: 'cancelTotpAction',
    requires: 'signed-in',
    before: async () => void (await startTotpEnrolment({ actor: await actor() })),
    effect: async () => expect(await ownEnrolment()).toBeNull(),
    run: () => ownActions.cancelTotpAction(),
  },
  {
    name: 'confirmTotpEnrolment',
    requires: 'signed-in',
    effect: async () => expect((await ownRow()).totpEnabled).toBe(true),
    before: async () => void (await startTotpEnrolment({ actor: await actor() })),
    run: async ({ totpCode }) => confirmTotpEnrolment({ actor: await actor(), code: await totpCode() }),
  },
  {
    name: 'confirmTotpAction',
    requires: 'signed-in',
    effect: async () => expect((await ownRow()).totpEnabled).toBe(true),
    before: async () => void (await ownActions.startTotpAction()),
    run: async ({ totpCode }) => ownActions.confirmTotpAction({ code: await totpCode() }),
  },
  {
    name: 'disableTotp',
    requires: 'signed-in',
    before: enableOwnTotp,
    effect: async () => expect(await ownRow()).toMatchObject({ totpEnabled: false, totpSecret: null }),
    run: async () => disableTotp({ actor: await actor(), currentPassword: STAFF_PASSWORD, ip }),
  },
  {
    name: 'disableTotpAction',
    requires: 'signed-in',
    before: enableOwnTotp,
    effect: async () => expect(await ownRow()).toMatchObject({ totpEnabled: false, totpSecret: null }),
    run: () => ownActions.disableTotpAction({ currentPassword: STAFF_PASSWORD }),
  },
]

function allowed(identity: Identity, requires: Requirement): boolean {
  return identity !== 'anonymous' && identity !== 'applicant' && ROLES_ALLOWED[requires].includes(identity)
}

describe('access matrix', () => {
  let applicantToken: string

  beforeAll(async () => {
    vi.useRealTimers()
    await resetDatabase()
    await seed(db, { now: NOW })
    applicantToken = (await createDossier()).token
  })
  beforeEach(() => captureLogs())
  afterEach(() => {
    vi.restoreAllMocks()
  })

  const rows = IDENTITIES.flatMap((identity) => CASES.map((call) => [identity, call.name, call] as const))

  it.each(rows)('%s × %s', async (identity, _name, call) => {
    // Targets of the call, made before the visitor arrives.
    const member = await createStaff('GESTIONNAIRE')
    const invited = await db.staffUser.create({
      data: {
        email: `invite-${member.id}@test.cnam.re`,
        name: 'Invité',
        role: 'LECTURE',
        invitationTokenHash: hashToken(member.id),
        invitationExpiresAt: new Date(Date.now() + 86_400_000),
      },
    })
    const failedEmail = await enqueueEmail(db, {
      kind: 'RESUME_LINK',
      to: 'x@example.re',
      subject: 'S',
      text: 'T',
    })
    await db.outboxEmail.update({ where: { id: failedEmail }, data: { status: 'FAILED', attempts: 5 } })
    const fixtures: Fixtures = {
      member: member.id,
      invited: invited.id,
      failedEmail,
      totpCode: async () => {
        const me = await actor()
        const secret = me ? (await getOwnAccount({ actor: me })).totpEnrolment?.secret : null
        return secret ? generate({ secret }) : '123456'
      },
    }
    await becomeIdentity(identity, { applicantToken })

    if (allowed(identity, call.requires)) {
      await call.before?.()
      const result = await call.run(fixtures)
      if (typeof result === 'object' && result !== null && 'ok' in result)
        expect(result).toMatchObject({ ok: true })
      await call.effect(fixtures, result)
      return
    }
    const before = await contentFingerprint()
    let outcome: unknown
    try {
      outcome = await call.run(fixtures)
    } catch (error) {
      outcome = error
    }
    if (outcome instanceof Error) expect(outcome).toBeInstanceOf(AccessDenied)
    else
      expect(outcome).toMatchObject({
        ok: false,
        formError: expect.stringMatching(/reconnectez-vous|droits/),
      })
    expect(await contentFingerprint()).toBe(before)
  })

  it('the invitation page is open to whoever holds the link, and only to them', async () => {
    await becomeIdentity('anonymous')
    const before = await contentFingerprint()
    expect(await getStaffInvitation({ token: 'x'.repeat(43) })).toEqual({ state: 'INVALID' })
    expect(
      await invitationActions.acceptInvitationAction('x'.repeat(43), {
        password: CHOSEN_PASSWORD,
        confirmation: CHOSEN_PASSWORD,
      }),
    ).toMatchObject({ ok: false, formError: expect.stringContaining('plus valable') })
    expect(await contentFingerprint()).toBe(before)
  })
})
