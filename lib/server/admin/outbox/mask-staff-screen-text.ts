import 'server-only'
import { maskPrivateLinks } from '@/lib/server/mail/outbox'

/**
 * E-mail text as staff may read it: maskPrivateLinks hides the applicants' private links; the
 * staff invitation links are hidden too, since whoever holds one chooses the password of the
 * invited account (a read-only member must not be able to take an administrator's invitation).
 */
export function maskStaffScreenText(text: string): string {
  return maskPrivateLinks(text).replace(/(\/invitation\/)[A-Za-z0-9_-]{20,}/g, '$1[lien privé masqué]')
}
