import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { getDb } from '@/lib/server/db'
import { purgeExpiredDrafts } from '@/lib/server/registration/purge-expired-drafts'
import { seed } from '@/prisma/seed'
import { createDossier } from '../support/dossiers'
import { browser, expectRedirect } from '../support/next-request'
import { fillDraft, NOW, uploadPieces } from '../support/registration'
import { resetDatabase } from '../support/test-database'

const dossierActions = await import('@/app/(public)/dossier/actions')
const registration = await import('@/app/(public)/inscription/actions')
const uploadRoute = await import('@/app/api/inscription/pieces/route')
const db = getDb()

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  await resetDatabase()
  await seed(db, { now: NOW })
  browser.reset()
})

afterAll(() => {
  vi.useRealTimers()
})

describe('withdrawal (clause de rétractation)', () => {
  // NOW is 26 November 2026, 12:00 in La Réunion: day 10 is 6 December, day 11 is 7 December.
  async function submittedDossier() {
    const dossier = await createDossier({ submittedAt: NOW })
    browser.setCookie('cnam_dossier', dossier.token)
    return dossier
  }

  it('is accepted on day 10, with its audit event and e-mail', async () => {
    const dossier = await submittedDossier()
    vi.setSystemTime(new Date('2026-12-06T15:00:00Z'))
    expect(await dossierActions.withdrawDossierAction({ confirm: true })).toEqual({ ok: true })
    const stored = await db.dossier.findUniqueOrThrow({
      where: { id: dossier.id },
      include: { events: true },
    })
    expect(stored.status).toBe('WITHDRAWN')
    expect(stored.events).toContainEqual(
      expect.objectContaining({
        action: 'WITHDRAW',
        actorType: 'APPLICANT',
        fromStatus: 'SUBMITTED',
        toStatus: 'WITHDRAWN',
      }),
    )
    expect(await db.outboxEmail.count({ where: { kind: 'DOSSIER_WITHDRAWN', dossierId: dossier.id } })).toBe(
      1,
    )
  })

  it('is refused on day 11, and nothing changes', async () => {
    const dossier = await submittedDossier()
    vi.setSystemTime(new Date('2026-12-07T05:00:00Z'))
    const result = await dossierActions.withdrawDossierAction({ confirm: true })
    expect(result).toEqual({
      ok: false,
      message: 'Le délai de rétractation de 10 jours est dépassé : contactez le centre pour toute demande.',
    })
    const stored = await db.dossier.findUniqueOrThrow({
      where: { id: dossier.id },
      include: { events: true },
    })
    expect(stored.status).toBe('SUBMITTED')
    expect(stored.events).toHaveLength(1)
  })

  it('needs the confirmation box and the dossier link', async () => {
    await submittedDossier()
    expect(await dossierActions.withdrawDossierAction({ confirm: false })).toEqual({
      ok: false,
      message: 'Cochez la case pour confirmer le retrait de votre dossier.',
    })
    browser.reset()
    expect(await dossierActions.withdrawDossierAction({ confirm: true })).toMatchObject({ ok: false })
    expect(await db.dossier.count({ where: { status: 'WITHDRAWN' } })).toBe(0)
  })
})

describe('expired drafts', () => {
  it('are purged with their files, while submitted dossiers keep theirs', async () => {
    // One draft abandoned with a file, one dossier submitted.
    await fillDraft(registration)
    await uploadPieces(uploadRoute, [{ pieceTypeCode: 'CV', file: 'cv.pdf' }])
    browser.reset({ ip: '203.0.113.50' })
    await fillDraft(registration)
    await uploadPieces(uploadRoute)
    await expectRedirect(() => registration.submitRegistrationAction({ consent: true, certify: true }))
    const kept = await db.piece.count()

    expect(await purgeExpiredDrafts({ now: NOW })).toEqual({ drafts: 0, files: 0 })
    // 31 days later, beyond the 30-day lifetime of the abandoned draft.
    const result = await purgeExpiredDrafts({ now: new Date(NOW.getTime() + 32 * 86_400_000) })
    expect(result).toEqual({ drafts: 1, files: 1 })
    expect(await db.draft.count()).toBe(1)
    expect(await db.piece.count()).toBe(kept)
    expect(await db.storedFileContent.count()).toBe(kept)
  })
})
