'use client'

import { useFieldArray } from 'react-hook-form'
import { updateUeCatalogueAction } from '@/app/(admin)/admin/programme/actions'
import { fieldId } from '@/components/registration/use-step-form'
import { buttonClass } from '@/components/ui/button'
import { FieldError, SelectField, TextField } from '@/components/ui/form'
import { UE_KINDS } from '@/lib/domain/programme'
import { UE_KIND_LABELS, ueCatalogueSchema, type UeCatalogueInput } from '@/lib/schemas/programme'
import { AdminForm } from './admin-form'
import { ReadOnlyValue } from './fields'
import { useAdminForm } from './use-admin-form'

const FIELD_LABELS: Record<string, string> = {
  code: 'Code',
  title: 'Intitulé',
  ects: 'Crédits ECTS',
  kind: 'Type',
  descriptionUrl: 'Fiche descriptive',
  prerequisites: 'Prérequis',
}

const KIND_OPTIONS = UE_KINDS.map((kind) => ({ value: kind, label: UE_KIND_LABELS[kind] }))

export function UeCatalogueForm({
  programmeId,
  version,
  defaultValues,
}: {
  programmeId: string
  version: string
  defaultValues: UeCatalogueInput
}) {
  const state = useAdminForm<UeCatalogueInput>({
    schema: ueCatalogueSchema,
    defaultValues,
    version,
    save: (edit) => updateUeCatalogueAction({ id: programmeId, ...edit }),
  })
  const { register, control, watch } = state.form
  const { fields, append, remove } = useFieldArray({ control, name: 'ues', keyName: 'key' })
  const nameOf = (index: number) => watch(`ues.${index}.code`) || `UE n° ${index + 1}`
  const labelOf = (path: string) => {
    const [, index, field] = path.split('.')
    return field ? `${nameOf(Number(index))} — ${FIELD_LABELS[field] ?? field}` : undefined
  }
  return (
    <AdminForm state={state} labelOf={labelOf}>
      <div id={fieldId('ues')} tabIndex={-1} className="space-y-4 outline-none">
        <FieldError id={fieldId('ues')} error={state.errorOf('ues')} />
        {fields.map((field, index) => {
          const path = (name: string) => `ues.${index}.${name}` as const
          const isNew = !field.id
          const name = nameOf(index)
          return (
            <fieldset key={field.key} className="rounded-lg border border-line p-4">
              <legend className="px-1 font-semibold">
                {isNew ? `Nouvelle UE (n° ${index + 1})` : `${field.code} — ${field.title}`}
              </legend>
              <div className="grid gap-4 sm:grid-cols-[10rem_1fr]">
                {isNew ? (
                  <TextField
                    id={fieldId(path('code'))}
                    label="Code"
                    hint="Par exemple AST006."
                    autoCapitalize="characters"
                    spellCheck={false}
                    error={state.errorOf(path('code'))}
                    {...register(`ues.${index}.code`)}
                  />
                ) : (
                  <ReadOnlyValue label="Code" value={field.code} />
                )}
                <TextField
                  id={fieldId(path('title'))}
                  label="Intitulé"
                  error={state.errorOf(path('title'))}
                  {...register(`ues.${index}.title`)}
                />
              </div>
              <div className="mt-4 grid gap-4 sm:grid-cols-[10rem_16rem_1fr]">
                <TextField
                  id={fieldId(path('ects'))}
                  label="Crédits ECTS"
                  inputMode="numeric"
                  error={state.errorOf(path('ects'))}
                  {...register(`ues.${index}.ects`)}
                />
                <SelectField
                  id={fieldId(path('kind'))}
                  label="Type"
                  options={KIND_OPTIONS}
                  error={state.errorOf(path('kind'))}
                  {...register(`ues.${index}.kind`)}
                />
                <TextField
                  id={fieldId(path('prerequisites'))}
                  label="Prérequis"
                  optional
                  hint="Codes des UE requises, séparés par des virgules."
                  autoCapitalize="characters"
                  spellCheck={false}
                  error={state.errorOf(path('prerequisites'))}
                  {...register(`ues.${index}.prerequisites`)}
                />
              </div>
              <div className="mt-4 flex flex-col gap-4 sm:flex-row sm:items-end">
                <TextField
                  id={fieldId(path('descriptionUrl'))}
                  label="Fiche descriptive (adresse web)"
                  optional
                  type="url"
                  inputMode="url"
                  spellCheck={false}
                  error={state.errorOf(path('descriptionUrl'))}
                  className="flex-1"
                  {...register(`ues.${index}.descriptionUrl`)}
                />
                <button
                  type="button"
                  className="inline-flex min-h-11 items-center rounded-md border border-line bg-white px-3 text-sm font-medium text-danger hover:bg-surface"
                  onClick={() => remove(index)}
                >
                  Supprimer du catalogue<span className="sr-only"> l’UE {name}</span>
                </button>
              </div>
            </fieldset>
          )
        })}
      </div>
      <button
        type="button"
        className={buttonClass('secondary')}
        onClick={() =>
          append({
            id: '',
            code: '',
            title: '',
            ects: '',
            kind: 'COURSE',
            descriptionUrl: '',
            prerequisites: '',
          })
        }
      >
        Ajouter une UE au catalogue
      </button>
    </AdminForm>
  )
}
