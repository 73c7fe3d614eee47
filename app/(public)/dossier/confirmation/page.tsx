import type { Metadata } from 'next'
import Link from 'next/link'
import { redirect } from 'next/navigation'
import { buttonClass } from '@/components/ui/button'
import { paymentInstructions, registrationFees } from '@/lib/domain/fees'
import { formatDate, formatEuros, formatOpeningHours, formatPhone, phoneHref } from '@/lib/format'
import { getApplicantDossier } from '@/lib/server/dossiers/get-applicant-dossier'
import { readDossierToken } from '@/lib/server/registration/cookies'
import { receivingCentre } from '@/lib/server/registration/registration-context'
import { LINK_TTL_DAYS } from '@/lib/domain/access'

export const metadata: Metadata = {
  title: 'Dossier envoyé',
  referrer: 'no-referrer',
  robots: { index: false },
}

export default async function ConfirmationPage() {
  const token = await readDossierToken()
  const dossier = await getApplicantDossier({ token })
  if (!dossier || !token) redirect('/dossier')
  const { answers, context } = dossier
  const centre = receivingCentre(context)
  const { cautionCents: caution } = registrationFees(context.session, answers)
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <div className="rounded-xl bg-success-soft p-6 text-center" role="status">
        <p className="text-lg font-semibold text-success">Votre dossier est envoyé</p>
        <p className="mt-2 text-sm text-muted">Sa référence</p>
        <p className="text-3xl font-bold tracking-wide" data-testid="reference">
          {dossier.reference}
        </p>
        <p className="mt-2">Un e-mail de confirmation est envoyé à {answers.coordonnees.email}.</p>
      </div>

      <h1 className="mt-10 text-2xl font-bold">Ce qu’il vous reste à faire</h1>
      <p className="mt-2">
        Montant de votre participation aux frais de formation :{' '}
        <strong data-testid="total">{formatEuros(dossier.totalCents)}</strong>.
      </p>
      <ol className="mt-3 list-decimal space-y-2 pl-6">
        {paymentInstructions({
          category: answers.situation.category,
          totalCents: dossier.totalCents,
          cautionCents: caution,
          payee: context.programme.paymentPayee,
          formatEuros,
        }).map((line) => (
          <li key={line}>{line}</li>
        ))}
        <li>Conservez votre formulaire d’inscription : imprimez-le ou téléchargez-le ci-dessous.</li>
      </ol>

      {centre ? (
        <section aria-labelledby="ou" className="mt-8 rounded-lg border border-line p-5">
          <h2 id="ou" className="text-lg font-semibold">
            À envoyer ou déposer à
          </h2>
          <address className="mt-2 not-italic">
            {centre.name}
            <br />
            {centre.street}
            {centre.addressComplement ? `, ${centre.addressComplement}` : ''}
            {centre.postBox ? (
              <>
                <br />
                {centre.postBox}
              </>
            ) : null}
            <br />
            {centre.postcode} {centre.city.toUpperCase()}
            {centre.cedex ? ' CEDEX' : ''}
          </address>
          <p className="mt-2">
            Tél. <a href={phoneHref(centre.phone)}>{formatPhone(centre.phone)}</a>
          </p>
          {formatOpeningHours(centre.openingHours).map((line) => (
            <p key={line}>Ouvert {line}.</p>
          ))}
        </section>
      ) : null}

      <div className="mt-8 flex flex-wrap gap-3">
        <a href="/dossier/formulaire.pdf" className={buttonClass('primary')}>
          Télécharger mon formulaire (PDF)
        </a>
        <Link href="/dossier/formulaire" className={buttonClass('secondary')}>
          Imprimer mon formulaire
        </Link>
        <Link href="/dossier" className={buttonClass('secondary')}>
          Suivre mon dossier
        </Link>
      </div>

      <section aria-labelledby="lien" className="mt-10 text-sm">
        <h2 id="lien" className="font-semibold">
          Votre lien personnel
        </h2>
        <p className="mt-1">
          Sur cet appareil, votre dossier reste ouvert : revenez sur « Suivre mon dossier ». Ailleurs, ouvrez
          le lien personnel de l’e-mail de confirmation, envoyé à {answers.coordonnees.email} : il fonctionne
          une fois, pendant {LINK_TTL_DAYS} jours, et ferme le dossier sur les autres appareils. Ne le
          transmettez à personne ; un nouveau lien peut toujours être demandé.
        </p>
        <p className="mt-2">
          Vous pouvez retirer votre dossier jusqu’au {formatDate(dossier.withdrawal.deadline)} inclus.
        </p>
      </section>
    </div>
  )
}
