'use client'

import { TextField } from '@/components/ui/form'
import type { StepContext, StepInput } from '@/lib/schemas/registration-steps'
import { ErrorSummary } from './error-summary'
import { StepActions } from './step-actions'
import { fieldId, useStepForm } from './use-step-form'

export function ContactStep({
  context,
  defaultValues,
  previousHref,
}: {
  context: StepContext
  defaultValues: StepInput
  previousHref: string | null
}) {
  const { form, onSubmit, errorOf, errors, formError, pending, attempt } = useStepForm(
    'coordonnees',
    context,
    defaultValues,
  )
  const { register } = form
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <ErrorSummary errors={errors} formError={formError} focusKey={attempt} />
      <TextField
        id={fieldId('addressLine1')}
        label="Adresse"
        hint="Numéro et rue, ou lieu-dit."
        autoComplete="address-line1"
        error={errorOf('addressLine1')}
        {...register('addressLine1')}
      />
      <TextField
        id={fieldId('addressLine2')}
        label="Complément d’adresse"
        optional
        hint="Bâtiment, résidence, boîte postale…"
        autoComplete="address-line2"
        error={errorOf('addressLine2')}
        {...register('addressLine2')}
      />
      <div className="grid gap-6 sm:grid-cols-[10rem_1fr]">
        <TextField
          id={fieldId('postcode')}
          label="Code postal"
          inputMode="numeric"
          autoComplete="postal-code"
          maxLength={5}
          error={errorOf('postcode')}
          {...register('postcode')}
        />
        <TextField
          id={fieldId('town')}
          label="Commune"
          autoComplete="address-level2"
          error={errorOf('town')}
          {...register('town')}
        />
      </div>
      <TextField
        id={fieldId('phone')}
        label="Téléphone"
        hint="Portable de préférence, par exemple 0692 12 34 56."
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        error={errorOf('phone')}
        {...register('phone')}
      />
      <TextField
        id={fieldId('email')}
        label="Adresse e-mail"
        hint="Nous y envoyons le lien pour reprendre votre inscription, puis le suivi de votre dossier."
        type="email"
        inputMode="email"
        autoComplete="email"
        spellCheck={false}
        error={errorOf('email')}
        {...register('email')}
      />
      <TextField
        id={fieldId('emailConfirmation')}
        label="Confirmez l’adresse e-mail"
        type="email"
        inputMode="email"
        autoComplete="email"
        spellCheck={false}
        error={errorOf('emailConfirmation')}
        {...register('emailConfirmation')}
      />
      <StepActions previousHref={previousHref} pending={pending} />
    </form>
  )
}
