/**
 * What a PDF piece may carry besides its pages, that a reader could run or open, and the words the
 * staff piece card uses for it. Found at upload (lib/server/files/inspect-upload.ts) and stored with
 * the file; the staff preview runs none of it (a sandboxed response), but a reviewer who downloads
 * the file and opens it elsewhere must know.
 */
export const PDF_ACTIVE_CONTENT = ['JAVASCRIPT', 'LAUNCH', 'EMBEDDED_FILE'] as const
export type PdfActiveContent = (typeof PDF_ACTIVE_CONTENT)[number]

export const PDF_ACTIVE_CONTENT_LABELS: Record<PdfActiveContent, string> = {
  JAVASCRIPT: 'du JavaScript',
  LAUNCH: 'une action qui lance un programme',
  EMBEDDED_FILE: 'des fichiers joints',
}

/** Only the known kinds, in their fixed order: the stored value is read back from the database. */
export function pdfActiveContentOf(stored: readonly string[]): PdfActiveContent[] {
  return PDF_ACTIVE_CONTENT.filter((kind) => stored.includes(kind))
}

/**
 * The notice of the piece card, or null: « Ce PDF contient du JavaScript et des fichiers joints :
 * ne l’ouvrez pas hors du portail. »
 */
export function pdfActiveContentNotice(kinds: readonly PdfActiveContent[]): string | null {
  if (kinds.length === 0) return null
  const labels = kinds.map((kind) => PDF_ACTIVE_CONTENT_LABELS[kind])
  const list =
    labels.length === 1 ? labels[0] : `${labels.slice(0, -1).join(', ')} et ${labels[labels.length - 1]}`
  return `Ce PDF contient ${list} : l’aperçu ne l’exécute pas, mais ne l’ouvrez pas dans un autre lecteur.`
}
