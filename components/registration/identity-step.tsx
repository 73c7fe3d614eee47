'use client'

import { Choice, ChoiceGroup, TextField } from '@/components/ui/form'
import { NIR_EXAMPLE, nirCivilityNote } from '@/lib/domain/nir'
import type { Civility } from '@/lib/domain/registration'
import type { StepContext, StepInput } from '@/lib/schemas/registration-steps'
import { ErrorSummary } from './error-summary'
import { StepActions } from './step-actions'
import { fieldId, useStepForm } from './use-step-form'

export function IdentityStep({
  context,
  defaultValues,
  previousHref,
}: {
  context: StepContext
  defaultValues: StepInput
  previousHref: string | null
}) {
  const { form, onSubmit, errorOf, errors, formError, pending, attempt } = useStepForm(
    'identite',
    context,
    defaultValues,
  )
  const { register, watch } = form
  const civilityNote = nirCivilityNote(String(watch('nir') ?? ''), watch('civility') as Civility | undefined)
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <ErrorSummary errors={errors} formError={formError} focusKey={attempt} />
      <ChoiceGroup id={fieldId('civility')} legend="Civilité" error={errorOf('civility')}>
        <div className="grid gap-2 sm:grid-cols-2">
          <Choice label="Madame" value="MADAME" {...register('civility')} />
          <Choice label="Monsieur" value="MONSIEUR" {...register('civility')} />
        </div>
      </ChoiceGroup>
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField
          id={fieldId('birthName')}
          label="Nom de naissance"
          autoComplete="family-name"
          error={errorOf('birthName')}
          {...register('birthName')}
        />
        <TextField
          id={fieldId('usageName')}
          label="Nom d’usage"
          optional
          hint="Par exemple le nom d’épouse, s’il est différent."
          error={errorOf('usageName')}
          {...register('usageName')}
        />
      </div>
      <TextField
        id={fieldId('firstNames')}
        label="Prénoms"
        hint="Tous vos prénoms, dans l’ordre de l’état civil."
        autoComplete="given-name"
        error={errorOf('firstNames')}
        {...register('firstNames')}
      />
      <div className="grid gap-6 sm:grid-cols-2">
        <TextField
          id={fieldId('birthDate')}
          label="Date de naissance"
          hint="Au format JJ/MM/AAAA, par exemple 12/09/1984."
          inputMode="numeric"
          autoComplete="bday"
          placeholder="JJ/MM/AAAA"
          error={errorOf('birthDate')}
          {...register('birthDate')}
        />
        <TextField
          id={fieldId('birthPlace')}
          label="Commune de naissance"
          error={errorOf('birthPlace')}
          {...register('birthPlace')}
        />
        <TextField
          id={fieldId('birthCountry')}
          label="Pays de naissance"
          autoComplete="country-name"
          error={errorOf('birthCountry')}
          {...register('birthCountry')}
        />
        <TextField
          id={fieldId('nationality')}
          label="Nationalité"
          error={errorOf('nationality')}
          {...register('nationality')}
        />
      </div>
      <TextField
        id={fieldId('nir')}
        label="Numéro de sécurité sociale"
        hint={`15 chiffres, sur votre carte Vitale ou votre attestation de droits : ${NIR_EXAMPLE}.`}
        inputMode="text"
        autoComplete="off"
        spellCheck={false}
        error={errorOf('nir')}
        {...register('nir')}
      />
      {/* A note, not an error: it does not stop the step (the civility is the applicant's choice). */}
      <p
        role="status"
        className={civilityNote ? '-mt-4 rounded-md bg-warning-soft px-3 py-2 text-sm' : 'sr-only'}
      >
        {civilityNote}
      </p>
      <StepActions previousHref={previousHref} pending={pending} />
    </form>
  )
}
