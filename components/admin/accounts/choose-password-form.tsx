'use client'

import { useMemo } from 'react'
import { acceptInvitationAction } from '@/app/(admin)/admin/invitation/[token]/actions'
import { Button } from '@/components/ui/button'
import { choosePasswordSchema, type ChoosePasswordInput } from '@/lib/schemas/staff'
import { FormMessages } from './form-messages'
import { NewPasswordFields } from './password-fields'
import { useServerForm } from './use-server-form'

/** The invitation page's form: the new member chooses a password, then lands signed in. */
export function ChoosePasswordForm({ token, email }: { token: string; email: string }) {
  const schema = useMemo(() => choosePasswordSchema(email), [email])
  const { form, onSubmit, errorOf, formError, message, pending } = useServerForm<ChoosePasswordInput>({
    schema,
    defaultValues: { password: '', confirmation: '' },
    // On success the action redirects to the dashboard, signed in.
    submit: (values) => acceptInvitationAction(token, values),
  })
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-6">
      <FormMessages formError={formError} message={message} />
      {/* Lets password managers save the pair under the right identifier. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <NewPasswordFields
        password={form.register('password')}
        confirmation={form.register('confirmation')}
        errors={{ password: errorOf('password'), confirmation: errorOf('confirmation') }}
      />
      <Button type="submit" disabled={pending || Boolean(message)} aria-busy={pending} className="w-full">
        {pending ? 'Enregistrement…' : 'Enregistrer mon mot de passe et me connecter'}
      </Button>
    </form>
  )
}
