'use client'

import { useActionState } from 'react'
import { secondFactorAction, type CodeState } from '@/app/(admin)/admin/connexion/actions'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/form'

export function SecondFactorForm({ returnTo }: { returnTo?: string }) {
  const [state, action, pending] = useActionState<CodeState, FormData>(secondFactorAction, { message: null })
  return (
    <form action={action} className="space-y-5">
      {state.message ? (
        <Alert tone="error" role="alert">
          {state.message}
        </Alert>
      ) : null}
      <input type="hidden" name="retour" value={returnTo ?? ''} />
      <TextField
        id="code"
        name="code"
        label="Code à 6 chiffres"
        hint="Affiché par votre application d’authentification (Google Authenticator, FreeOTP…)."
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        required
        // The alert above says what is wrong; the field says it is the one to correct.
        aria-invalid={state.message ? true : undefined}
      />
      <Button type="submit" disabled={pending} aria-busy={pending} className="w-full">
        {pending ? 'Vérification…' : 'Valider'}
      </Button>
    </form>
  )
}
