'use client'

import { useRouter } from 'next/navigation'
import { disableTotpAction } from '@/app/(admin)/admin/compte/actions'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/form'
import { disableTotpSchema, type DisableTotpInput } from '@/lib/schemas/staff'
import { FormMessages } from './form-messages'
import { useServerForm } from './use-server-form'

/** Turns the second factor off; the current password is asked first. */
export function TotpDisableForm() {
  const router = useRouter()
  const { form, onSubmit, errorOf, formError, pending } = useServerForm<DisableTotpInput>({
    schema: disableTotpSchema,
    defaultValues: { currentPassword: '' },
    submit: disableTotpAction,
    onSuccess: () => router.push('/admin/compte?double-authentification=desactivee'),
  })
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      <FormMessages formError={formError} />
      <TextField
        id="disable-currentPassword"
        type="password"
        label="Mot de passe actuel"
        hint="Pour désactiver la vérification en deux étapes, confirmez d’abord votre mot de passe."
        autoComplete="current-password"
        className="max-w-md"
        error={errorOf('currentPassword')}
        {...form.register('currentPassword')}
      />
      <Button type="submit" variant="danger" disabled={pending} aria-busy={pending}>
        {pending ? 'Désactivation…' : 'Désactiver la vérification en deux étapes'}
      </Button>
    </form>
  )
}
