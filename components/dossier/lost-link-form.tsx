'use client'

import { useActionState } from 'react'
import { requestNewLinkAction, type LostLinkState } from '@/app/(public)/dossier/lien-perdu/actions'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/form'

export function LostLinkForm() {
  const [state, action, pending] = useActionState<LostLinkState, FormData>(requestNewLinkAction, {
    status: 'idle',
    message: null,
    fieldErrors: {},
    values: { reference: '', email: '' },
  })
  return (
    <form action={action} noValidate className="space-y-5">
      {state.message ? (
        <Alert
          tone={state.status === 'sent' ? 'success' : 'error'}
          role={state.status === 'sent' ? 'status' : 'alert'}
        >
          {state.message}
        </Alert>
      ) : null}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="website">Site web</label>
        <input id="website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <TextField
        id="reference"
        name="reference"
        label="Référence du dossier"
        hint="Par exemple CPN42-2026-00042 : elle figure dans l’e-mail de confirmation et sur votre formulaire."
        autoComplete="off"
        defaultValue={state.values.reference}
        error={state.fieldErrors.reference}
      />
      <TextField
        id="email"
        name="email"
        type="email"
        label="Adresse e-mail donnée dans le dossier"
        autoComplete="email"
        defaultValue={state.values.email}
        error={state.fieldErrors.email}
      />
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {pending ? 'Envoi…' : 'Recevoir un nouveau lien'}
      </Button>
    </form>
  )
}
