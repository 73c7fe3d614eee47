import type { Metadata } from 'next'
import { LinkInvitation, LinkRefused } from '@/components/access/link-invitation'
import { maskEmail } from '@/lib/domain/access'
import { peekApplicantLink } from '@/lib/server/access/peek-applicant-link'
import { logSecurityEvent } from '@/lib/server/log-security-event'
import { getApplicantDossier } from '@/lib/server/dossiers/get-applicant-dossier'
import { readDossierToken } from '@/lib/server/registration/cookies'
import { openDossierLinkAction } from '../../actions'

export const metadata: Metadata = {
  title: 'Ouvrir mon dossier',
  referrer: 'no-referrer',
  robots: { index: false },
}

/** A dossier link: shows whose dossier it opens; nothing is consumed or set until « Continuer ». */
export default async function DossierLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const view = await peekApplicantLink({ token, kind: 'DOSSIER' })
  // A mistyped or guessed link is worth a trace (never the token itself); reading changes nothing.
  if (view.state === 'NONE')
    await logSecurityEvent('warn', 'access.denied', { reason: 'unknown_private_link' })
  if (view.state !== 'VALID') return <LinkRefused refusal={view.state} askHref="/dossier/lien-perdu" />
  const current = await getApplicantDossier({ token: await readDossierToken() })
  const other =
    current && current.id !== view.targetId
      ? {
          maskedEmail: maskEmail(current.answers.coordonnees.email),
          firstName: current.answers.identite.firstNames,
          reference: current.reference,
        }
      : null
  return (
    <LinkInvitation
      token={token}
      action={openDossierLinkAction}
      noun="le dossier"
      target={view}
      other={other}
      keepHref="/dossier"
    />
  )
}
