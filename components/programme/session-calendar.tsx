import type { IsoDate } from '@/lib/domain/dates'
import type { AcademicSession } from '@/lib/domain/programme'
import { isPast, sessionTimeline } from '@/lib/domain/session'
import { formatDate, formatDateRange } from '@/lib/format'

/** "Déroulement de la formation" as a dated timeline; what is over is shown as such. */
export function SessionCalendar({ session, today }: { session: AcademicSession; today: IsoDate }) {
  const events = sessionTimeline(session)
  return (
    <ol className="relative space-y-0 border-l-2 border-line pl-6">
      {events.map((event) => {
        const past = isPast(event, today)
        const deadline = event.kind === 'REGISTRATION_DEADLINE'
        return (
          <li
            key={`${event.kind}-${event.startsOn}-${event.label}`}
            className={`relative pb-6 last:pb-0 ${past ? 'text-muted' : ''}`}
          >
            <span
              aria-hidden="true"
              className={`absolute top-1.5 -left-[calc(1.5rem+7px)] size-3 rounded-full border-2 ${
                past
                  ? 'border-line bg-white'
                  : deadline
                    ? 'border-accent bg-accent'
                    : 'border-accent bg-white'
              }`}
            />
            <p className="text-sm font-semibold tracking-wide uppercase">
              <time dateTime={event.startsOn}>
                {event.endsOn ? formatDateRange(event.startsOn, event.endsOn) : formatDate(event.startsOn)}
              </time>
              {past ? <span className="ml-2 font-normal normal-case">· passé</span> : null}
            </p>
            <p className={deadline && !past ? 'font-semibold text-accent-strong' : ''}>
              {event.label}
              {deadline ? ' (inclus)' : ''}
            </p>
          </li>
        )
      })}
    </ol>
  )
}
