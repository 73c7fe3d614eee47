import 'server-only'
import type { LinkRefusal } from '@/lib/domain/access'
import type { ApplicantLinkKind } from '@/lib/generated/prisma/client'
import { getDb } from '@/lib/server/db'
import { hashToken, looksLikeToken, newToken } from '@/lib/server/tokens'
import { recordSessionEnd } from './applicant-sessions'
import { peekApplicantLink } from './peek-applicant-link'

export type ExchangeResult =
  | { ok: true; sessionToken: string; targetId: string; completedSteps: string[] }
  | { ok: false; refusal: LinkRefusal }

/**
 * « Continuer » on a link's page (a same-origin POST): consumes the link, atomically (of two
 * simultaneous clicks one wins), and opens a new session with a fresh random token, different
 * from the link's, whose hash replaces the previous session's. Every other browser of that draft
 * or dossier is thereby signed out, and told why on its next request.
 */
export async function exchangeApplicantLink(options: {
  token: string
  kind: ApplicantLinkKind
  now?: Date
}): Promise<ExchangeResult> {
  if (!looksLikeToken(options.token)) return { ok: false, refusal: 'NONE' }
  const now = options.now ?? new Date()
  const view = await peekApplicantLink({ token: options.token, kind: options.kind, now })
  if (view.state !== 'VALID') return { ok: false, refusal: view.state }
  const sessionToken = newToken()
  const sessionHash = hashToken(sessionToken)
  return getDb().$transaction(async (tx): Promise<ExchangeResult> => {
    const [link] = await tx.$queryRaw<
      Array<{ draftId: string | null; dossierId: string | null; email: string }>
    >`
      UPDATE "ApplicantLink" SET "usedAt" = ${now}
      WHERE "tokenHash" = ${hashToken(options.token)} AND "usedAt" IS NULL AND "revokedAt" IS NULL
        AND "expiresAt" > ${now}
      RETURNING "draftId", "dossierId", email`
    // Another click (or browser) used it between the look and now.
    if (!link) return { ok: false, refusal: 'USED' }
    if (link.draftId) {
      const [draft] = await tx.$queryRaw<
        Array<{
          tokenHash: string | null
          email: string | null
          submittedAt: Date | null
          completedSteps: string[]
        }>
      >`SELECT "tokenHash", email, "submittedAt", "completedSteps" FROM "Draft" WHERE id = ${link.draftId}::uuid FOR UPDATE`
      if (!draft || draft.submittedAt || draft.email?.toLowerCase() !== link.email)
        return { ok: false, refusal: 'REVOKED' }
      await recordSessionEnd(tx, { tokenHash: draft.tokenHash, reason: 'OPENED_ELSEWHERE', now })
      await tx.draft.update({
        where: { id: link.draftId },
        data: { tokenHash: sessionHash, sessionSeenAt: now },
        select: { id: true },
      })
      return { ok: true, sessionToken, targetId: link.draftId, completedSteps: draft.completedSteps }
    }
    if (link.dossierId) {
      const [dossier] = await tx.$queryRaw<
        Array<{ accessTokenHash: string | null; email: string; anonymisedAt: Date | null }>
      >`SELECT "accessTokenHash", email, "anonymisedAt" FROM "Dossier" WHERE id = ${link.dossierId}::uuid FOR UPDATE`
      if (!dossier || dossier.anonymisedAt || dossier.email.toLowerCase() !== link.email)
        return { ok: false, refusal: 'REVOKED' }
      await recordSessionEnd(tx, { tokenHash: dossier.accessTokenHash, reason: 'OPENED_ELSEWHERE', now })
      await tx.dossier.update({
        where: { id: link.dossierId },
        data: { accessTokenHash: sessionHash, sessionSeenAt: now },
        select: { id: true },
      })
      return { ok: true, sessionToken, targetId: link.dossierId, completedSteps: [] }
    }
    return { ok: false, refusal: 'NONE' }
  })
}
