'use client'

import { Choice, ChoiceGroup, SelectField, TextField } from '@/components/ui/form'
import type { CategoryRate } from '@/lib/domain/programme'
import { DIPLOMA_LEVEL_LABELS, DIPLOMA_LEVELS } from '@/lib/domain/registration'
import { formatEuros } from '@/lib/format'
import type { StepContext, StepInput } from '@/lib/schemas/registration-steps'
import { ErrorSummary } from './error-summary'
import { StepActions } from './step-actions'
import { fieldId, useStepForm } from './use-step-form'

const CATEGORY_HINTS: Record<CategoryRate['category'], string> = {
  JOB_SEEKER: 'Inscrit(e) à France Travail (ex-Pôle emploi).',
  INDIVIDUAL: 'Vous payez vous-même votre formation.',
  EMPLOYER_FUNDED: 'Votre employeur paie votre formation.',
}

export function SituationStep({
  context,
  defaultValues,
  previousHref,
  rates,
  sessionLabel,
}: {
  context: StepContext
  defaultValues: StepInput
  previousHref: string | null
  rates: CategoryRate[]
  sessionLabel: string
}) {
  const { form, onSubmit, errorOf, errors, formError, pending, attempt } = useStepForm(
    'situation',
    context,
    defaultValues,
  )
  const { register, watch } = form
  const category = watch('category') as string | undefined
  const employment = watch('employmentStatus') as string | undefined
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-8">
      <ErrorSummary errors={errors} formError={formError} focusKey={attempt} />
      <ChoiceGroup
        id={fieldId('category')}
        legend="Votre situation pour la tarification"
        error={errorOf('category')}
      >
        {rates.map((rate) => (
          <Choice
            key={rate.category}
            value={rate.category}
            label={`${rate.label} — ${formatEuros(rate.perEctsCents)} par ECTS`}
            hint={CATEGORY_HINTS[rate.category]}
            {...register('category')}
          />
        ))}
      </ChoiceGroup>

      <ChoiceGroup
        id={fieldId('employmentStatus')}
        legend="Votre situation professionnelle aujourd’hui"
        error={errorOf('employmentStatus')}
      >
        <Choice
          value="EMPLOYED"
          label="Salarié(e), en activité ou en congé individuel de formation"
          {...register('employmentStatus')}
        />
        <Choice
          value="JOB_SEEKER"
          label="Demandeur ou demandeuse d’emploi"
          {...register('employmentStatus')}
        />
        <Choice value="OTHER" label="Autre situation" {...register('employmentStatus')} />
      </ChoiceGroup>

      {employment === 'EMPLOYED' ? (
        <fieldset className="space-y-4 rounded-lg border border-line p-4">
          <legend className="px-1 font-semibold">Votre employeur</legend>
          <TextField
            id={fieldId('employer.name')}
            label="Nom de l’employeur"
            autoComplete="organization"
            error={errorOf('employer.name')}
            {...register('employer.name')}
          />
          <TextField
            id={fieldId('employer.address')}
            label="Adresse de l’employeur"
            error={errorOf('employer.address')}
            {...register('employer.address')}
          />
          <TextField
            id={fieldId('employer.contactName')}
            label="Personne à contacter"
            hint="Nom et fonction, par exemple la personne des ressources humaines."
            error={errorOf('employer.contactName')}
            {...register('employer.contactName')}
          />
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              id={fieldId('employer.contactPhone')}
              label="Son téléphone"
              optional
              type="tel"
              error={errorOf('employer.contactPhone')}
              {...register('employer.contactPhone')}
            />
            <TextField
              id={fieldId('employer.contactEmail')}
              label="Son adresse e-mail"
              optional
              type="email"
              error={errorOf('employer.contactEmail')}
              {...register('employer.contactEmail')}
            />
          </div>
        </fieldset>
      ) : null}

      {category === 'EMPLOYER_FUNDED' ? (
        <ChoiceGroup
          id={fieldId('employerCertificateSigned')}
          legend="L’attestation de prise en charge sera-t-elle signée par votre employeur ?"
          hint="Si elle n’est pas signée, des chèques de caution d’un montant égal au tarif « individuel payant » sont demandés ; ils ne sont pas encaissés si la prise en charge est confirmée."
          error={errorOf('employerCertificateSigned')}
        >
          <div className="grid gap-2 sm:grid-cols-2">
            <Choice
              value="oui"
              label="Oui, signée par l’employeur"
              {...register('employerCertificateSigned')}
            />
            <Choice value="non" label="Non" {...register('employerCertificateSigned')} />
          </div>
        </ChoiceGroup>
      ) : null}

      {employment === 'JOB_SEEKER' ? (
        <TextField
          id={fieldId('jobSeekerId')}
          label="Identifiant France Travail (ex-Pôle emploi)"
          hint="7 chiffres et une lettre ou un chiffre, sur vos courriers France Travail."
          autoComplete="off"
          error={errorOf('jobSeekerId')}
          {...register('jobSeekerId')}
        />
      ) : null}

      <div className="grid gap-6 sm:grid-cols-2">
        <SelectField
          id={fieldId('highestDiploma')}
          label="Votre diplôme le plus élevé"
          options={DIPLOMA_LEVELS.map((level) => ({ value: level, label: DIPLOMA_LEVEL_LABELS[level] }))}
          error={errorOf('highestDiploma')}
          {...register('highestDiploma')}
        />
        <TextField
          id={fieldId('diplomaTitle')}
          label="Intitulé de ce diplôme"
          optional
          error={errorOf('diplomaTitle')}
          {...register('diplomaTitle')}
        />
      </div>

      <ChoiceGroup
        id={fieldId('accessRoute')}
        legend="Votre voie d’accès à la formation"
        error={errorOf('accessRoute')}
      >
        <Choice value="BAC_LEVEL" label="Niveau bac" {...register('accessRoute')} />
        <Choice
          value="VAE"
          label="VAE"
          hint="Validation des acquis de l’expérience."
          {...register('accessRoute')}
        />
      </ChoiceGroup>

      <ChoiceGroup
        id={fieldId('firstRegistration')}
        legend="Est-ce votre première inscription à cette formation au Cnam ?"
        hint="Les frais de dossier ne sont payés qu’une fois pour toute la durée de la formation."
        error={errorOf('firstRegistration')}
      >
        <div className="grid gap-2 sm:grid-cols-2">
          <Choice value="oui" label="Oui" {...register('firstRegistration')} />
          <Choice value="non" label="Non, j’ai déjà été inscrit(e)" {...register('firstRegistration')} />
        </div>
      </ChoiceGroup>

      <ChoiceGroup
        id={fieldId('baseFeeAlreadyPaid')}
        legend={`Avez-vous déjà payé le droit individuel de base pour l’année ${sessionLabel} ?`}
        hint="Il est valable pour une année universitaire, par exemple si vous vous êtes inscrit(e) au 1er semestre."
        error={errorOf('baseFeeAlreadyPaid')}
      >
        <div className="grid gap-2 sm:grid-cols-2">
          <Choice value="non" label="Non" {...register('baseFeeAlreadyPaid')} />
          <Choice value="oui" label="Oui, déjà payé cette année" {...register('baseFeeAlreadyPaid')} />
        </div>
      </ChoiceGroup>
      <StepActions previousHref={previousHref} pending={pending} />
    </form>
  )
}
