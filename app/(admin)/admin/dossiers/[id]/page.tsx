import type { Metadata } from 'next'
import Link from 'next/link'
import { notFound } from 'next/navigation'
import { PaymentForm } from '@/components/admin/review/payment-form'
import { DossierStatusLine } from '@/components/admin/review/dossier-status'
import { PersonalDataPanel } from '@/components/admin/review/personal-data-panel'
import { PieceCard } from '@/components/admin/review/piece-card'
import { RequestPiecesForm } from '@/components/admin/review/request-pieces-form'
import { TextEntryForm } from '@/components/admin/review/text-entry-form'
import { WorkflowActions } from '@/components/admin/review/workflow-actions'
import { Badge } from '@/components/ui/badge'
import { buttonClass } from '@/components/ui/button'
import { todayIn } from '@/lib/domain/dates'
import { expectedPayment, registrationFees } from '@/lib/domain/fees'
import { formatNir } from '@/lib/domain/nir'
import { displayPhone } from '@/lib/domain/phone'
import { DIPLOMA_LEVEL_LABELS } from '@/lib/domain/registration'
import { can, PIECE_CONTENT_PERMISSIONS } from '@/lib/domain/staff'
import { PAYMENT_KIND_LABELS } from '@/lib/domain/review'
import {
  acceptanceNeedsPaymentConfirmation,
  CLOSED_DOSSIER_MESSAGES,
  staffDossierActions,
  STATUS_LABELS,
  type DossierStatus,
} from '@/lib/domain/workflow'
import { formatDate, formatEuros } from '@/lib/format'
import { toFrenchDate } from '@/lib/schemas/fields'
import { getStaffDossier } from '@/lib/server/admin/review/get-staff-dossier'
import { requireStaffPage } from '@/lib/server/auth/authorize'
import { AnonymisedDossier } from './anonymised-dossier'

export const metadata: Metadata = { title: 'Dossier — espace gestion' }

const dateTime = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Indian/Reunion',
})
const CATEGORY = {
  JOB_SEEKER: 'Demandeur d’emploi',
  INDIVIDUAL: 'Individuel payant',
  EMPLOYER_FUNDED: 'Salarié pris en charge',
}
const CHECKLIST_STATE = {
  MISSING: { tone: 'danger', label: 'Manquante' },
  PROVIDED: { tone: 'accent', label: 'À vérifier' },
  ACCEPTED: { tone: 'success', label: 'Conforme' },
  REJECTED: { tone: 'danger', label: 'Non conforme' },
  TOO_OLD: { tone: 'warning', label: 'Trop ancienne' },
  DATE_MISSING: { tone: 'warning', label: 'Date manquante' },
  FUTURE_DATE: { tone: 'warning', label: 'Date à vérifier' },
} as const

function Panel({ title, children, id }: { title: string; children: React.ReactNode; id: string }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-line bg-white p-4">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-3">{children}</div>
    </section>
  )
}

function Facts({ items }: { items: Array<[string, React.ReactNode]> }) {
  return (
    <dl className="grid grid-cols-[minmax(8rem,auto)_1fr] gap-x-4 gap-y-1 text-sm">
      {items.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-muted">{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

export default async function StaffDossierPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params
  const actor = await requireStaffPage('dossiers.read', `/admin/dossiers/${id}`)
  const dossier = await getStaffDossier({ actor, dossierId: id })
  if (!dossier) notFound()
  const canAnswerRgpd = can(actor.role, 'rgpd.requests')
  if (dossier.anonymised) {
    return (
      <AnonymisedDossier dossier={dossier}>
        {canAnswerRgpd ? <PersonalDataPanel dossierId={dossier.id} reference={dossier.reference} /> : null}
      </AnonymisedDossier>
    )
  }
  const { answers, context } = dossier
  const { identite: identity, coordonnees: contact, situation } = answers
  const { cautionCents, chosen } = registrationFees(context.session, answers)
  const paid = dossier.payments.reduce((sum, payment) => sum + payment.amountCents, 0)
  // The role (dossier.canDecide) and the dossier's status together say what is still offered.
  const allowed = staffDossierActions(dossier.status)
  const offered = {
    decidePieces: dossier.canDecide && allowed.decidePieces,
    recordPayment: dossier.canDecide && allowed.recordPayment,
    sendMessage: dossier.canDecide && allowed.sendMessage,
    addNote: dossier.canDecide && allowed.addNote,
  }
  const rejectedCodes = [
    ...new Set(
      dossier.pieces.filter((piece) => piece.status === 'REJECTED').map((piece) => piece.pieceTypeCode),
    ),
  ]
  const missingCodes = dossier.checklist
    .filter((item) => item.state === 'MISSING' && !item.requirement.optional)
    .map((item) => item.requirement.pieceTypes[0]!.code)
  const requestable = dossier.checklist.flatMap((item) =>
    item.requirement.pieceTypes.map((type) => ({ code: type.code, label: type.label })),
  )

  return (
    <div className="mx-auto max-w-7xl px-4 py-6">
      <p className="text-sm">
        <Link href="/admin/dossiers">← Dossiers</Link>
      </p>
      <div className="mt-2 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold">
          {dossier.reference} — {identity.firstNames}{' '}
          {(identity.usageName ?? identity.birthName).toUpperCase()}
        </h1>
        <DossierStatusLine status={dossier.status} />
      </div>
      <p className="mt-1 text-sm text-muted">
        Déposé le {dateTime.format(dossier.submittedAt)} · {CATEGORY[situation.category]} ·{' '}
        {formatEuros(dossier.totalCents)} · session {context.session.label}
      </p>
      <div className="mt-4 flex flex-wrap items-start justify-between gap-4">
        <WorkflowActions
          dossierId={dossier.id}
          version={dossier.version}
          transitions={dossier.transitions}
          acceptNeedsConfirmation={acceptanceNeedsPaymentConfirmation({
            totalCents: dossier.totalCents,
            recordedPayments: dossier.payments.length,
          })}
        />
        <div className="flex flex-wrap gap-2 text-sm">
          <a
            href={`/admin/dossiers/${dossier.id}/formulaire`}
            className={buttonClass('secondary', 'min-h-9 py-1.5 text-sm')}
          >
            Formulaire imprimable
          </a>
          {can(actor.role, PIECE_CONTENT_PERMISSIONS.piecesZip) ? (
            // A form, not a link: the export is recorded in the history, so only this button starts it.
            <form method="post" action={`/admin/dossiers/${dossier.id}/pieces.zip`}>
              <button type="submit" className={buttonClass('secondary', 'min-h-9 py-1.5 text-sm')}>
                Toutes les pièces (ZIP)
              </button>
            </form>
          ) : null}
        </div>
      </div>

      <div className="mt-6 grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="space-y-6">
          <Panel title="Pièces" id="pieces">
            {dossier.canDecide && !allowed.decidePieces ? (
              <p className="mb-4 text-sm text-muted">
                {CLOSED_DOSSIER_MESSAGES.decidePieces(dossier.status)}
              </p>
            ) : null}
            <ol className="space-y-5">
              {dossier.checklist.map((item) => {
                const state = CHECKLIST_STATE[item.state]
                const all = dossier.pieces.filter((piece) =>
                  item.requirement.pieceTypes.some((type) => type.code === piece.pieceTypeCode),
                )
                // One badge per piece: a single current file is what the requirement's badge says.
                const current = all.filter((piece) => piece.status !== 'SUPERSEDED').length
                return (
                  <li key={item.requirement.key}>
                    <div className="flex flex-wrap items-center justify-between gap-2">
                      <h3 className="font-semibold">
                        {item.requirement.label}
                        {item.requirement.optional ? (
                          <span className="font-normal text-muted"> (facultative)</span>
                        ) : null}
                      </h3>
                      <Badge
                        tone={item.requirement.optional && item.state === 'MISSING' ? 'neutral' : state.tone}
                      >
                        {state.label}
                      </Badge>
                    </div>
                    {all.length === 0 ? <p className="mt-1 text-sm text-muted">Aucun fichier.</p> : null}
                    <div className="mt-2 space-y-2">
                      {all.map((piece) => (
                        <PieceCard
                          key={piece.id}
                          dossierId={dossier.id}
                          piece={piece}
                          canDecide={offered.decidePieces}
                          showStatus={current > 1 || piece.status === 'SUPERSEDED'}
                        />
                      ))}
                    </div>
                  </li>
                )
              })}
            </ol>
          </Panel>
          {offered.decidePieces && dossier.transitions.includes('REQUEST_PIECES') ? (
            <Panel title="Demander des pièces au candidat" id="demande">
              <RequestPiecesForm
                // A new rejection changes what to preselect: start the form afresh.
                key={[...rejectedCodes, ...missingCodes].join(',')}
                dossierId={dossier.id}
                version={dossier.version}
                pieceTypes={requestable}
                preselected={[...rejectedCodes, ...missingCodes]}
              />
            </Panel>
          ) : null}
          <Panel title="Historique" id="historique">
            <ol className="space-y-2 text-sm">
              {dossier.history.map((event) => (
                <li key={event.id} className="border-l-2 border-line pl-3">
                  <span className="text-muted">{dateTime.format(event.createdAt)}</span> · {event.actor} ·{' '}
                  {event.label}
                  {event.fromStatus && event.toStatus ? (
                    <span className="text-muted">
                      {' '}
                      ({STATUS_LABELS[event.fromStatus as DossierStatus]} →{' '}
                      {STATUS_LABELS[event.toStatus as DossierStatus]})
                    </span>
                  ) : null}
                  {event.reason ? <span className="block">Motif : {event.reason}</span> : null}
                </li>
              ))}
            </ol>
          </Panel>
        </div>

        <div className="space-y-6">
          <Panel title="Candidat" id="candidat">
            <Facts
              items={[
                ['Civilité', identity.civility === 'MADAME' ? 'Madame' : 'Monsieur'],
                ['Nom de naissance', identity.birthName],
                ['Nom d’usage', identity.usageName ?? '—'],
                ['Prénoms', identity.firstNames],
                [
                  'Naissance',
                  `${formatDate(identity.birthDate)}, ${identity.birthPlace} (${identity.birthCountry})`,
                ],
                ['Nationalité', identity.nationality],
                ['Sécurité sociale', formatNir(identity.nir)],
                [
                  'Adresse',
                  [contact.addressLine1, contact.addressLine2, `${contact.postcode} ${contact.town}`]
                    .filter(Boolean)
                    .join(', '),
                ],
                ['Téléphone', displayPhone(contact.phone)],
                [
                  'E-mail',
                  <a key="email" href={`mailto:${contact.email}`}>
                    {contact.email}
                  </a>,
                ],
              ]}
            />
          </Panel>
          <Panel title="Situation et formation" id="situation">
            <Facts
              items={[
                ['Tarif', CATEGORY[situation.category]],
                [
                  'Employeur',
                  situation.employer ? `${situation.employer.name} — ${situation.employer.contactName}` : '—',
                ],
                [
                  'Attestation signée',
                  situation.employerCertificateSigned === null
                    ? '—'
                    : situation.employerCertificateSigned
                      ? 'Oui'
                      : 'Non (cautions)',
                ],
                ['France Travail', situation.jobSeekerId ?? '—'],
                ['Diplôme', DIPLOMA_LEVEL_LABELS[situation.highestDiploma]],
                ['Accès', situation.accessRoute === 'VAE' ? 'VAE' : 'Niveau bac'],
                ['Première inscription', situation.firstRegistration ? 'Oui' : 'Non'],
                [
                  'UE obtenues',
                  answers.acquis.obtained.length
                    ? answers.acquis.obtained
                        .map(
                          (ue) =>
                            `${ue.code} (${ue.year}, ${ue.place === 'REUNION' ? 'Réunion' : 'autre centre'})`,
                        )
                        .join(', ')
                    : '—',
                ],
                ['Examen anticipé', answers.acquis.earlyExperienceReview ? 'Demandé' : 'Non'],
                ['UE choisies', chosen.map((ue) => `${ue.code}${ue.foad ? ' (FOAD)' : ''}`).join(', ')],
              ]}
            />
          </Panel>
          <Panel title="Frais et paiement" id="frais">
            <ul className="space-y-1 text-sm">
              {dossier.feeLines.map((line) => (
                <li key={`${line.kind}-${line.ueCode ?? ''}`} className="flex justify-between gap-3">
                  <span>{line.label}</span>
                  <span className="tabular-nums">{formatEuros(line.amountCents)}</span>
                </li>
              ))}
              <li className="flex justify-between gap-3 border-t border-line pt-1 font-semibold">
                <span>Total</span>
                <span className="tabular-nums">{formatEuros(dossier.totalCents)}</span>
              </li>
            </ul>
            <p className="mt-2 text-sm text-muted">
              {expectedPayment({
                category: situation.category,
                totalCents: dossier.totalCents,
                cautionCents,
                payee: context.programme.paymentPayee,
                formatEuros,
              }).join(' ')}
            </p>
            <h3 className="mt-4 font-semibold">Reçu : {formatEuros(paid)}</h3>
            {dossier.payments.length > 0 ? (
              <ul className="mt-1 space-y-1 text-sm">
                {dossier.payments.map((payment) => (
                  <li key={payment.id}>
                    {formatDate(payment.receivedOn.toISOString().slice(0, 10))} ·{' '}
                    {PAYMENT_KIND_LABELS[payment.kind as keyof typeof PAYMENT_KIND_LABELS]} ·{' '}
                    {formatEuros(payment.amountCents)}
                    {payment.reference ? ` · ${payment.reference}` : ''}{' '}
                    <span className="text-muted">(par {payment.recordedBy})</span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-sm text-muted">Rien d’enregistré.</p>
            )}
            {offered.recordPayment ? (
              <div className="mt-3 border-t border-line pt-3">
                <PaymentForm
                  dossierId={dossier.id}
                  defaultKind={situation.category === 'EMPLOYER_FUNDED' ? 'EMPLOYER_CERTIFICATE' : 'CHEQUE'}
                  today={toFrenchDate(todayIn(new Date()))}
                />
              </div>
            ) : null}
          </Panel>
          <Panel title="Messages au candidat" id="messages">
            {dossier.messages.length > 0 ? (
              <ol className="space-y-2 text-sm">
                {dossier.messages.map((message) => (
                  <li key={message.id} className="rounded bg-surface p-2">
                    <span className="text-muted">
                      {dateTime.format(message.createdAt)} · {message.author ?? 'Personnel'}
                    </span>
                    <p className="whitespace-pre-line">{message.body}</p>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-sm text-muted">Aucun message.</p>
            )}
            {offered.sendMessage ? (
              <div className="mt-3">
                <TextEntryForm dossierId={dossier.id} kind="message" />
              </div>
            ) : null}
          </Panel>
          <Panel title="Notes internes" id="notes">
            {dossier.notes.length > 0 ? (
              <ol className="space-y-2 text-sm">
                {dossier.notes.map((note) => (
                  <li key={note.id} className="rounded bg-warning-soft p-2">
                    <span className="text-muted">
                      {dateTime.format(note.createdAt)} · {note.author}
                    </span>
                    <p className="whitespace-pre-line">{note.body}</p>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="text-sm text-muted">Aucune note.</p>
            )}
            {offered.addNote ? (
              <div className="mt-3">
                <TextEntryForm dossierId={dossier.id} kind="note" />
              </div>
            ) : null}
          </Panel>
          {canAnswerRgpd ? (
            <Panel title="Données personnelles (RGPD)" id="rgpd">
              <PersonalDataPanel dossierId={dossier.id} reference={dossier.reference} />
            </Panel>
          ) : null}
        </div>
      </div>
    </div>
  )
}
