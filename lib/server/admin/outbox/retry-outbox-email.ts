import 'server-only'
import { NEW_LINK_ADVICE } from '@/lib/domain/private-links'
import type { FormResult } from '@/lib/schemas/staff'
import { assertCan } from '@/lib/server/auth/authorize'
import type { StaffActor } from '@/lib/server/auth/staff-session'
import { getDb } from '@/lib/server/db'
import { logEvent } from '@/lib/server/log'
import { afterEmailsQueued } from '@/lib/server/mail/deliver'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * An administrator puts a failed e-mail back in the queue (after fixing an address or the mail
 * server). Its attempts start again from zero, so that it gets the full number of tries; the last
 * error stays visible until the next attempt. Only a FAILED e-mail moves: a single conditional
 * update, so two administrators retrying at once queue it once.
 */
export async function retryOutboxEmail(options: {
  actor: StaffActor | null
  emailId: string
}): Promise<FormResult> {
  // Retrying writes to the queue: administrators only (there is no narrower permission for it).
  assertCan(options.actor, 'staff.manage')
  if (!UUID.test(options.emailId)) return { ok: false, fieldErrors: {}, formError: 'Courriel introuvable.' }
  const db = getDb()
  // An e-mail whose private links were erased (given up) would go out with dead links.
  const { count } = await db.outboxEmail.updateMany({
    where: {
      id: options.emailId,
      status: 'FAILED',
      OR: [{ linkHashes: { isEmpty: true } }, { sealedLinks: { not: null } }],
    },
    data: { status: 'PENDING', attempts: 0 },
  })
  if (count === 0) {
    const failed = await db.outboxEmail.count({ where: { id: options.emailId, status: 'FAILED' } })
    return {
      ok: false,
      fieldErrors: {},
      formError: failed
        ? `Ce courriel contenait un lien privé, effacé quand son envoi a été abandonné : ${NEW_LINK_ADVICE}`
        : 'Ce courriel n’est plus en échec : actualisez la page.',
    }
  }
  logEvent('info', 'outbox.retried', { actorId: options.actor.userId, emailId: options.emailId })
  // Nothing new to print: this only wakes up delivery when a mail server is configured.
  afterEmailsQueued([])
  return { ok: true, message: 'Le courriel est remis dans la file d’envoi.' }
}
