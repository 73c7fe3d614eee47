import 'server-only'
import { toIsoDate } from '@/lib/domain/dates'
import { getDb } from '@/lib/server/db'
import { afterEmailsQueued } from '@/lib/server/mail/deliver'
import { enqueueEmail } from '@/lib/server/mail/outbox'
import { newAccessLinkEmail, resumeLinkEmail } from '@/lib/server/mail/templates'
import { hitRateLimit, RATE_LIMITS } from '@/lib/server/rate-limit'
import { resumeLink } from '@/lib/server/registration/save-draft-step'
import { dossierLink } from '@/lib/server/registration/submit-draft'
import { getRegistrationContext } from '@/lib/server/registration/registration-context'
import { issueApplicantLink } from './issue-applicant-link'
import { resumeLinkAllowed } from './resume-link-allowed'

/** Drafts a single address may hold at once that get a link from one demand. */
const DRAFTS_PER_DEMAND = 3

/**
 * Resolves the « lien perdu » demands the requests recorded (run after their response, and by
 * `npm run mail:send`): when a dossier matches the reference and address, or active drafts match
 * the address, a new single-use link is mailed to that address — and nothing else changes: the
 * sessions already open stay open until the new link is used. Each demand is deleted once read.
 * Safe on several instances at once (FOR UPDATE SKIP LOCKED).
 */
export async function processLinkRequests(
  options: { now?: Date; limit?: number } = {},
): Promise<{ resolved: number; sent: number }> {
  const now = options.now ?? new Date()
  const queued: Array<{ to: string; subject: string; text: string }> = []
  const db = getDb()
  const resolved = await db.$transaction(
    async (tx) => {
      const demands = await tx.$queryRaw<
        Array<{ id: string; kind: 'RESUME' | 'DOSSIER'; reference: string | null; email: string }>
      >`
        SELECT id, kind, reference, email FROM "LinkRequest"
        ORDER BY "createdAt" LIMIT ${options.limit ?? 50} FOR UPDATE SKIP LOCKED`
      for (const demand of demands) {
        await tx.linkRequest.delete({ where: { id: demand.id } })
        if (demand.kind === 'DOSSIER' && demand.reference) {
          const dossier = await tx.dossier.findFirst({
            where: { reference: demand.reference, email: demand.email, anonymisedAt: null },
            select: { id: true, reference: true },
          })
          if (!dossier) continue
          // Per dossier too, not only per client: many clients cannot flood one applicant.
          const limit = await hitRateLimit({ rule: RATE_LIMITS.lostLink, subject: `dossier:${dossier.id}` })
          if (!limit.allowed) continue
          const token = await issueApplicantLink(tx, {
            kind: 'DOSSIER',
            dossierId: dossier.id,
            email: demand.email,
            now,
          })
          await tx.auditEvent.create({
            data: { dossierId: dossier.id, actorType: 'APPLICANT', action: 'ACCESS_LINK_RENEWED' },
          })
          const message = newAccessLinkEmail({ reference: dossier.reference, link: dossierLink(token) })
          await enqueueEmail(tx, {
            kind: 'DOSSIER_MESSAGE',
            to: demand.email,
            dossierId: dossier.id,
            ...message,
          })
          queued.push({ to: demand.email, ...message })
        }
        if (demand.kind === 'RESUME') {
          const drafts = await tx.draft.findMany({
            where: { email: demand.email, submittedAt: null, expiresAt: { gt: now } },
            orderBy: { updatedAt: 'desc' },
            take: DRAFTS_PER_DEMAND,
            select: { id: true, sessionId: true, expiresAt: true },
          })
          for (const draft of drafts) {
            if (!(await resumeLinkAllowed({ draftId: draft.id, email: demand.email, ip: null }))) continue
            const context = await getRegistrationContext({ sessionId: draft.sessionId, db: tx })
            if (!context) continue
            const token = await issueApplicantLink(tx, {
              kind: 'RESUME',
              draftId: draft.id,
              email: demand.email,
              now,
            })
            const message = resumeLinkEmail({
              link: resumeLink(token),
              programmeTitle: context.programme.title,
              sessionLabel: context.session.label,
              expiresOn: toIsoDate(draft.expiresAt),
            })
            await enqueueEmail(tx, { kind: 'RESUME_LINK', to: demand.email, ...message })
            queued.push({ to: demand.email, ...message })
          }
        }
      }
      return demands.length
    },
    { timeout: 60_000 },
  )
  afterEmailsQueued(queued)
  return { resolved, sent: queued.length }
}
