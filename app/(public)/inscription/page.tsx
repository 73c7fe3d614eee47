import type { Metadata } from 'next'
import Link from 'next/link'
import { Alert } from '@/components/ui/alert'
import { buttonClass } from '@/components/ui/button'
import { todayIn } from '@/lib/domain/dates'
import { PIECE_CONDITION_LABELS } from '@/lib/domain/pieces'
import { draftLastDay, firstIncompleteStep } from '@/lib/domain/registration'
import { openSemesters } from '@/lib/domain/session'
import { ResumeLinkForm } from '@/components/registration/resume-link-form'
import { LINK_REFUSED_MESSAGES, LINK_TTL_DAYS, SESSION_END_MESSAGES } from '@/lib/domain/access'
import { formatDate } from '@/lib/format'
import { readDossierToken, readDraftToken } from '@/lib/server/registration/cookies'
import { getDraft } from '@/lib/server/registration/get-draft'
import { getOpenRegistration } from '@/lib/server/registration/registration-context'
import { HOME_PROGRAMME_CODE } from '@/lib/site'
import { startRegistrationAction } from './actions'

export const metadata: Metadata = {
  title: 'S’inscrire en ligne',
  description: 'Déposez votre dossier d’inscription en ligne, avec vos pièces justificatives.',
}

const MESSAGES: Record<string, { tone: 'warning' | 'error'; text: string }> = {
  'trop-de-demandes': {
    tone: 'error',
    text: 'Trop d’inscriptions ont été commencées depuis votre connexion : réessayez dans une heure.',
  },
  fermee: { tone: 'warning', text: 'Les inscriptions sont closes pour le moment.' },
  expired: { tone: 'warning', text: 'Votre brouillon a expiré : vous pouvez recommencer votre inscription.' },
  none: {
    tone: 'warning',
    text: 'Aucune inscription en cours n’a été trouvée sur cet appareil. Ouvrez le lien reçu par e-mail, ou commencez une inscription.',
  },
  submitted: {
    tone: 'warning',
    text: 'Ce dossier a déjà été envoyé : retrouvez-le sur la page de votre dossier.',
  },
  'confirmer-nouvelle': {
    tone: 'warning',
    text: 'Vous avez déjà une inscription en cours sur ce navigateur : confirmez ci-dessous si vous voulez vraiment en commencer une nouvelle.',
  },
  ...Object.fromEntries(
    Object.entries(LINK_REFUSED_MESSAGES).map(([refusal, text]) => [
      `lien-${refusal.toLowerCase()}`,
      { tone: 'warning' as const, text },
    ]),
  ),
  ...Object.fromEntries(
    Object.entries(SESSION_END_MESSAGES).map(([reason, text]) => [
      `session-${reason.toLowerCase()}`,
      { tone: 'warning' as const, text },
    ]),
  ),
}

/** Left empty by people; bots that fill every field give themselves away. */
function HoneypotField() {
  return (
    <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
      <label htmlFor="website">Site web</label>
      <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
    </div>
  )
}

export default async function StartRegistrationPage({
  searchParams,
}: {
  searchParams: Promise<{ erreur?: string; etat?: string }>
}) {
  const { erreur, etat } = await searchParams
  const notice = MESSAGES[erreur ?? etat ?? '']
  const today = todayIn(new Date())
  const [context, draftLookup, dossierToken] = await Promise.all([
    getOpenRegistration({ programmeCode: HOME_PROGRAMME_CODE }),
    readDraftToken().then((token) => getDraft({ token })),
    readDossierToken(),
  ])
  const open = context ? openSemesters(context.session, today) : []
  // A browser whose session ended (a link opened elsewhere…) is told why, even without ?etat.
  const ended = !notice && draftLookup.state === 'ENDED' ? SESSION_END_MESSAGES[draftLookup.reason] : null
  const pieces = context?.programme.pieceTypes.filter((type) => type.condition !== 'GENERATED') ?? []

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <p className="text-sm font-semibold text-accent">{context?.programme.title}</p>
      <h1 className="mt-2 text-3xl font-bold sm:text-4xl">S’inscrire en ligne</h1>
      {notice ? (
        <Alert tone={notice.tone} className="mt-6" role="status">
          {notice.text}
        </Alert>
      ) : null}
      {ended ? (
        <Alert tone="warning" className="mt-6" role="status">
          {ended}
        </Alert>
      ) : null}
      {dossierToken ? (
        <Alert tone="info" className="mt-6" title="Vous avez déjà déposé un dossier depuis cet appareil">
          <Link href="/dossier">Suivre mon dossier</Link>
        </Alert>
      ) : null}

      {!context || open.length === 0 ? (
        <Alert tone="warning" className="mt-6" title="Les inscriptions sont closes">
          Les prochaines dates seront publiées sur la <Link href="/">page de la formation</Link>. Pour toute
          question, contactez le centre.
        </Alert>
      ) : (
        <>
          <p className="mt-4 text-lg">
            Session {context.session.label} : inscriptions ouvertes au{' '}
            {open
              .map(
                (semester) =>
                  `${semester.number === 1 ? '1er' : '2nd'} semestre jusqu’au ${formatDate(semester.registrationDeadline)} inclus`,
              )
              .join(', et au ')}
            .
          </p>

          {draftLookup.state === 'ACTIVE' ? (
            <section aria-labelledby="en-cours" className="mt-8 rounded-lg border-2 border-accent p-5">
              <h2 id="en-cours" className="text-xl font-semibold">
                Vous avez une inscription en cours
              </h2>
              <p className="mt-1 text-muted">
                Elle est conservée jusqu’au {formatDate(draftLastDay(draftLookup.draft.expiresAt))}.
              </p>
              <Link
                href={`/inscription/${firstIncompleteStep(draftLookup.draft.completedSteps)}`}
                className={buttonClass('primary', 'mt-4')}
              >
                Reprendre mon inscription
              </Link>
            </section>
          ) : null}

          <section aria-labelledby="avant" className="mt-8">
            <h2 id="avant" className="text-xl font-semibold">
              Avant de commencer
            </h2>
            <ul className="mt-3 list-disc space-y-2 pl-6">
              <li>
                Comptez environ 20 minutes. Vos réponses sont enregistrées à chaque étape : vous pouvez vous
                arrêter et reprendre plus tard, y compris sur un autre appareil, avec le lien envoyé par
                e-mail.
              </li>
              <li>
                Préparez vos pièces en PDF, ou en photo nette prise avec votre téléphone (JPEG ou PNG), 10 Mo
                au plus chacune.
              </li>
              <li>
                Le portail vérifie votre dossier avant l’envoi :{' '}
                {context.programme.incompleteDossierWarning.charAt(0).toLowerCase()}
                {context.programme.incompleteDossierWarning.slice(1)}
              </li>
              <li>
                Vous pourrez retirer votre dossier pendant {context.programme.withdrawalPeriodDays} jours
                après l’avoir envoyé.
              </li>
            </ul>
            <h3 className="mt-6 font-semibold">Les pièces qui peuvent vous être demandées</h3>
            <ul className="mt-2 divide-y divide-line rounded-lg border border-line text-sm">
              {pieces.map((piece) => (
                <li
                  key={piece.code}
                  className="flex flex-col gap-0.5 px-4 py-2 sm:flex-row sm:justify-between sm:gap-4"
                >
                  <span>{piece.label}</span>
                  <span className="text-muted sm:text-right">{PIECE_CONDITION_LABELS[piece.condition]}</span>
                </li>
              ))}
            </ul>
          </section>

          {draftLookup.state === 'ACTIVE' ? (
            <details className="mt-8" open={erreur === 'confirmer-nouvelle'}>
              <summary className={buttonClass('secondary', 'w-full cursor-pointer sm:w-auto')}>
                Commencer une nouvelle inscription
              </summary>
              <form action={startRegistrationAction} className="mt-4 rounded-lg border border-line p-4">
                <HoneypotField />
                <input type="hidden" name="confirm" value="oui" />
                <p>
                  Votre inscription en cours ne sera plus ouverte sur ce navigateur ; vous pourrez la
                  reprendre avec un nouveau lien envoyé à son adresse e-mail. Commencer quand même une
                  nouvelle inscription ?
                </p>
                <button type="submit" className={buttonClass('secondary', 'mt-3')}>
                  Oui, commencer une nouvelle inscription
                </button>
              </form>
            </details>
          ) : (
            <form action={startRegistrationAction} className="mt-8">
              <HoneypotField />
              <button type="submit" className={buttonClass('primary', 'w-full sm:w-auto')}>
                Commencer mon inscription
              </button>
            </form>
          )}

          <section aria-labelledby="nouveau-lien-titre" id="nouveau-lien" className="mt-10">
            <h2 id="nouveau-lien-titre" className="text-xl font-semibold">
              Lien perdu, déjà utilisé ou expiré ?
            </h2>
            <p className="mt-1 text-muted">
              Chaque lien pour reprendre une inscription fonctionne une fois, pendant {LINK_TTL_DAYS} jours.
              Demandez-en un nouveau : il est envoyé à l’adresse donnée à l’étape « Coordonnées ».
            </p>
            <ResumeLinkForm />
          </section>
        </>
      )}
    </div>
  )
}
