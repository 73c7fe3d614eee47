import { randomBytes } from 'node:crypto'
import type { Request } from '@playwright/test'
import { expect, test } from '../fixtures'
import {
  fillContact,
  fillIdentity,
  fillSituation,
  fixtureBuffer,
  next,
  startRegistration,
} from '../registration/helpers'
import { serverActionId } from './support'

const FOREIGN = 'https://formulaire-piege.example'

// A write from another site carries the victim's cookies only where SameSite does not stop them
// (a sibling subdomain, an old browser): these tests send them anyway, to show that the Origin
// check alone refuses the write.
test('a server action posted from another origin is refused and writes nothing', async ({
  page,
  baseURL,
}) => {
  await startRegistration(page)
  const kept = `Origine${randomBytes(3).toString('hex')}`
  await fillIdentity(page, { birthName: kept })
  // The request the browser sends to save the step, to replay it as another site would.
  const saving = page.waitForRequest(
    (request: Request) => request.method() === 'POST' && Boolean(request.headers()['next-action']),
  )
  await next(page)
  const saved = await saving
  expect(saved.headers()['next-action']).toBe(serverActionId('saveStepAction'))
  const body = saved.postData() ?? ''
  expect(body).toContain(kept)

  const replay = (origin: string | null, birthName: string) => {
    const headers = { ...saved.headers() }
    delete headers.origin
    if (origin !== null) headers.origin = origin
    return page.request.post(saved.url(), { headers, data: body.replace(kept, birthName) })
  }
  // What the form shows once the page is ready (read once, the field can be caught empty while
  // the form hydrates).
  const expectBirthNameShown = async (expected: string, message?: string) => {
    await page.goto('/inscription/identite')
    await expect(page.getByLabel('Nom de naissance'), message).toHaveValue(expected)
  }

  for (const origin of [FOREIGN, 'null', `http://localhost:${new URL(baseURL!).port}`]) {
    const response = await replay(origin, `Piege${randomBytes(3).toString('hex')}`)
    expect(response.status(), `Origin: ${origin}`).toBeGreaterThanOrEqual(400)
    await expectBirthNameShown(kept, `Origin: ${origin}`)
  }

  // The same request from the portal's own origin does write: the refusals above are the Origin's.
  const changed = `Meme${randomBytes(3).toString('hex')}`
  const response = await replay(new URL(baseURL!).origin, changed)
  expect(response.status()).toBe(200)
  await expectBirthNameShown(changed)
})

test('a piece sent to the upload API from another origin is refused and stored nowhere', async ({
  page,
  baseURL,
}) => {
  await startRegistration(page)
  await fillIdentity(page)
  await next(page)
  await fillContact(page)
  await next(page)
  await fillSituation(page)
  await next(page)
  await next(page)
  await page.getByRole('checkbox', { name: /^PSY001/ }).check()
  await next(page)
  await expect(page.getByRole('heading', { level: 1, name: /pièces/i })).toBeVisible()

  const send = (name: string, headers: Record<string, string>) =>
    page.request.post('/api/inscription/pieces', {
      headers,
      multipart: {
        pieceTypeCode: 'CV',
        file: { name, mimeType: 'application/pdf', buffer: fixtureBuffer('cv.pdf') },
      },
    })
  const refused: string[] = []
  const foreign: Array<Record<string, string>> = [
    { origin: FOREIGN },
    { origin: 'null' },
    { 'sec-fetch-site': 'cross-site' },
  ]
  for (const headers of foreign) {
    const name = `refuse-${randomBytes(4).toString('hex')}.pdf`
    refused.push(name)
    const response = await send(name, headers)
    expect(response.status(), JSON.stringify(headers)).toBe(403)
    expect(await response.json()).toEqual({ message: 'Envoi refusé.' })
  }
  for (const path of ['/api/dossier/pieces']) {
    const response = await page.request.post(path, { headers: { origin: FOREIGN }, multipart: { x: '1' } })
    expect(response.status(), path).toBe(403)
  }

  const accepted = `accepte-${randomBytes(4).toString('hex')}.pdf`
  expect((await send(accepted, { origin: new URL(baseURL!).origin })).status()).toBe(201)
  await page.goto('/inscription/pieces')
  await expect(page.getByText(accepted)).toBeVisible()
  for (const name of refused) await expect(page.getByText(name)).toHaveCount(0)
})
