import { afterAll, beforeAll, expect, it } from 'vitest'
import { startSmtpCatcher } from '../support/smtp'

// A real SMTP server on loopback; SMTP_URL must be set before the application's modules load.
const smtp = await startSmtpCatcher()
const received = smtp.received

const { getDb } = await import('@/lib/server/db')
const { enqueueEmail } = await import('@/lib/server/mail/outbox')
const { deliverPendingEmails } = await import('@/lib/server/mail/deliver')
const db = getDb()

beforeAll(async () => {
  await db.outboxEmail.deleteMany()
})

afterAll(async () => {
  await smtp.close()
})

it('sends the pending e-mails of the outbox through SMTP and marks them sent', async () => {
  await db.$transaction(async (tx) => {
    await enqueueEmail(tx, {
      kind: 'RESUME_LINK',
      to: 'marie@example.re',
      subject: 'Votre inscription en cours',
      text: 'Bonjour Marie, voici votre lien.',
    })
    await enqueueEmail(tx, {
      kind: 'DOSSIER_SUBMITTED',
      to: 'jean@example.re',
      subject: 'Dossier reçu',
      text: 'Bonjour Jean, dossier reçu.',
    })
  })
  expect(await deliverPendingEmails()).toEqual({ sent: 2, failed: 0 })
  expect(received.map((mail) => mail.to)).toEqual([['marie@example.re'], ['jean@example.re']])
  expect(received.every((mail) => mail.from === 'inscriptions@cnam.re')).toBe(true)
  expect(received[0]!.raw).toContain('Bonjour Marie, voici votre lien.')
  expect(await db.outboxEmail.findMany({ select: { status: true, attempts: true, sentAt: true } })).toEqual([
    { status: 'SENT', attempts: 1, sentAt: expect.any(Date) },
    { status: 'SENT', attempts: 1, sentAt: expect.any(Date) },
  ])
  // Nothing left to send: a second run sends nothing twice.
  expect(await deliverPendingEmails()).toEqual({ sent: 0, failed: 0 })
  expect(received).toHaveLength(2)
})

it('keeps an e-mail pending with its error when the SMTP server is down, and gives up after 5 attempts', async () => {
  await smtp.close()
  const id = await db.$transaction((tx) =>
    enqueueEmail(tx, { kind: 'DOSSIER_MESSAGE', to: 'paul@example.re', subject: 'Message', text: 'Bonjour' }),
  )
  expect(await deliverPendingEmails()).toEqual({ sent: 0, failed: 1 })
  expect(await db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({
    status: 'PENDING',
    attempts: 1,
    lastError: expect.stringMatching(/ECONNREFUSED|connect/),
  })
  for (let attempt = 2; attempt <= 5; attempt += 1) await deliverPendingEmails()
  expect(await db.outboxEmail.findUniqueOrThrow({ where: { id } })).toMatchObject({
    status: 'FAILED',
    attempts: 5,
  })
})
