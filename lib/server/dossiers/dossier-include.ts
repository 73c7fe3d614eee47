import 'server-only'
import type { Prisma } from '@/lib/generated/prisma/client'

/** What the applicant's page, the printable form and the staff view read of a dossier. */
export const dossierInclude = {
  ues: { include: { ue: { select: { code: true } } } },
  pieces: {
    orderBy: { createdAt: 'asc' },
    select: {
      id: true,
      pieceTypeCode: true,
      documentDate: true,
      status: true,
      decisionReason: true,
      decidedAt: true,
      createdAt: true,
      file: {
        select: { id: true, originalName: true, mimeType: true, sizeBytes: true, pdfActiveContent: true },
      },
    },
  },
  messages: { orderBy: { createdAt: 'asc' } },
  events: { orderBy: { createdAt: 'asc' } },
} satisfies Prisma.DossierInclude

export type DossierRow = Prisma.DossierGetPayload<{ include: typeof dossierInclude }>
