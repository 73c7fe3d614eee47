import 'server-only'
import { after } from 'next/server'
import { getDb } from '@/lib/server/db'
import { logEvent } from '@/lib/server/log'
import { processLinkRequests } from './process-link-requests'

/**
 * Records a « nouveau lien » demand and leaves its resolution for after the response (and for
 * `npm run mail:send` if this instance stops first): one insert, whatever the address or the
 * reference, so that the answer's time says nothing about whether anything matched.
 */
export async function recordLinkRequest(
  demand: { kind: 'RESUME'; email: string } | { kind: 'DOSSIER'; reference: string; email: string },
): Promise<void> {
  await getDb().linkRequest.create({
    data: {
      kind: demand.kind,
      email: demand.email,
      reference: demand.kind === 'DOSSIER' ? demand.reference : null,
    },
    select: { id: true },
  })
  after(() => processLinkRequests().catch(() => logEvent('warn', 'access.link_requests_failed', {})))
}
