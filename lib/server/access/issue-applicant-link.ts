import 'server-only'
import { linkExpiry } from '@/lib/domain/access'
import type { ApplicantLinkKind, Prisma } from '@/lib/generated/prisma/client'
import { hashToken, newToken } from '@/lib/server/tokens'

/**
 * A new private link for a draft (RESUME) or a dossier (DOSSIER), bound to the address it is
 * mailed to. Returns the token, to be put in that e-mail only: the table keeps its hash.
 */
export async function issueApplicantLink(
  tx: Prisma.TransactionClient,
  options: { kind: ApplicantLinkKind; draftId?: string; dossierId?: string; email: string; now: Date },
): Promise<string> {
  const token = newToken()
  await tx.applicantLink.create({
    data: {
      kind: options.kind,
      tokenHash: hashToken(token),
      draftId: options.draftId ?? null,
      dossierId: options.dossierId ?? null,
      email: options.email.toLowerCase(),
      expiresAt: linkExpiry(options.now),
      createdAt: options.now,
    },
    select: { id: true },
  })
  return token
}
