'use client'

import Link from 'next/link'
import { useEffect, useRef, useState, useTransition } from 'react'
import { submitRegistrationAction, type SubmitActionResult } from '@/app/(public)/inscription/actions'
import { Button } from '@/components/ui/button'
import { FieldError } from '@/components/ui/form'
import { noOnlinePaymentNote } from '@/lib/domain/fees'
import { STEP_TITLES } from '@/lib/domain/registration'

/** Consent, certification and the "send my dossier" button of the summary step. */
export function SubmitForm({ totalLabel }: { totalLabel: string }) {
  const [consent, setConsent] = useState(false)
  const [certify, setCertify] = useState(false)
  const [result, setResult] = useState<SubmitActionResult | null>(null)
  const [pending, startTransition] = useTransition()
  const submit = (event: React.FormEvent) => {
    event.preventDefault()
    startTransition(async () => {
      try {
        // On success the action redirects to the confirmation page.
        setResult(await submitRegistrationAction({ consent, certify }))
      } catch (error) {
        if (
          error &&
          typeof error === 'object' &&
          'digest' in error &&
          String((error as { digest: unknown }).digest).startsWith('NEXT_REDIRECT')
        )
          throw error
        setResult({
          ok: false,
          issues: [],
          fieldErrors: {},
          formError:
            'L’envoi n’a pas abouti (connexion interrompue ?). Votre dossier est conservé : réessayez.',
        })
      }
    })
  }
  const summary = useRef<HTMLDivElement>(null)
  // Each refused attempt brings the explanation into focus, read by screen readers.
  useEffect(() => {
    if (result) summary.current?.focus()
  }, [result])
  const errors = result?.fieldErrors ?? {}
  const hasProblem = result && (result.issues.length > 0 || result.formError)
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {hasProblem ? (
        <div
          ref={summary}
          id="envoi-erreurs"
          tabIndex={-1}
          role="alert"
          className="rounded-md border-2 border-danger bg-danger-soft p-4 outline-none"
        >
          <h2 className="font-semibold text-danger">Votre dossier n’a pas été envoyé</h2>
          {result.formError ? <p className="mt-1">{result.formError}</p> : null}
          {result.issues.length > 0 ? (
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {result.issues.map((issue) => (
                <li key={`${issue.step}-${issue.message}`}>
                  <Link href={`/inscription/${issue.step}`} className="text-danger underline">
                    {STEP_TITLES[issue.step]} : {issue.message}
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <div>
        <label className="flex cursor-pointer items-start gap-3">
          <input
            type="checkbox"
            id="champ-consent"
            checked={consent}
            onChange={(event) => setConsent(event.target.checked)}
            aria-invalid={errors.consent ? true : undefined}
            aria-describedby={errors.consent ? 'champ-consent-erreur' : undefined}
            className="mt-1 size-5 shrink-0 accent-accent"
          />
          <span>
            J’accepte que le Cnam de La Réunion traite les informations et les pièces de ce dossier pour gérer
            mon inscription, comme l’explique la{' '}
            <Link href="/confidentialite">politique de confidentialité</Link>.
          </span>
        </label>
        <FieldError id="champ-consent" error={errors.consent} />
      </div>
      <div>
        <label className="flex cursor-pointer items-start gap-3">
          <input
            type="checkbox"
            id="champ-certify"
            checked={certify}
            onChange={(event) => setCertify(event.target.checked)}
            aria-invalid={errors.certify ? true : undefined}
            aria-describedby={errors.certify ? 'champ-certify-erreur' : undefined}
            className="mt-1 size-5 shrink-0 accent-accent"
          />
          <span>Je certifie l’exactitude des informations de ce dossier.</span>
        </label>
        <FieldError id="champ-certify" error={errors.certify} />
      </div>
      <p id="envoi-paiement" className="text-sm">
        {noOnlinePaymentNote(totalLabel)}
      </p>
      <Button
        type="submit"
        disabled={pending}
        aria-busy={pending}
        aria-describedby="envoi-paiement"
        className="w-full sm:w-auto"
      >
        {pending ? 'Envoi du dossier…' : 'Envoyer mon dossier'}
      </Button>
    </form>
  )
}
