'use client'

import { useRouter } from 'next/navigation'
import { useState, useTransition } from 'react'
import { setSessionRegistrationAction } from '@/app/(admin)/admin/sessions/actions'
import { Alert } from '@/components/ui/alert'
import { buttonClass } from '@/components/ui/button'

/** Opens or closes online registration for a session, with the version the page was loaded with. */
export function RegistrationToggle({
  sessionId,
  label,
  open: initiallyOpen,
  version: initialVersion,
}: {
  sessionId: string
  label: string
  open: boolean
  version: string
}) {
  const router = useRouter()
  const [state, setState] = useState({ open: initiallyOpen, version: initialVersion })
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | null>(null)
  const [pending, startTransition] = useTransition()

  const toggle = () =>
    startTransition(async () => {
      setMessage(null)
      try {
        const result = await setSessionRegistrationAction({
          id: sessionId,
          version: state.version,
          values: { open: !state.open },
        })
        if (!result.ok) {
          setMessage({ tone: 'error', text: result.formError ?? 'La demande n’a pas abouti.' })
          return
        }
        setState({ open: result.values.open, version: result.version })
        setMessage({
          tone: 'success',
          text: result.values.open
            ? `Les inscriptions en ligne à la session ${label} sont ouvertes.`
            : `Les inscriptions en ligne à la session ${label} sont fermées.`,
        })
        router.refresh()
      } catch {
        setMessage({
          tone: 'error',
          text: 'La demande n’a pas abouti (connexion interrompue ?) : réessayez.',
        })
      }
    })

  return (
    <section aria-labelledby="inscriptions-titre" className="rounded-lg border border-line p-4 sm:p-6">
      <h2 id="inscriptions-titre" className="text-xl font-semibold">
        Inscriptions en ligne
      </h2>
      <p className="mt-2">
        {state.open
          ? 'Ouvertes : les candidats peuvent s’inscrire aux semestres dont la date limite n’est pas passée.'
          : 'Fermées : le formulaire d’inscription n’accepte pas de candidat pour cette session.'}
      </p>
      <button
        type="button"
        className={`${buttonClass(state.open ? 'secondary' : 'primary')} mt-4`}
        disabled={pending}
        aria-busy={pending}
        onClick={toggle}
      >
        {state.open ? 'Fermer les inscriptions' : 'Ouvrir les inscriptions'}
      </button>
      <div role="status" className="mt-4">
        {message ? <Alert tone={message.tone}>{message.text}</Alert> : null}
      </div>
    </section>
  )
}
