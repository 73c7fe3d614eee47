import type { Metadata } from 'next'
import Link from 'next/link'
import { AdminPage } from '@/components/admin/programme/admin-page'
import { DuplicateSessionButton } from '@/components/admin/programme/duplicate-session-button'
import { Badge } from '@/components/ui/badge'
import { listSessions } from '@/lib/server/admin/sessions/list-sessions'
import { requireStaffPage } from '@/lib/server/auth/authorize'
import { HOME_PROGRAMME_CODE } from '@/lib/site'

export const metadata: Metadata = { title: 'Sessions — espace gestion' }

export default async function SessionsPage() {
  const actor = await requireStaffPage('programme.edit', '/admin/sessions')
  const sessions = await listSessions({ actor, programmeCode: HOME_PROGRAMME_CODE })
  return (
    <AdminPage
      title="Sessions"
      breadcrumb={[{ href: '/admin', label: 'Espace gestion' }]}
      intro={
        <p>
          Une session par année universitaire, avec son calendrier, ses UE et ses tarifs. La page publique
          présente la plus récente des sessions ouvertes aux inscriptions. Pour l’année suivante, préparez une
          session à partir de la dernière : toutes ses dates avancent d’un an, les inscriptions restent
          fermées jusqu’à ce que vous les ouvriez.
        </p>
      }
    >
      <div className="overflow-x-auto rounded-lg border border-line">
        <table className="w-full border-collapse text-left">
          <caption className="sr-only">Sessions du programme {HOME_PROGRAMME_CODE}</caption>
          <thead>
            <tr className="border-b border-line bg-surface text-sm text-muted">
              <th scope="col" className="px-4 py-2 font-medium">
                Session
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Inscriptions
              </th>
              <th scope="col" className="px-4 py-2 text-right font-medium">
                UE
              </th>
              <th scope="col" className="px-4 py-2 text-right font-medium">
                Dossiers
              </th>
              <th scope="col" className="px-4 py-2 font-medium">
                Année suivante
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id} className="border-b border-line align-top last:border-b-0">
                <th scope="row" className="px-4 py-3 font-normal">
                  <Link href={`/admin/sessions/${session.id}`} className="font-semibold">
                    Session {session.label}
                  </Link>
                  {session.generatedFrom ? (
                    <span className="block text-sm text-muted">
                      préparée à partir de {session.generatedFrom}
                    </span>
                  ) : null}
                </th>
                <td className="px-4 py-3">
                  {session.registrationOpen ? <Badge tone="success">Ouvertes</Badge> : <Badge>Fermées</Badge>}
                </td>
                <td className="px-4 py-3 text-right tabular-nums">{session.ueCount}</td>
                <td className="px-4 py-3 text-right tabular-nums">{session.dossierCount}</td>
                <td className="px-4 py-3">
                  <DuplicateSessionButton
                    sessionId={session.id}
                    label={session.label}
                    nextLabel={session.nextYear.label}
                    nextExists={session.nextYear.exists}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </AdminPage>
  )
}
