/**
 * The upload rules the browser and the server share: the size limit and the words of its refusal,
 * and how a file's size and name are written (French typography: non-breaking spaces inside « »
 * and between a number and its unit, so that « 7 Ko » never wraps in two).
 */

/** The largest piece accepted, in bytes. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024

const NBSP = '\u00a0'
const sizeNumber = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 })

/** "10 Mo", "1,5 Mo", "1 Ko", "900 octets", in binary multiples as MAX_UPLOAD_BYTES is defined. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${sizeNumber.format(bytes / (1024 * 1024))}${NBSP}Mo`
  if (bytes >= 1024) return `${sizeNumber.format(bytes / 1024)}${NBSP}Ko`
  return `${bytes}${NBSP}octet${bytes > 1 ? 's' : ''}`
}

/** « cv.pdf », as every refusal names the file. */
export function quotedFileName(name: string): string {
  return `«${NBSP}${name}${NBSP}»`
}

/** The refusal of a file over the limit, naming it like every other refusal. */
export function tooLargeMessage(fileName: string, maxBytes: number = MAX_UPLOAD_BYTES): string {
  return `${quotedFileName(fileName)} dépasse ${formatFileSize(maxBytes)} (taille maximale d’un fichier).`
}
