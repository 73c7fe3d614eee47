'use client'

import { useFieldArray } from 'react-hook-form'
import { updatePieceCatalogueAction } from '@/app/(admin)/admin/programme/actions'
import { fieldId } from '@/components/registration/use-step-form'
import { buttonClass } from '@/components/ui/button'
import { FieldError, SelectField, TextField } from '@/components/ui/form'
import { PIECE_CONDITION_LABELS } from '@/lib/domain/pieces'
import { PIECE_CONDITIONS } from '@/lib/domain/programme'
import { pieceCatalogueSchema, type PieceCatalogueInput } from '@/lib/schemas/programme'
import { AdminForm } from './admin-form'
import { CheckboxField, TextAreaField } from './fields'
import { RowControls } from './row-controls'
import { useAdminForm } from './use-admin-form'

const FIELD_LABELS: Record<string, string> = {
  label: 'Intitulé',
  description: 'Précisions',
  condition: 'Demandée',
  alternativeGroup: 'Groupe d’alternatives',
  maxAgeDays: 'Ancienneté maximale',
  optional: 'Facultative',
  templatePath: 'Modèle à télécharger',
}

/** "Rempli sur ce portail" is offered only to the piece the portal produces (the form itself). */
function conditionOptions(generated: boolean) {
  return PIECE_CONDITIONS.filter((condition) => generated || condition !== 'GENERATED').map((condition) => ({
    value: condition,
    label: PIECE_CONDITION_LABELS[condition],
  }))
}

const EMPTY_PIECE: PieceCatalogueInput['pieces'][number] = {
  id: '',
  code: '',
  label: '',
  description: '',
  condition: '',
  alternativeGroup: '',
  maxAgeDays: '',
  optional: false,
  templatePath: '',
}

export function PieceCatalogueForm({
  programmeId,
  version,
  defaultValues,
}: {
  programmeId: string
  version: string
  defaultValues: PieceCatalogueInput
}) {
  const state = useAdminForm<PieceCatalogueInput>({
    schema: pieceCatalogueSchema,
    defaultValues,
    version,
    save: (edit) => updatePieceCatalogueAction({ id: programmeId, ...edit }),
  })
  const { register, control, watch } = state.form
  const { fields, append, remove, move } = useFieldArray({ control, name: 'pieces', keyName: 'key' })
  const nameOf = (index: number) => watch(`pieces.${index}.label`) || `Pièce n° ${index + 1}`
  const labelOf = (path: string) => {
    const [, index, field] = path.split('.')
    return field ? `${nameOf(Number(index))} — ${FIELD_LABELS[field] ?? field}` : undefined
  }
  return (
    <AdminForm state={state} labelOf={labelOf}>
      <div id={fieldId('pieces')} tabIndex={-1} className="space-y-4 outline-none">
        <FieldError id={fieldId('pieces')} error={state.errorOf('pieces')} />
        {fields.map((field, index) => {
          const path = (name: string) => `pieces.${index}.${name}`
          return (
            <fieldset key={field.key} className="space-y-4 rounded-lg border border-line p-4">
              <legend className="px-1 font-semibold">
                {index + 1}. {field.label || 'Nouvelle pièce'}
              </legend>
              <TextField
                id={fieldId(path('label'))}
                label="Intitulé"
                error={state.errorOf(path('label'))}
                {...register(`pieces.${index}.label`)}
              />
              <TextAreaField
                id={fieldId(path('description'))}
                label="Précisions pour le candidat"
                optional
                rows={2}
                error={state.errorOf(path('description'))}
                {...register(`pieces.${index}.description`)}
              />
              <div className="grid gap-4 sm:grid-cols-2">
                <SelectField
                  id={fieldId(path('condition'))}
                  label="Demandée"
                  hint="À qui cette pièce est demandée, selon les réponses du candidat."
                  options={conditionOptions(field.condition === 'GENERATED')}
                  error={state.errorOf(path('condition'))}
                  {...register(`pieces.${index}.condition`)}
                />
                <TextField
                  id={fieldId(path('alternativeGroup'))}
                  label="Groupe d’alternatives"
                  optional
                  hint="Donnez le même nom de groupe à des pièces dont une seule suffit."
                  spellCheck={false}
                  error={state.errorOf(path('alternativeGroup'))}
                  {...register(`pieces.${index}.alternativeGroup`)}
                />
                <TextField
                  id={fieldId(path('maxAgeDays'))}
                  label="Ancienneté maximale (en jours)"
                  optional
                  hint="Le document doit dater de moins de ce nombre de jours au dépôt du dossier."
                  inputMode="numeric"
                  error={state.errorOf(path('maxAgeDays'))}
                  {...register(`pieces.${index}.maxAgeDays`)}
                />
                <TextField
                  id={fieldId(path('templatePath'))}
                  label="Modèle à télécharger"
                  optional
                  hint="Un document du portail (/documents/…) ou une adresse web."
                  spellCheck={false}
                  error={state.errorOf(path('templatePath'))}
                  {...register(`pieces.${index}.templatePath`)}
                />
              </div>
              <CheckboxField
                id={fieldId(path('optional'))}
                label="Pièce facultative"
                hint="Listée au candidat, mais son absence n’empêche pas l’envoi du dossier."
                error={state.errorOf(path('optional'))}
                {...register(`pieces.${index}.optional`)}
              />
              <RowControls
                index={index}
                count={fields.length}
                name={nameOf(index)}
                onMove={move}
                onRemove={() => remove(index)}
                removeLabel="Supprimer"
              />
            </fieldset>
          )
        })}
      </div>
      <button type="button" className={buttonClass('secondary')} onClick={() => append(EMPTY_PIECE)}>
        Ajouter une pièce
      </button>
    </AdminForm>
  )
}
