import type { Centre } from '@/lib/domain/programme'
import { formatOpeningHours, formatPhone, phoneHref } from '@/lib/format'

export function CentreCard({ centre }: { centre: Centre }) {
  const hours = formatOpeningHours(centre.openingHours)
  const cityLine = `${centre.postcode} ${centre.city.toLocaleUpperCase('fr-FR')}${centre.cedex ? ' CEDEX' : ''}`
  return (
    <article className="rounded-lg border border-line p-5">
      <h3 className="text-lg font-semibold">{centre.name}</h3>
      {centre.receivesDossiers ? (
        <p className="mt-1 text-sm font-medium text-accent-strong">Reçoit les dossiers d’inscription</p>
      ) : null}
      <address className="mt-3 not-italic">
        {centre.street}
        {centre.addressComplement ? (
          <>
            <br />
            {centre.addressComplement}
          </>
        ) : null}
        {centre.postBox ? (
          <>
            <br />
            {centre.postBox}
          </>
        ) : null}
        <br />
        {cityLine}
      </address>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-muted">Tél.</dt>
        <dd>
          <a href={phoneHref(centre.phone)}>{formatPhone(centre.phone)}</a>
        </dd>
        {centre.fax ? (
          <>
            <dt className="text-muted">Fax</dt>
            <dd>{formatPhone(centre.fax)}</dd>
          </>
        ) : null}
        {centre.email ? (
          <>
            <dt className="text-muted">Courriel</dt>
            <dd>
              <a href={`mailto:${centre.email}`}>{centre.email}</a>
            </dd>
          </>
        ) : null}
        {centre.website ? (
          <>
            <dt className="text-muted">Site</dt>
            <dd>
              <a href={centre.website} rel="noopener">
                {centre.website.replace(/^https?:\/\//, '')}
              </a>
            </dd>
          </>
        ) : null}
      </dl>
      <div className="mt-3">
        <p className="text-muted">Horaires d’ouverture</p>
        {hours.length > 0 ? (
          <ul>
            {hours.map((line) => (
              <li key={line}>{line.charAt(0).toUpperCase() + line.slice(1)}</li>
            ))}
          </ul>
        ) : (
          <p>Renseignez-vous par téléphone.</p>
        )}
      </div>
    </article>
  )
}
