import type { AcademicSession, Programme } from '@/lib/domain/programme'
import { formatPeriod } from '@/lib/format'

/** The UEs of a session as a table per period, as on the brochure's "Formation" page. */
export function UeTables({ session, programme }: { session: AcademicSession; programme: Programme }) {
  return (
    <div className="space-y-8">
      {session.periods.map((period) => {
        const ues = session.ues.filter((ue) => ue.periodKind === period.kind)
        if (ues.length === 0) return null
        const caption = formatPeriod(period)
        return (
          <div key={period.kind}>
            <div className="overflow-x-auto rounded-lg border border-line">
              <table className="w-full border-collapse text-left">
                <caption className="bg-surface px-4 py-3 text-left text-lg font-semibold">
                  {caption}
                  {period.kind === 'PROFESSIONAL_EXPERIENCE' ? (
                    <span className="block text-base font-normal text-muted">
                      Voir les <a href="#delivrance">conditions de délivrance du diplôme</a>.
                    </span>
                  ) : null}
                </caption>
                <thead>
                  <tr className="border-b border-line text-sm text-muted">
                    <th scope="col" className="w-24 px-4 py-2 font-medium">
                      UE
                    </th>
                    <th scope="col" className="px-4 py-2 font-medium">
                      Intitulé
                    </th>
                    <th scope="col" className="w-16 px-4 py-2 text-right font-medium">
                      ECTS
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {ues.map((ue) => (
                    <tr key={ue.code} className="border-b border-line align-top last:border-b-0">
                      <th scope="row" className="px-4 py-3 font-semibold whitespace-nowrap">
                        {ue.code}
                      </th>
                      <td className="px-4 py-3">
                        <span>{ue.title}</span>
                        {ue.recommendedFirst || ue.prerequisites.length > 0 || ue.descriptionUrl ? (
                          <span className="mt-1 flex flex-wrap gap-x-3 gap-y-1 text-sm">
                            {ue.recommendedFirst ? (
                              <span className="font-medium text-accent-strong">
                                <span aria-hidden="true">★ </span>À suivre en premier
                              </span>
                            ) : null}
                            {ue.prerequisites.length > 0 ? (
                              <span className="font-medium text-warning">
                                Prérequis : {ue.prerequisites.join(', ')}
                              </span>
                            ) : null}
                            {ue.descriptionUrl ? (
                              <a href={ue.descriptionUrl} className="text-muted" rel="noopener">
                                Fiche descriptive<span className="sr-only"> de l’UE {ue.code}</span> (PDF)
                              </a>
                            ) : null}
                          </span>
                        ) : null}
                      </td>
                      <td className="px-4 py-3 text-right tabular-nums">{ue.ects}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
        )
      })}
      <p className="rounded-lg bg-accent-soft px-4 py-3 text-accent-strong">
        <span aria-hidden="true">★ </span>
        Il est recommandé de commencer la formation par ces UE, qui permettent d’obtenir le{' '}
        <strong>{programme.recommendedFirstCertificate}</strong>.
      </p>
    </div>
  )
}
