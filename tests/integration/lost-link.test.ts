import { beforeEach, describe, expect, it } from 'vitest'
import { getDb } from '@/lib/server/db'
import { hashToken } from '@/lib/server/tokens'
import { seed } from '@/prisma/seed'
import { createDossier } from '../support/dossiers'
import { lastLink } from '../support/links'
import { browser, runAfterResponse } from '../support/next-request'
import { NOW } from '../support/registration'
import { contentFingerprint } from '../support/staff'
import { resetDatabase } from '../support/test-database'

const { requestNewLinkAction } = await import('@/app/(public)/dossier/lien-perdu/actions')
const db = getDb()
const idle = { status: 'idle' as const, message: null, fieldErrors: {}, values: { reference: '', email: '' } }

function form(values: Record<string, string>) {
  const data = new FormData()
  for (const [key, value] of Object.entries(values)) data.set(key, value)
  return data
}

beforeEach(async () => {
  await resetDatabase()
  await seed(db, { now: NOW })
  browser.reset()
})

describe('a lost dossier link', () => {
  it('gets a new link sent to the dossier’s address after the answer; the current session stays open', async () => {
    const dossier = await createDossier({ email: 'marie@example.re' })
    const state = await requestNewLinkAction(
      idle,
      form({ reference: dossier.reference.toLowerCase(), email: ' Marie@Example.re ' }),
    )
    expect(state.status).toBe('sent')
    await runAfterResponse()
    const stored = await db.dossier.findUniqueOrThrow({
      where: { id: dossier.id },
      include: { events: true },
    })
    // Nothing is revoked by a request anyone can make: the session ends only when the link is used.
    expect(stored.accessTokenHash).toBe(hashToken(dossier.token))
    const email = await db.outboxEmail.findFirstOrThrow({ where: { dossierId: dossier.id } })
    expect(email.toAddress).toBe('marie@example.re')
    const link = await lastLink('DOSSIER_MESSAGE', 'marie@example.re')
    const row = await db.applicantLink.findUniqueOrThrow({ where: { tokenHash: hashToken(link.token) } })
    expect(row).toMatchObject({
      kind: 'DOSSIER',
      dossierId: dossier.id,
      email: 'marie@example.re',
      usedAt: null,
    })
    expect(stored.events.map((event) => event.action)).toContain('ACCESS_LINK_RENEWED')
  })

  it('gives the same answer and writes nothing when nothing matches', async () => {
    const dossier = await createDossier({ email: 'marie@example.re' })
    const matched = await requestNewLinkAction(
      idle,
      form({ reference: dossier.reference, email: 'marie@example.re' }),
    )
    await runAfterResponse()
    const before = await contentFingerprint()
    const unmatched = await requestNewLinkAction(
      idle,
      form({ reference: dossier.reference, email: 'autre@example.re' }),
    )
    await runAfterResponse()
    expect(unmatched.message).toBe(matched.message)
    expect(await contentFingerprint()).toBe(before)
  })

  it('explains a malformed reference next to its field', async () => {
    const state = await requestNewLinkAction(idle, form({ reference: '42', email: 'marie@example.re' }))
    expect(state).toMatchObject({
      status: 'error',
      fieldErrors: { reference: expect.stringContaining('CPN42-2026-00042') },
      values: { reference: '42' },
    })
  })
})
