import 'server-only'
import { publicBaseUrl } from '@/lib/env'

/** The private link of an invitation (only its hash is stored). */
export function invitationLink(token: string): string {
  return `${publicBaseUrl()}/admin/invitation/${token}`
}
