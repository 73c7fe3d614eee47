// The database fails while an applicant sends their dossier: the connection is cut, or the server
// stops, at a different byte of the submission in each run. Whatever the moment, the database
// holds either the whole dossier or nothing of it, the draft keeps its answers and files, the
// applicant reads a French "try again" message, and trying again makes exactly one dossier.
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  copyDraft,
  directClient,
  draftSnapshot,
  faultRuns,
  fillCompleteDraft,
  leftoverLocks,
  letConnectionsClose,
  orphans,
  partialDossiers,
} from '../support/consistency'
import { planCuts, statementsOf, type CutPoint, type Statement } from '../support/fault-plan'
import { FaultyProxy } from '../support/faulty-proxy'
import { browser } from '../support/next-request'
import { NOW } from '../support/registration'

const RUNS = faultRuns()

// integration-setup.ts gave this file its own database. The app reaches it through the proxy
// (DATABASE_URL is read once, when the app's modules load, hence the imports below); the test
// checks it over a direct connection.
const directUrl = process.env.DATABASE_URL!
const proxy = await FaultyProxy.start(directUrl)
process.env.DATABASE_URL = proxy.urlFor(directUrl)
const { getDb } = await import('@/lib/server/db')
const { seed } = await import('@/prisma/seed')
const actions = await import('@/app/(public)/inscription/actions')
const uploadRoute = await import('@/app/api/inscription/pieces/route')
const db = getDb()

/** What the applicant must read when the database failed: French, "try again", no technical text. */
const TRY_AGAIN = /^Le serveur n’a pas répondu à temps\. .*réessayez/
const TECHNICAL = /error|prisma|connection|stack|\bat \/|ECONN|P\d{4}/i

/** A run's cut must hang nothing: this bounds a run that would (each takes well under a second). */
const HANG_GUARD_MS = RUNS * 10_000

/**
 * The counter starts at 100: its value comes back as text in the answer to its upsert, and cuts
 * aimed at bytes of later answers must find them at the same place in every run (101 to 999).
 */
const FIRST_NUMBER = 101

let direct: pg.Client
/** A complete draft, filled as an applicant does; each run sends a copy of it. */
let template: string

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  // Each cut connection is logged as a warning by lib/server/db.ts: expected here, and many.
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  vi.spyOn(console, 'error').mockImplementation(() => {})
  await seed(db, { now: NOW })
  direct = await directClient(directUrl)
  await direct.query(`INSERT INTO "ReferenceCounter" (prefix, "lastValue") VALUES ('CPN42-2026', $1)`, [
    FIRST_NUMBER - 1,
  ])
  template = (await fillCompleteDraft(actions, uploadRoute)).token
})

afterAll(async () => {
  await direct?.end()
  await db.$disconnect()
  await proxy.close()
  vi.restoreAllMocks()
  vi.useRealTimers()
})

async function send(): Promise<
  { redirectedTo: string } | Awaited<ReturnType<typeof actions.submitRegistrationAction>>
> {
  try {
    return await actions.submitRegistrationAction({ consent: true, certify: true })
  } catch (error) {
    const digest = (error as { digest?: string }).digest
    if (digest?.startsWith('NEXT_REDIRECT')) return { redirectedTo: digest.split(';')[2]! }
    throw error
  }
}

async function expectNothingHalfWritten() {
  expect(await partialDossiers(direct)).toEqual([])
  expect(await orphans(direct)).toEqual({ files: 0, contentless: 0, drafts: 0 })
}

/** The statements of one clean submission (of a copy of the template), as the proxy saw them. */
async function recordSubmission(): Promise<Statement[]> {
  await copyDraft(direct, template)
  proxy.clearTrace()
  const start = { ...proxy.forwarded }
  expect(await send()).toEqual({ redirectedTo: '/dossier/confirmation' })
  return statementsOf(proxy.trace, start)
}

describe('a submission cut by a database failure', () => {
  let statements: Statement[]
  let plan: CutPoint[]

  beforeAll(async () => {
    statements = await recordSubmission()
    plan = planCuts(statements, RUNS, [
      'before BEGIN',
      'after INSERT Dossier',
      'during INSERT Piece',
      'after INSERT AuditEvent',
      'before COMMIT',
      'during COMMIT',
      'after COMMIT',
    ])
  })

  it('was recorded as one transaction, BEGIN to COMMIT, on one connection', () => {
    const labels = statements.map((statement) => statement.label)
    const begin = labels.indexOf('BEGIN')
    const commit = labels.indexOf('COMMIT')
    expect(begin).toBeGreaterThanOrEqual(0)
    expect(labels.slice(begin, commit + 1)).toEqual(
      expect.arrayContaining([
        'SELECT Draft FOR UPDATE',
        'INSERT ReferenceCounter',
        'INSERT Dossier',
        'INSERT DossierUe',
        'INSERT Piece',
        'INSERT AuditEvent',
        'UPDATE Draft',
        'INSERT OutboxEmail',
      ]),
    )
    // Every statement between BEGIN and COMMIT runs on the transaction's connection: none reads
    // through the pool while the transaction holds a connection (see registration-context.ts).
    const inside = statements.slice(begin, commit + 1)
    expect(new Set(inside.map((statement) => statement.connection)).size).toBe(1)
  })

  it(
    `leaves the whole dossier or nothing, and the retry makes exactly one (${RUNS} runs)`,
    async () => {
      const outcomes: string[] = []
      for (const [run, point] of plan.entries()) {
        // Every fifth run, the server stops at that byte and stays down for a while.
        const stops = run % 5 === 4
        const { token } = await copyDraft(direct, template)
        const before = await draftSnapshot(direct, token)
        await letConnectionsClose()

        proxy.clearTrace()
        const start = { ...proxy.forwarded }
        const cut = proxy.cutAfter({ direction: point.direction, bytes: point.bytes, stopDatabase: stops })
        const answer = await send()
        const report = await Promise.race([cut, Promise.resolve(null)])
        proxy.disarm()
        const where = `run ${run + 1}, cut ${point.label}${stops ? ', server stopped' : ''}`

        // The cut happened where planned: the same statements as the recorded run reached the server.
        expect(report, where).not.toBeNull()
        const sent = statementsOf(proxy.trace, start).map((statement) => statement.label)
        expect(sent, where).toEqual(
          statements.slice(0, point.statementsSent).map((statement) => statement.label),
        )

        // The applicant reads a French message, keeps their draft cookie, and gets no dossier link.
        expect(answer, where).toEqual({
          ok: false,
          issues: [],
          fieldErrors: {},
          formError: expect.stringMatching(TRY_AGAIN),
        })
        expect((answer as { formError: string }).formError, where).not.toMatch(TECHNICAL)
        expect(browser.cookie('cnam_inscription'), where).toBe(token)
        expect(browser.cookie('cnam_dossier'), where).toBeUndefined()

        // Only the answer to COMMIT lost leaves a dossier, then a whole one; otherwise, nothing.
        const committed = point.kind === 'after' && point.statement.label === 'COMMIT'
        const after = await draftSnapshot(direct, token)
        expect(after, where).toEqual(committed ? { ...before, submitted: true, dossiers: 1 } : before)
        await expectNothingHalfWritten()

        if (stops) {
          // Sending again while the server is down: refused the same way, nothing changes.
          await letConnectionsClose()
          expect(await send(), where).toMatchObject({
            ok: false,
            formError: expect.stringMatching(TRY_AGAIN),
          })
          expect(await draftSnapshot(direct, token), where).toEqual(after)
          await proxy.startDatabase()
        }

        // The server is back: the same browser sends again, without restarting anything.
        await letConnectionsClose()
        expect(await send(), where).toEqual({ redirectedTo: '/dossier/confirmation' })
        expect(await draftSnapshot(direct, token), where).toEqual({ ...before, submitted: true, dossiers: 1 })
        // A dossier session of its own: never the draft's token.
        expect(browser.cookie('cnam_dossier'), where).toMatch(/^[A-Za-z0-9_-]{43}$/)
        expect(browser.cookie('cnam_dossier'), where).not.toBe(token)
        await expectNothingHalfWritten()
        outcomes.push(committed ? 'committed, answer lost' : 'nothing written')
      }

      // One dossier per draft (the recorded run's and one per run), numbered without gaps: a
      // rolled-back submission gives its number back.
      const { rows } = await direct.query<{ reference: string }>(
        'SELECT reference FROM "Dossier" ORDER BY reference',
      )
      expect(rows.map((row) => row.reference)).toEqual(
        Array.from(
          { length: RUNS + 1 },
          (_, index) => `CPN42-2026-${String(FIRST_NUMBER + index).padStart(5, '0')}`,
        ),
      )
      // The server ends the sessions of cut connections (rolling their transactions back) as soon as
      // it reads the end of the stream; none is left holding a lock.
      await expect
        .poll(() => leftoverLocks(direct))
        .toEqual({ waitingLocks: 0, waitingSessions: 0, openTransactions: 0 })
      if (RUNS >= 7) expect(new Set(outcomes)).toEqual(new Set(['nothing written', 'committed, answer lost']))
    },
    HANG_GUARD_MS,
  )
})

describe('a database that accepts connections but does not answer', () => {
  it('fails the submission with the French message instead of hanging, and the retry succeeds once it answers', async () => {
    const { token } = await copyDraft(direct, template)
    const before = await draftSnapshot(direct, token)
    proxy.cutAll()
    proxy.pauseNewConnections()
    await letConnectionsClose()

    expect(await send()).toMatchObject({ ok: false, formError: expect.stringMatching(TRY_AGAIN) })
    expect(await draftSnapshot(direct, token)).toEqual(before)

    await proxy.startDatabase()
    await letConnectionsClose()
    expect(await send()).toEqual({ redirectedTo: '/dossier/confirmation' })
    expect(await draftSnapshot(direct, token)).toEqual({ ...before, submitted: true, dossiers: 1 })
    await expectNothingHalfWritten()
  })
})
