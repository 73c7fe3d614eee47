// The database fails while a reviewer decides a piece: the connection is cut, or the server stops,
// at a different byte of the decision in each run. Whatever the moment, the piece's status, its
// audit event and the dossier's move to "under review" are saved together or not at all, the
// reviewer reads a French "try again" message, and trying again saves the decision once.
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  directClient,
  faultRuns,
  halfDecisions,
  leftoverLocks,
  letConnectionsClose,
} from '../support/consistency'
import { cutPoint, planCuts, statementsOf, type CutPoint, type Statement } from '../support/fault-plan'
import { FaultyProxy } from '../support/faulty-proxy'
import { browser } from '../support/next-request'
import { NOW } from '../support/registration'

const RUNS = faultRuns()

// As in faults-submission.test.ts: the app goes through the proxy, the checks do not.
const directUrl = process.env.DATABASE_URL!
const proxy = await FaultyProxy.start(directUrl)
process.env.DATABASE_URL = proxy.urlFor(directUrl)
const { getDb } = await import('@/lib/server/db')
const { seed } = await import('@/prisma/seed')
const { createDossier } = await import('../support/dossiers')
const { createStaff, signInBrowserAs } = await import('../support/staff')
const review = await import('@/app/(admin)/admin/dossiers/[id]/actions')
const db = getDb()

const TRY_AGAIN = /^Le serveur n’a pas répondu à temps : .*Réessayez/
const TECHNICAL = /error|prisma|connection|stack|\bat \/|ECONN|P\d{4}/i

/** A run's cut must hang nothing: this bounds a run that would (each takes well under a second). */
const HANG_GUARD_MS = RUNS * 10_000

let direct: pg.Client

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  // Each cut connection is logged as a warning by lib/server/db.ts: expected here, and many.
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  vi.spyOn(console, 'error').mockImplementation(() => {})
  await seed(db, { now: NOW })
  direct = await directClient(directUrl)
  browser.reset()
  const reviewer = await createStaff('GESTIONNAIRE', { email: 'relecteur@test.cnam.re' })
  await signInBrowserAs(reviewer.id)
})

afterAll(async () => {
  await direct?.end()
  await db.$disconnect()
  await proxy.close()
  vi.restoreAllMocks()
  vi.useRealTimers()
})

/**
 * A just-submitted dossier and its ID card piece. Every dossier has the same name and e-mail
 * address, so that the answers the server sends have the same length in every run.
 */
async function pendingPiece(): Promise<{ dossierId: string; pieceId: string }> {
  const dossier = await createDossier({ birthName: 'Hoarau', email: 'candidate@example.re' })
  const { rows } = await direct.query<{ id: string }>(
    `SELECT id FROM "Piece" WHERE "dossierId" = $1 AND "pieceTypeCode" = 'ID_CARD'`,
    [dossier.id],
  )
  return { dossierId: dossier.id, pieceId: rows[0]!.id }
}

function decision(target: { dossierId: string; pieceId: string }, run: number) {
  return run % 2 === 0
    ? { ...target, decision: 'ACCEPTED', reason: '', seenStatus: 'PENDING' }
    : { ...target, decision: 'REJECTED', reason: 'Document illisible', seenStatus: 'PENDING' }
}

/** What the database holds about the piece and its dossier. */
async function state(target: { dossierId: string; pieceId: string }) {
  const { rows } = await direct.query<{ piece: string; dossier: string; events: string[] | null }>(
    `SELECT p.status AS piece, d.status AS dossier,
       (SELECT array_agg(e.action ORDER BY e.action) FROM "AuditEvent" e
         WHERE e."dossierId" = d.id AND e."actorType" = 'STAFF') AS events
     FROM "Piece" p JOIN "Dossier" d ON d.id = p."dossierId" WHERE p.id = $1`,
    [target.pieceId],
  )
  return { ...rows[0]!, events: rows[0]!.events ?? [] }
}

function decided(run: number) {
  return {
    piece: run % 2 === 0 ? 'ACCEPTED' : 'REJECTED',
    dossier: 'UNDER_REVIEW',
    events: [run % 2 === 0 ? 'PIECE_ACCEPTED' : 'PIECE_REJECTED', 'START_REVIEW'].sort(),
  }
}

const UNDECIDED = { piece: 'PENDING', dossier: 'SUBMITTED', events: [] }

/** The statements of one clean decision (the even runs' kind, or the odd runs' one), as the proxy saw them. */
async function recordDecision(run: number): Promise<Statement[]> {
  const target = await pendingPiece()
  proxy.clearTrace()
  const start = { ...proxy.forwarded }
  expect(await review.decidePieceAction(decision(target, run))).toEqual({ ok: true })
  return statementsOf(proxy.trace, start)
}

describe('a piece decision cut by a database failure', () => {
  let statements: Statement[]
  /** A rejection carries its reason: its statements are longer, so its cuts sit at other bytes. */
  let rejectionStatements: Statement[]
  let plan: CutPoint[]

  beforeAll(async () => {
    statements = await recordDecision(0)
    rejectionStatements = await recordDecision(1)
    expect(rejectionStatements.map((statement) => statement.label)).toEqual(
      statements.map((statement) => statement.label),
    )
    plan = planCuts(statements, RUNS, [
      'before BEGIN',
      'after SELECT Dossier FOR UPDATE',
      'after UPDATE Dossier',
      'during UPDATE Piece',
      'before COMMIT',
      'during COMMIT',
      'after COMMIT',
    ])
  })

  it('was recorded as one transaction holding the status change, the decision and their events', () => {
    const labels = statements.map((statement) => statement.label)
    const transaction = labels.slice(labels.indexOf('BEGIN'), labels.indexOf('COMMIT') + 1)
    expect(transaction).toEqual(
      expect.arrayContaining([
        'SELECT Dossier FOR UPDATE',
        'UPDATE Dossier',
        'UPDATE Piece',
        'INSERT AuditEvent',
      ]),
    )
    expect(transaction.filter((label) => label === 'INSERT AuditEvent')).toHaveLength(2)
  })

  it(
    `saves the decision whole or not at all, and the retry saves it once (${RUNS} runs)`,
    async () => {
      const outcomes: string[] = []
      for (const [run, planned] of plan.entries()) {
        const point =
          run % 2 === 0 ? planned : cutPoint(rejectionStatements[planned.statement.index]!, planned.kind)
        const stops = run % 5 === 4
        const target = await pendingPiece()
        const input = decision(target, run)
        await letConnectionsClose()

        proxy.clearTrace()
        const start = { ...proxy.forwarded }
        const cut = proxy.cutAfter({ direction: point.direction, bytes: point.bytes, stopDatabase: stops })
        const answer = await review.decidePieceAction(input)
        const report = await Promise.race([cut, Promise.resolve(null)])
        proxy.disarm()
        const where = `run ${run + 1}, cut ${point.label}${stops ? ', server stopped' : ''}`

        expect(report, where).not.toBeNull()
        const sent = statementsOf(proxy.trace, start).map((statement) => statement.label)
        expect(sent, where).toEqual(
          statements.slice(0, point.statementsSent).map((statement) => statement.label),
        )

        expect(answer, where).toEqual({
          ok: false,
          message: expect.stringMatching(TRY_AGAIN),
          fieldErrors: {},
        })
        expect((answer as { message: string }).message, where).not.toMatch(TECHNICAL)

        const committed = point.kind === 'after' && point.statement.label === 'COMMIT'
        expect(await state(target), where).toEqual(committed ? decided(run) : UNDECIDED)
        expect(await halfDecisions(direct), where).toEqual([])

        if (stops) {
          // Clicking again while the server is down: refused the same way, nothing changes.
          await letConnectionsClose()
          expect(await review.decidePieceAction(input), where).toMatchObject({
            ok: false,
            message: expect.stringMatching(TRY_AGAIN),
          })
          expect(await state(target), where).toEqual(committed ? decided(run) : UNDECIDED)
          await proxy.startDatabase()
        }

        // The server is back: the reviewer clicks again on the page they still have open.
        await letConnectionsClose()
        expect(await review.decidePieceAction(input), where).toEqual({ ok: true })
        expect(await state(target), where).toEqual(decided(run))
        expect(await halfDecisions(direct), where).toEqual([])
        outcomes.push(committed ? 'committed, answer lost' : 'nothing written')
      }

      await expect
        .poll(() => leftoverLocks(direct))
        .toEqual({ waitingLocks: 0, waitingSessions: 0, openTransactions: 0 })
      if (RUNS >= 7) expect(new Set(outcomes)).toEqual(new Set(['nothing written', 'committed, answer lost']))
    },
    HANG_GUARD_MS,
  )
})
