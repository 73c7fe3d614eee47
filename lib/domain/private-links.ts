/**
 * Private links: paths whose last segment is a secret that opens something (a draft, a dossier,
 * a staff invitation). Whatever is kept at rest (the outbox, logs, staff screens) holds them
 * masked: the first characters of the secret stay, enough for staff to recognise a link, too few
 * to open anything. A new kind of private link is covered by adding its path here.
 */
export const PRIVATE_LINK_PATHS = [
  '/inscription/reprendre/',
  '/dossier/acces/',
  '/admin/invitation/',
] as const

/** Characters of the secret left visible in a masked link. */
export const MASK_VISIBLE = 3
export const MASK_MARK = '•••'

const paths = PRIVATE_LINK_PATHS.map((path) => path.replace(/[/]/g, '\\/')).join('|')
/** A path and its secret (20 characters or more: shorter segments open nothing we issue). */
const CLEAR_LINK = new RegExp(`(${paths})([A-Za-z0-9_-]{20,})`, 'g')
const MASKED_LINK = new RegExp(`(${paths})([A-Za-z0-9_-]{${MASK_VISIBLE}})${MASK_MARK}`, 'g')

function masked(secret: string): string {
  return `${secret.slice(0, MASK_VISIBLE)}${MASK_MARK}`
}

/** The text with its private links masked, and their secrets in order of appearance. */
export function splitPrivateLinks(text: string): { masked: string; secrets: string[] } {
  const secrets: string[] = []
  const result = text.replace(CLEAR_LINK, (_, path: string, secret: string) => {
    secrets.push(secret)
    return `${path}${masked(secret)}`
  })
  return { masked: result, secrets }
}

export function maskPrivateLinks(text: string): string {
  return splitPrivateLinks(text).masked
}

/**
 * The text splitPrivateLinks masked, with its secrets back in place; null when they do not fit
 * (another number of links, or a secret that does not start as its masked link shows).
 */
export function restorePrivateLinks(maskedText: string, secrets: readonly string[]): string | null {
  let index = 0
  let fits = true
  const result = maskedText.replace(MASKED_LINK, (_, path: string, visible: string) => {
    const secret = secrets[index]
    index += 1
    if (!secret || !secret.startsWith(visible)) fits = false
    return `${path}${secret ?? ''}`
  })
  return fits && index === secrets.length ? result : null
}

/** What staff do about an e-mail whose private link is gone (erased, or never restorable). */
export const NEW_LINK_ADVICE =
  'envoyez un nouveau lien (« Envoyer une nouvelle invitation » sur la fiche du compte ; un candidat demande un nouveau lien depuis la page « Lien perdu »).'
