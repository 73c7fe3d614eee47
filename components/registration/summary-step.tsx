import Link from 'next/link'
import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { paymentInstructions } from '@/lib/domain/fees'
import { formatNir } from '@/lib/domain/nir'
import { displayPhone } from '@/lib/domain/phone'
import { uploadedFilesText, type UploadedPiece } from '@/lib/domain/pieces'
import { DIPLOMA_LEVEL_LABELS, STEP_TITLES, type StepId } from '@/lib/domain/registration'
import { formatDate, formatEuros } from '@/lib/format'
import type { RegistrationEvaluation } from '@/lib/server/registration/evaluate-registration'
import type { RegistrationContext } from '@/lib/server/registration/registration-context'
import { SubmitForm } from './submit-form'

function Block({ step, children }: { step: StepId; children: React.ReactNode }) {
  return (
    <section aria-labelledby={`recap-${step}`} className="rounded-lg border border-line">
      <div className="flex items-center justify-between gap-4 border-b border-line bg-surface px-4 py-2">
        <h2 id={`recap-${step}`} className="font-semibold">
          {STEP_TITLES[step]}
        </h2>
        <Link href={`/inscription/${step}`} className="text-sm">
          Modifier<span className="sr-only"> : {STEP_TITLES[step]}</span>
        </Link>
      </div>
      <div className="px-4 py-3">{children}</div>
    </section>
  )
}

function Facts({ items }: { items: Array<[string, React.ReactNode]> }) {
  return (
    <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[14rem_1fr]">
      {items.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-muted">{term}</dt>
          <dd className="mb-2 sm:mb-0">{value}</dd>
        </div>
      ))}
    </dl>
  )
}

const CATEGORY = {
  JOB_SEEKER: 'Demandeur d’emploi',
  INDIVIDUAL: 'Individuel payant',
  EMPLOYER_FUNDED: 'Salarié pris en charge par l’employeur',
}
const EMPLOYMENT = { EMPLOYED: 'Salarié(e)', JOB_SEEKER: 'Demandeur(se) d’emploi', OTHER: 'Autre situation' }

export function SummaryStep({
  evaluation,
  context,
  uploads,
}: {
  evaluation: RegistrationEvaluation
  context: RegistrationContext
  uploads: UploadedPiece[]
}) {
  const { answers, issues, fees, checklist, cautionCents } = evaluation
  const { programme, session } = context
  return (
    <div className="space-y-6">
      {issues.length > 0 ? (
        <Alert tone="warning" title="Votre dossier n’est pas encore complet" role="status">
          <p>Tout dossier incomplet est refusé : complétez ces éléments avant de l’envoyer.</p>
          <ul className="mt-2 list-disc space-y-1 pl-5">
            {issues.map((issue) => (
              <li key={`${issue.step}-${issue.message}`}>
                <Link href={`/inscription/${issue.step}`}>
                  {STEP_TITLES[issue.step]} : {issue.message}
                </Link>
              </li>
            ))}
          </ul>
        </Alert>
      ) : (
        <Alert tone="success" title="Votre dossier est complet" role="status">
          Relisez-le, puis envoyez-le en bas de page.
        </Alert>
      )}

      {answers.identite ? (
        <Block step="identite">
          <Facts
            items={[
              ['Civilité', answers.identite.civility === 'MADAME' ? 'Madame' : 'Monsieur'],
              ['Nom de naissance', answers.identite.birthName],
              ...(answers.identite.usageName
                ? [['Nom d’usage', answers.identite.usageName] as [string, string]]
                : []),
              ['Prénoms', answers.identite.firstNames],
              [
                'Naissance',
                `le ${formatDate(answers.identite.birthDate)} à ${answers.identite.birthPlace} (${answers.identite.birthCountry})`,
              ],
              ['Nationalité', answers.identite.nationality],
              ['N° de sécurité sociale', formatNir(answers.identite.nir)],
            ]}
          />
        </Block>
      ) : null}
      {answers.coordonnees ? (
        <Block step="coordonnees">
          <Facts
            items={[
              [
                'Adresse',
                [
                  answers.coordonnees.addressLine1,
                  answers.coordonnees.addressLine2,
                  `${answers.coordonnees.postcode} ${answers.coordonnees.town}`,
                ]
                  .filter(Boolean)
                  .join(', '),
              ],
              ['Téléphone', displayPhone(answers.coordonnees.phone)],
              ['E-mail', answers.coordonnees.email],
            ]}
          />
        </Block>
      ) : null}
      {answers.situation ? (
        <Block step="situation">
          <Facts
            items={[
              ['Tarification', CATEGORY[answers.situation.category]],
              ['Situation', EMPLOYMENT[answers.situation.employmentStatus]],
              ...(answers.situation.employer
                ? [
                    [
                      'Employeur',
                      `${answers.situation.employer.name}, ${answers.situation.employer.address}`,
                    ] as [string, string],
                  ]
                : []),
              ...(answers.situation.employerCertificateSigned !== null
                ? [
                    [
                      'Attestation signée par l’employeur',
                      answers.situation.employerCertificateSigned ? 'Oui' : 'Non',
                    ] as [string, string],
                  ]
                : []),
              ...(answers.situation.jobSeekerId
                ? [['Identifiant France Travail', answers.situation.jobSeekerId] as [string, string]]
                : []),
              [
                'Diplôme le plus élevé',
                `${DIPLOMA_LEVEL_LABELS[answers.situation.highestDiploma]}${answers.situation.diplomaTitle ? ` — ${answers.situation.diplomaTitle}` : ''}`,
              ],
              ['Voie d’accès', answers.situation.accessRoute === 'VAE' ? 'VAE' : 'Niveau bac'],
              ['Première inscription', answers.situation.firstRegistration ? 'Oui' : 'Non'],
            ]}
          />
        </Block>
      ) : null}
      {answers.acquis ? (
        <Block step="acquis">
          {answers.acquis.obtained.length === 0 ? (
            <p>Aucune UE déclarée.</p>
          ) : (
            <ul className="list-disc pl-5">
              {answers.acquis.obtained.map((ue) => (
                <li key={ue.code}>
                  {ue.code}, obtenue en {ue.year}{' '}
                  {ue.place === 'REUNION' ? 'au Cnam de La Réunion' : 'dans un autre centre régional'}
                </li>
              ))}
            </ul>
          )}
          {answers.acquis.earlyExperienceReview ? (
            <p className="mt-2">Demande d’examen anticipé de l’expérience professionnelle.</p>
          ) : null}
        </Block>
      ) : null}
      {answers.ue ? (
        <Block step="ue">
          <ul className="space-y-1">
            {answers.ue.ues.map((pick) => {
              const ue = session.ues.find((candidate) => candidate.code === pick.code)
              return (
                <li key={pick.code}>
                  <span className="font-semibold">{pick.code}</span> {ue?.title} — {ue?.ects} ECTS
                  {pick.foad ? ' — à distance (FOAD)' : ''}
                </li>
              )
            })}
          </ul>
        </Block>
      ) : null}
      <Block step="pieces">
        {checklist.length === 0 ? (
          <p>La liste des pièces s’affichera une fois les étapes précédentes remplies.</p>
        ) : (
          <ul className="space-y-2">
            {checklist.map((item) => (
              <li key={item.requirement.key} className="flex flex-wrap items-start justify-between gap-2">
                <span>
                  {item.requirement.label}
                  {item.uploads.length > 0 ? (
                    <span className="block text-sm text-muted">
                      {item.uploads.map((upload) => upload.fileName).join(', ')}
                    </span>
                  ) : null}
                </span>
                <Badge
                  tone={
                    item.state === 'PROVIDED' ? 'success' : item.requirement.optional ? 'neutral' : 'danger'
                  }
                >
                  {item.state === 'PROVIDED'
                    ? 'Fournie'
                    : item.requirement.optional
                      ? 'Facultative'
                      : 'Manquante'}
                </Badge>
              </li>
            ))}
          </ul>
        )}
        <p className="sr-only">{uploadedFilesText(uploads.length)}.</p>
      </Block>

      {fees ? (
        <section aria-labelledby="recap-frais" className="rounded-lg border border-line">
          <h2 id="recap-frais" className="border-b border-line bg-surface px-4 py-2 font-semibold">
            Participation aux frais de formation
          </h2>
          <table className="w-full text-left">
            <caption className="sr-only">Détail des frais</caption>
            <tbody>
              {fees.lines.map((line) => (
                <tr key={`${line.kind}-${line.ueCode ?? ''}`} className="border-b border-line">
                  <th scope="row" className="px-4 py-2 font-normal">
                    {line.label}
                    {line.basis.unit === 'ECTS' ? (
                      <span className="block text-sm text-muted">
                        {line.basis.quantity} ECTS × {formatEuros(line.basis.unitCents)}
                      </span>
                    ) : null}
                  </th>
                  <td className="px-4 py-2 text-right tabular-nums whitespace-nowrap">
                    {formatEuros(line.amountCents)}
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row" className="px-4 py-3 text-lg font-semibold">
                  Total
                </th>
                <td className="px-4 py-3 text-right text-lg font-semibold tabular-nums">
                  {formatEuros(fees.totalCents)}
                </td>
              </tr>
            </tbody>
          </table>
          <div className="border-t border-line px-4 py-3 text-sm">
            <p className="font-medium">Après l’envoi, il vous restera à fournir :</p>
            <ul className="mt-1 list-disc pl-5">
              {paymentInstructions({
                category: answers.situation!.category,
                totalCents: fees.totalCents,
                cautionCents,
                payee: programme.paymentPayee,
                formatEuros,
              }).map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </div>
        </section>
      ) : null}

      <section aria-labelledby="recap-envoi" className="rounded-lg border-2 border-accent p-4 sm:p-6">
        <h2 id="recap-envoi" className="text-xl font-semibold">
          Envoyer votre dossier
        </h2>
        <p className="mt-1 text-muted">
          Vous pourrez retirer votre dossier pendant {programme.withdrawalPeriodDays} jours après l’envoi
          (délai de rétractation).
        </p>
        <div className="mt-4">
          {issues.length === 0 && fees ? (
            <SubmitForm totalLabel={formatEuros(fees.totalCents)} />
          ) : (
            <p className="font-medium">Complétez d’abord les éléments signalés en haut de cette page.</p>
          )}
        </div>
      </section>
    </div>
  )
}
