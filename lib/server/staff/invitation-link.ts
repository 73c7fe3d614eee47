import 'server-only'
import { publicBaseUrl } from '@/lib/env'

/**
 * The private link of an invitation. Only its hash is kept on the account, and the outbox keeps the
 * e-mail with the link masked (its path is one of lib/domain/private-links.ts's).
 */
export function invitationLink(token: string): string {
  return `${publicBaseUrl()}/admin/invitation/${token}`
}
