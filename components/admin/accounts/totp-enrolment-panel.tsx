import { cancelTotpAction } from '@/app/(admin)/admin/compte/actions'
import { ActionButton } from './action-button'
import { TotpConfirmForm } from './totp-confirm-form'

/** "ABCD EFGH …": the secret in groups of four, easier to type into an app. */
function grouped(secret: string): string {
  return secret.replace(/(.{4})/g, '$1 ').trim()
}

/** Setting up the second factor: scan (or type) the secret, then confirm with a code. */
export function TotpEnrolmentPanel({ secret, qrSvg }: { secret: string; qrSvg: string }) {
  return (
    <div className="space-y-6 rounded-lg border border-accent bg-white p-6">
      <ol className="list-decimal space-y-6 pl-5">
        <li>
          <p>
            Dans votre application d’authentification (FreeOTP, Google Authenticator, Microsoft
            Authenticator…), ajoutez un compte en scannant ce QR code :
          </p>
          {/* eslint-disable-next-line @next/next/no-img-element -- an inline SVG made on the server, no image to optimise */}
          <img
            src={`data:image/svg+xml;base64,${Buffer.from(qrSvg).toString('base64')}`}
            alt="QR code de configuration de la vérification en deux étapes"
            width={176}
            height={176}
            className="mt-3 rounded border border-line bg-white p-2"
          />
          <p className="mt-3">Ou saisissez cette clé à la main (type « basé sur le temps ») :</p>
          <p className="mt-1">
            <code
              className="rounded bg-surface px-2 py-1 font-mono text-base break-all"
              aria-label={`Clé : ${secret}`}
            >
              {grouped(secret)}
            </code>
          </p>
        </li>
        <li>
          <p className="mb-3">Saisissez le code que l’application affiche pour ce compte :</p>
          <TotpConfirmForm />
        </li>
      </ol>
      <div className="border-t border-line pt-4">
        <ActionButton
          action={cancelTotpAction}
          label="Annuler la configuration"
          pendingLabel="Annulation…"
          variant="ghost"
        />
      </div>
    </div>
  )
}
