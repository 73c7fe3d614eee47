import { beforeEach, describe, expect, it } from 'vitest'
import { addYears, fromIsoDate, toIsoDate } from '@/lib/domain/dates'
import { formatOpeningHours } from '@/lib/format'
import { getDb } from '@/lib/server/db'
import { sessionInclude, toDomainSession } from '@/lib/server/programme/mappers'
import { refreshGeneratedSessions, seed } from '@/prisma/seed'
import { session2010 } from '@/prisma/seed/cpn42-2010-2011'
import { resetDatabase } from '../support/test-database'
import {
  brochureAmountsCents,
  brochureCalendar,
  brochurePhoneNumbers,
  brochureText,
  brochureUes,
  normalizeTitle,
} from '../support/brochure'

const NOW = new Date('2026-11-26T08:00:00Z')

/** Every row of every table of ours, in a stable order. */
async function dumpAll(): Promise<Record<string, unknown>> {
  const db = getDb()
  const tables = await db.$queryRaw<Array<{ table_name: string }>>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations' ORDER BY table_name`
  const dump: Record<string, unknown> = {}
  for (const { table_name: table } of tables) {
    dump[table] = await db.$queryRawUnsafe(`SELECT * FROM "${table}" t ORDER BY t::text`)
  }
  return dump
}

/** Gives 2026-2027 the days the first duplicateSession gave it: 2010-2011's, 16 years later. */
async function makeWholeYearCopy(options: { editedAt?: Date } = {}) {
  const db = getDb()
  const id = (await db.academicSession.findFirstOrThrow({ where: { label: '2026-2027' } })).id
  const move = (date: string) => fromIsoDate(addYears(date, 16))
  for (const semester of session2010.semesters)
    await db.semester.updateMany({
      where: { sessionId: id, number: semester.number },
      data: {
        registrationDeadline: move(semester.registrationDeadline),
        startsOn: move(semester.startsOn),
        pauseOn: semester.pauseOn ? move(semester.pauseOn) : null,
        resumeOn: semester.resumeOn ? move(semester.resumeOn) : null,
        endsOn: move(semester.endsOn),
        examStartsOn: move(semester.examStartsOn),
        examEndsOn: move(semester.examEndsOn),
      },
    })
  await db.academicSession.update({
    where: { id },
    data: {
      secondExamStartsOn: move(session2010.secondExamStartsOn),
      secondExamEndsOn: move(session2010.secondExamEndsOn),
      editedAt: options.editedAt ?? null,
    },
  })
}

async function loadSession(label: string) {
  const row = await getDb().academicSession.findFirstOrThrow({ where: { label }, include: sessionInclude })
  return { row, session: toDomainSession(row) }
}

describe('seed', () => {
  beforeEach(resetDatabase)

  it('changes nothing when run a second time', async () => {
    const first = await seed(getDb(), { now: NOW })
    expect(first.created.length).toBeGreaterThan(0)
    const before = await dumpAll()
    const second = await seed(getDb(), { now: NOW })
    expect(second.created).toEqual([])
    expect(await dumpAll()).toEqual(before)
  })

  it('stores every UE of the brochure with its title, ECTS, period mark and prerequisites', async () => {
    await seed(getDb(), { now: NOW })
    const { session } = await loadSession('2010-2011')
    const printed = brochureUes()
    expect(printed).toHaveLength(14)
    expect(session.ues.map((ue) => ue.code)).toEqual(printed.map((ue) => ue.code))
    for (const ue of printed) {
      const stored = session.ues.find((candidate) => candidate.code === ue.code)!
      expect({
        code: stored.code,
        title: normalizeTitle(stored.title),
        ects: stored.ects,
        recommendedFirst: stored.recommendedFirst,
        prerequisites: stored.prerequisites,
      }).toEqual(ue)
    }
  })

  it('stores every date of the calendar', async () => {
    await seed(getDb(), { now: NOW })
    const { session } = await loadSession('2010-2011')
    const printed = brochureCalendar()
    const [s1, s2] = session.semesters
    expect(s1).toEqual({
      number: 1,
      registrationDeadline: printed.semester1.registrationDeadline,
      startsOn: printed.semester1.startsOn,
      pauseOn: printed.semester1.pauseOn,
      resumeOn: printed.semester1.resumeOn,
      endsOn: printed.semester1.endsOn,
      examStartsOn: printed.semester1.exams[0],
      examEndsOn: printed.semester1.exams[1],
    })
    expect(s2).toEqual({
      number: 2,
      registrationDeadline: printed.semester2.registrationDeadline,
      startsOn: printed.semester2.startsOn,
      pauseOn: null,
      resumeOn: null,
      endsOn: printed.semester2.endsOn,
      examStartsOn: printed.semester2.exams[0],
      examEndsOn: printed.semester2.exams[1],
    })
    expect([session.secondExamStartsOn, session.secondExamEndsOn]).toEqual(printed.secondExamSession)
  })

  it('stores every amount of the fees section', async () => {
    await seed(getDb(), { now: NOW })
    const { session } = await loadSession('2010-2011')
    const { tariff } = session
    expect(brochureAmountsCents()).toEqual([
      tariff.dossierFeeCents,
      tariff.baseFeeCents,
      ...tariff.rates.map((rate) => rate.perEctsCents),
      tariff.foadPerUeCents,
      tariff.reportFollowUpCents,
    ])
    expect(tariff.rates.map((rate) => rate.category)).toEqual(['JOB_SEEKER', 'INDIVIDUAL', 'EMPLOYER_FUNDED'])
  })

  it('stores both centres with their phone and fax numbers and opening hours', async () => {
    await seed(getDb(), { now: NOW })
    const centres = await getDb().centre.findMany({
      orderBy: { position: 'asc' },
      include: { openingHours: { orderBy: [{ fromDay: 'asc' }, { opensAt: 'asc' }] } },
    })
    expect(
      centres.flatMap((centre) => [centre.phone, centre.fax]).map((phone) => phone?.replace(/\D/g, '')),
    ).toEqual(brochurePhoneNumbers())
    const text = brochureText().replace(/\s+/g, ' ')
    for (const line of formatOpeningHours(centres[0]!.openingHours)) expect(text).toContain(line)
    expect(text).toContain(
      `${centres[0]!.postBox} ${centres[0]!.postcode} ${centres[0]!.city.toUpperCase()} CEDEX`,
    )
  })

  it('opens the current academic year, generated from 2010-2011 by whole weeks', async () => {
    await seed(getDb(), { now: NOW })
    const { row, session } = await loadSession('2026-2027')
    const { row: archiveRow, session: archive } = await loadSession('2010-2011')
    expect(row.generated).toBe(true)
    expect(row.registrationOpen).toBe(true)
    expect(row.generatedFromId).toBe(archiveRow.id)
    expect(archiveRow.registrationOpen).toBe(false)
    expect(session.ues).toEqual(archive.ues)
    expect(session.tariff).toEqual(archive.tariff)
    expect(session.semesters[0]!.registrationDeadline).toBe('2026-10-30')
    expect(session.semesters[0]!.startsOn).toBe('2026-09-28')
    expect(session.secondExamEndsOn).toBe('2027-09-10')
  })

  it('adds the next academic year when it is run again after 1 August', async () => {
    await seed(getDb(), { now: NOW })
    const report = await seed(getDb(), { now: new Date('2027-08-02T08:00:00Z') })
    expect(report.created).toEqual(['session 2027-2028 (generated)'])
    const { session } = await loadSession('2027-2028')
    expect(session.semesters[1]!.registrationDeadline).toBe('2028-03-30')
  })

  it('keeps what staff changed', async () => {
    await seed(getDb(), { now: NOW })
    await getDb().sessionTariff.updateMany({ data: { baseFeeCents: 12_345 } })
    await getDb().semester.updateMany({
      where: { number: 2 },
      data: { registrationDeadline: fromIsoDate('2027-04-15') },
    })
    await seed(getDb(), { now: NOW })
    const { session } = await loadSession('2026-2027')
    expect(session.tariff.baseFeeCents).toBe(12_345)
    expect(toIsoDate(fromIsoDate(session.semesters[1]!.registrationDeadline))).toBe('2027-04-15')
  })

  it('gives a generated session nobody edited the days that keep their weekdays, once', async () => {
    await seed(getDb(), { now: NOW })
    await makeWholeYearCopy()
    expect((await loadSession('2026-2027')).session.semesters[0]!.startsOn).toBe('2026-09-27')
    const report = await seed(getDb(), { now: NOW })
    expect(report.created).toEqual(['session 2026-2027 (dates recomputed)'])
    const { session } = await loadSession('2026-2027')
    expect(session.semesters[0]!.startsOn).toBe('2026-09-28')
    expect(session.semesters[0]!.examStartsOn).toBe('2027-02-22')
    expect(session.secondExamEndsOn).toBe('2027-09-10')
    expect((await seed(getDb(), { now: NOW })).created).toEqual([])
  })

  it('recomputes at start-up too, on a database seeded before', async () => {
    await seed(getDb(), { now: NOW })
    await makeWholeYearCopy()
    expect(await refreshGeneratedSessions(getDb())).toEqual(['2026-2027'])
    expect((await loadSession('2026-2027')).session.semesters[1]!.startsOn).toBe('2027-03-01')
    expect(await refreshGeneratedSessions(getDb())).toEqual([])
  })

  it('leaves alone a generated session staff edited, even one left on its old days', async () => {
    await seed(getDb(), { now: NOW })
    await makeWholeYearCopy({ editedAt: new Date('2026-10-01T08:00:00Z') })
    expect(await refreshGeneratedSessions(getDb())).toEqual([])
    expect((await loadSession('2026-2027')).session.semesters[0]!.startsOn).toBe('2026-09-27')
  })
})
