'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useRouter } from 'next/navigation'
import { useMemo, useState } from 'react'
import { useForm, type FieldErrors, type FieldValues, type Resolver } from 'react-hook-form'
import { saveStepAction } from '@/app/(public)/inscription/actions'
import type { AnswerStepId } from '@/lib/domain/registration'
import { stepSchema, type StepContext, type StepInput } from '@/lib/schemas/registration-steps'

/** The id of the control for a field path ("employer.name" → "champ-employer-name"). */
export function fieldId(path: string): string {
  return `champ-${path.replace(/\./g, '-')}`
}

/** Every error of a react-hook-form error tree, as [path, message]. */
export function flattenErrors(errors: FieldErrors, prefix = ''): Array<[string, string]> {
  const found: Array<[string, string]> = []
  for (const [key, value] of Object.entries(errors)) {
    if (!value || key === 'ref') continue
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'object' && 'message' in value && typeof value.message === 'string')
      found.push([path, value.message])
    else if (typeof value === 'object') found.push(...flattenErrors(value as FieldErrors, path))
  }
  return found
}

const NETWORK_ERROR =
  'L’enregistrement n’a pas abouti (connexion interrompue ?). Vos réponses sont toujours sur cette page : réessayez.'

/**
 * A step of the registration form: react-hook-form validated by the step's zod schema in the
 * browser, then sent as typed to `saveStepAction`, which validates it again on the server. Server
 * errors come back next to their fields; on success the next step opens.
 */
export function useStepForm(
  step: AnswerStepId,
  context: StepContext,
  defaultValues: StepInput,
  options: { onSaved?: () => void } = {},
) {
  const router = useRouter()
  const resolver = useMemo(
    () => zodResolver(stepSchema(step, context) as never) as unknown as Resolver<FieldValues>,
    [step, context],
  )
  // Validated on submit, then as the applicant corrects: a message appearing on blur would move
  // the submit button under the pointer between mousedown and click.
  const form = useForm<FieldValues>({
    resolver,
    defaultValues,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
  })
  const [formError, setFormError] = useState<string | null>(null)
  const [showSummary, setShowSummary] = useState(false)

  const [attempt, setAttempt] = useState(0)
  const focusSummary = () => setAttempt((count) => count + 1)

  const onSubmit = form.handleSubmit(
    async () => {
      setFormError(null)
      try {
        const result = await saveStepAction(step, form.getValues())
        if (result.ok) {
          options.onSaved?.()
          router.push(`/inscription/${result.next}`)
          return
        }
        for (const [path, message] of Object.entries(result.fieldErrors))
          form.setError(path, { type: 'server', message })
        setFormError(result.formError)
      } catch {
        setFormError(NETWORK_ERROR)
      }
      setShowSummary(true)
      focusSummary()
    },
    () => {
      setShowSummary(true)
      focusSummary()
    },
  )

  const errorOf = (path: string): string | undefined => {
    const parts = path.split('.')
    let node: unknown = form.formState.errors
    for (const part of parts)
      node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined
    return node && typeof node === 'object' && 'message' in node
      ? String((node as { message: unknown }).message)
      : undefined
  }

  const errors = flattenErrors(form.formState.errors)
  return {
    form,
    onSubmit,
    errorOf,
    errors: showSummary ? errors : [],
    formError,
    attempt,
    pending: form.formState.isSubmitting,
  }
}
