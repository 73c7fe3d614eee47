import Link from 'next/link'
import { LINK_TTL_DAYS } from '@/lib/domain/access'
import { STEP_TITLES, STEPS, type StepId } from '@/lib/domain/registration'

/** Title, progress through the steps, and how to come back later (never the link itself: a page
 * shows no token, and a link is for the address it was mailed to). */
export function RegistrationShell({
  step,
  completedSteps,
  programmeTitle,
  sessionLabel,
  children,
}: {
  step: StepId
  completedSteps: string[]
  programmeTitle: string
  sessionLabel: string
  children: React.ReactNode
}) {
  const index = STEPS.indexOf(step)
  return (
    <div className="mx-auto max-w-5xl px-4 py-8 sm:px-6 sm:py-10">
      <p className="text-sm font-semibold text-accent">
        Inscription · {programmeTitle} · session {sessionLabel}
      </p>
      <nav aria-label="Étapes de l’inscription" className="mt-4">
        <p className="font-medium">
          Étape {index + 1} sur {STEPS.length}
        </p>
        <div className="mt-2 h-2 overflow-hidden rounded-full bg-surface" aria-hidden="true">
          <div
            className="h-full rounded-full bg-accent"
            style={{ width: `${((index + 1) / STEPS.length) * 100}%` }}
          />
        </div>
        <ol className="mt-3 hidden flex-wrap gap-x-4 gap-y-1 text-sm md:flex">
          {STEPS.map((candidate, position) => {
            const done = completedSteps.includes(candidate)
            const current = candidate === step
            const label = `${position + 1}. ${STEP_TITLES[candidate]}`
            return (
              <li key={candidate}>
                {current ? (
                  <span
                    aria-current="step"
                    className="font-semibold text-ink underline decoration-accent decoration-2 underline-offset-4"
                  >
                    {label}
                  </span>
                ) : done || position < index ? (
                  <Link href={`/inscription/${candidate}`} className="text-muted hover:text-accent">
                    {label}
                    {done ? <span className="sr-only"> (fait)</span> : null}
                  </Link>
                ) : (
                  <span className="text-muted">{label}</span>
                )}
              </li>
            )
          })}
        </ol>
      </nav>
      <h1 className="mt-8 text-3xl font-bold">{STEP_TITLES[step]}</h1>
      <div className="mt-6">{children}</div>
      <details className="mt-12 rounded-lg border border-line p-4 text-sm">
        <summary className="cursor-pointer font-medium">
          Reprendre plus tard, sur cet appareil ou un autre
        </summary>
        <p className="mt-2">
          Vos réponses sont enregistrées à chaque étape. Sur cet appareil, revenez simplement sur la page
          d’inscription. Ailleurs, ouvrez le lien personnel envoyé à l’adresse e-mail de l’étape « Coordonnées
          » : il fonctionne une fois, pendant {LINK_TTL_DAYS} jours, et ferme l’inscription sur les autres
          appareils. Lien perdu ou expiré ?{' '}
          <Link href="/inscription#nouveau-lien">Demandez-en un nouveau</Link>.
        </p>
      </details>
    </div>
  )
}
