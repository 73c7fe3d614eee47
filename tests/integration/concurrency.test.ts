// Many applicants sending their dossier at the same moment, some of them twice (a double click, a
// second tab): one dossier per draft, references that follow each other, and no lock left behind.
import type pg from 'pg'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { getDb } from '@/lib/server/db'
import { submitDraft, type SubmitResult } from '@/lib/server/registration/submit-draft'
import { seed } from '@/prisma/seed'
import {
  copyDraft,
  directClient,
  draftSnapshot,
  fillCompleteDraft,
  leftoverLocks,
  orphans,
  partialDossiers,
} from '../support/consistency'
import { NOW } from '../support/registration'
import { resetDatabase } from '../support/test-database'

const actions = await import('@/app/(public)/inscription/actions')
const uploadRoute = await import('@/app/api/inscription/pieces/route')
const db = getDb()

const APPLICANTS = 50
/** Drafts sent three times at once (the same draft from three tabs). */
const REPEATED = 10

let direct: pg.Client

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  await resetDatabase()
  await seed(db, { now: NOW })
  direct = await directClient(process.env.DATABASE_URL!)
})

afterAll(async () => {
  await direct.end()
  vi.useRealTimers()
})

describe(`${APPLICANTS} applicants sending their dossier at the same moment`, () => {
  it('makes one dossier per draft, numbered 1 to 50 without gaps, and leaves no lock or transaction behind', async () => {
    // One draft filled as an applicant does, and copies of it for the others.
    const drafts = [(await fillCompleteDraft(actions, uploadRoute)).token]
    while (drafts.length < APPLICANTS) drafts.push((await copyDraft(direct, drafts[0]!)).token)

    // Every draft once, the first REPEATED of them three times side by side (so that the copies
    // run while the first still holds the draft's lock), all started together. The pool (8
    // connections in tests) makes them queue; pg's connection timeout (5 s) bounds that queue.
    const sent = drafts.flatMap((token, index) => (index < REPEATED ? [token, token, token] : [token]))
    const calls = sent.map((token) => ({
      token,
      outcome: submitDraft({ token }).then(
        (result): SubmitResult | { error: string } => result,
        // The code says which failure it was (40P01, P2024, P2028…), the start of the message why.
        (error: unknown) => ({
          error: `${(error as { code?: string }).code} ${String(error).slice(0, 200)}`,
        }),
      ),
    }))
    const outcomes = await Promise.all(
      calls.map(async (call) => ({ token: call.token, ...(await call.outcome) })),
    )

    // No call failed: no deadlock (40P01), no pool or transaction timeout (P2024, P2028).
    expect(outcomes.filter((outcome) => 'error' in outcome)).toEqual([])
    const results = outcomes as Array<SubmitResult & { token: string }>
    expect(results.filter((result) => !result.ok)).toEqual([])

    // Each draft: one dossier; its repeated calls answer with that same dossier.
    for (const token of drafts) {
      const mine = results.filter((result) => result.token === token)
      const dossierIds = new Set(mine.map((result) => (result.ok ? result.dossierId : null)))
      expect(dossierIds.size).toBe(1)
      expect(mine.filter((result) => result.ok && !result.alreadySubmitted)).toHaveLength(1)
      const snapshot = await draftSnapshot(direct, token)
      expect(snapshot).toMatchObject({ submitted: true, dossiers: 1 })
    }

    // The counter row is locked and incremented inside each submission's transaction, so the
    // numbers are given out one at a time in commit order, and a rolled-back submission gives its
    // number back: 1 to 50, no gaps at all (unlike a sequence).
    const { rows: references } = await direct.query<{ reference: string }>(
      'SELECT reference FROM "Dossier" ORDER BY reference',
    )
    expect(references.map((row) => row.reference)).toEqual(
      Array.from({ length: APPLICANTS }, (_, index) => `CPN42-2026-${String(index + 1).padStart(5, '0')}`),
    )
    const { rows: counter } = await direct.query<{ lastValue: number }>(
      'SELECT "lastValue" FROM "ReferenceCounter" WHERE prefix = $1',
      ['CPN42-2026'],
    )
    expect(counter).toEqual([{ lastValue: APPLICANTS }])

    expect(await partialDossiers(direct)).toEqual([])
    expect(await orphans(direct)).toEqual({ files: 0, contentless: 0, drafts: 0 })
    const { rows: emails } = await direct.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM "OutboxEmail" WHERE kind = 'DOSSIER_SUBMITTED'`,
    )
    expect(emails).toEqual([{ count: APPLICANTS }])
    expect(await leftoverLocks(direct)).toEqual({ waitingLocks: 0, waitingSessions: 0, openTransactions: 0 })
  })
})
