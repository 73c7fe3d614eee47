'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useRouter } from 'next/navigation'
import { useMemo, useState } from 'react'
import { get, useForm, type DefaultValues, type FieldValues, type Resolver } from 'react-hook-form'
import type { z } from 'zod'
import { flattenErrors } from '@/components/registration/use-step-form'
import type { AdminSaveResult } from '@/lib/schemas/programme'

const NETWORK_ERROR =
  'L’enregistrement n’a pas abouti (connexion interrompue ?). Vos saisies sont toujours sur cette page : réessayez.'

/**
 * A staff edit form: react-hook-form checked by the form's zod schema in the browser, then sent as
 * typed, with the version it was loaded with, to its server action, which checks everything again.
 * Refused: the messages go next to their fields and into the summary, what was typed stays. Saved:
 * the form shows the values as now stored (new rows get their ids) and the new version, so that
 * the next save is checked against it.
 */
export function useAdminForm<Input extends FieldValues>(options: {
  schema: z.ZodType
  defaultValues: Input
  version: string
  save: (edit: { version: string; values: Input }) => Promise<AdminSaveResult<Input>>
  successMessage?: string
}) {
  const router = useRouter()
  const { schema, save } = options
  const resolver = useMemo(
    // The schema's input is the form's values; its output is what the server stores.
    () => zodResolver(schema as never) as unknown as Resolver<Input>,
    [schema],
  )
  const form = useForm<Input>({
    resolver,
    defaultValues: options.defaultValues as DefaultValues<Input>,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    shouldFocusError: false,
  })
  const [version, setVersion] = useState(options.version)
  const [formError, setFormError] = useState<string | null>(null)
  const [showSummary, setShowSummary] = useState(false)
  const [saved, setSaved] = useState<string | null>(null)

  const [attempt, setAttempt] = useState(0)
  const focusSummary = () => setAttempt((count) => count + 1)

  const onSubmit = form.handleSubmit(
    async () => {
      setFormError(null)
      setSaved(null)
      try {
        const result = await save({ version, values: form.getValues() })
        if (result.ok) {
          setVersion(result.version)
          form.reset(result.values)
          setShowSummary(false)
          setSaved(options.successMessage ?? 'Modifications enregistrées : la page publique est à jour.')
          router.refresh()
          return
        }
        for (const [path, message] of Object.entries(result.fieldErrors))
          form.setError(path as never, { type: 'server', message })
        setFormError(result.formError)
      } catch {
        setFormError(NETWORK_ERROR)
      }
      setShowSummary(true)
      focusSummary()
    },
    () => {
      setSaved(null)
      setShowSummary(true)
      focusSummary()
    },
  )

  const errorOf = (path: string): string | undefined => {
    const error = get(form.formState.errors, path) as { message?: unknown } | undefined
    return typeof error?.message === 'string' ? error.message : undefined
  }

  const errors = flattenErrors(form.formState.errors)
  return {
    form,
    onSubmit,
    errorOf,
    errors: showSummary ? errors : [],
    formError,
    attempt,
    // Once the form is changed again, "saved" would describe values no longer on screen.
    saved: form.formState.isDirty ? null : saved,
    pending: form.formState.isSubmitting,
  }
}

export type AdminForm<Input extends FieldValues> = ReturnType<typeof useAdminForm<Input>>
