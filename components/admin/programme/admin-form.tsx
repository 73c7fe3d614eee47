'use client'

import type { ReactNode } from 'react'
import type { FieldValues } from 'react-hook-form'
import { ErrorSummary } from '@/components/registration/error-summary'
import { Alert } from '@/components/ui/alert'
import { buttonClass } from '@/components/ui/button'
import type { AdminForm as AdminFormState } from './use-admin-form'

/**
 * The frame of every staff edit form: the error summary on top (focused after a refused save), the
 * fields, then the save button with the confirmation of a save next to it.
 */
export function AdminForm<Input extends FieldValues>({
  state,
  labelOf,
  submitLabel = 'Enregistrer les modifications',
  children,
}: {
  state: AdminFormState<Input>
  /** The name of a field in the error summary ("UE n° 3 — Intitulé"). */
  labelOf?: (path: string) => string | undefined
  submitLabel?: string
  children: ReactNode
}) {
  const { onSubmit, errors, formError, saved, pending, attempt } = state
  const labels = labelOf
    ? Object.fromEntries(errors.flatMap(([path]) => (labelOf(path) ? [[path, labelOf(path)!]] : [])))
    : undefined
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-8">
      <ErrorSummary errors={errors} formError={formError} labels={labels} focusKey={attempt} />
      {children}
      <div className="flex flex-col gap-3 border-t border-line pt-6 sm:flex-row sm:items-center">
        <button type="submit" className={buttonClass('primary')} disabled={pending} aria-busy={pending}>
          {pending ? 'Enregistrement…' : submitLabel}
        </button>
        <div role="status" className="min-h-6">
          {saved ? (
            <Alert tone="success" className="py-2">
              {saved}
            </Alert>
          ) : null}
        </div>
      </div>
    </form>
  )
}
