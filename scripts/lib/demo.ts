// What the embedded demo database gets on `npm start`: an AUTH_SECRET kept in .data, and a demo
// staff account whose credentials are printed at each start.
import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { PrismaPg } from '@prisma/adapter-pg'
import { hash } from '@node-rs/argon2'
import { PrismaClient } from '../../lib/generated/prisma/client'

const DATA = '.data'
export const DEMO_EMAIL = 'admin@demo.cnam.re'

function keptSecret(file: string, make: () => string): string {
  const target = path.join(DATA, file)
  if (existsSync(target)) return readFileSync(target, 'utf8').trim()
  mkdirSync(DATA, { recursive: true })
  const value = make()
  writeFileSync(target, `${value}\n`, { mode: 0o600 })
  return value
}

export function demoAuthSecret(): string {
  return keptSecret('auth-secret', () => randomBytes(48).toString('base64url'))
}

/** Creates the demo admin if the database has no staff yet; returns its credentials. */
export async function ensureDemoAccount(url: string): Promise<{ email: string; password: string } | null> {
  const password = keptSecret('demo-admin-password', () => `Demo-${randomBytes(9).toString('base64url')}`)
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max: 1 }) })
  try {
    const demo = await db.staffUser.findUnique({ where: { email: DEMO_EMAIL }, select: { id: true } })
    if (!demo) {
      if ((await db.staffUser.count()) > 0) return null
      await db.staffUser.create({
        data: {
          email: DEMO_EMAIL,
          name: 'Compte de démonstration',
          role: 'ADMIN',
          passwordHash: await hash(password),
        },
      })
    }
    return { email: DEMO_EMAIL, password }
  } finally {
    await db.$disconnect()
  }
}
