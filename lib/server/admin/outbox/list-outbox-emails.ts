import 'server-only'
import { EMAIL_STATUSES, type EmailStatus } from '@/lib/domain/outbox'
import { maskPrivateLinks } from '@/lib/domain/private-links'
import type { OutboxFilter } from '@/lib/schemas/staff'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import type { Prisma } from '@/lib/generated/prisma/client'

export const OUTBOX_PAGE_SIZE = 25

export type OutboxEmailRow = {
  id: string
  kind: string
  toAddress: string
  subject: string
  /** Private links masked. */
  text: string
  status: EmailStatus
  attempts: number
  lastError: string | null
  createdAt: Date
  sentAt: Date | null
}

export type OutboxPage = {
  emails: OutboxEmailRow[]
  /** Matching e-mails, all pages. */
  total: number
  page: number
  pageCount: number
  /** Per status, with the other filters applied (for the status tabs). */
  counts: Record<EmailStatus, number>
  kinds: string[]
}

/**
 * The outbox for staff: e-mails newest first, filtered by status, kind and recipient, with their
 * text's private links masked: they are stored masked, and masking again covers any row or error
 * message written otherwise (whoever holds an invitation link chooses that account's password).
 */
export async function listOutboxEmails(options: {
  actor: StaffActor | null
  filter: OutboxFilter
}): Promise<OutboxPage> {
  assertCan(options.actor, 'outbox.read')
  const { filter } = options
  const db = getDb()
  const base: Prisma.OutboxEmailWhereInput = {
    ...(filter.type ? { kind: filter.type } : {}),
    ...(filter.destinataire ? { toAddress: { contains: filter.destinataire, mode: 'insensitive' } } : {}),
  }
  const where: Prisma.OutboxEmailWhereInput = { ...base, ...(filter.statut ? { status: filter.statut } : {}) }
  const [groups, total, kinds] = await Promise.all([
    db.outboxEmail.groupBy({ by: ['status'], where: base, _count: { _all: true } }),
    db.outboxEmail.count({ where }),
    db.outboxEmail.findMany({ distinct: ['kind'], select: { kind: true }, orderBy: { kind: 'asc' } }),
  ])
  const pageCount = Math.max(1, Math.ceil(total / OUTBOX_PAGE_SIZE))
  const page = Math.min(filter.page, pageCount)
  const rows = await db.outboxEmail.findMany({
    where,
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    skip: (page - 1) * OUTBOX_PAGE_SIZE,
    take: OUTBOX_PAGE_SIZE,
    select: {
      id: true,
      kind: true,
      toAddress: true,
      subject: true,
      text: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
  })
  const perStatus = new Map(groups.map((group) => [group.status, group._count._all]))
  return {
    emails: rows.map((row) => ({
      ...row,
      text: maskPrivateLinks(row.text),
      lastError: row.lastError ? maskPrivateLinks(row.lastError) : null,
    })),
    total,
    page,
    pageCount,
    counts: Object.fromEntries(
      EMAIL_STATUSES.map((status) => [status, perStatus.get(status) ?? 0]),
    ) as Record<EmailStatus, number>,
    kinds: kinds.map((row) => row.kind),
  }
}
