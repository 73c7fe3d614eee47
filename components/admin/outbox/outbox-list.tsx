import { retryEmailAction } from '@/app/(admin)/admin/courriels/actions'
import { ActionButton } from '@/components/admin/accounts/action-button'
import { formatDateTime } from '@/components/admin/accounts/date-time'
import { emailKindLabel } from '@/lib/domain/outbox'
import type { OutboxEmailRow } from '@/lib/server/admin/outbox/list-outbox-emails'
import { EmailStatusBadge } from './email-status-badge'

/**
 * The e-mails, one card each: what, to whom, when, how delivery went; the text (private links
 * masked) unfolds on demand. Administrators get a "retry" button on failed ones.
 */
export function OutboxList({ emails, canRetry }: { emails: OutboxEmailRow[]; canRetry: boolean }) {
  if (emails.length === 0) return <p className="text-muted">Aucun courriel ne correspond à ces filtres.</p>
  return (
    <ul className="space-y-3">
      {emails.map((email) => (
        <li key={email.id} className="rounded-lg border border-line bg-white p-4">
          <div className="flex flex-wrap items-start justify-between gap-3">
            <div className="min-w-0">
              <h2 className="font-semibold break-words">{email.subject}</h2>
              <p className="text-sm text-muted">
                {emailKindLabel(email.kind)} · à <span className="break-all text-ink">{email.toAddress}</span>
              </p>
            </div>
            <EmailStatusBadge status={email.status} />
          </div>
          <dl className="mt-3 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="text-muted">Créé le</dt>
            <dd>{formatDateTime(email.createdAt)}</dd>
            {email.sentAt ? (
              <>
                <dt className="text-muted">Envoyé le</dt>
                <dd>{formatDateTime(email.sentAt)}</dd>
              </>
            ) : null}
            <dt className="text-muted">Tentatives</dt>
            <dd>{email.attempts}</dd>
            {email.lastError ? (
              <>
                <dt className="text-muted">Dernière erreur</dt>
                <dd className="break-words text-danger">{email.lastError}</dd>
              </>
            ) : null}
          </dl>
          <details className="mt-3">
            <summary className="cursor-pointer text-accent underline">Lire le texte</summary>
            <pre className="mt-2 overflow-x-auto rounded bg-surface p-3 font-sans text-sm whitespace-pre-wrap">
              {email.text}
            </pre>
          </details>
          {canRetry && email.status === 'FAILED' ? (
            <div className="mt-3">
              <ActionButton
                action={retryEmailAction.bind(null, { emailId: email.id })}
                label="Renvoyer ce courriel"
                pendingLabel="Remise en file…"
              />
            </div>
          ) : null}
        </li>
      ))}
    </ul>
  )
}
