import { Button } from '@/components/ui/button'
import { controlClass } from '@/components/ui/form'
import type { DashboardSession } from '@/lib/server/admin/dashboard/get-dashboard'

/** Chooses the dashboard's session with a plain GET form (works without JavaScript). */
export function SessionPicker({ sessions, current }: { sessions: DashboardSession[]; current: string }) {
  return (
    <form method="get" action="/admin" className="flex flex-wrap items-end gap-3">
      <div>
        <label htmlFor="session" className="block font-medium">
          Session
        </label>
        <select id="session" name="session" defaultValue={current} className={controlClass(null, 'min-w-56')}>
          {sessions.map((session) => (
            <option key={session.id} value={session.id}>
              {session.programme} {session.label}
              {session.registrationOpen ? ' (inscriptions ouvertes)' : ''}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" variant="secondary">
        Afficher
      </Button>
    </form>
  )
}
