'use client'

import { useFieldArray } from 'react-hook-form'
import { updateResponsablesAction } from '@/app/(admin)/admin/programme/actions'
import { fieldId } from '@/components/registration/use-step-form'
import { buttonClass } from '@/components/ui/button'
import { FieldError, TextField } from '@/components/ui/form'
import { responsablesSchema, type ResponsablesInput } from '@/lib/schemas/programme'
import { AdminForm } from './admin-form'
import { RowControls } from './row-controls'
import { useAdminForm } from './use-admin-form'

const FIELD_LABELS: Record<string, string> = { name: 'Nom', role: 'Fonction' }

export function ResponsablesForm({
  programmeId,
  version,
  defaultValues,
}: {
  programmeId: string
  version: string
  defaultValues: ResponsablesInput
}) {
  const state = useAdminForm<ResponsablesInput>({
    schema: responsablesSchema,
    defaultValues,
    version,
    save: (edit) => updateResponsablesAction({ id: programmeId, ...edit }),
  })
  const { register, control, watch } = state.form
  const { fields, append, remove, move } = useFieldArray({ control, name: 'responsables' })
  const labelOf = (path: string) => {
    const [, index, field] = path.split('.')
    return field ? `Responsable n° ${Number(index) + 1} — ${FIELD_LABELS[field] ?? field}` : undefined
  }
  return (
    <AdminForm state={state} labelOf={labelOf}>
      <div id={fieldId('responsables')} tabIndex={-1} className="space-y-4 outline-none">
        <FieldError id={fieldId('responsables')} error={state.errorOf('responsables')} />
        {fields.map((field, index) => {
          const name = watch(`responsables.${index}.name`) || `Responsable n° ${index + 1}`
          return (
            <fieldset key={field.id} className="space-y-4 rounded-lg border border-line p-4">
              <legend className="px-1 font-semibold">Responsable n° {index + 1}</legend>
              <div className="grid gap-4 sm:grid-cols-2">
                <TextField
                  id={fieldId(`responsables.${index}.name`)}
                  label="Nom"
                  error={state.errorOf(`responsables.${index}.name`)}
                  {...register(`responsables.${index}.name`)}
                />
                <TextField
                  id={fieldId(`responsables.${index}.role`)}
                  label="Fonction"
                  error={state.errorOf(`responsables.${index}.role`)}
                  {...register(`responsables.${index}.role`)}
                />
              </div>
              <RowControls
                index={index}
                count={fields.length}
                name={name}
                onMove={move}
                onRemove={fields.length > 1 ? () => remove(index) : undefined}
              />
            </fieldset>
          )
        })}
      </div>
      <button
        type="button"
        className={buttonClass('secondary')}
        onClick={() => append({ name: '', role: '' })}
      >
        Ajouter un responsable
      </button>
    </AdminForm>
  )
}
