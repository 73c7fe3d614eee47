'use client'

import { useActionState } from 'react'
import { requestResumeLinkAction, type ResumeLinkRequestState } from '@/app/(public)/inscription/actions'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { TextField } from '@/components/ui/form'

/** « Recevoir un nouveau lien » for a draft whose link is lost, used or expired. */
export function ResumeLinkForm() {
  const [state, action, pending] = useActionState<ResumeLinkRequestState, FormData>(requestResumeLinkAction, {
    status: 'idle',
    message: null,
    fieldErrors: {},
    email: '',
  })
  return (
    <form action={action} noValidate className="mt-3 space-y-4">
      {state.message ? (
        <Alert
          tone={state.status === 'sent' ? 'success' : 'error'}
          role={state.status === 'sent' ? 'status' : 'alert'}
        >
          {state.message}
        </Alert>
      ) : null}
      <div aria-hidden="true" className="absolute -left-[9999px] h-px w-px overflow-hidden">
        <label htmlFor="resume-website">Site web</label>
        <input id="resume-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
      </div>
      <TextField
        id="resume-email"
        name="email"
        type="email"
        label="Adresse e-mail donnée à l’étape « Coordonnées »"
        autoComplete="email"
        defaultValue={state.email}
        error={state.fieldErrors.email}
      />
      <Button type="submit" variant="secondary" disabled={pending} aria-busy={pending}>
        {pending ? 'Envoi…' : 'Recevoir un nouveau lien'}
      </Button>
    </form>
  )
}
