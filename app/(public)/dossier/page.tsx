import type { Metadata } from 'next'
import Link from 'next/link'
import { RequestedPieceUpload } from '@/components/dossier/requested-piece-upload'
import { StatusBadge } from '@/components/dossier/status-badge'
import { WithdrawForm } from '@/components/dossier/withdraw-form'
import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { buttonClass } from '@/components/ui/button'
import { todayIn } from '@/lib/domain/dates'
import { paymentInstructions, registrationFees } from '@/lib/domain/fees'
import { STATUS_LABELS } from '@/lib/domain/workflow'
import { formatDate, formatEuros } from '@/lib/format'
import { LINK_REFUSED_MESSAGES, SESSION_END_MESSAGES, type LinkRefusal } from '@/lib/domain/access'
import { sessionEndReason } from '@/lib/server/access/applicant-sessions'
import { getApplicantDossier } from '@/lib/server/dossiers/get-applicant-dossier'
import { readDossierToken } from '@/lib/server/registration/cookies'

export const metadata: Metadata = {
  title: 'Mon dossier d’inscription',
  referrer: 'no-referrer',
  robots: { index: false },
}

const PIECE_STATES = {
  MISSING: { tone: 'danger', label: 'Manquante' },
  PROVIDED: { tone: 'accent', label: 'Reçue, à vérifier' },
  ACCEPTED: { tone: 'success', label: 'Conforme' },
  REJECTED: { tone: 'danger', label: 'Non conforme' },
  TOO_OLD: { tone: 'warning', label: 'À vérifier' },
  DATE_MISSING: { tone: 'warning', label: 'À vérifier' },
  FUTURE_DATE: { tone: 'warning', label: 'À vérifier' },
} as const

const dateTime = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Indian/Reunion',
})

export default async function ApplicantDossierPage({
  searchParams,
}: {
  searchParams: Promise<{ etat?: string }>
}) {
  const { etat } = await searchParams
  const token = await readDossierToken()
  const dossier = await getApplicantDossier({ token })
  if (!dossier) {
    // Why this browser sees no dossier: a link that did not work, or a session that ended.
    const refusal = etat?.startsWith('lien-') ? etat.slice(5).toUpperCase() : null
    const ended = await sessionEndReason(token)
    const explanation =
      refusal && refusal in LINK_REFUSED_MESSAGES
        ? LINK_REFUSED_MESSAGES[refusal as LinkRefusal]
        : ended
          ? SESSION_END_MESSAGES[ended]
          : null
    return (
      <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
        <h1 className="text-3xl font-bold">Mon dossier d’inscription</h1>
        <Alert
          tone="warning"
          className="mt-6"
          title={
            explanation ? 'Votre dossier n’est pas ouvert sur cet appareil' : 'Aucun dossier sur cet appareil'
          }
        >
          {explanation ??
            'Ouvrez le lien personnel reçu par e-mail après l’envoi de votre dossier. Si vous ne le retrouvez pas, demandez-en un nouveau avec la référence de votre dossier.'}
          <span className="mt-2 flex flex-wrap gap-x-6 gap-y-1">
            <Link href="/dossier/lien-perdu">Recevoir un nouveau lien</Link>
            <Link href="/inscription">Commencer une inscription</Link>
          </span>
        </Alert>
      </div>
    )
  }
  const { answers, context } = dossier
  const { cautionCents: caution } = registrationFees(context.session, answers)
  const requested = dossier.outstandingRequests
  const pieceType = (code: string) => context.programme.pieceTypes.find((type) => type.code === code)

  return (
    <div className="mx-auto max-w-4xl px-4 py-10 sm:px-6">
      <p className="text-sm font-semibold text-accent">
        {context.programme.title} · session {context.session.label}
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-3xl font-bold">Dossier {dossier.reference}</h1>
        <StatusBadge status={dossier.status} />
      </div>
      <p className="mt-1 text-muted">Déposé le {dateTime.format(dossier.submittedAt)}.</p>

      {dossier.status === 'INCOMPLETE' && requested.length > 0 ? (
        <Alert tone="warning" className="mt-6" title="Des pièces vous sont demandées" role="status">
          Envoyez-les ci-dessous : votre dossier reprendra son examen dès qu’elles seront toutes reçues.
        </Alert>
      ) : null}
      {dossier.status === 'WITHDRAWN' ? (
        <Alert tone="info" className="mt-6" title="Vous avez retiré ce dossier">
          Il ne sera pas examiné. Pour suivre la formation, déposez un nouveau dossier.
        </Alert>
      ) : null}

      {dossier.messages.length > 0 ? (
        <section aria-labelledby="messages" className="mt-8">
          <h2 id="messages" className="text-xl font-semibold">
            Messages du centre
          </h2>
          <ol className="mt-3 space-y-3">
            {dossier.messages.map((message) => (
              <li key={message.id} className="rounded-lg border border-line p-4">
                <p className="text-sm text-muted">{dateTime.format(message.createdAt)}</p>
                <p className="mt-1 whitespace-pre-line">{message.body}</p>
                {message.requestedPieceCodes.length > 0 ? (
                  <p className="mt-2 text-sm">
                    Pièces demandées :{' '}
                    {message.requestedPieceCodes.map((code) => pieceType(code)?.label ?? code).join(', ')}.
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {requested.length > 0 ? (
        <section aria-labelledby="a-renvoyer" className="mt-8">
          <h2 id="a-renvoyer" className="text-xl font-semibold">
            Pièces à envoyer
          </h2>
          <ul className="mt-3 space-y-4">
            {requested.map((code) => {
              const type = pieceType(code)
              const rejected = dossier.pieces.filter(
                (piece) => piece.pieceTypeCode === code && piece.status === 'REJECTED',
              )
              return (
                <li key={code} className="rounded-lg border border-warning p-4">
                  <h3 className="font-semibold">{type?.label ?? code}</h3>
                  {rejected.map((piece) => (
                    <p key={piece.id} className="mt-1 text-sm">
                      « {piece.fileName} » jugée non conforme
                      {piece.decisionReason ? ` : ${piece.decisionReason}` : ''}.
                    </p>
                  ))}
                  <RequestedPieceUpload
                    pieceTypes={[{ code, label: type?.label ?? code }]}
                    dated={type?.maxAgeDays != null}
                  />
                </li>
              )
            })}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="pieces" className="mt-8">
        <h2 id="pieces" className="text-xl font-semibold">
          Vos pièces
        </h2>
        <ul className="mt-3 divide-y divide-line rounded-lg border border-line">
          {dossier.checklist.map((item) => {
            const state = PIECE_STATES[item.state]
            return (
              <li
                key={item.requirement.key}
                className="flex flex-wrap items-start justify-between gap-2 px-4 py-3"
              >
                <span>
                  {item.requirement.label}
                  {item.pieces.length > 0 ? (
                    <span className="block text-sm text-muted">
                      {item.pieces.map((piece) => piece.fileName).join(', ')}
                    </span>
                  ) : null}
                </span>
                <Badge tone={item.requirement.optional && item.state === 'MISSING' ? 'neutral' : state.tone}>
                  {item.requirement.optional && item.state === 'MISSING' ? 'Facultative' : state.label}
                </Badge>
              </li>
            )
          })}
        </ul>
      </section>

      <section aria-labelledby="paiement" className="mt-8 rounded-lg bg-surface p-4">
        <h2 id="paiement" className="text-xl font-semibold">
          Participation aux frais : {formatEuros(dossier.totalCents)}
        </h2>
        <ul className="mt-2 list-disc pl-5">
          {paymentInstructions({
            category: answers.situation.category,
            totalCents: dossier.totalCents,
            cautionCents: caution,
            payee: context.programme.paymentPayee,
            formatEuros,
          }).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="documents" className="mt-8">
        <h2 id="documents" className="text-xl font-semibold">
          Votre formulaire d’inscription
        </h2>
        <div className="mt-3 flex flex-wrap gap-3">
          <Link href="/dossier/formulaire" className={buttonClass('secondary')}>
            Voir et imprimer
          </Link>
          <a href="/dossier/formulaire.pdf" className={buttonClass('secondary')}>
            Télécharger en PDF
          </a>
        </div>
      </section>

      <section aria-labelledby="historique" className="mt-8">
        <h2 id="historique" className="text-xl font-semibold">
          Historique
        </h2>
        <ol className="mt-3 space-y-1">
          {dossier.history.map((event) => (
            <li key={`${event.action}-${event.createdAt.toISOString()}`}>
              <span className="text-muted">{dateTime.format(event.createdAt)}</span> —{' '}
              {event.toStatus ? STATUS_LABELS[event.toStatus] : event.action}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="retrait" className="mt-8 rounded-lg border border-line p-4">
        <h2 id="retrait" className="text-xl font-semibold">
          Retirer mon dossier
        </h2>
        <div className="mt-2">
          {dossier.withdrawal.possible ? (
            <WithdrawForm deadlineLabel={formatDate(dossier.withdrawal.deadline)} />
          ) : dossier.status === 'WITHDRAWN' ? (
            <p>Ce dossier est retiré.</p>
          ) : (
            <p>
              {todayIn(new Date()) > dossier.withdrawal.deadline
                ? `Le délai de rétractation de ${context.programme.withdrawalPeriodDays} jours a pris fin le ${formatDate(dossier.withdrawal.deadline)}. `
                : 'Ce dossier ne peut plus être retiré en ligne. '}
              Pour toute demande, en cas de force majeure notamment, contactez le centre :{' '}
              {context.programme.terminationClause.split('\n\n')[1] ?? ''}
            </p>
          )}
        </div>
      </section>
    </div>
  )
}
