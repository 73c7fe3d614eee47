import { randomBytes } from 'node:crypto'
import {
  accessibilityViolations,
  allowConsoleError,
  DESKTOP,
  expect,
  PHONE,
  test,
  type Page,
} from '../fixtures'
import {
  fillContact,
  fillIdentity,
  fillSituation,
  next,
  startRegistration,
  uploadAllPieces,
} from '../registration/helpers'
import { E2E_STAFF, E2E_STAFF_PASSWORD } from '../staff-accounts'

/**
 * The layout's menu links to staff pages that other parts of issue 4 may still be building: Next
 * prefetches them and the browser logs their 404. Only those are tolerated.
 */
const MENU_PAGES = new Set([
  '/admin',
  '/admin/programme',
  '/admin/sessions',
  '/admin/comptes',
  '/admin/courriels',
])

function watchNotFound(page: Page) {
  allowConsoleError(page, /status of 404 \(Not Found\)/)
  const problems: string[] = []
  page.on('response', (response) => {
    if (response.status() === 404 && !MENU_PAGES.has(new URL(response.url()).pathname))
      problems.push(`404 ${response.url()}`)
  })
  return () => expect(problems, 'unexpected 404s').toEqual([])
}

/** A name nobody else in the end-to-end database has, with accents to search without them. */
function uniqueNames() {
  const suffix = Array.from(randomBytes(5), (byte) => String.fromCharCode(97 + (byte % 26))).join('')
  return { birthName: `Técher-${suffix}`, usageName: `Éthève-${suffix}`, firstNames: 'Héloïse', suffix }
}

/** Applies online as an employed individual for TET099 and PSY001; returns the reference. */
async function applyAs(page: Page, names: { birthName: string; usageName: string; firstNames: string }) {
  await startRegistration(page)
  await fillIdentity(page)
  await page.getByLabel('Nom de naissance').fill(names.birthName)
  await page.getByLabel('Nom d’usage').fill(names.usageName)
  await page.getByLabel('Prénoms').fill(names.firstNames)
  await next(page)
  await fillContact(page)
  await next(page)
  await fillSituation(page)
  await next(page)
  await next(page)
  await page.getByRole('checkbox', { name: /^TET099/ }).check()
  await page.getByRole('checkbox', { name: /^PSY001/ }).check()
  await next(page)
  await uploadAllPieces(page)
  await page.getByRole('link', { name: 'Continuer vers le récapitulatif' }).click()
  await page.getByRole('checkbox', { name: /J’accepte que le Cnam/ }).check()
  await page.getByRole('checkbox', { name: /Je certifie/ }).check()
  await page.getByRole('button', { name: /^Envoyer mon dossier/ }).click()
  await expect(page.getByText('Votre dossier est envoyé')).toBeVisible()
  return (await page.getByTestId('reference').textContent())?.trim() ?? ''
}

async function signIn(page: Page, email: string) {
  await page.context().clearCookies()
  await page.goto(`/admin/connexion?retour=${encodeURIComponent('/admin/dossiers')}`)
  await page.getByLabel('Adresse e-mail').fill(email)
  await page.getByLabel('Mot de passe').fill(E2E_STAFF_PASSWORD)
  await page.getByRole('button', { name: 'Se connecter' }).click()
  await expect(page.getByRole('heading', { level: 1, name: 'Dossiers d’inscription' })).toBeVisible()
}

function resultsTable(page: Page) {
  return page.getByRole('table', { name: /^Dossiers de la session/ })
}

test.describe('the staff dossier list', () => {
  test('a reviewer finds a dossier by name without accents, filters, sorts and downloads the CSV', async ({
    page,
  }) => {
    test.setTimeout(120_000)
    const checkNotFound = watchNotFound(page)
    const names = uniqueNames()
    const reference = await applyAs(page, names)
    expect(reference).toMatch(/^CPN42-\d{4}-\d{5}$/)

    await signIn(page, E2E_STAFF.GESTIONNAIRE)
    expect(await accessibilityViolations(page), 'axe on the list, desktop').toEqual([])

    // Upper case, no accents: « ETHEVE-… HELOISE » finds « Éthève-… Héloïse ».
    await page
      .getByRole('searchbox', { name: 'Rechercher' })
      .fill(`ETHEVE-${names.suffix.toUpperCase()} heloise`)
    await page.getByRole('button', { name: 'Afficher les dossiers' }).click()
    await expect(page).toHaveURL(/[?&]q=ETHEVE-/)
    const row = resultsTable(page).getByRole('row', { name: new RegExp(reference) })
    await expect(row).toBeVisible()
    await expect(resultsTable(page).getByRole('row')).toHaveCount(2)
    await expect(row).toContainText(`ÉTHÈVE-${names.suffix.toUpperCase()} Héloïse`)
    await expect(row).toContainText(`née ${names.birthName.toUpperCase()}`)
    await expect(row.getByRole('link', { name: reference })).toHaveAttribute(
      'href',
      /^\/admin\/dossiers\/[0-9a-f-]{36}$/,
    )
    await page.screenshot({ path: '/tmp/dossier-list-search.png', fullPage: true })

    // Status tab, then more filters: still there.
    const statusTabs = page.getByRole('navigation', { name: 'Dossiers de la session par statut' })
    await statusTabs.getByRole('link', { name: /^Déposé/ }).click()
    await expect(page).toHaveURL(/statut=SUBMITTED/)
    await expect(statusTabs.getByRole('link', { name: /^Déposé/ })).toHaveAttribute('aria-current', 'page')
    await expect(statusTabs.getByRole('link', { name: /^Tous les statuts/ })).not.toHaveAttribute(
      'aria-current',
      /.+/,
    )
    await expect(row).toBeVisible()
    await page.getByLabel('Catégorie').selectOption({ label: 'Individuels payants' })
    await page.getByText('Plus de filtres').click()
    await page.getByLabel('UE', { exact: true }).selectOption('TET099')
    await page.getByLabel('Semestre').selectOption({ label: '2nd semestre' })
    await page.getByRole('button', { name: 'Afficher les dossiers' }).click()
    await expect(page).toHaveURL(/categorie=INDIVIDUAL/)
    await expect(page).toHaveURL(/ue=TET099/)
    await expect(page).toHaveURL(/statut=SUBMITTED/)
    await expect(row).toBeVisible()
    await expect(page.getByText('Plus de filtres (2 actifs)')).toBeVisible()

    // A filter that leaves nothing: the empty state says so and offers a way out.
    await page.getByLabel('Complétude').selectOption({ label: 'Complets' })
    await page.getByRole('button', { name: 'Afficher les dossiers' }).click()
    await expect(page.getByText('Aucun dossier ne correspond à ces critères')).toBeVisible()
    await expect(resultsTable(page)).toHaveCount(0)
    await page.screenshot({ path: '/tmp/dossier-list-empty.png', fullPage: true })
    await page.getByLabel('Complétude').selectOption({ label: 'Tous' })
    await page.getByRole('button', { name: 'Afficher les dossiers' }).click()
    await expect(row).toBeVisible()

    // Sort by name, from the column header.
    await resultsTable(page)
      .getByRole('link', { name: /^Candidat\(e\)/ })
      .click()
    await expect(page).toHaveURL(/tri=nom/)
    await expect(resultsTable(page).getByRole('columnheader', { name: /^Candidat\(e\)/ })).toHaveAttribute(
      'aria-sort',
      'ascending',
    )
    await expect(resultsTable(page).getByRole('columnheader', { name: /^Déposé le/ })).not.toHaveAttribute(
      'aria-sort',
      /.+/,
    )

    // The export carries the same filters.
    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: /^Exporter en CSV/ }).click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^dossiers-CPN42-\d{4}-\d{4}-\d{4}-\d{2}-\d{2}\.csv$/)
    const chunks: Buffer[] = []
    for await (const chunk of await file.createReadStream()) chunks.push(chunk as Buffer)
    const bytes = Buffer.concat(chunks)
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.subarray(3).toString('utf8').split('\r\n')
    expect(lines[0]).toBe(
      'Référence;Statut;Date de dépôt;Civilité;Nom de naissance;Nom d’usage;Prénoms;E-mail;Téléphone;Catégorie;UE;Total (€)',
    )
    expect(lines.filter(Boolean)).toHaveLength(2)
    expect(lines[1]).toContain(`${reference};Déposé;`)
    expect(lines[1]).toContain(`;Madame;${names.birthName};${names.usageName};Héloïse;`)
    expect(lines[1]).toContain(';PSY001, TET099;')

    // A phone: the page does not scroll sideways (the table scrolls in its own region), axe passes.
    await page.setViewportSize(PHONE)
    expect(await accessibilityViolations(page), 'axe on the list, phone').toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width)
    await page.screenshot({ path: '/tmp/dossier-list-phone.png', fullPage: true })
    await page.setViewportSize(DESKTOP)
    checkNotFound()
  })

  test('read-only staff see the list without the export, and the export refuses them', async ({ page }) => {
    const checkNotFound = watchNotFound(page)
    await signIn(page, E2E_STAFF.LECTURE)
    await expect(page.getByRole('navigation', { name: 'Dossiers de la session par statut' })).toBeVisible()
    await expect(page.getByRole('link', { name: /^Exporter en CSV/ })).toHaveCount(0)
    await page.screenshot({ path: '/tmp/dossier-list-lecture.png', fullPage: true })
    const response = await page.request.get('/admin/dossiers/export.csv')
    expect(response.status()).toBe(403)
    checkNotFound()
  })
})
