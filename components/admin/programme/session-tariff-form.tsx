'use client'

import { updateSessionTariffAction } from '@/app/(admin)/admin/sessions/actions'
import { fieldId } from '@/components/registration/use-step-form'
import { TextField } from '@/components/ui/form'
import { sessionTariffSchema, type SessionTariffInput } from '@/lib/schemas/programme'
import { AdminForm } from './admin-form'
import { useAdminForm } from './use-admin-form'

const AMOUNT_HINT = 'En euros, par exemple 18 ou 5,50.'

const FEES: Array<{
  name: 'dossierFee' | 'baseFee' | 'foadPerUe' | 'reportFollowUp'
  label: string
  hint: string
}> = [
  {
    name: 'dossierFee',
    label: 'Frais de dossier',
    hint: `Pour toute la durée de la formation. ${AMOUNT_HINT}`,
  },
  {
    name: 'baseFee',
    label: 'Droit individuel de base',
    hint: `Pour une année universitaire. ${AMOUNT_HINT}`,
  },
  { name: 'foadPerUe', label: 'FOAD, par UE', hint: `À la place du tarif par ECTS. ${AMOUNT_HINT}` },
  {
    name: 'reportFollowUp',
    label: 'Suivi pédagogique et administratif du rapport',
    hint: `UA000S ou UA0003. ${AMOUNT_HINT}`,
  },
]

export function SessionTariffForm({
  sessionId,
  version,
  defaultValues,
}: {
  sessionId: string
  version: string
  defaultValues: SessionTariffInput
}) {
  const state = useAdminForm<SessionTariffInput>({
    schema: sessionTariffSchema,
    defaultValues,
    version,
    save: (edit) => updateSessionTariffAction({ id: sessionId, ...edit }),
  })
  const { register } = state.form
  const labelOf = (path: string) => {
    const [first, index, field] = path.split('.')
    if (first === 'rates' && field) {
      const rate = defaultValues.rates[Number(index)]?.label ?? 'Catégorie'
      return `${rate} — ${field === 'label' ? 'Nom de la catégorie' : 'Tarif par ECTS'}`
    }
    if (path === 'region') return 'Zone de tarification'
    return FEES.find((fee) => fee.name === path)?.label
  }
  return (
    <AdminForm state={state} labelOf={labelOf}>
      <fieldset className="space-y-5 rounded-lg border border-line p-4 sm:p-6">
        <legend className="px-1 text-xl font-semibold">Frais fixes</legend>
        <TextField
          id={fieldId('region')}
          label="Zone de tarification"
          hint="Où s’appliquent les tarifs par ECTS, par exemple « Réunion »."
          className="max-w-md"
          error={state.errorOf('region')}
          {...register('region')}
        />
        <div className="grid gap-5 sm:grid-cols-2">
          {FEES.map((fee) => (
            <TextField
              key={fee.name}
              id={fieldId(fee.name)}
              label={`${fee.label} (€)`}
              hint={fee.hint}
              inputMode="decimal"
              autoComplete="off"
              error={state.errorOf(fee.name)}
              {...register(fee.name)}
            />
          ))}
        </div>
      </fieldset>
      <fieldset className="space-y-5 rounded-lg border border-line p-4 sm:p-6">
        <legend className="px-1 text-xl font-semibold">Droit d’accès aux UE, par ECTS</legend>
        {defaultValues.rates.map((rate, index) => (
          <fieldset key={rate.category} className="rounded-md border border-line p-3">
            <legend className="px-1 font-medium">{rate.label}</legend>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                id={fieldId(`rates.${index}.label`)}
                label="Nom de la catégorie"
                error={state.errorOf(`rates.${index}.label`)}
                {...register(`rates.${index}.label`)}
              />
              <TextField
                id={fieldId(`rates.${index}.perEcts`)}
                label="Tarif par ECTS (€)"
                hint={AMOUNT_HINT}
                inputMode="decimal"
                autoComplete="off"
                error={state.errorOf(`rates.${index}.perEcts`)}
                {...register(`rates.${index}.perEcts`)}
              />
            </div>
          </fieldset>
        ))}
      </fieldset>
    </AdminForm>
  )
}
