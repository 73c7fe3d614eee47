import { academicStartYear, addDays, todayIn } from '@/lib/domain/dates'
import { nirKey } from '@/lib/domain/nir'
import { duplicateSession, isSemesterOpen } from '@/lib/domain/session'
import { formatDate } from '@/lib/format'
import { session2010 } from '@/prisma/seed/cpn42-2010-2011'
import { allowConsoleError, expect, PHONE, test } from '../fixtures'
import { fillContact, fillIdentity, next, startRegistration, toUeStep, uploadAllPieces } from './helpers'

// What issue 10 (items 5-12) found on the registration steps, as the applicant sees it.

/** The session the e2e seed generated for today, to know whether its 1st semester is closed. */
function firstSemesterClosed(): boolean {
  const today = todayIn(new Date())
  const session = duplicateSession(session2010, academicStartYear(today), { registrationOpen: true })
  return !isSemesterOpen(
    session.semesters.find((semester) => semester.number === 1)!,
    today,
  )
}

test('the NIR example is valid, and a sex digit that differs from the civility is a note, not a refusal', async ({
  page,
}) => {
  await startRegistration(page)
  const nir = page.getByLabel('Numéro de sécurité sociale')
  await expect(nir).toHaveAccessibleDescription(/1 84 09 76 451 089 95\.$/)
  await fillIdentity(page)
  // A man's number (first digit 1) with « Madame » chosen.
  const body = '1840997411005'
  await nir.fill(`${body}${String(nirKey(body)).padStart(2, '0')}`)
  await expect(page.getByRole('status').filter({ hasText: 'Votre numéro commence par 1' })).toContainText(
    'vous pouvez continuer',
  )
  await next(page)
  await expect(page.getByRole('heading', { level: 1, name: 'Coordonnées' })).toBeVisible()
})

test('« Coordonnées » shows the phone error and the e-mail mismatch at once', async ({ page }) => {
  await startRegistration(page)
  await fillIdentity(page)
  await next(page)
  await fillContact(page)
  await page.getByLabel('Téléphone').fill('12')
  await page.getByLabel('Confirmez l’adresse e-mail').fill('autre@example.re')
  await page.getByRole('button', { name: 'Enregistrer et continuer' }).click()
  await expect(page.getByLabel('Téléphone')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByLabel('Confirmez l’adresse e-mail')).toHaveAttribute('aria-invalid', 'true')
  await expect(page.getByText('Les deux adresses e-mail ne sont pas identiques.').first()).toBeVisible()
  await expect(page.getByText(/Ce numéro de téléphone n’est pas valide/).first()).toBeVisible()
})

test('the UE step: choosable UEs first, closed ones folded, a refused choice kept on return, a prerequisite message that offers what is possible', async ({
  page,
}) => {
  test.skip(!firstSemesterClosed(), 'needs a session whose 1st semester is closed (after late October)')
  await toUeStep(page)
  const checkboxes = page.getByRole('checkbox')
  await expect(checkboxes.first()).toBeEnabled()
  // 1st-semester UEs (AST002, AST004) are in the folded section.
  const closed = page.locator('details').filter({ hasText: 'UE dont les inscriptions sont closes' })
  await expect(closed.getByText('UE dont les inscriptions sont closes')).toBeVisible()
  await expect(page.getByRole('checkbox', { name: /^AST004/ })).toBeHidden()
  await closed.getByText('UE dont les inscriptions sont closes').click()
  await expect(page.getByRole('checkbox', { name: /^AST004/ })).toBeDisabled()

  // AST005 needs AST004, whose semester is closed: the message does not offer to choose it.
  await page.getByRole('checkbox', { name: /^AST005/ }).check()
  await page.getByRole('checkbox', { name: /^PSY001/ }).check()
  await page.getByRole('button', { name: 'Enregistrer et continuer' }).click()
  const message = page.getByText(/AST005 demande d’avoir AST004/).first()
  await expect(message).toContainText('inscrivez-vous à AST004 au prochain 1er semestre')
  await expect(message).not.toContainText('choisissez')

  // Going back and returning keeps the (refused) selection.
  await page.getByRole('link', { name: '← Étape précédente' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'UE déjà obtenues' })).toBeVisible()
  await next(page)
  await expect(page.getByRole('checkbox', { name: /^AST005/ })).toBeChecked()
  await expect(page.getByRole('checkbox', { name: /^PSY001/ })).toBeChecked()
})

test('each conditional piece says why; other centres’ certificates only for a UE obtained elsewhere', async ({
  page,
}) => {
  // Two passes through three steps: longer than one test's default on a loaded machine.
  test.setTimeout(180_000)
  await toUeStep(page)
  await page.getByRole('link', { name: '← Étape précédente' }).click()
  const declare = async (place: RegExp) => {
    await page.getByRole('checkbox', { name: /^TET003/ }).check()
    await page
      .getByRole('group', { name: 'Où avez-vous obtenu TET003 ?' })
      .getByRole('radio', { name: place })
      .check()
    await page.getByLabel('Année').fill('2022')
    await next(page)
    await page.getByRole('checkbox', { name: /^PSY001/ }).check()
    await next(page)
    await expect(page.getByRole('heading', { level: 1, name: 'Pièces justificatives' })).toBeVisible()
  }
  const certificates = page.getByRole('heading', { level: 2, name: /^Attestations de réussite/ })
  await declare(/Au Cnam de La Réunion/)
  await expect(certificates).toHaveCount(0)
  const proof = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 2, name: /^Attestation d'emploi/ }) })
  await expect(proof).toContainText('Parce que vous avez déclaré être salarié(e).')

  await page.goto('/inscription/acquis')
  await declare(/Dans un autre centre régional/)
  await expect(certificates).toBeVisible()
  await expect(page.getByRole('listitem').filter({ has: certificates })).toContainText(
    'Parce que vous avez déclaré avoir obtenu TET003 dans un autre centre régional.',
  )
})

test('a file over 10 MB is refused naming it, like every other refusal', async ({ page }) => {
  test.setTimeout(180_000)
  await toUeStep(page)
  await page.getByRole('checkbox', { name: /^PSY001/ }).check()
  await next(page)
  const item = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 2, name: /^Curriculum vitae/ }) })
  allowConsoleError(page, /status of 413/)
  await item.getByLabel(/^Fichier/).setInputFiles({
    name: 'gros-cv.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.alloc(10 * 1024 * 1024 + 1),
  })
  await item.getByRole('button', { name: 'Envoyer le fichier' }).click()
  await expect(item.getByRole('alert')).toHaveText(
    /^«\s*gros-cv\.pdf\s*» dépasse 10\s*Mo \(taille maximale d’un fichier\)\.$/,
  )
})

test('a complete 8-piece dossier folds its pieces and fits in about 2,500 px at 360 px; one expiry date; plurals', async ({
  page,
}) => {
  test.setTimeout(180_000)
  await page.setViewportSize(PHONE)
  await toUeStep(page)
  await page.getByRole('checkbox', { name: /^PSY001/ }).check()
  await next(page)
  await uploadAllPieces(page)
  await page.reload()
  await expect(page.getByText('Toutes les pièces demandées sont fournies.')).toBeVisible()
  const folds = page.getByText('Remplacer ou ajouter un fichier', { exact: true })
  await expect(folds).toHaveCount(8)
  await expect(page.getByLabel(/^Fichier/)).toHaveCount(8)
  for (const input of await page.getByLabel(/^Fichier/).all()) await expect(input).toBeHidden()
  const height = await page.evaluate(() => document.documentElement.scrollHeight)
  test.info().annotations.push({ type: 'height at 360 px', description: `${height} px` })
  // « At most about 2,500 px » (issue 10, item 11; 4,900 before): 2,576 measured on the merged build.
  expect(height).toBeLessThanOrEqual(2600)
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  )
  expect(overflow).toBe(0)
  expect(await page.locator('main').innerText()).not.toMatch(/\p{Extended_Pictographic}/u)
  // Unfolding one shows its uploader again.
  const cv = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { level: 2, name: /^Curriculum vitae/ }) })
  await cv.getByText('Remplacer ou ajouter un fichier').click()
  await expect(cv.getByRole('button', { name: 'Ajouter un autre fichier' })).toBeVisible()

  await page.goto('/inscription/recapitulatif')
  await expect(page.getByText(/^8\sfichiers déposés.$/)).toBeAttached()
  await page.goto('/inscription')
  // Saved today with 30 days: kept until the end of the 30th day, in La Réunion.
  const lastDay = formatDate(addDays(todayIn(new Date()), 30))
  await expect(page.getByText(`Elle est conservée jusqu’au ${lastDay}.`)).toBeVisible()
})
