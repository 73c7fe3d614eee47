'use client'

import { useRouter } from 'next/navigation'
import { confirmTotpAction } from '@/app/(admin)/admin/compte/actions'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/form'
import { totpCodeSchema, type TotpCodeInput } from '@/lib/schemas/staff'
import { FormMessages } from './form-messages'
import { useServerForm } from './use-server-form'

/** Confirms the second factor with a code of the app that scanned the secret. */
export function TotpConfirmForm() {
  const router = useRouter()
  const { form, onSubmit, errorOf, formError, pending } = useServerForm<TotpCodeInput>({
    schema: totpCodeSchema,
    defaultValues: { code: '' },
    submit: confirmTotpAction,
    onSuccess: () => router.push('/admin/compte?double-authentification=activee'),
  })
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessages formError={formError} />
      <TextField
        id="code"
        label="Code à 6 chiffres affiché par l’application"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        className="max-w-xs"
        error={errorOf('code')}
        {...form.register('code')}
      />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? 'Vérification…' : 'Activer la vérification en deux étapes'}
      </Button>
    </form>
  )
}
