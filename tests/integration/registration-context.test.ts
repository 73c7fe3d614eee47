// The registration rules of a session (programme, UEs, calendar, tariff, pieces, centres) are
// cached by each instance under the revision of the programme's data, which database triggers
// change on every write. These tests check what an applicant would otherwise see: yesterday's
// deadline or tariff after a staff edit made through another instance, or by hand.
import { beforeEach, describe, expect, it } from 'vitest'
import { getDb } from '@/lib/server/db'
import { getOpenRegistration, getRegistrationContext } from '@/lib/server/registration/registration-context'
import { seed } from '@/prisma/seed'
import { NOW } from '../support/registration'
import { resetDatabase } from '../support/test-database'

const db = getDb()

async function revision(): Promise<string | undefined> {
  return (await db.programmeDataRevision.findUnique({ where: { id: 1 } }))?.revision
}

async function openSession() {
  const context = await getOpenRegistration({ programmeCode: 'CPN42' })
  if (!context) throw new Error('the seed opens a session to registration')
  return context
}

beforeEach(async () => {
  await resetDatabase()
  await seed(db, { now: NOW })
})

describe('the registration context of a session', () => {
  it('is read once while the programme’s data does not change', async () => {
    const { sessionId } = await openSession()
    const first = await getRegistrationContext({ sessionId })
    expect(await getRegistrationContext({ sessionId })).toBe(first)
    // Shared by every request, so nobody may change it.
    expect(() => first!.session.ues.pop()).toThrow(TypeError)
  })

  it('shows a change written by hand, from outside the portal, at the next read', async () => {
    const { sessionId, session } = await openSession()
    const before = await getRegistrationContext({ sessionId })
    expect(before?.session.semesters[0]?.registrationDeadline).toBe(
      session.semesters[0]?.registrationDeadline,
    )
    await db.$executeRaw`UPDATE "Semester" SET "registrationDeadline" = DATE '2027-01-15' WHERE "sessionId" = ${sessionId}::uuid AND number = 1`
    const after = await getRegistrationContext({ sessionId })
    expect(after?.session.semesters[0]?.registrationDeadline).toBe('2027-01-15')
  })

  it('shows a closed registration at once', async () => {
    const { sessionId } = await openSession()
    await db.academicSession.update({ where: { id: sessionId }, data: { registrationOpen: false } })
    expect(await getOpenRegistration({ programmeCode: 'CPN42' })).toBeNull()
  })

  it('is read inside a transaction with the transaction’s own view of the data', async () => {
    const { sessionId } = await openSession()
    await getRegistrationContext({ sessionId })
    const seenInside = await db.$transaction(async (tx) => {
      await tx.$executeRaw`UPDATE "SessionTariff" SET "dossierFeeCents" = 4200 WHERE "sessionId" = ${sessionId}::uuid`
      return (await getRegistrationContext({ sessionId, db: tx }))?.session.tariff.dossierFeeCents
    })
    expect(seenInside).toBe(4200)
  })
})

describe('the revision of the programme’s data', () => {
  // Every table the registration context is read from: a table missing here would let an
  // instance keep serving what it read before an edit.
  const TABLES = [
    'Programme',
    'Responsable',
    'PieceType',
    'AcademicSession',
    'Semester',
    'Period',
    'Ue',
    'UePrerequisite',
    'SessionUe',
    'SessionTariff',
    'CategoryRate',
    'Centre',
    'OpeningHours',
  ]

  it.each(TABLES)('changes with any statement writing "%s"', async (table) => {
    const before = await revision()
    expect(before).toMatch(/^[0-9a-f-]{36}$/)
    // A statement that writes no row: the triggers are per statement, so even this counts.
    await db.$executeRawUnsafe(`DELETE FROM "${table}" WHERE false`)
    expect(await revision()).not.toBe(before)
  })

  it('is taken from a fresh value after a reset and a new seed, never one seen before', async () => {
    const before = await revision()
    await resetDatabase()
    await seed(db, { now: NOW })
    const after = await revision()
    expect(after).toMatch(/^[0-9a-f-]{36}$/)
    expect(after).not.toBe(before)
  })
})
