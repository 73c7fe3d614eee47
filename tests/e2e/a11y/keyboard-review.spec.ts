import { expect, test } from '../fixtures'
import { E2E_STAFF, E2E_STAFF_PASSWORD } from '../staff-accounts'
import { applyOnline, focusIndicator, tabTo, uniqueBirthName } from './helpers'

// A reviewer's work done with the keyboard alone: sign in, find a dossier, open it, reject a piece
// with a preset reason, ask the applicant for pieces, accept another piece. Every element focused
// on the way shows its focus; every error is announced (role="alert", or the invalid field takes
// focus with aria-invalid and its message as description) and every result too (role="status").
// The applicant's side is tests/e2e/registration/keyboard.spec.ts.

test('a reviewer reviews a dossier with the keyboard alone, focus visible and errors announced', async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000)
  const birthName = uniqueBirthName('Clavier')
  const applicant = await browser.newContext({ locale: 'fr-FR' })
  const reference = await applyOnline(await applicant.newPage(), birthName)
  await applicant.close()

  // Sign in: a wrong password is announced, then the right one opens the dashboard.
  await page.goto('/admin/connexion')
  await tabTo(page, page.getByLabel('Adresse e-mail'))
  await page.keyboard.type(E2E_STAFF.GESTIONNAIRE)
  await tabTo(page, page.getByLabel('Mot de passe'))
  await page.keyboard.type('ce n’est pas le bon')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('alert').filter({ hasText: 'mot de passe incorrect' })).toBeVisible()
  await tabTo(page, page.getByLabel('Mot de passe'))
  await page.keyboard.type(E2E_STAFF_PASSWORD)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Tableau de bord' })).toBeVisible()

  // The menu leads to the list; the search finds the dossier by name.
  await tabTo(
    page,
    page.getByRole('navigation', { name: 'Espace gestion' }).getByRole('link', { name: 'Dossiers' }),
  )
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: 'Dossiers d’inscription' })).toBeVisible()
  await tabTo(page, page.getByLabel('Rechercher', { exact: true }))
  await page.keyboard.type(birthName.toLowerCase())
  await page.keyboard.press('Enter')
  const link = page.getByRole('link', { name: reference })
  await expect(link).toBeVisible()
  await tabTo(page, link)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { level: 1, name: new RegExp(reference) })).toBeVisible()

  // The ID card is rejected with a preset reason; without a reason first, the error is announced.
  const idCard = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: /carte d'identité/ }) })
  await tabTo(page, idCard.getByRole('button', { name: /^Non conforme…/ }))
  await page.keyboard.press('Enter')
  const reason = idCard.getByLabel('Motif de non-conformité')
  await expect(reason).toBeFocused()
  await tabTo(page, idCard.getByRole('button', { name: 'Déclarer non conforme' }))
  await page.keyboard.press('Enter')
  await expect(reason).toBeFocused()
  await expect(reason).toHaveAttribute('aria-invalid', 'true')
  await expect(reason).toHaveAccessibleDescription(/Indiquez pourquoi la pièce n’est pas conforme/)
  await expect.poll(() => focusIndicator(page)).toBe('visible')
  // On a closed list, the arrow keys choose an option.
  await page.keyboard.press('ArrowDown')
  await expect(reason).toHaveValue('Document illisible')
  await tabTo(page, idCard.getByRole('button', { name: 'Déclarer non conforme' }))
  await page.keyboard.press('Enter')
  await expect(idCard.getByRole('status')).toHaveText('Pièce déclarée non conforme.')
  await expect(idCard.getByText('Motif : Document illisible')).toBeVisible()
  // Focus stays on the piece, not back at the top of the page.
  await expect(idCard.getByRole('group')).toBeFocused()
  await expect.poll(() => focusIndicator(page)).toBe('visible')

  // The request: without a message it is refused on the field; with one the dossier is incomplete.
  const request = page.getByRole('region', { name: 'Demander des pièces au candidat' })
  await expect(request.getByRole('checkbox', { name: /carte d'identité/ })).toBeChecked()
  const message = request.getByLabel('Message au candidat')
  await tabTo(page, request.getByRole('button', { name: 'Demander ces pièces' }))
  await page.keyboard.press('Enter')
  await expect(message).toBeFocused()
  await expect(message).toHaveAttribute('aria-invalid', 'true')
  await expect(message).toHaveAccessibleDescription(/Expliquez au candidat ce qui ne va pas/)
  await page.keyboard.type('Votre carte d’identité est illisible : envoyez un scan net du recto et du verso.')
  await tabTo(page, request.getByRole('button', { name: 'Demander ces pièces' }))
  await page.keyboard.press('Enter')
  const status = page.getByRole('status').filter({ hasText: 'Statut du dossier' })
  await expect(status).toContainText('Incomplet : pièces demandées')
  await expect(status).toBeFocused()
  await expect.poll(() => focusIndicator(page)).toBe('visible')
  await expect(request).toHaveCount(0)

  // Another piece is accepted.
  const cv = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 3, name: /^Curriculum vitae/ }) })
  await tabTo(page, cv.getByRole('button', { name: /^Conforme/ }))
  await page.keyboard.press('Enter')
  await expect(cv.getByRole('status')).toHaveText('Pièce déclarée conforme.')
  await expect(cv.getByRole('group')).toBeFocused()
  await expect(cv.getByText('Conforme', { exact: true }).first()).toBeVisible()
  await expect(cv.getByRole('button', { name: /^Conforme/ })).toBeDisabled()
})
