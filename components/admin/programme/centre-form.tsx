'use client'

import { useFieldArray } from 'react-hook-form'
import { updateCentreAction } from '@/app/(admin)/admin/programme/actions'
import { fieldId } from '@/components/registration/use-step-form'
import { buttonClass } from '@/components/ui/button'
import { FieldError, SelectField, TextField } from '@/components/ui/form'
import { capitalize } from '@/lib/format'
import { centreSchema, WEEKDAY_LABELS, type CentreInput } from '@/lib/schemas/programme'
import { AdminForm } from './admin-form'
import { CheckboxField } from './fields'
import { useAdminForm } from './use-admin-form'

const LABELS: Record<string, string> = {
  name: 'Nom du centre',
  street: 'Adresse',
  addressComplement: 'Complément d’adresse',
  postBox: 'Boîte postale',
  postcode: 'Code postal',
  city: 'Commune',
  cedex: 'CEDEX',
  phone: 'Téléphone',
  fax: 'Fax',
  email: 'Adresse e-mail',
  website: 'Site web',
  receivesDossiers: 'Reçoit les dossiers',
}
const SLOT_LABELS: Record<string, string> = {
  fromDay: 'Du',
  toDay: 'Au',
  opensAt: 'Ouverture',
  closesAt: 'Fermeture',
}

const DAY_OPTIONS = WEEKDAY_LABELS.map((day, index) => ({ value: String(index + 1), label: capitalize(day) }))

export function CentreForm({
  centreId,
  version,
  defaultValues,
}: {
  centreId: string
  version: string
  defaultValues: CentreInput
}) {
  const state = useAdminForm<CentreInput>({
    schema: centreSchema,
    defaultValues,
    version,
    save: (edit) => updateCentreAction({ id: centreId, ...edit }),
  })
  const { register, control } = state.form
  const { fields, append, remove } = useFieldArray({ control, name: 'openingHours' })
  const labelOf = (path: string) => {
    const [first, index, field] = path.split('.')
    if (first === 'openingHours' && field)
      return `Créneau n° ${Number(index) + 1} — ${SLOT_LABELS[field] ?? field}`
    return LABELS[path]
  }
  const text = (name: keyof typeof LABELS & keyof CentreInput, extra: Record<string, unknown> = {}) => (
    <TextField
      id={fieldId(name)}
      label={LABELS[name]!}
      error={state.errorOf(name)}
      {...extra}
      {...register(name)}
    />
  )
  return (
    <AdminForm state={state} labelOf={labelOf}>
      <fieldset className="space-y-5 rounded-lg border border-line p-4 sm:p-6">
        <legend className="px-1 text-xl font-semibold">Adresse</legend>
        {text('name')}
        {text('street', { hint: 'Numéro et rue.', autoComplete: 'off' })}
        {text('addressComplement', { optional: true, hint: 'Zone, bâtiment… par exemple « ZAC 2000 ».' })}
        <div className="grid gap-5 sm:grid-cols-[12rem_8rem_1fr]">
          {text('postBox', { optional: true, hint: 'Par exemple « BP 274 ».' })}
          {text('postcode', { inputMode: 'numeric', maxLength: 5 })}
          {text('city')}
        </div>
        <CheckboxField
          id={fieldId('cedex')}
          label="Adresse en CEDEX"
          hint="« CEDEX » est alors ajouté après la commune."
          error={state.errorOf('cedex')}
          {...register('cedex')}
        />
      </fieldset>
      <fieldset className="space-y-5 rounded-lg border border-line p-4 sm:p-6">
        <legend className="px-1 text-xl font-semibold">Contacts</legend>
        <div className="grid gap-5 sm:grid-cols-2">
          {text('phone', { type: 'tel', inputMode: 'tel', hint: 'Par exemple 0262 42 28 37.' })}
          {text('fax', { type: 'tel', inputMode: 'tel', optional: true })}
          {text('email', { type: 'email', inputMode: 'email', optional: true, spellCheck: false })}
          {text('website', { type: 'url', inputMode: 'url', optional: true, spellCheck: false })}
        </div>
        <CheckboxField
          id={fieldId('receivesDossiers')}
          label="Ce centre reçoit les dossiers d’inscription"
          hint="Son adresse est celle où envoyer ou déposer les dossiers."
          error={state.errorOf('receivesDossiers')}
          {...register('receivesDossiers')}
        />
      </fieldset>
      <fieldset className="space-y-4 rounded-lg border border-line p-4 sm:p-6">
        <legend className="px-1 text-xl font-semibold">Horaires d’ouverture</legend>
        <p className="text-muted">
          Un créneau par plage horaire, répété du premier au dernier jour indiqués. Sans créneau, la page
          publique invite à téléphoner.
        </p>
        <div id={fieldId('openingHours')} tabIndex={-1} className="space-y-3 outline-none">
          <FieldError id={fieldId('openingHours')} error={state.errorOf('openingHours')} />
          {fields.map((field, index) => {
            const path = (name: string) => `openingHours.${index}.${name}`
            return (
              <fieldset key={field.id} className="rounded-md border border-line p-3">
                <legend className="px-1 font-medium">Créneau n° {index + 1}</legend>
                <div className="grid items-start gap-3 sm:grid-cols-[1fr_1fr_8rem_8rem_auto]">
                  <SelectField
                    id={fieldId(path('fromDay'))}
                    label="Du"
                    options={DAY_OPTIONS}
                    error={state.errorOf(path('fromDay'))}
                    {...register(`openingHours.${index}.fromDay`)}
                  />
                  <SelectField
                    id={fieldId(path('toDay'))}
                    label="Au"
                    options={DAY_OPTIONS}
                    error={state.errorOf(path('toDay'))}
                    {...register(`openingHours.${index}.toDay`)}
                  />
                  <TextField
                    id={fieldId(path('opensAt'))}
                    label="Ouverture"
                    type="time"
                    error={state.errorOf(path('opensAt'))}
                    {...register(`openingHours.${index}.opensAt`)}
                  />
                  <TextField
                    id={fieldId(path('closesAt'))}
                    label="Fermeture"
                    type="time"
                    error={state.errorOf(path('closesAt'))}
                    {...register(`openingHours.${index}.closesAt`)}
                  />
                  <button
                    type="button"
                    className="inline-flex min-h-11 items-center self-end rounded-md border border-line px-3 text-sm font-medium text-danger hover:bg-surface sm:mt-8"
                    onClick={() => remove(index)}
                  >
                    Retirer<span className="sr-only"> le créneau n° {index + 1}</span>
                  </button>
                </div>
              </fieldset>
            )
          })}
        </div>
        <button
          type="button"
          className={buttonClass('secondary')}
          onClick={() => append({ fromDay: '1', toDay: '5', opensAt: '08:00', closesAt: '12:00' })}
        >
          Ajouter un créneau
        </button>
      </fieldset>
    </AdminForm>
  )
}
