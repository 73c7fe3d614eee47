import Link from 'next/link'
import { Alert } from '@/components/ui/alert'
import { buttonClass } from '@/components/ui/button'
import { LINK_REFUSED_MESSAGES, LINK_TTL_DAYS, type LinkRefusal } from '@/lib/domain/access'

type Whose = { maskedEmail: string; firstName: string | null; reference: string | null }

function whose(target: Whose, noun: string): string {
  const of = target.firstName ? ` de ${target.firstName}` : ''
  const ref = target.reference ? ` ${target.reference}` : ''
  return `${noun}${ref}${of} (adresse ${target.maskedEmail})`
}

/**
 * The page a private link opens: says whose draft or dossier it is and asks to continue. Only
 * « Continuer » (a same-origin POST) signs this browser in; a GET — a person, a mail scanner, a
 * page of another site — changes nothing. When this browser already holds another draft or
 * dossier, it is asked which one to keep.
 */
export function LinkInvitation({
  token,
  action,
  noun,
  target,
  other,
  keepHref,
}: {
  token: string
  action: (formData: FormData) => Promise<void>
  /** « l’inscription en cours » or « le dossier ». */
  noun: string
  target: Whose
  /** The other draft or dossier this browser holds, if any. */
  other: Whose | null
  keepHref: string
}) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold">Votre lien personnel</h1>
      <p className="mt-4 text-lg">Ce lien ouvre {whose(target, noun)}.</p>
      <p className="mt-2">
        Si ce n’est pas la vôtre, n’allez pas plus loin : fermez cette page. Le lien fonctionne une fois,
        pendant {LINK_TTL_DAYS} jours ; en continuant, vous l’ouvrez sur cet appareil et elle se ferme sur les
        autres.
      </p>
      {other ? (
        <Alert tone="warning" className="mt-6" title="Ce navigateur en contient déjà une autre" role="status">
          Vous avez déjà ouvert ici {whose(other, noun)}. Laquelle voulez-vous garder sur ce navigateur ?
          <span className="mt-4 flex flex-wrap gap-3">
            <Link href={keepHref} className={buttonClass('primary')}>
              Garder celle déjà ouverte
            </Link>
            <form action={action}>
              <input type="hidden" name="token" value={token} />
              <input type="hidden" name="replace" value="oui" />
              <button type="submit" className={buttonClass('secondary')}>
                Ouvrir celle du lien
              </button>
            </form>
          </span>
        </Alert>
      ) : (
        <form action={action} className="mt-6">
          <input type="hidden" name="token" value={token} />
          <button type="submit" className={buttonClass('primary')}>
            Continuer
          </button>
        </form>
      )}
    </div>
  )
}

/** What a link that does not work says, with the way to get a new one. */
export function LinkRefused({ refusal, askHref }: { refusal: LinkRefusal; askHref: string }) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-10 sm:px-6">
      <h1 className="text-3xl font-bold">Votre lien personnel</h1>
      <Alert tone="warning" className="mt-6" role="status">
        {LINK_REFUSED_MESSAGES[refusal]}
        <span className="mt-2 block">
          <Link href={askHref}>Recevoir un nouveau lien</Link>
        </span>
      </Alert>
    </div>
  )
}
