'use client'

import { Choice, ChoiceGroup, FieldError, controlClass } from '@/components/ui/form'
import type { SessionUe } from '@/lib/domain/programme'
import type { StepContext, StepInput } from '@/lib/schemas/registration-steps'
import { ErrorSummary } from './error-summary'
import { StepActions } from './step-actions'
import { fieldId, useStepForm } from './use-step-form'

export function PriorStep({
  context,
  defaultValues,
  previousHref,
  ues,
  minimumForReview,
  earlyReviewNote,
}: {
  context: StepContext
  defaultValues: StepInput
  previousHref: string | null
  ues: Array<Pick<SessionUe, 'code' | 'title' | 'ects'>>
  minimumForReview: number
  earlyReviewNote: string
}) {
  const { form, onSubmit, errorOf, errors, formError, pending, attempt } = useStepForm(
    'acquis',
    context,
    defaultValues,
  )
  const { register, watch } = form
  const obtained = (watch('obtained') ?? {}) as Record<string, { selected?: boolean } | undefined>
  const count = Object.values(obtained).filter((ue) => ue?.selected).length
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <ErrorSummary errors={errors} formError={formError} focusKey={attempt} />
      <fieldset>
        <legend className="font-medium">
          Cochez les UE de cette formation que vous avez déjà obtenues (note d’au moins 10/20)
        </legend>
        <p className="mt-1 text-sm text-muted">
          Si vous n’en avez obtenu aucune, ne cochez rien et continuez.
        </p>
        <ul className="mt-3 divide-y divide-line rounded-lg border border-line">
          {ues.map((ue) => {
            const selected = Boolean(obtained[ue.code]?.selected)
            const base = `obtained.${ue.code}`
            return (
              <li key={ue.code} className="px-4 py-3">
                <label className="flex cursor-pointer items-start gap-3">
                  <input
                    type="checkbox"
                    id={fieldId(base)}
                    className="mt-1 size-5 shrink-0 accent-accent"
                    {...register(`${base}.selected`)}
                  />
                  <span>
                    <span className="font-semibold">{ue.code}</span> {ue.title}
                    <span className="block text-sm text-muted">{ue.ects} ECTS</span>
                  </span>
                </label>
                <FieldError id={fieldId(base)} error={errorOf(base)} />
                {selected ? (
                  <div className="mt-3 grid gap-4 pl-8 sm:grid-cols-[1fr_9rem]">
                    <ChoiceGroup
                      id={fieldId(`${base}.place`)}
                      legend={`Où avez-vous obtenu ${ue.code} ?`}
                      error={errorOf(`${base}.place`)}
                    >
                      <Choice value="REUNION" label="Au Cnam de La Réunion" {...register(`${base}.place`)} />
                      <Choice
                        value="ELSEWHERE"
                        label="Dans un autre centre régional"
                        hint="Joignez son attestation de réussite."
                        {...register(`${base}.place`)}
                      />
                    </ChoiceGroup>
                    <div>
                      <label htmlFor={fieldId(`${base}.year`)} className="block font-medium">
                        Année
                      </label>
                      <input
                        id={fieldId(`${base}.year`)}
                        inputMode="numeric"
                        maxLength={4}
                        placeholder="AAAA"
                        aria-invalid={errorOf(`${base}.year`) ? true : undefined}
                        aria-describedby={
                          errorOf(`${base}.year`) ? `${fieldId(`${base}.year`)}-erreur` : undefined
                        }
                        className={controlClass(errorOf(`${base}.year`))}
                        {...register(`${base}.year`)}
                      />
                      <FieldError id={fieldId(`${base}.year`)} error={errorOf(`${base}.year`)} />
                    </div>
                  </div>
                ) : null}
              </li>
            )
          })}
        </ul>
      </fieldset>

      {count >= minimumForReview ? (
        <ChoiceGroup
          id={fieldId('earlyExperienceReview')}
          legend="Examen anticipé de l’expérience professionnelle (facultatif)"
          hint={earlyReviewNote}
          error={errorOf('earlyExperienceReview')}
        >
          <Choice
            type="checkbox"
            label="Je souhaite demander l’examen anticipé de mon expérience professionnelle"
            {...register('earlyExperienceReview')}
          />
        </ChoiceGroup>
      ) : null}
      <StepActions previousHref={previousHref} pending={pending} />
    </form>
  )
}
