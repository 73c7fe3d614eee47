'use client'

import { useMemo } from 'react'
import { changeOwnPasswordAction } from '@/app/(admin)/admin/compte/actions'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/form'
import { changePasswordSchema, type ChangePasswordInput } from '@/lib/schemas/staff'
import { FormMessages } from './form-messages'
import { NewPasswordFields } from './password-fields'
import { useServerForm } from './use-server-form'

export function ChangePasswordForm({ email }: { email: string }) {
  const schema = useMemo(() => changePasswordSchema(email), [email])
  const { form, onSubmit, errorOf, formError, message, pending } = useServerForm<ChangePasswordInput>({
    schema,
    defaultValues: { currentPassword: '', password: '', confirmation: '' },
    submit: changeOwnPasswordAction,
    onSuccess: () => form.reset(),
  })
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        id="currentPassword"
        type="password"
        label="Mot de passe actuel"
        autoComplete="current-password"
        error={errorOf('currentPassword')}
        {...form.register('currentPassword')}
      />
      <NewPasswordFields
        label="Nouveau mot de passe"
        password={form.register('password')}
        confirmation={form.register('confirmation')}
        errors={{ password: errorOf('password'), confirmation: errorOf('confirmation') }}
      />
      <FormMessages formError={formError} message={message} />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? 'Enregistrement…' : 'Changer mon mot de passe'}
      </Button>
    </form>
  )
}
