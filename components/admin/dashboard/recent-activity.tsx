import Link from 'next/link'
import { formatDateTime } from '@/components/admin/accounts/date-time'
import { ACTOR_LABELS, auditActionLabel } from '@/lib/domain/dashboard'
import type { Dashboard } from '@/lib/server/admin/dashboard/get-dashboard'

/** The latest events of the session's dossiers, newest first. */
export function RecentActivity({ events }: { events: Dashboard['recent'] }) {
  if (events.length === 0) return <p className="text-muted">Aucune activité pour cette session.</p>
  return (
    <ol className="divide-y divide-line">
      {events.map((event) => (
        <li key={event.id} className="flex flex-wrap items-baseline gap-x-3 py-2 text-sm">
          <time dateTime={event.at.toISOString()} className="w-36 shrink-0 text-muted tabular-nums">
            {formatDateTime(event.at)}
          </time>
          <span className="font-medium">{auditActionLabel(event.action, event.toStatus)}</span>
          {event.dossier ? (
            <Link href={`/admin/dossiers/${event.dossier.id}`}>{event.dossier.reference}</Link>
          ) : null}
          <span className="text-muted">
            {event.actorType === 'STAFF' && event.staffName ? event.staffName : ACTOR_LABELS[event.actorType]}
          </span>
        </li>
      ))}
    </ol>
  )
}
