// What the recipient of a queued e-mail reads: its text with the private links restored, as the
// delivery path (lib/server/mail/deliver.ts) writes the SMTP message. The stored text holds them masked.
import { deliverableText } from '@/lib/server/mail/outbox'

type StoredEmail = { text: string; sealedLinks: string | null; linkHashes: string[] }

export function deliveredText(email: StoredEmail): string {
  const text = deliverableText(email)
  if (text === null) throw new Error('the e-mail’s private links cannot be restored')
  return text
}

/** The token of the first private link under `path` (e.g. '/dossier/acces/') in the e-mail. */
export function linkTokenIn(email: StoredEmail, path: string): string | undefined {
  const text = deliveredText(email)
  const start = text.indexOf(path)
  if (start < 0) return undefined
  return /^[A-Za-z0-9_-]{43}/.exec(text.slice(start + path.length))?.[0]
}
