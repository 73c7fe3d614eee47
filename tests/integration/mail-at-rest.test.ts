// Nothing at rest opens anything (issue 9): the outbox keeps private links masked, their secret
// part sealed with AUTH_SECRET only until the e-mail is sent or given up; the SMTP message alone
// carries the working link. Existing rows are masked by a migration.
import { cpSync, mkdtempSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeEach, describe, expect, it } from 'vitest'
import { startSmtpCatcher } from '../support/smtp'

const smtp = await startSmtpCatcher()

const { getDb } = await import('@/lib/server/db')
const { enqueueEmail } = await import('@/lib/server/mail/outbox')
const { deliverPendingEmails } = await import('@/lib/server/mail/deliver')
const { newToken } = await import('@/lib/server/tokens')
const { applyMigrations } = await import('@/scripts/db/migrate')
const { createDatabase, dropDatabase, resetDatabase, uniqueDatabaseName } =
  await import('../support/test-database')
const { createStaff, signInBrowserAs } = await import('../support/staff')
const { browser } = await import('../support/next-request')
const { currentStaff } = await import('@/lib/server/auth/authorize')
const { listOutboxEmails } = await import('@/lib/server/admin/outbox/list-outbox-emails')
const { retryOutboxEmail } = await import('@/lib/server/admin/outbox/retry-outbox-email')
const db = getDb()

const BASE = 'http://localhost:3000'

async function actorOf(userId: string) {
  browser.reset()
  await signInBrowserAs(userId)
  const actor = await currentStaff()
  if (!actor) throw new Error('not signed in')
  return actor
}

/** An e-mail with one private link of every kind, as the portal's templates write them. */
function emailWithLinks() {
  const tokens = { resume: newToken(), dossier: newToken(), invitation: newToken() }
  const text = [
    'Bonjour,',
    `Reprenez votre inscription : ${BASE}/inscription/reprendre/${tokens.resume}`,
    `Suivez votre dossier : ${BASE}/dossier/acces/${tokens.dossier}.`,
    `Choisissez votre mot de passe : ${BASE}/admin/invitation/${tokens.invitation}`,
  ].join('\n')
  return { tokens, text, all: Object.values(tokens) }
}

/** Every column of the outbox row, as a database dump shows it. */
async function rowAsText(id: string): Promise<string> {
  const [row] = await db.$queryRaw<Array<{ dump: string }>>`
    SELECT t::text AS dump FROM "OutboxEmail" t WHERE id = ${id}::uuid`
  return row!.dump
}

async function sealedColumn(id: string): Promise<string | null> {
  const [row] = await db.$queryRaw<Array<{ sealed: string | null }>>`
    SELECT "sealedLinks" AS sealed FROM "OutboxEmail" WHERE id = ${id}::uuid`
  return row!.sealed
}

beforeEach(async () => {
  await resetDatabase()
  smtp.received.length = 0
  smtp.refused.clear()
})

afterAll(async () => {
  await smtp.close()
})

describe('a queued e-mail with private links', () => {
  it('holds no token in any column, only masked links staff can recognise', async () => {
    const mail = emailWithLinks()
    const id = await db.$transaction((tx) =>
      enqueueEmail(tx, {
        kind: 'DOSSIER_SUBMITTED',
        to: 'marie@example.re',
        subject: 'Dossier reçu',
        text: mail.text,
      }),
    )
    const dump = await rowAsText(id)
    for (const token of mail.all) expect(dump).not.toContain(token)
    const stored = await db.outboxEmail.findUniqueOrThrow({ where: { id } })
    expect(stored.text).toContain(`/inscription/reprendre/${mail.tokens.resume.slice(0, 3)}•••`)
    expect(stored.text).toContain(`/dossier/acces/${mail.tokens.dossier.slice(0, 3)}•••.`)
    expect(stored.text).toContain(`/admin/invitation/${mail.tokens.invitation.slice(0, 3)}•••`)
    expect(await sealedColumn(id)).toEqual(expect.any(String))
  })

  it('is delivered by SMTP with its working links, then its secret column is erased', async () => {
    const mail = emailWithLinks()
    const id = await db.$transaction((tx) =>
      enqueueEmail(tx, {
        kind: 'RESUME_LINK',
        to: 'marie@example.re',
        subject: 'Votre inscription',
        text: mail.text,
      }),
    )
    expect(await deliverPendingEmails()).toEqual({ sent: 1, failed: 0 })
    expect(smtp.received).toHaveLength(1)
    expect(smtp.received[0]!.text).toContain(mail.text)
    expect((await db.outboxEmail.findUniqueOrThrow({ where: { id } })).status).toBe('SENT')
    expect(await sealedColumn(id)).toBeNull()
    for (const token of mail.all) expect(await rowAsText(id)).not.toContain(token)
  })

  it('keeps its links through a failed attempt (the next attempt still works), and erases them when given up', async () => {
    const kept = emailWithLinks()
    const given = emailWithLinks()
    smtp.refused.add('paul@example.re')
    smtp.refused.add('jean@example.re')
    const [paul, jean] = await db.$transaction(async (tx) => [
      await enqueueEmail(tx, {
        kind: 'DOSSIER_MESSAGE',
        to: 'paul@example.re',
        subject: 'Lien',
        text: kept.text,
      }),
      await enqueueEmail(tx, {
        kind: 'DOSSIER_MESSAGE',
        to: 'jean@example.re',
        subject: 'Lien',
        text: given.text,
      }),
    ])
    expect(await deliverPendingEmails()).toEqual({ sent: 0, failed: 2 })
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: paul! } })).toMatchObject({
      status: 'PENDING',
      attempts: 1,
    })
    expect(await sealedColumn(paul!)).toEqual(expect.any(String))

    // Paul's mailbox accepts again: the pending e-mail goes out with its working links.
    smtp.refused.delete('paul@example.re')
    expect(await deliverPendingEmails()).toEqual({ sent: 1, failed: 1 })
    expect(smtp.received.map((mail) => mail.to)).toEqual([['paul@example.re']])
    expect(smtp.received[0]!.text).toContain(kept.text)
    expect(await sealedColumn(paul!)).toBeNull()

    // Jean's never does: after the last attempt the e-mail is given up and its links erased.
    for (let attempt = 3; attempt <= 5; attempt += 1) await deliverPendingEmails()
    expect(await db.outboxEmail.findUniqueOrThrow({ where: { id: jean! } })).toMatchObject({
      status: 'FAILED',
      attempts: 5,
    })
    expect(await sealedColumn(jean!)).toBeNull()
    for (const token of given.all) expect(await rowAsText(jean!)).not.toContain(token)
  })

  it('is shown masked on the staff outbox screen, and a given-up one is not re-queued without its link', async () => {
    const mail = emailWithLinks()
    smtp.refused.add('paul@example.re')
    const id = await db.$transaction((tx) =>
      enqueueEmail(tx, { kind: 'DOSSIER_MESSAGE', to: 'paul@example.re', subject: 'Lien', text: mail.text }),
    )
    for (let attempt = 1; attempt <= 5; attempt += 1) await deliverPendingEmails()
    const reader = await actorOf((await createStaff('LECTURE')).id)
    const page = await listOutboxEmails({ actor: reader, filter: { page: 1 } })
    const shown = page.emails.find((email) => email.id === id)!
    expect(shown.text).toContain(`/dossier/acces/${mail.tokens.dossier.slice(0, 3)}•••`)
    for (const token of mail.all) expect(JSON.stringify(page)).not.toContain(token)

    // Its link is gone: re-queuing it would send a dead link, so staff are told to send a new one.
    const admin = await actorOf((await createStaff('ADMIN')).id)
    expect(await retryOutboxEmail({ actor: admin, emailId: id })).toMatchObject({
      ok: false,
      formError: expect.stringContaining('nouveau lien'),
    })
    expect((await db.outboxEmail.findUniqueOrThrow({ where: { id } })).status).toBe('FAILED')
  })
})

describe('every e-mail', () => {
  it('ends with the contact details of the centre that receives dossiers, read from the database', async () => {
    const { seed } = await import('@/prisma/seed')
    const { formatPhone } = await import('@/lib/format')
    await seed(db, { now: new Date('2026-11-26T08:00:00Z') })
    const centre = await db.centre.findFirstOrThrow({ where: { receivesDossiers: true } })
    // A change made by staff shows in the next e-mail.
    await db.centre.update({
      where: { id: centre.id },
      data: { phone: '0262 90 12 34', email: 'accueil@cnam.re' },
    })
    await db.$transaction((tx) =>
      enqueueEmail(tx, {
        kind: 'DOSSIER_MESSAGE',
        to: 'marie@example.re',
        subject: 'Message',
        text: 'Bonjour Marie',
      }),
    )
    expect(await deliverPendingEmails()).toEqual({ sent: 1, failed: 0 })
    const text = smtp.received[0]!.text
    expect(text).toContain('Bonjour Marie')
    expect(text).toContain(centre.name)
    expect(text).toContain(centre.street)
    expect(text).toContain(`Tél. ${formatPhone('0262 90 12 34')} · accueil@cnam.re`)
    expect(text).not.toContain('ci-dessus')
  })
})

describe('the migration that masks links at rest', () => {
  const created: string[] = []
  afterAll(async () => {
    for (const name of created) await dropDatabase(name)
  })

  it('masks the links of existing rows and gives up pending ones whose link it cannot keep', async () => {
    const all = readdirSync('prisma/migrations', { withFileTypes: true }).filter((entry) =>
      entry.isDirectory(),
    )
    const ours = all.filter((entry) => entry.name.endsWith('_outbox_links_at_rest'))
    expect(ours).toHaveLength(1)
    const before = mkdtempSync(path.join(tmpdir(), 'migrations-'))
    for (const entry of all.filter((entry) => entry.name < ours[0]!.name))
      cpSync(path.join('prisma/migrations', entry.name), path.join(before, entry.name), { recursive: true })
    cpSync('prisma/migrations/migration_lock.toml', path.join(before, 'migration_lock.toml'))

    const name = uniqueDatabaseName('portal_outbox_migration')
    created.push(name)
    const url = await createDatabase(name)
    await applyMigrations({ url, migrationsDir: before })
    const sent = emailWithLinks()
    const pending = emailWithLinks()
    const client = new pg.Client({ connectionString: url })
    await client.connect()
    try {
      await client.query(
        `INSERT INTO "OutboxEmail" (id, kind, "toAddress", subject, text, status, attempts) VALUES
         ('00000000-0000-4000-8000-000000000001', 'DOSSIER_SUBMITTED', 'marie@example.re', 'Reçu', $1, 'SENT', 1),
         ('00000000-0000-4000-8000-000000000002', 'STAFF_INVITATION', 'lin@lecnam.net', 'Accès', $2, 'PENDING', 0),
         ('00000000-0000-4000-8000-000000000003', 'DOSSIER_DECISION', 'paul@example.re', 'Décision', 'Bonjour Paul', 'PENDING', 0)`,
        [sent.text, pending.text],
      )
      await applyMigrations({ url, migrationsDir: 'prisma/migrations' })
      const { rows } = await client.query<{
        dump: string
        id: string
        status: string
        lastError: string | null
        text: string
      }>(
        `SELECT t::text AS dump, id, status::text AS status, "lastError", text FROM "OutboxEmail" t ORDER BY id`,
      )
      for (const token of [...sent.all, ...pending.all])
        expect(rows.map((row) => row.dump).join('\n')).not.toContain(token)
      expect(rows[0]!.text).toContain(`/dossier/acces/${sent.tokens.dossier.slice(0, 3)}•••.`)
      expect(rows[0]!.status).toBe('SENT')
      // A pending e-mail whose link was masked would deliver a dead link: it is given up, and says why.
      expect(rows[1]).toMatchObject({ status: 'FAILED', lastError: expect.stringContaining('lien') })
      expect(rows[1]!.text).toContain(`/admin/invitation/${pending.tokens.invitation.slice(0, 3)}•••`)
      // An e-mail without private links is left to be sent.
      expect(rows[2]).toMatchObject({ status: 'PENDING', lastError: null, text: 'Bonjour Paul' })
    } finally {
      await client.end()
    }
  })
})
