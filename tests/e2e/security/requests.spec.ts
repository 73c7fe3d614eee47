// What proxy.ts answers before anything renders or any action runs: an anonymous visitor of the
// staff area goes to sign-in (307), and a server-action request Next's handler would answer with a
// 500 (a body over its limit, arguments nested 100,000 deep, an Origin no parser reads, another
// site's Origin) gets a short 413 / 400 / 403 instead.
import { expect, test } from '../fixtures'
import { PORT, serverActionId } from './support'

const ORIGIN = `http://127.0.0.1:${PORT}`
const SOME_ID = '00000000-0000-4000-8000-000000000000'

test('an anonymous visitor of the staff area is sent to sign-in before anything renders', async ({
  request,
}) => {
  for (const [path, retour] of [
    ['/admin/dossiers', '/admin/dossiers'],
    ['/admin/dossiers?statut=SUBMITTED', '/admin/dossiers?statut=SUBMITTED'],
    [`/admin/dossiers/${SOME_ID}`, `/admin/dossiers/${SOME_ID}`],
    [`/admin/dossiers/${SOME_ID}/pieces.zip`, `/admin/dossiers/${SOME_ID}/pieces.zip`],
    ['/admin/comptes', '/admin/comptes'],
  ]) {
    const response = await request.get(path!, { maxRedirects: 0 })
    expect(response.status(), path).toBe(307)
    expect(response.headers()['location'], path).toBe(
      `/admin/connexion?retour=${encodeURIComponent(retour!)}`,
    )
    // Nothing of the staff area is rendered: no page, at most the target's address.
    expect(await response.text(), path).not.toMatch(/<html|<body|<main/i)
  }
  const home = await request.get('/admin', { maxRedirects: 0 })
  expect(new URL(home.headers()['location'] ?? '', ORIGIN).href).toBe(`${ORIGIN}/admin/connexion`)
  // The sign-in pages themselves, and an invitation link, are for people without a session.
  expect((await request.get('/admin/connexion', { maxRedirects: 0 })).status()).toBe(200)
  expect((await request.get('/admin/invitation/pas-une-invitation', { maxRedirects: 0 })).status()).not.toBe(
    307,
  )
  // A cookie that is there but not valid is the page's to judge (the proxy cannot read sessions):
  // it still sends the visitor to sign-in (a redirect, or the page's refresh to it).
  const stale = await request.get('/admin/dossiers', {
    maxRedirects: 0,
    headers: { cookie: 'cnam_personnel=perime' },
  })
  expect(await stale.text()).toContain('/admin/connexion')
})

test('server-action requests Next would answer with a 500 get a short 413, 400 or 403', async ({
  request,
}) => {
  const action = serverActionId('signInAction')
  const post = (body: string, origin: string) =>
    request.post('/admin/connexion', {
      headers: {
        'next-action': action,
        origin,
        'content-type': 'text/plain;charset=UTF-8',
        accept: 'text/x-component',
      },
      data: body,
      maxRedirects: 0,
    })
  const cases: Array<[string, string, string, number, RegExp]> = [
    ['a body over 1 MB', `["${'a'.repeat(1024 * 1024 + 16)}"]`, ORIGIN, 413, /trop volumineuses/],
    [
      'arguments nested 100,000 deep',
      `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
      ORIGIN,
      400,
      /imbriquées/,
    ],
    ['an Origin no parser reads', '[]', 'http://[origine-CANARI', 403, /origine illisible/],
    ['another site’s Origin', '[]', 'https://piege.example', 403, /ne vient pas du portail/],
  ]
  for (const [what, body, origin, status, message] of cases) {
    const response = await post(body, origin)
    expect(response.status(), what).toBe(status)
    expect(response.headers()['content-type'], what).toBe('text/plain; charset=utf-8')
    const text = await response.text()
    expect(text, what).toMatch(message)
    expect(text.length, what).toBeLessThan(100)
  }
  // The same action with a small, shallow body from our own page still runs (and refuses the
  // empty sign-in with its own message, not a server error).
  const fine = await post('[]', ORIGIN)
  expect(fine.status()).toBeLessThan(500)
})
