import 'server-only'
import { LINK_TTL_DAYS } from '@/lib/domain/access'
import type { IsoDate } from '@/lib/domain/dates'
import type { Centre } from '@/lib/domain/programme'
import { formatDate, formatEuros, formatOpeningHours, formatPhone } from '@/lib/format'

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

/**
 * The end of every e-mail (lib/server/mail/outbox.ts adds it): who writes, and how to reach the
 * centre — its address, phone, e-mail and hours as the programme page shows them.
 */
export function emailFooter(centre: Centre | null): string {
  const contact = centreLines(centre)
  return `—
Cnam — Centre régional de La Réunion
${contact ? `${contact}\nCe message est envoyé automatiquement : pour nous écrire, utilisez ces coordonnées.` : 'Ce message est envoyé automatiquement : merci de ne pas y répondre.'}`
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

Ce lien fonctionne une fois, pendant ${LINK_TTL_DAYS} jours ; un nouveau lien peut toujours être demandé depuis la page d’inscription. Il est privé : ne le transmettez à personne. Votre brouillon est conservé jusqu’au ${formatDate(options.expiresOn)} ; chaque enregistrement prolonge ce délai.`,
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

Suivez votre dossier, imprimez votre formulaire d’inscription ou retirez votre dossier avec ce lien personnel (il fonctionne une fois, pendant ${LINK_TTL_DAYS} jours ; ne le transmettez à personne) :
${options.dossierLink}

Vous pouvez retirer votre dossier jusqu’au ${formatDate(options.withdrawalDeadline)} inclus (délai de rétractation).`,
  }
}

export function dossierWithdrawnEmail(options: { reference: string; programmeTitle: string }) {
  return {
    subject: `Dossier ${options.reference} retiré`,
    text: `Bonjour,

Votre dossier d’inscription ${options.reference} à la formation « ${options.programmeTitle} » est retiré, comme vous l’avez demandé.
Si vous avez déjà envoyé un chèque, il vous sera rendu ou ne sera pas encaissé.`,
  }
}

const FOLLOW_UP =
  'Suivez votre dossier avec le lien personnel reçu dans l’e-mail de confirmation de dépôt (« Dossier d’inscription … reçu »).'

export function piecesRequestedEmail(options: { reference: string; message: string; pieceLabels: string[] }) {
  return {
    subject: `Dossier ${options.reference} : des pièces vous sont demandées`,
    text: `Bonjour,

Votre dossier d’inscription ${options.reference} ne peut pas être complété en l’état. Merci de nous envoyer :
${options.pieceLabels.map((label) => `- ${label}`).join('\n')}

Message du service des inscriptions :
${options.message}

Envoyez ces pièces depuis la page de votre dossier : votre dossier reprendra son examen dès qu’elles seront reçues.
${FOLLOW_UP}`,
  }
}

export function staffMessageEmail(options: { reference: string; message: string }) {
  return {
    subject: `Dossier ${options.reference} : un message du Cnam Réunion`,
    text: `Bonjour,

Le service des inscriptions vous écrit au sujet de votre dossier ${options.reference} :

${options.message}

${FOLLOW_UP}`,
  }
}

export function decisionEmail(options: {
  reference: string
  programmeTitle: string
  decision: 'ACCEPTED' | 'REFUSED' | 'CLOSED'
  reason: string | null
}) {
  const lines = {
    ACCEPTED: `Votre dossier d’inscription ${options.reference} est accepté : vous êtes inscrit(e) à la formation « ${options.programmeTitle} ». Vous recevrez les informations de rentrée du centre.`,
    REFUSED: `Votre dossier d’inscription ${options.reference} à la formation « ${options.programmeTitle} » n’a pas été accepté.`,
    CLOSED: `Votre dossier d’inscription ${options.reference} à la formation « ${options.programmeTitle} » est clos sans suite.`,
  }
  return {
    subject: `Dossier ${options.reference} : ${options.decision === 'ACCEPTED' ? 'inscription acceptée' : options.decision === 'REFUSED' ? 'décision' : 'dossier clos'}`,
    text: `Bonjour,

${lines[options.decision]}
${options.reason ? `\nMotif : ${options.reason}\n` : ''}
Pour toute question, contactez le centre en rappelant la référence de votre dossier.
${FOLLOW_UP}`,
  }
}

const invitationDeadline = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'long',
  timeStyle: 'short',
  timeZone: 'Indian/Reunion',
})

/** Invitation of a staff member: a private link to choose a password, valid for a few days. */
export function staffInvitationEmail(options: {
  name: string
  roleLabel: string
  link: string
  expiresAt: Date
}) {
  return {
    subject: 'Votre accès à l’espace gestion des inscriptions du Cnam Réunion',
    text: `Bonjour ${options.name},

Un compte vous a été créé sur l’espace gestion des inscriptions du Cnam de La Réunion, avec le rôle « ${options.roleLabel} ».

Pour l’activer, choisissez votre mot de passe en ouvrant ce lien personnel :
${options.link}

Ce lien est valable jusqu’au ${invitationDeadline.format(options.expiresAt)} (heure de La Réunion) et ne sert qu’une fois. Ne le transmettez à personne. Passé ce délai, demandez une nouvelle invitation à un administrateur.

Si vous n’attendiez pas ce message, ignorez-le : aucun accès n’est ouvert sans ce lien.`,
  }
}

export function newAccessLinkEmail(options: { reference: string; link: string }) {
  return {
    subject: `Dossier ${options.reference} : votre nouveau lien personnel`,
    text: `Bonjour,

Vous avez demandé un nouveau lien pour suivre votre dossier d’inscription ${options.reference}. Le voici :
${options.link}

Ce lien fonctionne une fois, pendant ${LINK_TTL_DAYS} jours ; en l’ouvrant, vous fermez l’accès au dossier sur vos autres appareils. Il est privé : ne le transmettez à personne.
Si vous n’êtes pas à l’origine de cette demande, ignorez ce message : rien ne change tant que ce lien n’est pas ouvert.`,
  }
}
