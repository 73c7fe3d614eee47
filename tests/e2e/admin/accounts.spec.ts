import type { Page, TestInfo } from '@playwright/test'
import { accessibilityViolations, allowConsoleError, DESKTOP, expect, test } from '../fixtures'
import { E2E_STAFF, E2E_STAFF_PASSWORD } from '../staff-accounts'
import { invitationPathFor } from './invitation-link'

const NEW_PASSWORD = 'le lagon est calme ce matin'

/**
 * Staff-area routes the layout's menu links to but other parts of issue 4 are still building:
 * Next prefetches them, and the browser logs their 404. Only those 404s are tolerated; any other
 * 404, and any other console error, still fails the test.
 */
const NOT_BUILT_YET = new Set(['/admin/dossiers', '/admin/programme', '/admin/sessions'])

function watchConsole(page: Page, ownErrors = false) {
  allowConsoleError(page, /status of 404 \(Not Found\)/)
  const problems: string[] = []
  page.on('response', (response) => {
    if (response.status() === 404 && !NOT_BUILT_YET.has(new URL(response.url()).pathname))
      problems.push(`404 ${response.url()}`)
  })
  // A page outside the fixture (another browser context) gets the fixture's console check here.
  if (ownErrors) {
    page.on('console', (message) => {
      if (message.type() === 'error' && !/status of 404 \(Not Found\)/.test(message.text()))
        problems.push(message.text())
    })
    page.on('pageerror', (error) => problems.push(error.message))
  }
  return () => expect(problems, 'unexpected 404s or console errors').toEqual([])
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto('/admin/connexion')
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill(password)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible()
}

/** Axe finds nothing, and a full-page screenshot is kept for a human to look at. */
async function checkPage(page: Page, testInfo: TestInfo, name: string) {
  expect(await accessibilityViolations(page), `axe on ${name}`).toEqual([])
  await page.screenshot({ path: testInfo.outputPath(`${name}.png`), fullPage: true })
}

async function invite(page: Page, name: string, email: string) {
  await page
    .getByRole('navigation', { name: 'Espace gestion' })
    .getByRole('link', { name: 'Comptes' })
    .click()
  await expect(page.getByRole('heading', { level: 1, name: 'Comptes du personnel' })).toBeVisible()
  await page.getByRole('link', { name: 'Inviter une personne' }).click()
  await page.getByLabel('Prénom et nom').fill(name)
  await page.getByLabel('Adresse e-mail professionnelle').fill(email)
  await page.getByRole('radio', { name: /^Gestionnaire/ }).check()
  await page.getByRole('button', { name: 'Envoyer l’invitation' }).click()
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible()
}

test.use({ viewport: DESKTOP })

test('an administrator invites a gestionnaire, who chooses a password and signs in', async ({
  page,
  browser,
}, testInfo) => {
  const email = `gestionnaire-${Date.now()}@test.cnam.re`
  const checkConsole = watchConsole(page)
  await signIn(page, E2E_STAFF.ADMIN, E2E_STAFF_PASSWORD)
  await checkPage(page, testInfo, 'tableau-de-bord')

  await page
    .getByRole('navigation', { name: 'Espace gestion' })
    .getByRole('link', { name: 'Comptes' })
    .click()
  await expect(page.getByRole('row', { name: new RegExp(E2E_STAFF.ADMIN) })).toContainText('Administrateur')
  await checkPage(page, testInfo, 'comptes')

  // The invitation form explains what is missing, in French, next to each field.
  await page.getByRole('link', { name: 'Inviter une personne' }).click()
  await page.getByRole('button', { name: 'Envoyer l’invitation' }).click()
  await expect(page.getByLabel('Prénom et nom')).toHaveAccessibleDescription(/Indiquez le prénom et le nom/)
  await checkPage(page, testInfo, 'inviter-erreurs')

  await invite(page, 'Josiane Grondin', email)
  await expect(page.getByRole('status')).toContainText(`Invitation envoyée à ${email}`)
  await expect(page.getByText('Invitation envoyée', { exact: true })).toBeVisible()
  await checkPage(page, testInfo, 'compte-invite')

  // The outbox shows the e-mail, with its private link masked.
  await page
    .getByRole('navigation', { name: 'Espace gestion' })
    .getByRole('link', { name: 'Courriels' })
    .click()
  const card = page.getByRole('listitem').filter({ hasText: email })
  await expect(card).toContainText('Invitation du personnel')
  await card.getByText('Lire le texte').click()
  await expect(card).toContainText(/\/admin\/invitation\/[A-Za-z0-9_-]{3}•••/)
  await checkPage(page, testInfo, 'courriels')

  // The invited person, in their own browser.
  const invitee = await browser.newContext({
    viewport: DESKTOP,
    locale: 'fr-FR',
    timezoneId: 'Indian/Reunion',
  })
  const newcomer = await invitee.newPage()
  const checkNewcomerConsole = watchConsole(newcomer, true)
  await newcomer.goto(await invitationPathFor(email))
  await expect(newcomer.getByRole('heading', { level: 1, name: 'Activer mon compte' })).toBeVisible()
  await expect(newcomer.getByText(email)).toBeVisible()
  await newcomer.getByLabel('Mot de passe', { exact: true }).fill('soleil2026')
  await newcomer.getByLabel('Confirmez le mot de passe').fill('soleil2026')
  await newcomer.getByRole('button', { name: /Enregistrer mon mot de passe/ }).click()
  await expect(newcomer.getByLabel('Mot de passe', { exact: true })).toHaveAccessibleDescription(
    /au moins 12 caractères/,
  )
  await checkPage(newcomer, testInfo, 'invitation-erreur')
  await newcomer.getByLabel('Mot de passe', { exact: true }).fill(NEW_PASSWORD)
  await newcomer.getByLabel('Confirmez le mot de passe').fill(NEW_PASSWORD)
  await newcomer.getByRole('button', { name: /Enregistrer mon mot de passe/ }).click()
  await expect(newcomer.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible()
  await expect(newcomer.getByRole('link', { name: /Josiane Grondin/ })).toBeVisible()
  // A gestionnaire does not manage accounts.
  await expect(newcomer.getByRole('link', { name: 'Comptes' })).toHaveCount(0)

  // Signed out, the chosen password opens the account again.
  await newcomer.getByRole('button', { name: 'Se déconnecter' }).click()
  await expect(newcomer.getByText('Vous êtes déconnecté(e).')).toBeVisible()
  await signIn(newcomer, email, NEW_PASSWORD)

  // The link was spent.
  await newcomer.goto(await invitationPathFor(email))
  await expect(newcomer.getByText('Ce lien n’est plus valable')).toBeVisible()
  checkNewcomerConsole()
  await invitee.close()

  // The administrator sees the account active.
  await page.goto('/admin/comptes')
  await expect(page.getByRole('row', { name: new RegExp(email) })).toContainText('Actif')
  checkConsole()
})

test('the own-account page sets up the second factor with a QR code', async ({ page }, testInfo) => {
  const checkConsole = watchConsole(page)
  await signIn(page, E2E_STAFF.LECTURE, E2E_STAFF_PASSWORD)
  await page.getByRole('link', { name: /Test lecture/ }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Mon compte' })).toBeVisible()
  await checkPage(page, testInfo, 'mon-compte')
  await page.getByRole('button', { name: 'Configurer la vérification en deux étapes' }).click()
  await expect(page.getByRole('img', { name: /QR code/ })).toBeVisible()
  await expect(page.getByLabel(/^Clé : [A-Z2-7]{32}$/)).toBeVisible()
  await page.getByLabel('Code à 6 chiffres affiché par l’application').fill('000000')
  await page.getByRole('button', { name: 'Activer la vérification en deux étapes' }).click()
  await expect(page.getByLabel('Code à 6 chiffres affiché par l’application')).toHaveAccessibleDescription(
    /Code incorrect/,
  )
  await checkPage(page, testInfo, 'mon-compte-qr-code')
  await page.getByRole('button', { name: 'Annuler la configuration' }).click()
  await expect(page.getByRole('button', { name: 'Configurer la vérification en deux étapes' })).toBeVisible()
  checkConsole()
})

test('an administrator changes a role and deactivates an account', async ({ page }, testInfo) => {
  const email = `lecture-${Date.now()}@test.cnam.re`
  const checkConsole = watchConsole(page)
  await signIn(page, E2E_STAFF.ADMIN, E2E_STAFF_PASSWORD)
  await invite(page, 'Paul Hoarau', email)
  await page
    .getByRole('group', { name: 'Rôle du compte' })
    .getByRole('radio', { name: /^Lecture seule/ })
    .check()
  await page.getByRole('button', { name: 'Enregistrer le rôle' }).click()
  await expect(page.getByText('Rôle enregistré.')).toBeVisible()
  await page.getByRole('button', { name: 'Désactiver ce compte' }).click()
  await page.getByRole('button', { name: 'Oui, désactiver' }).click()
  await expect(page.getByRole('button', { name: 'Réactiver ce compte' })).toBeVisible()
  await expect(page.getByText('Désactivé', { exact: true })).toBeVisible()
  await checkPage(page, testInfo, 'compte-desactive')
  await page.goto('/admin/comptes')
  await expect(page.getByRole('row', { name: new RegExp(email) })).toContainText('Lecture seule')
  checkConsole()
})
