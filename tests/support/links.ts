// Private links as a person and as a mail scanner use them, so that tests say what happens to a
// link (opened, refused, prefetched) without depending on how the portal implements the exchange.
import { getDb } from '@/lib/server/db'
import { browser } from './next-request'

export type PrivateLink = { path: string; token: string; kind: 'resume' | 'dossier' }

const LINK = /\/(inscription\/reprendre|dossier\/acces)\/([A-Za-z0-9_-]{43})/

/** The private link of an e-mail text (null when it has none). */
export function linkIn(text: string): PrivateLink | null {
  const match = LINK.exec(text)
  if (!match) return null
  return {
    path: `/${match[1]}/${match[2]}`,
    token: match[2]!,
    kind: match[1] === 'dossier/acces' ? 'dossier' : 'resume',
  }
}

/** The private link of the newest e-mail of `kind` (to `to` when given). */
export async function lastLink(kind: string, to?: string): Promise<PrivateLink> {
  const email = await getDb().outboxEmail.findFirstOrThrow({
    where: { kind, ...(to ? { toAddress: to } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
  })
  const link = linkIn(email.text)
  if (!link) throw new Error(`No private link in the ${kind} e-mail`)
  return link
}

function applySetCookie(response: Response) {
  for (const header of response.headers.getSetCookie()) {
    const [pair] = header.split(';')
    const [name, ...value] = pair!.split('=')
    browser.setCookie(name!, value.join('='))
  }
}

async function get(link: PrivateLink): Promise<Response> {
  const route =
    link.kind === 'resume'
      ? await import('@/app/(public)/inscription/reprendre/[token]/route')
      : await import('@/app/(public)/dossier/acces/[token]/route')
  const response = await route.GET(new Request(`http://localhost:3000${link.path}`), {
    params: Promise.resolve({ token: link.token }),
  })
  applySetCookie(response)
  return response
}

/** What a mail scanner or a link preview does: a GET of the link, cookies kept as a browser would. */
export async function prefetch(link: PrivateLink): Promise<void> {
  await get(link)
}

/**
 * What a person does: opens the link and continues. Returns where the portal sends them
 * (`refused` is true when it sends them to a page that says the link does not work).
 */
export async function openLink(
  link: PrivateLink,
  _options: { replace?: boolean } = {},
): Promise<{ location: string; refused: boolean }> {
  const response = await get(link)
  const location = response.headers.get('location') ?? ''
  return { location, refused: /etat=/.test(location) }
}
