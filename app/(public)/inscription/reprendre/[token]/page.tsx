import type { Metadata } from 'next'
import { LinkInvitation, LinkRefused } from '@/components/access/link-invitation'
import { maskEmail } from '@/lib/domain/access'
import { peekApplicantLink } from '@/lib/server/access/peek-applicant-link'
import { logSecurityEvent } from '@/lib/server/log-security-event'
import { readDraftToken } from '@/lib/server/registration/cookies'
import { getDraft } from '@/lib/server/registration/get-draft'
import { openResumeLinkAction } from '../../actions'

export const metadata: Metadata = {
  title: 'Reprendre une inscription',
  referrer: 'no-referrer',
  robots: { index: false },
}

/** A resume link: shows whose draft it opens; nothing is consumed or set until « Continuer ». */
export default async function ResumeLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params
  const view = await peekApplicantLink({ token, kind: 'RESUME' })
  // A mistyped or guessed link is worth a trace (never the token itself); reading changes nothing.
  if (view.state === 'NONE')
    await logSecurityEvent('warn', 'access.denied', { reason: 'unknown_private_link' })
  if (view.state !== 'VALID') return <LinkRefused refusal={view.state} askHref="/inscription#nouveau-lien" />
  const current = await getDraft({ token: await readDraftToken() })
  const firstNames = current.state === 'ACTIVE' ? current.draft.raw.identite?.firstNames : undefined
  const other =
    current.state === 'ACTIVE' && current.draft.id !== view.targetId
      ? {
          maskedEmail: current.draft.email ? maskEmail(current.draft.email) : 'pas encore donnée',
          firstName: typeof firstNames === 'string' && firstNames.trim() ? firstNames.trim() : null,
          reference: null,
        }
      : null
  return (
    <LinkInvitation
      token={token}
      action={openResumeLinkAction}
      noun="l’inscription en cours"
      target={view}
      other={other}
      keepHref="/inscription"
    />
  )
}
