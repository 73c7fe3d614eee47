import 'server-only'
import type { IsoDate } from '@/lib/domain/dates'
import type { Centre } from '@/lib/domain/programme'
import { formatDate, formatEuros, formatOpeningHours, formatPhone } from '@/lib/format'

const SIGNATURE =
  '\n—\nCnam — Centre régional de La Réunion\nCe message est envoyé automatiquement : pour nous écrire, utilisez les coordonnées ci-dessus.'

function centreLines(centre: Centre | null): string {
  if (!centre) return ''
  const address = [
    centre.street,
    centre.addressComplement,
    centre.postBox,
    `${centre.postcode} ${centre.city.toUpperCase()}${centre.cedex ? ' CEDEX' : ''}`,
  ]
    .filter(Boolean)
    .join(', ')
  const hours = formatOpeningHours(centre.openingHours)
  return `${centre.name}\n${address}\nTél. ${formatPhone(centre.phone)}${centre.email ? ` · ${centre.email}` : ''}${hours.length ? `\nOuvert ${hours.join(', ')}.` : ''}`
}

export function resumeLinkEmail(options: {
  link: string
  programmeTitle: string
  sessionLabel: string
  expiresOn: IsoDate
}) {
  return {
    subject: `Votre inscription en cours — ${options.programmeTitle}`,
    text: `Bonjour,

Vous avez commencé votre inscription à la formation « ${options.programmeTitle} » (session ${options.sessionLabel}).

Pour la reprendre, sur cet appareil ou un autre, ouvrez ce lien personnel :
${options.link}

Ce lien est privé : ne le transmettez à personne. Votre brouillon est conservé jusqu’au ${formatDate(options.expiresOn)} ; chaque enregistrement prolonge ce délai.
${SIGNATURE}`,
  }
}

export function dossierSubmittedEmail(options: {
  reference: string
  programmeTitle: string
  sessionLabel: string
  totalCents: number
  paymentInstructions: string[]
  dossierLink: string
  withdrawalDeadline: IsoDate
  centre: Centre | null
}) {
  return {
    subject: `Dossier d’inscription ${options.reference} reçu`,
    text: `Bonjour,

Nous avons bien reçu votre dossier d’inscription ${options.reference} à la formation « ${options.programmeTitle} » (session ${options.sessionLabel}).

Montant de votre participation aux frais de formation : ${formatEuros(options.totalCents)}.

Ce qu’il vous reste à faire :
${options.paymentInstructions.map((line) => `- ${line}`).join('\n')}

À envoyer ou déposer à :
${centreLines(options.centre)}

Suivez votre dossier, imprimez votre formulaire d’inscription ou retirez votre dossier avec ce lien personnel (ne le transmettez à personne) :
${options.dossierLink}

Vous pouvez retirer votre dossier jusqu’au ${formatDate(options.withdrawalDeadline)} inclus (délai de rétractation).
${SIGNATURE}`,
  }
}

export function dossierWithdrawnEmail(options: { reference: string; programmeTitle: string }) {
  return {
    subject: `Dossier ${options.reference} retiré`,
    text: `Bonjour,

Votre dossier d’inscription ${options.reference} à la formation « ${options.programmeTitle} » est retiré, comme vous l’avez demandé.
Si vous avez déjà envoyé un chèque, il vous sera rendu ou ne sera pas encaissé.
${SIGNATURE}`,
  }
}
