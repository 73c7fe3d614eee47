// Private links as a person and as a mail scanner use them, so that tests say what happens to a
// link (opened, refused, prefetched) without depending on how the portal implements the exchange.
import { getDb } from '@/lib/server/db'
import { deliveredText } from './mail'
import { expectRedirect } from './next-request'

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
  // The outbox stores links masked: read the text the recipient gets.
  const link = linkIn(deliveredText(email))
  if (!link) throw new Error(`No private link in the ${kind} e-mail`)
  return link
}

async function pageOf(link: PrivateLink) {
  return link.kind === 'resume'
    ? (await import('@/app/(public)/inscription/reprendre/[token]/page')).default
    : (await import('@/app/(public)/dossier/acces/[token]/page')).default
}

/**
 * What a mail scanner or a link preview does: a GET of the link, i.e. the link's page rendered
 * with this browser's cookies. Returns the page's element tree, as JSON, to read what it says.
 */
export async function prefetch(link: PrivateLink): Promise<string> {
  const page = await pageOf(link)
  return JSON.stringify(await page({ params: Promise.resolve({ token: link.token }) }))
}

/**
 * What a person does: opens the link's page and presses « Continuer » (the page's same-origin
 * POST), or « Ouvrir celle du lien » with `replace` when the browser holds another one. Returns
 * where the portal sends them (`refused`: to a page saying the link does not work).
 */
export async function openLink(
  link: PrivateLink,
  options: { replace?: boolean } = {},
): Promise<{ location: string; refused: boolean }> {
  await prefetch(link)
  const form = new FormData()
  form.set('token', link.token)
  if (options.replace) form.set('replace', 'oui')
  const location = await expectRedirect(async () => {
    if (link.kind === 'resume') {
      const { openResumeLinkAction } = await import('@/app/(public)/inscription/actions')
      await openResumeLinkAction(form)
    } else {
      const { openDossierLinkAction } = await import('@/app/(public)/dossier/actions')
      await openDossierLinkAction(form)
    }
  })
  return { location, refused: /etat=lien-/.test(location) }
}
