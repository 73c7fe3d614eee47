'use client'

import { useActionState } from 'react'
import { signInAction, type SignInState } from '@/app/(admin)/admin/connexion/actions'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/form'

export function SignInForm({ returnTo }: { returnTo?: string }) {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, {
    message: null,
    email: '',
  })
  return (
    <form action={action} className="space-y-5">
      {state.message ? (
        <Alert tone="error" role="alert">
          {state.message}
        </Alert>
      ) : null}
      {returnTo ? <input type="hidden" name="retour" value={returnTo} /> : null}
      <TextField
        id="email"
        name="email"
        type="email"
        label="Adresse e-mail"
        autoComplete="username"
        defaultValue={state.email}
        required
      />
      <TextField
        id="password"
        name="password"
        type="password"
        label="Mot de passe"
        autoComplete="current-password"
        required
      />
      <Button type="submit" disabled={pending} aria-busy={pending} className="w-full">
        {pending ? 'Connexion…' : 'Se connecter'}
      </Button>
    </form>
  )
}
