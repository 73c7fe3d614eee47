// A dump of the database after a full journey holds no token that opens anything (issue 9, « Nothing
// at rest opens anything »). Every token ever issued is collected where its holder gets it — the
// cookies the portal sets and the e-mails the SMTP server receives through the delivery path — then
// searched for in every table, read as text as pg_dump would write it. Hashes of tokens are fine:
// they open nothing.
import pg from 'pg'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { startSmtpCatcher } from '../support/smtp'

const smtp = await startSmtpCatcher()

const { getDb } = await import('@/lib/server/db')
const { deliverPendingEmails } = await import('@/lib/server/mail/deliver')
const { seed } = await import('@/prisma/seed')
const { browser, cookies, expectRedirect } = await import('../support/next-request')
const { fillDraft, NOW, uploadPieces } = await import('../support/registration')
const { createStaff, signInBrowserAs } = await import('../support/staff')
const { resetDatabase } = await import('../support/test-database')
const actions = await import('@/app/(public)/inscription/actions')
const uploadRoute = await import('@/app/api/inscription/pieces/route')
const lostLink = await import('@/app/(public)/dossier/lien-perdu/actions')
const accounts = await import('@/app/(admin)/admin/comptes/actions')
const { linkIn, openLink } = await import('../support/links')
const { runAfterResponse } = await import('../support/next-request')
const db = getDb()

const issued = new Set<string>()
const PRIVATE_LINK = /\/(?:inscription\/reprendre|dossier\/acces|admin\/invitation)\/([A-Za-z0-9_-]{20,})/g

/** A value that could be a secret: long enough, and its dot-separated parts too (signed cookies). */
function collect(value: string | null | undefined) {
  if (!value) return
  for (const part of [value, ...value.split(/[.:]/)]) if (part.length >= 20) issued.add(part)
}

async function collectCookies() {
  for (const cookie of (await cookies()).getAll()) collect(cookie.value)
}

/** The links of the e-mails the SMTP server received so far; also opened, as their recipient would. */
async function collectDeliveredLinks(): Promise<string[]> {
  const tokens = smtp.received.flatMap((mail) => [...mail.text.matchAll(PRIVATE_LINK)].map((m) => m[1]!))
  for (const token of tokens) collect(token)
  return tokens
}

/** Every row of every table of the database, as text. */
async function dump(): Promise<string> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL })
  await client.connect()
  try {
    const { rows: tables } = await client.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
    )
    const parts: string[] = []
    for (const { table_name } of tables) {
      const { rows } = await client.query<{ row: string }>(
        `SELECT t::text AS row FROM ${pg.escapeIdentifier(table_name)} t`,
      )
      parts.push(...rows.map((row) => `${table_name} ${row.row}`))
    }
    return parts.join('\n')
  } finally {
    await client.end()
  }
}

function usableTokensIn(text: string): string[] {
  return [...issued].filter((token) => text.includes(token))
}

beforeAll(async () => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
  await resetDatabase()
  await seed(db, { now: NOW })
})

afterAll(async () => {
  vi.useRealTimers()
  await smtp.close()
})

it('holds no usable token after drafts, dossiers, a lost link, a staff invitation, sent and pending e-mails', async () => {
  // An applicant starts a draft (resume e-mail) and submits it (dossier e-mail).
  browser.reset({ ip: '203.0.113.21' })
  await fillDraft(actions)
  await collectCookies()
  await uploadPieces(uploadRoute)
  await collectCookies()
  expect(await expectRedirect(() => actions.submitRegistrationAction({ consent: true, certify: true }))).toBe(
    '/dossier/confirmation',
  )
  await collectCookies()
  const dossier = await db.dossier.findFirstOrThrow({ select: { reference: true, email: true } })

  // A second applicant leaves a draft with its resume e-mail.
  browser.reset({ ip: '203.0.113.22' })
  const { answers } = await import('../support/registration')
  const other = answers()
  await fillDraft(actions, {
    ...other,
    coordonnees: {
      ...other.coordonnees,
      email: 'paul.grondin@example.re',
      emailConfirmation: 'paul.grondin@example.re',
    },
  })
  await collectCookies()

  // The first applicant, on another device, asks for a new dossier link.
  browser.reset({ ip: '203.0.113.23' })
  const form = new FormData()
  form.set('reference', dossier.reference)
  form.set('email', dossier.email)
  const asked = await lostLink.requestNewLinkAction(
    { status: 'idle', message: null, fieldErrors: {}, values: { reference: '', email: '' } },
    form,
  )
  expect(asked.status).toBe('sent')
  // The demand is resolved after the answer (a new link is queued then).
  await runAfterResponse()

  // An administrator invites a colleague; the colleague's mailbox is busy, so that e-mail stays pending.
  browser.reset({ ip: '203.0.113.24' })
  const admin = await createStaff('ADMIN')
  await signInBrowserAs(admin.id)
  await collectCookies()
  smtp.refused.add('lin@lecnam.net')
  expect(
    await accounts.inviteStaffAction({ name: 'Lin Ah-Kee', email: 'lin@lecnam.net', role: 'ADMIN' }),
  ).toMatchObject({ ok: true })
  // Queuing wakes delivery up in the background (a mail server is configured); let it finish.
  await deliverPendingEmails()
  await vi.waitFor(async () => {
    expect(smtp.received.length).toBeGreaterThanOrEqual(4)
    const waiting = await db.outboxEmail.findMany({ where: { status: { not: 'SENT' } } })
    expect(waiting).toEqual([expect.objectContaining({ kind: 'STAFF_INVITATION', status: 'PENDING' })])
    expect(waiting[0]!.attempts).toBeGreaterThanOrEqual(1)
  })

  // The recipients open their links: the page, then « Continuer » (the portal sets cookies then).
  for (const mail of smtp.received) {
    for (const match of mail.text.matchAll(PRIVATE_LINK)) {
      browser.reset({ ip: '203.0.113.30' })
      const link = linkIn(match[0])
      if (link) await openLink(link)
      await collectCookies()
    }
  }
  await collectDeliveredLinks()
  const atRest = await dump()

  // The pending invitation is delivered at last: its link was in the database all along.
  smtp.refused.clear()
  await deliverPendingEmails()
  await vi.waitFor(async () => expect(await db.outboxEmail.count({ where: { status: 'PENDING' } })).toBe(0))
  const delivered = await collectDeliveredLinks()
  expect(delivered.length).toBeGreaterThanOrEqual(4)
  expect(issued.size).toBeGreaterThanOrEqual(5)

  expect(usableTokensIn(atRest)).toEqual([])
  expect(usableTokensIn(await dump())).toEqual([])
})
