'use client'

import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { SITE_NAME } from '@/lib/site'
import './globals.css'

/**
 * The last resort, when even the root layout failed: it replaces the whole document, so it brings
 * its own <html>, <body> and styles. Same words as the public error page, nothing technical.
 */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  const digest = error instanceof Error && 'digest' in error ? String(error.digest) : null
  return (
    <html lang="fr">
      <body className="min-h-dvh bg-white antialiased">
        <title>{`Erreur — ${SITE_NAME}`}</title>
        <main className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
          <p className="font-semibold">Cnam Réunion — Inscriptions</p>
          <h1 className="mt-4 text-3xl font-bold">Le site n’a pas pu s’afficher</h1>
          <Alert tone="error" role="alert" className="mt-6" title="Le serveur n’a pas répondu comme prévu">
            <p>
              Réessayez dans un instant. Si vous étiez en train de vous inscrire, les réponses et les pièces
              déjà enregistrées sont conservées.
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
            {/* A plain link, a full page load: the client router may be what failed. */}
            {/* eslint-disable-next-line @next/next/no-html-link-for-pages */}
            <a href="/">Revenir à l’accueil</a>
          </div>
        </main>
      </body>
    </html>
  )
}
