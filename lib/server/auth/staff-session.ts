import 'server-only'
import { cookies } from 'next/headers'
import { sessionExpired, SESSION_ABSOLUTE_HOURS, type StaffRole } from '@/lib/domain/staff'
import { secureCookies } from '@/lib/env'
import { getDb } from '@/lib/server/db'
import { hashToken, looksLikeToken, newToken } from '@/lib/server/tokens'

import { STAFF_COOKIE } from './staff-cookie'

export { STAFF_COOKIE }

export type StaffActor = {
  userId: string
  sessionId: string
  email: string
  name: string
  role: StaffRole
  totpEnabled: boolean
}

/** Creates a session (a new token each time: a session is never reused across sign-ins). */
export async function createStaffSession(options: {
  userId: string
  pendingSecondFactor: boolean
  ip: string
  now?: Date
}): Promise<string> {
  const now = options.now ?? new Date()
  const token = newToken()
  await getDb().staffSession.create({
    data: {
      tokenHash: hashToken(token),
      userId: options.userId,
      pendingSecondFactor: options.pendingSecondFactor,
      createdAt: now,
      lastSeenAt: now,
      // A pending session only lives long enough to type the code.
      expiresAt: new Date(
        now.getTime() + (options.pendingSecondFactor ? 5 * 60_000 : SESSION_ABSOLUTE_HOURS * 3_600_000),
      ),
      ip: options.ip,
    },
  })
  return token
}

export async function writeStaffCookie(token: string): Promise<void> {
  ;(await cookies()).set(STAFF_COOKIE, token, {
    httpOnly: true,
    secure: secureCookies(),
    sameSite: 'lax',
    path: '/',
    maxAge: SESSION_ABSOLUTE_HOURS * 3600,
  })
}

export async function readStaffToken(): Promise<string | undefined> {
  return (await cookies()).get(STAFF_COOKIE)?.value
}

export async function clearStaffCookie(): Promise<void> {
  ;(await cookies()).delete(STAFF_COOKIE)
}

export type SessionLookup =
  | { state: 'ACTIVE'; actor: StaffActor }
  | { state: 'PENDING_SECOND_FACTOR'; userId: string; sessionId: string }
  | { state: 'NONE' }

/**
 * The staff member behind a session token, after the idle and absolute timeouts and the account's
 * state are checked; an expired session is deleted. Activity is recorded at most once a minute.
 */
export async function lookupStaffSession(
  token: string | undefined,
  now = new Date(),
): Promise<SessionLookup> {
  if (!looksLikeToken(token)) return { state: 'NONE' }
  const db = getDb()
  const session = await db.staffSession.findUnique({
    where: { tokenHash: hashToken(token) },
    include: {
      user: { select: { id: true, email: true, name: true, role: true, active: true, totpEnabled: true } },
    },
  })
  if (!session) return { state: 'NONE' }
  if (!session.user.active || sessionExpired(session, now)) {
    await db.staffSession.deleteMany({ where: { id: session.id } })
    return { state: 'NONE' }
  }
  if (session.pendingSecondFactor)
    return { state: 'PENDING_SECOND_FACTOR', userId: session.userId, sessionId: session.id }
  if (now.getTime() - session.lastSeenAt.getTime() > 60_000) {
    await db.staffSession.updateMany({ where: { id: session.id }, data: { lastSeenAt: now } })
  }
  return {
    state: 'ACTIVE',
    actor: {
      userId: session.user.id,
      sessionId: session.id,
      email: session.user.email,
      name: session.user.name,
      role: session.user.role,
      totpEnabled: session.user.totpEnabled,
    },
  }
}

export async function destroyStaffSession(token: string | undefined): Promise<void> {
  if (!looksLikeToken(token)) return
  await getDb().staffSession.deleteMany({ where: { tokenHash: hashToken(token) } })
}
