import 'server-only'
import { maskEmail, type LinkRefusal } from '@/lib/domain/access'
import type { ApplicantLinkKind } from '@/lib/generated/prisma/client'
import { getDb } from '@/lib/server/db'
import { hashToken, looksLikeToken } from '@/lib/server/tokens'

export type LinkView =
  | {
      state: 'VALID'
      /** The draft's or dossier's id: compared with the one this browser already holds. */
      targetId: string
      maskedEmail: string
      firstName: string | null
      reference: string | null
    }
  | { state: LinkRefusal }

/**
 * What a private link would open, without opening it: the page a GET of the link shows (mail
 * scanners prefetch links, so reading changes nothing). A link works once, before it expires, and
 * only while the draft's or dossier's address is still the one it was mailed to.
 */
export async function peekApplicantLink(options: {
  token: string | undefined | null
  kind: ApplicantLinkKind
  now?: Date
}): Promise<LinkView> {
  if (!looksLikeToken(options.token)) return { state: 'NONE' }
  const now = options.now ?? new Date()
  const link = await getDb().applicantLink.findUnique({
    where: { tokenHash: hashToken(options.token) },
    select: {
      kind: true,
      email: true,
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      draft: { select: { id: true, email: true, submittedAt: true, expiresAt: true, answers: true } },
      dossier: { select: { id: true, email: true, anonymisedAt: true, firstNames: true, reference: true } },
    },
  })
  if (!link || link.kind !== options.kind) return { state: 'NONE' }
  if (link.usedAt) return { state: 'USED' }
  if (link.revokedAt) return { state: 'REVOKED' }
  if (link.expiresAt <= now) return { state: 'EXPIRED' }
  if (link.draft) {
    const { draft } = link
    if (draft.submittedAt || draft.email?.toLowerCase() !== link.email) return { state: 'REVOKED' }
    if (draft.expiresAt <= now) return { state: 'EXPIRED' }
    const identity = (draft.answers as { identite?: { firstNames?: unknown } } | null)?.identite
    const firstName = typeof identity?.firstNames === 'string' ? identity.firstNames.trim() || null : null
    return {
      state: 'VALID',
      targetId: draft.id,
      maskedEmail: maskEmail(link.email),
      firstName,
      reference: null,
    }
  }
  if (link.dossier) {
    const { dossier } = link
    if (dossier.anonymisedAt || dossier.email.toLowerCase() !== link.email) return { state: 'REVOKED' }
    return {
      state: 'VALID',
      targetId: dossier.id,
      maskedEmail: maskEmail(link.email),
      firstName: dossier.firstNames,
      reference: dossier.reference,
    }
  }
  return { state: 'NONE' }
}
