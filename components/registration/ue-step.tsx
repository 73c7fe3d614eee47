'use client'

import { useEffect } from 'react'
import { Choice, ChoiceGroup, FieldError, TextField } from '@/components/ui/form'
import { Alert } from '@/components/ui/alert'
import { ChevronIcon, StarIcon } from '@/components/ui/icons'
import { computeFees } from '@/lib/domain/fees'
import type { SessionUe, Tariff, TariffCategory } from '@/lib/domain/programme'
import { formatEuros } from '@/lib/format'
import type { StepContext, StepInput } from '@/lib/schemas/registration-steps'
import { ErrorSummary } from './error-summary'
import { StepActions } from './step-actions'
import { fieldId, useStepForm } from './use-step-form'

export type UeGroup = {
  label: string
  /** Why this group's UEs cannot be chosen now (deadline passed…), or null. */
  closedReason: string | null
  ues: Array<
    Pick<
      SessionUe,
      'code' | 'title' | 'ects' | 'kind' | 'foadAvailable' | 'recommendedFirst' | 'prerequisites'
    >
  >
}

export function UeStep({
  context,
  defaultValues,
  previousHref,
  groups,
  tariff,
  pricing,
  obtainedCodes,
  recommendedCertificate,
  experienceNote,
  draftId,
}: {
  draftId: string
  context: StepContext
  defaultValues: StepInput
  previousHref: string | null
  groups: UeGroup[]
  tariff: Tariff
  pricing: { category: TariffCategory; firstRegistration: boolean; baseFeeAlreadyPaid: boolean } | null
  obtainedCodes: string[]
  recommendedCertificate: string
  experienceNote: string
}) {
  // What was ticked and not saved (left for another step, or refused by the server) is kept in
  // this tab for this draft, and shown again on return; a saved choice is the draft's own.
  const unsavedKey = `inscription-ue-${draftId}`
  const { form, onSubmit, errorOf, errors, formError, pending, attempt } = useStepForm(
    'ue',
    context,
    defaultValues,
    { onSaved: () => sessionStorage.removeItem(unsavedKey) },
  )
  const { register, watch } = form
  useEffect(() => {
    const unsaved = sessionStorage.getItem(unsavedKey)
    if (unsaved) {
      try {
        form.reset(JSON.parse(unsaved) as StepInput, { keepDefaultValues: true })
      } catch {
        sessionStorage.removeItem(unsavedKey)
      }
    }
    const subscription = form.watch((values) => sessionStorage.setItem(unsavedKey, JSON.stringify(values)))
    return () => subscription.unsubscribe()
  }, [form, unsavedKey])
  const picks = (watch('ues') ?? {}) as Record<string, { selected?: boolean; foad?: boolean } | undefined>
  const all = groups.flatMap((group) => group.ues)
  const chosen = all
    .filter((ue) => picks[ue.code]?.selected)
    .map((ue) => ({ ...ue, foad: Boolean(picks[ue.code]?.foad) }))
  const fees = pricing ? computeFees(tariff, { ...pricing, ues: chosen }) : null
  const reportChosen = chosen.some((ue) => ue.kind !== 'COURSE')
  const totalEcts = chosen.reduce((sum, ue) => sum + ue.ects, 0)

  const renderGroup = (group: UeGroup) => (
    <fieldset key={group.label} id={fieldId(`groupe-${group.label}`)}>
      <legend className="text-lg font-semibold">{group.label}</legend>
      {group.closedReason ? (
        <p className="mt-1 text-sm font-medium text-warning">{group.closedReason}</p>
      ) : null}
      <ul className="mt-2 divide-y divide-line rounded-lg border border-line">
        {group.ues.map((ue) => {
          const base = `ues.${ue.code}`
          const obtained = obtainedCodes.includes(ue.code)
          const disabled = Boolean(group.closedReason) || obtained
          const selected = Boolean(picks[ue.code]?.selected)
          const error = errorOf(base)
          return (
            <li key={ue.code} className={`px-4 py-3 ${disabled ? 'bg-surface text-muted' : ''}`}>
              <label className={`flex items-start gap-3 ${disabled ? '' : 'cursor-pointer'}`}>
                <input
                  type="checkbox"
                  id={fieldId(base)}
                  disabled={disabled}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={error ? `${fieldId(base)}-erreur` : undefined}
                  className="mt-1 size-5 shrink-0 accent-accent"
                  {...register(`${base}.selected`)}
                />
                <span className="flex-1">
                  <span className="font-semibold">{ue.code}</span> {ue.title}
                  <span className="mt-0.5 flex flex-wrap gap-x-3 text-sm">
                    <span className="text-muted">{ue.ects} ECTS</span>
                    {ue.recommendedFirst ? (
                      <span className="font-medium text-accent-strong">
                        <StarIcon className="mr-0.5 size-4 align-[-2px]" />À suivre en premier
                      </span>
                    ) : null}
                    {ue.prerequisites.length > 0 ? (
                      <span className="font-medium text-warning">
                        Prérequis : {ue.prerequisites.join(', ')}
                      </span>
                    ) : null}
                    {obtained ? <span className="font-medium">Déjà obtenue</span> : null}
                  </span>
                </span>
              </label>
              <FieldError id={fieldId(base)} error={error} />
              {selected && !disabled && ue.foadAvailable && ue.kind === 'COURSE' ? (
                <label className="mt-2 ml-8 flex cursor-pointer items-center gap-2 text-sm">
                  <input type="checkbox" className="size-4 accent-accent" {...register(`${base}.foad`)} />
                  Suivre cette UE à distance (FOAD, {formatEuros(tariff.foadPerUeCents)} au lieu du tarif par
                  ECTS)
                </label>
              ) : null}
            </li>
          )
        })}
      </ul>
    </fieldset>
  )
  // The UEs that can be chosen first; the closed ones folded away, still there to read.
  const openGroups = groups.filter((group) => !group.closedReason)
  const closedGroups = groups.filter((group) => group.closedReason)

  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-8 lg:grid-cols-[1fr_18rem]">
      <div className="space-y-6">
        <ErrorSummary errors={errors} formError={formError} focusKey={attempt} />
        <Alert tone="info">
          <StarIcon className="mr-1 size-4 align-[-2px] text-accent-strong" />
          Il est recommandé de commencer par les UE marquées d’une étoile : elles permettent d’obtenir le{' '}
          {recommendedCertificate}.
        </Alert>
        <FieldError id={fieldId('ues')} error={errorOf('ues')} />
        {openGroups.map(renderGroup)}
        {closedGroups.length > 0 ? (
          <details className="group rounded-lg border border-line">
            <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 px-4 py-2 font-semibold [&::-webkit-details-marker]:hidden">
              <ChevronIcon className="size-5 transition-transform group-open:rotate-90" />
              UE dont les inscriptions sont closes
            </summary>
            <div className="space-y-6 px-4 pb-4">{closedGroups.map(renderGroup)}</div>
          </details>
        ) : null}

        {reportChosen ? (
          <fieldset className="space-y-4 rounded-lg border border-line p-4">
            <legend className="px-1 font-semibold">Votre expérience professionnelle</legend>
            <p className="text-sm text-muted">{experienceNote}</p>
            <TextField
              id={fieldId('experienceMonths')}
              label="Durée de votre expérience professionnelle à temps plein, en mois"
              hint="Rémunérée ou bénévole. Par exemple 30 pour deux ans et demi."
              inputMode="numeric"
              className="max-w-md"
              error={errorOf('experienceMonths')}
              {...register('experienceMonths')}
            />
            <ChoiceGroup
              id={fieldId('experienceInField')}
              legend="Cette expérience est-elle dans le domaine du titre (accompagnement social et professionnel) ?"
              error={errorOf('experienceInField')}
            >
              <div className="grid gap-2 sm:grid-cols-2">
                <Choice value="oui" label="Oui" {...register('experienceInField')} />
                <Choice value="non" label="Non, hors secteur" {...register('experienceInField')} />
              </div>
            </ChoiceGroup>
          </fieldset>
        ) : null}
        <StepActions previousHref={previousHref} pending={pending} />
      </div>

      <aside
        aria-labelledby="estimation-titre"
        className="self-start rounded-lg bg-surface p-4 lg:sticky lg:top-4"
      >
        <h2 id="estimation-titre" className="font-semibold">
          Votre participation
        </h2>
        <p className="text-sm text-muted">
          {chosen.length} UE · {totalEcts} ECTS
        </p>
        {fees ? (
          <>
            <ul className="mt-3 space-y-1.5 text-sm">
              {fees.lines.map((line) => (
                <li key={`${line.kind}-${line.ueCode ?? ''}`} className="flex justify-between gap-3">
                  <span>{line.ueCode ?? line.label}</span>
                  <span className="tabular-nums whitespace-nowrap">{formatEuros(line.amountCents)}</span>
                </li>
              ))}
            </ul>
            <p
              className="mt-3 flex justify-between border-t border-line pt-2 font-semibold"
              aria-live="polite"
            >
              <span>Total</span>
              <output data-testid="total-inscription" className="tabular-nums">
                {formatEuros(fees.totalCents)}
              </output>
            </p>
          </>
        ) : (
          <p className="mt-2 text-sm">Renseignez d’abord votre situation pour voir le montant.</p>
        )}
      </aside>
    </form>
  )
}
