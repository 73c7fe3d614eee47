'use client'

import { useMemo } from 'react'
import { useFieldArray } from 'react-hook-form'
import { updateSessionOfferingsAction } from '@/app/(admin)/admin/sessions/actions'
import { fieldId } from '@/components/registration/use-step-form'
import { buttonClass } from '@/components/ui/button'
import { FieldError, SelectField, TextField } from '@/components/ui/form'
import type { UeKind } from '@/lib/domain/programme'
import {
  PERIOD_KIND_LABELS,
  sessionOfferingsSchema,
  UE_KIND_LABELS,
  type SessionOfferingsInput,
} from '@/lib/schemas/programme'
import { AdminForm } from './admin-form'
import { CheckboxField } from './fields'
import { RowControls } from './row-controls'
import { useAdminForm } from './use-admin-form'

type CatalogueUe = { code: string; title: string; ects: number; kind: UeKind }

const UE_FIELD_LABELS: Record<string, string> = {
  ueCode: 'UE',
  periodKind: 'Période',
  recommendedFirst: 'À suivre en premier',
  foadAvailable: 'FOAD',
}

export function SessionOfferingsForm({
  sessionId,
  version,
  defaultValues,
  catalogue,
}: {
  sessionId: string
  version: string
  defaultValues: SessionOfferingsInput
  catalogue: CatalogueUe[]
}) {
  const schema = useMemo(() => sessionOfferingsSchema({ catalogue }), [catalogue])
  const state = useAdminForm<SessionOfferingsInput>({
    schema,
    defaultValues,
    version,
    save: (edit) => updateSessionOfferingsAction({ id: sessionId, ...edit }),
  })
  const { register, control, watch } = state.form
  const periods = defaultValues.periods
  const { fields, append, remove, move } = useFieldArray({ control, name: 'ues' })
  const offered = watch('ues').map((ue) => ue.ueCode)
  const ueOptions = catalogue.map((ue) => ({
    value: ue.code,
    label: `${ue.code} — ${ue.title} (${ue.ects} ECTS${ue.kind === 'COURSE' ? '' : `, ${UE_KIND_LABELS[ue.kind].toLowerCase()}`})`,
  }))
  const periodOptions = periods.map((period) => ({
    value: period.kind,
    label: PERIOD_KIND_LABELS[period.kind],
  }))
  const nameOf = (index: number) => watch(`ues.${index}.ueCode`) || `UE n° ${index + 1}`
  const labelOf = (path: string) => {
    const [first, index, field] = path.split('.')
    if (first === 'periods' && field) {
      const kind = periods[Number(index)]?.kind
      return `${kind ? PERIOD_KIND_LABELS[kind] : 'Période'} — ${field === 'startMonth' ? 'Premier mois' : 'Dernier mois'}`
    }
    if (first === 'ues' && field) return `${nameOf(Number(index))} — ${UE_FIELD_LABELS[field] ?? field}`
    return undefined
  }
  return (
    <AdminForm state={state} labelOf={labelOf}>
      <fieldset className="rounded-lg border border-line p-4 sm:p-6">
        <legend className="px-1 text-xl font-semibold">Périodes d’enseignement</legend>
        <p className="text-muted">
          Les mois affichés sur la page publique pour chaque période, par exemple de 10/2026 à 02/2027.
          Laissez les deux vides pour une période sans mois (expérience professionnelle).
        </p>
        <FieldError id={fieldId('periods')} error={state.errorOf('periods')} />
        <div className="mt-4 space-y-4">
          {periods.map((period, index) => (
            <fieldset key={period.kind} className="rounded-md border border-line p-3">
              <legend className="px-1 font-medium">{PERIOD_KIND_LABELS[period.kind]}</legend>
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField
                  id={fieldId(`periods.${index}.startMonth`)}
                  label="Premier mois"
                  hint="MM/AAAA"
                  inputMode="numeric"
                  error={state.errorOf(`periods.${index}.startMonth`)}
                  {...register(`periods.${index}.startMonth`)}
                />
                <TextField
                  id={fieldId(`periods.${index}.endMonth`)}
                  label="Dernier mois"
                  hint="MM/AAAA"
                  inputMode="numeric"
                  error={state.errorOf(`periods.${index}.endMonth`)}
                  {...register(`periods.${index}.endMonth`)}
                />
              </div>
            </fieldset>
          ))}
        </div>
      </fieldset>

      <fieldset className="rounded-lg border border-line p-4 sm:p-6">
        <legend className="px-1 text-xl font-semibold">UE proposées</legend>
        <p className="text-muted">
          Dans l’ordre où la page publique et le formulaire d’inscription les présentent.
        </p>
        <div id={fieldId('ues')} tabIndex={-1} className="mt-4 space-y-4 outline-none">
          <FieldError id={fieldId('ues')} error={state.errorOf('ues')} />
          {fields.map((field, index) => {
            const path = (name: string) => `ues.${index}.${name}`
            const mine = offered[index]
            return (
              <fieldset key={field.id} className="space-y-3 rounded-md border border-line p-3">
                <legend className="px-1 font-medium">
                  {index + 1}. {field.ueCode || 'Nouvelle UE'}
                </legend>
                <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
                  <SelectField
                    id={fieldId(path('ueCode'))}
                    label="UE"
                    options={ueOptions.filter(
                      (option) => option.value === mine || !offered.includes(option.value),
                    )}
                    error={state.errorOf(path('ueCode'))}
                    {...register(`ues.${index}.ueCode`)}
                  />
                  <SelectField
                    id={fieldId(path('periodKind'))}
                    label="Période"
                    options={periodOptions}
                    error={state.errorOf(path('periodKind'))}
                    {...register(`ues.${index}.periodKind`)}
                  />
                </div>
                <div className="flex flex-wrap items-center justify-between gap-x-8 gap-y-3">
                  <div className="flex flex-wrap gap-x-8 gap-y-3">
                    <CheckboxField
                      id={fieldId(path('recommendedFirst'))}
                      label="À suivre en premier"
                      error={state.errorOf(path('recommendedFirst'))}
                      {...register(`ues.${index}.recommendedFirst`)}
                    />
                    <CheckboxField
                      id={fieldId(path('foadAvailable'))}
                      label="Possible en FOAD (à distance)"
                      error={state.errorOf(path('foadAvailable'))}
                      {...register(`ues.${index}.foadAvailable`)}
                    />
                  </div>
                  <RowControls
                    index={index}
                    count={fields.length}
                    name={nameOf(index)}
                    onMove={move}
                    onRemove={() => remove(index)}
                    removeLabel="Retirer de la session"
                  />
                </div>
              </fieldset>
            )
          })}
        </div>
        <button
          type="button"
          className={`${buttonClass('secondary')} mt-4`}
          disabled={offered.length >= catalogue.length}
          onClick={() =>
            append({ ueCode: '', periodKind: '', recommendedFirst: false, foadAvailable: false })
          }
        >
          Ajouter une UE à la session
        </button>
      </fieldset>
    </AdminForm>
  )
}
