'use client'

import Link from 'next/link'
import { usePathname } from 'next/navigation'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'

/**
 * The list failed (the database did not answer…): say so plainly and offer to try again. This
 * boundary also catches the dossier pages below it that have none of their own.
 */
export default function DossierListError({ error, retry }: { error: unknown; retry: () => void }) {
  const isList = usePathname() === '/admin/dossiers'
  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : null
  return (
    <div className="mx-auto max-w-3xl px-4 py-8">
      <h1 className="text-2xl font-bold">{isList ? 'Dossiers d’inscription' : 'Dossier d’inscription'}</h1>
      <Alert
        tone="error"
        role="alert"
        className="mt-6"
        title={isList ? 'La liste des dossiers n’a pas pu s’afficher' : 'Cette page n’a pas pu s’afficher'}
      >
        <p>
          Le serveur n’a pas répondu comme prévu. Réessayez dans un instant ; si le problème continue,
          signalez-le au service informatique
          {digest ? (
            <>
              {' '}
              avec ce code : <code className="font-mono">{digest}</code>
            </>
          ) : null}
          .
        </p>
      </Alert>
      <div className="mt-6 flex flex-wrap items-center gap-x-6 gap-y-3">
        <Button type="button" onClick={() => retry()}>
          Réessayer
        </Button>
        <Link href="/admin/dossiers">{isList ? 'Revenir à la liste sans filtre' : 'Revenir à la liste'}</Link>
      </div>
    </div>
  )
}
