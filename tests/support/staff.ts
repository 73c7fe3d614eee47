// Staff accounts and sessions for integration tests, and the identities of the access matrix.
import type { StaffRole } from '@/lib/domain/staff'
import { hashPassword } from '@/lib/server/auth/secrets'
import { createStaffSession, STAFF_COOKIE } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { browser } from './next-request'

export const STAFF_PASSWORD = 'Volcan-Piton-2026!'

let counter = 0

/** A staff account with a known password (hashing is slow: reuse accounts within a test). */
export async function createStaff(role: StaffRole, options: { email?: string; active?: boolean } = {}) {
  counter += 1
  return getDb().staffUser.create({
    data: {
      email: options.email ?? `${role.toLowerCase()}-${counter}-${Date.now()}@test.cnam.re`,
      name: `Test ${role.toLowerCase()} ${counter}`,
      role,
      active: options.active ?? true,
      passwordHash: await hashPassword(STAFF_PASSWORD),
    },
  })
}

/** Puts a signed-in session of `userId` in the test browser. */
export async function signInBrowserAs(userId: string): Promise<void> {
  const token = await createStaffSession({ userId, pendingSecondFactor: false, ip: browser.ip })
  browser.setCookie(STAFF_COOKIE, token)
}

export type Identity = 'anonymous' | 'applicant' | 'LECTURE' | 'GESTIONNAIRE' | 'ADMIN'
export const IDENTITIES: Identity[] = ['anonymous', 'applicant', 'LECTURE', 'GESTIONNAIRE', 'ADMIN']

/**
 * Makes the test browser be `identity`: nobody, an applicant holding a dossier link (but no staff
 * session), or a signed-in staff member of a role.
 */
export async function becomeIdentity(
  identity: Identity,
  options: { applicantToken?: string } = {},
): Promise<void> {
  browser.reset()
  if (identity === 'anonymous') return
  if (identity === 'applicant') {
    if (options.applicantToken) browser.setCookie('cnam_dossier', options.applicantToken)
    return
  }
  const user = await createStaff(identity)
  await signInBrowserAs(user.id)
}

/** Row counts of every table, to prove a refused call wrote nothing. */
export async function tableCounts(): Promise<Record<string, number>> {
  const rows = await getDb().$queryRaw<Array<{ table_name: string }>>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
    AND table_name NOT IN ('_prisma_migrations', 'StaffSession', 'StaffUser', 'RateLimitBucket', 'SignInAttempt')`
  const counts: Record<string, number> = {}
  for (const { table_name: table } of rows) {
    const [{ count }] = (await getDb().$queryRawUnsafe(`SELECT count(*)::int AS count FROM "${table}"`)) as [
      { count: number },
    ]
    counts[table] = count
  }
  return counts
}

/** Fingerprint of every row of the tables a staff action may change, to prove nothing changed. */
export async function contentFingerprint(): Promise<string> {
  const rows = await getDb().$queryRaw<Array<{ table_name: string }>>`
    SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
    AND table_name NOT IN ('_prisma_migrations', 'StaffSession', 'RateLimitBucket', 'SignInAttempt', 'StoredFileContent')`
  const parts: string[] = []
  for (const { table_name: table } of rows) {
    const result = (await getDb().$queryRawUnsafe(
      `SELECT md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS h FROM "${table}" t`,
    )) as [{ h: string }]
    parts.push(`${table}:${result[0].h}`)
  }
  return parts.join(',')
}
