'use client'

import { zodResolver } from '@hookform/resolvers/zod'
import { useState } from 'react'
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from 'react-hook-form'
import type { z } from 'zod'
import type { FormResult } from '@/lib/schemas/staff'

const NETWORK_ERROR = 'La demande n’a pas abouti (connexion interrompue ?) : réessayez.'

/**
 * A staff-area form: react-hook-form checked in the browser by the form's zod schema, then sent
 * as typed to a server action that parses it again. The action's field errors come back next to
 * their fields, its other refusals above the form.
 */
export function useServerForm<TValues extends FieldValues>(options: {
  schema: z.ZodType<unknown, TValues>
  defaultValues: DefaultValues<TValues>
  submit: (values: TValues) => Promise<FormResult>
  onSuccess?: (result: Extract<FormResult, { ok: true }>) => void
}) {
  const form = useForm<TValues>({
    resolver: zodResolver(options.schema as never) as unknown as Resolver<TValues>,
    defaultValues: options.defaultValues,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  })
  const [formError, setFormError] = useState<string | null>(null)
  const [message, setMessage] = useState<string | null>(null)

  const onSubmit = form.handleSubmit(async () => {
    setFormError(null)
    setMessage(null)
    let result: FormResult
    try {
      result = await options.submit(form.getValues())
    } catch (error) {
      // A redirect (after a sign-in, for instance) is not a failure: let Next follow it.
      if (error && typeof error === 'object' && 'digest' in error) throw error
      setFormError(NETWORK_ERROR)
      return
    }
    // An action that redirected returns nothing: Next is already showing the next page.
    if (!result) return
    if (result.ok) {
      setMessage(result.message ?? null)
      options.onSuccess?.(result)
      return
    }
    for (const [path, text] of Object.entries(result.fieldErrors)) {
      form.setError(path as Path<TValues>, { type: 'server', message: text })
    }
    setFormError(result.formError)
  })

  const errorOf = (path: Path<TValues>): string | undefined => {
    const error = form.getFieldState(path, form.formState).error
    return error?.message
  }

  return { form, onSubmit, errorOf, formError, message, pending: form.formState.isSubmitting }
}
