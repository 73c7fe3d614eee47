// Issue 9, finding 4: strangers guessing an account's password from many addresses must not keep
// its owner out. The end-to-end server trusts one proxy (scripts/test/e2e-server.ts), so each
// X-Forwarded-For below is a different client, as behind the production proxy.
import { DESKTOP, expect, test } from '../fixtures'
import { callAction, e2eDistDir, readActionManifest } from '../security/server-action-client'
import { PORT } from '../security/support'
import { E2E_STAFF, E2E_STAFF_PASSWORD } from '../staff-accounts'

const BASE_URL = `http://127.0.0.1:${PORT}`
// lib/server/auth/sign-in.ts's words (a server-only module, which a test cannot import).
const WRONG_CREDENTIALS = 'Adresse e-mail ou mot de passe incorrect.'

test.use({ viewport: DESKTOP })

test('wrong passwords from many addresses do not keep the owner out', async ({ page }) => {
  const signInAction = readActionManifest(e2eDistDir(PORT)).find(
    (action) => action.exportName === 'signInAction' && action.file.includes('admin/connexion'),
  )!
  const form = (password: string) => {
    const data = new FormData()
    data.set('email', E2E_STAFF.ADMIN)
    data.set('password', password)
    return data
  }
  // 15 addresses, one guess each: more than the 10 that used to lock the account for everyone.
  const run = Date.now() % 200
  for (let index = 1; index <= 15; index += 1) {
    const guess = await callAction(
      BASE_URL,
      signInAction,
      [{ message: null, email: '' }, form(`Mauvais-mot-de-passe-${index}`)],
      { ip: `198.51.${100 + (run % 2)}.${index + (run >> 1)}` },
    )
    expect(guess.result).toEqual({ message: WRONG_CREDENTIALS, email: E2E_STAFF.ADMIN })
  }
  // One of them keeps guessing: it is soon told to wait, and never gets a session.
  const stubborn = `198.51.${100 + (run % 2)}.${1 + (run >> 1)}`
  const answers: string[] = []
  for (let attempt = 1; attempt <= 12; attempt += 1) {
    const guess = await callAction(
      BASE_URL,
      signInAction,
      [{ message: null, email: '' }, form(`Encore-un-essai-${attempt}`)],
      { ip: stubborn },
    )
    expect(guess.cookies.filter((cookie) => cookie.startsWith('cnam_personnel='))).toEqual([])
    answers.push((guess.result as { message: string }).message)
  }
  expect(answers.at(-1)).toMatch(
    /^Trop de tentatives (sur ce compte|depuis cette connexion) : réessayez dans/,
  )

  // The owner, from an address of their own (this test's), signs in at once and sees the dashboard.
  await page.goto('/admin/connexion')
  await page.getByLabel('Adresse e-mail').fill(E2E_STAFF.ADMIN)
  await page.getByLabel('Mot de passe').fill(E2E_STAFF_PASSWORD)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible()
  await page.screenshot({ path: test.info().outputPath('tableau-de-bord.png'), fullPage: true })
})
