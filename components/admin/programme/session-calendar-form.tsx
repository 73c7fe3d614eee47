'use client'

import { useMemo } from 'react'
import { updateSessionCalendarAction } from '@/app/(admin)/admin/sessions/actions'
import { fieldId } from '@/components/registration/use-step-form'
import { TextField } from '@/components/ui/form'
import { sessionCalendarSchema, type SessionCalendarInput } from '@/lib/schemas/programme'
import { AdminForm } from './admin-form'
import { useAdminForm } from './use-admin-form'

type SemesterField = Exclude<keyof SessionCalendarInput['semesters'][number], 'number'>

const SEMESTER_FIELDS: Array<{ name: SemesterField; label: string; optional?: boolean; hint?: string }> = [
  {
    name: 'registrationDeadline',
    label: 'Date limite d’inscription',
    hint: 'Incluse, au plus tard la fin des cours.',
  },
  { name: 'startsOn', label: 'Début de la formation' },
  {
    name: 'pauseOn',
    label: 'Arrêt des cours',
    optional: true,
    hint: 'Dernier jour de cours avant la pause.',
  },
  {
    name: 'resumeOn',
    label: 'Reprise des cours',
    optional: true,
    hint: 'Premier jour de cours après la pause.',
  },
  { name: 'endsOn', label: 'Fin des cours' },
  { name: 'examStartsOn', label: 'Début de la 1ère session d’examen' },
  { name: 'examEndsOn', label: 'Fin de la 1ère session d’examen' },
]

const SEMESTER_NAMES: Record<number, string> = { 1: '1er semestre', 2: '2nd semestre' }

export function SessionCalendarForm({
  sessionId,
  startYear,
  version,
  defaultValues,
}: {
  sessionId: string
  startYear: number
  version: string
  defaultValues: SessionCalendarInput
}) {
  const schema = useMemo(() => sessionCalendarSchema({ startYear }), [startYear])
  const state = useAdminForm<SessionCalendarInput>({
    schema,
    defaultValues,
    version,
    save: (edit) => updateSessionCalendarAction({ id: sessionId, ...edit }),
  })
  const { register } = state.form
  const labelOf = (path: string) => {
    const [first, index, field] = path.split('.')
    if (first === 'semesters' && field) {
      const semester = defaultValues.semesters[Number(index)]?.number ?? Number(index) + 1
      return `${SEMESTER_NAMES[semester]} — ${SEMESTER_FIELDS.find((item) => item.name === field)?.label ?? field}`
    }
    if (path === 'secondExamStartsOn') return 'Début de la 2ème session d’examen'
    if (path === 'secondExamEndsOn') return 'Fin de la 2ème session d’examen'
    return undefined
  }
  return (
    <AdminForm state={state} labelOf={labelOf}>
      {defaultValues.semesters.map((semester, index) => (
        <fieldset key={semester.number} className="rounded-lg border border-line p-4 sm:p-6">
          <legend className="px-1 text-xl font-semibold">{SEMESTER_NAMES[semester.number]}</legend>
          <div className="grid gap-5 sm:grid-cols-2">
            {SEMESTER_FIELDS.map((field) => {
              const path = `semesters.${index}.${field.name}` as const
              return (
                <TextField
                  key={field.name}
                  id={fieldId(path)}
                  label={field.label}
                  hint={field.hint}
                  optional={field.optional}
                  type="date"
                  error={state.errorOf(path)}
                  {...register(path)}
                />
              )
            })}
          </div>
        </fieldset>
      ))}
      <fieldset className="rounded-lg border border-line p-4 sm:p-6">
        <legend className="px-1 text-xl font-semibold">2ème session d’examen, pour toutes les UE</legend>
        <div className="grid gap-5 sm:grid-cols-2">
          <TextField
            id={fieldId('secondExamStartsOn')}
            label="Début de la 2ème session d’examen"
            type="date"
            error={state.errorOf('secondExamStartsOn')}
            {...register('secondExamStartsOn')}
          />
          <TextField
            id={fieldId('secondExamEndsOn')}
            label="Fin de la 2ème session d’examen"
            type="date"
            error={state.errorOf('secondExamEndsOn')}
            {...register('secondExamEndsOn')}
          />
        </div>
      </fieldset>
    </AdminForm>
  )
}
