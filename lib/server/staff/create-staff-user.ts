import 'server-only'
import { passwordProblem, type StaffRole } from '@/lib/domain/staff'
import { getDb } from '@/lib/server/db'
import { hashPassword } from '@/lib/server/auth/secrets'

export type CreateStaffResult =
  { ok: true; userId: string } | { ok: false; field: 'email' | 'password' | 'name'; message: string }

/**
 * Creates a staff account with a password (the first admin, the demo account). Accounts made from
 * the staff area are invited instead (see invite-staff-user.ts). No authorization here: only
 * trusted commands call it.
 */
export async function createStaffUser(options: {
  email: string
  name: string
  role: StaffRole
  password: string
}): Promise<CreateStaffResult> {
  const email = options.email.trim().toLowerCase()
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    return { ok: false, field: 'email', message: 'Adresse e-mail invalide.' }
  if (!options.name.trim()) return { ok: false, field: 'name', message: 'Indiquez un nom.' }
  const problem = passwordProblem(options.password, email)
  if (problem) return { ok: false, field: 'password', message: problem }
  const db = getDb()
  if (await db.staffUser.findUnique({ where: { email }, select: { id: true } })) {
    return { ok: false, field: 'email', message: 'Un compte existe déjà avec cette adresse.' }
  }
  const user = await db.staffUser.create({
    data: {
      email,
      name: options.name.trim(),
      role: options.role,
      passwordHash: await hashPassword(options.password),
    },
    select: { id: true },
  })
  return { ok: true, userId: user.id }
}
