'use client'

import Link from 'next/link'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'

/**
 * A public page failed to render (most often: the database did not answer). The applicant reads
 * what happened and what to do in French, never the error itself; the code lets the IT service find
 * the server's log line. Answers and pieces are stored on the server as each step is saved, so
 * nothing typed before is lost.
 */
export default function PublicError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : null
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold">Cette page n’a pas pu s’afficher</h1>
      <Alert tone="error" role="alert" className="mt-6" title="Le serveur n’a pas répondu comme prévu">
        <p>
          Réessayez dans un instant. Si vous étiez en train de vous inscrire, les réponses et les pièces déjà
          enregistrées sont conservées : vous reprendrez où vous en étiez.
        </p>
        {digest ? (
          <p className="mt-2 text-sm">
            Si le problème continue, contactez le centre avec ce code :{' '}
            <code className="font-mono">{digest}</code>
          </p>
        ) : null}
      </Alert>
      <div className="mt-6 flex flex-wrap items-center gap-x-6 gap-y-3">
        <Button type="button" onClick={() => retry()}>
          Réessayer
        </Button>
        <Link href="/">Revenir à la présentation de la formation</Link>
      </div>
    </div>
  )
}
