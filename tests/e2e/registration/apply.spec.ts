import { randomUUID } from 'node:crypto'
import { extractText } from 'unpdf'
import { formatEuros } from '@/lib/format'
import { accessibilityViolations, allowConsoleError, DESKTOP, expect, PHONE, test } from '../fixtures'
import {
  fillContact,
  fillIdentity,
  fillSituation,
  next,
  NIR,
  startRegistration,
  uploadAllPieces,
} from './helpers'
import { resumeLinkPathFor } from './private-link'

// 18 € dossier fee + 100 € base fee + (6 + 4) ECTS × 55 € for TET099 and PSY001.
const TOTAL = formatEuros(1800 + 10000 + 10 * 5500)

test.describe('applying online', () => {
  test('from the programme page to the confirmation, the e-mailed PDF form included', async ({ page }) => {
    await page.goto('/')
    await page.getByRole('link', { name: 'S’inscrire en ligne' }).click()
    await expect(page).toHaveURL(/\/inscription$/)
    await page.getByRole('button', { name: 'Commencer mon inscription' }).click()

    await fillIdentity(page)
    await next(page)
    await expect(page.getByRole('heading', { level: 1, name: 'Coordonnées' })).toBeVisible()
    await fillContact(page)
    await next(page)
    await expect(page.getByRole('heading', { level: 1, name: 'Situation et financement' })).toBeVisible()
    await fillSituation(page)
    await next(page)
    await expect(page.getByRole('heading', { level: 1, name: 'UE déjà obtenues' })).toBeVisible()
    await next(page)
    await expect(page.getByRole('heading', { level: 1, name: 'Choix des UE' })).toBeVisible()
    await page.getByRole('checkbox', { name: /^TET099/ }).check()
    await page.getByRole('checkbox', { name: /^PSY001/ }).check()
    await expect(page.getByTestId('total-inscription')).toHaveText(TOTAL)
    await next(page)

    await expect(page.getByRole('heading', { level: 1, name: 'Pièces justificatives' })).toBeVisible()
    await uploadAllPieces(page)
    await expect(page.getByText('Toutes les pièces demandées sont fournies.')).toBeVisible()
    await page.getByRole('link', { name: 'Continuer vers le récapitulatif' }).click()

    await expect(page.getByRole('heading', { level: 1, name: 'Récapitulatif et envoi' })).toBeVisible()
    await expect(page.getByText('Votre dossier est complet')).toBeVisible()
    await expect(page.getByText('2 84 09 97 411 005', { exact: false })).toBeVisible()
    await page.getByRole('checkbox', { name: /J’accepte que le Cnam/ }).check()
    await page.getByRole('checkbox', { name: /Je certifie/ }).check()
    // The total is not on the button, which would read as an online payment (issue 10, item 12).
    const send = page.getByRole('button', { name: 'Envoyer mon dossier', exact: true })
    await expect(send).toHaveAccessibleDescription(
      `Envoyer le dossier ne déclenche aucun paiement en ligne : la participation de ${TOTAL} se règle après l’envoi, comme indiqué ci-dessus.`,
    )
    await send.click()

    await expect(page.getByText('Votre dossier est envoyé')).toBeVisible()
    const reference = (await page.getByTestId('reference').textContent())?.trim() ?? ''
    expect(reference).toMatch(/^CPN42-\d{4}-\d{5}$/)
    await expect(page.getByTestId('total')).toHaveText(TOTAL)

    const download = page.waitForEvent('download')
    await page.getByRole('link', { name: 'Télécharger mon formulaire (PDF)' }).click()
    const file = await (await download).createReadStream()
    const chunks: Buffer[] = []
    for await (const chunk of file) chunks.push(chunk as Buffer)
    const { text } = await extractText(new Uint8Array(Buffer.concat(chunks)), { mergePages: true })
    const plain = text.replace(/[\u00a0\u202f]/g, ' ')
    expect(plain).toContain(reference)
    expect(plain).toContain(TOTAL.replace(/[\u00a0\u202f]/g, ' '))
    expect(plain).toContain('PAYET')

    await page.getByRole('link', { name: 'Suivre mon dossier' }).click()
    await expect(page.getByRole('heading', { level: 1, name: `Dossier ${reference}` })).toBeVisible()
    await expect(page.getByText('Déposé', { exact: true })).toBeVisible()
  })

  test('resumes a draft from its private link in another browser', async ({ page, browser }) => {
    const email = `reprise-${randomUUID().slice(0, 8)}@example.re`
    await startRegistration(page)
    await fillIdentity(page)
    await next(page)
    await expect(page.getByRole('heading', { level: 1, name: 'Coordonnées' })).toBeVisible()
    await fillContact(page, email)
    await next(page)
    // The page never shows the link: it is in the e-mail only.
    await page.getByText('Reprendre plus tard, sur cet appareil ou un autre').click()
    await expect(page.getByText(/\/inscription\/reprendre\//)).toHaveCount(0)
    const link = await resumeLinkPathFor(email)

    const other = await browser.newContext()
    const otherPage = await other.newPage()
    await otherPage.goto(link)
    await expect(
      otherPage.getByText(/l’inscription en cours de Marie-Claire \(adresse r•••@e•••\.re\)/),
    ).toBeVisible()
    await otherPage.getByRole('button', { name: 'Continuer' }).click()
    await expect(otherPage.getByRole('heading', { level: 1, name: 'Situation' })).toBeVisible()
    await otherPage.goto('/inscription/identite')
    await expect(otherPage.getByLabel('Nom de naissance')).toHaveValue('Payet')
    await expect(otherPage.getByLabel('Numéro de sécurité sociale')).toHaveValue(NIR)
    await other.close()
  })

  test('shows each error next to its field, in French, and keeps what was typed', async ({ page }) => {
    await startRegistration(page)
    await page.getByLabel('Nom de naissance').fill('Payet')
    await page.getByLabel('Numéro de sécurité sociale').fill('1 84 09 97 411 005 00')
    await page.getByRole('button', { name: 'Enregistrer et continuer' }).click()
    const summary = page.getByRole('alert').filter({ hasText: 'à corriger' })
    await expect(summary).toBeFocused()
    await expect(page.getByLabel('Prénoms')).toHaveAttribute('aria-invalid', 'true')
    await expect(page.getByText('Indiquez vos prénoms.').first()).toBeVisible()
    await expect(
      page.getByText(/clé de ce numéro de sécurité sociale|compte 15 chiffres/).first(),
    ).toBeVisible()
    await expect(page.getByLabel('Nom de naissance')).toHaveValue('Payet')
  })

  test('refuses a file that is not a PDF, JPEG or PNG, naming it', async ({ page }) => {
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
    const item = page
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 2, name: /^Curriculum vitae/ }) })
    allowConsoleError(page, /status of 422/)
    await item.getByLabel(/^Fichier/).setInputFiles('tests/fixtures/uploads/cv.exe.pdf')
    await item.getByRole('button', { name: 'Envoyer le fichier' }).click()
    await expect(item.getByRole('alert')).toContainText('cv.exe.pdf')
    await expect(item.getByRole('alert')).toContainText('n’est pas un PDF, un JPEG ou un PNG')
  })

  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    test(`has no WCAG 2.1 AA violation on any step at ${name} width`, async ({ page }) => {
      await page.setViewportSize(viewport)
      await page.goto('/inscription')
      expect(await accessibilityViolations(page), '/inscription').toEqual([])
      await startRegistration(page)
      const steps: Array<[string, (() => Promise<void>) | null]> = [
        ['identite', () => fillIdentity(page)],
        ['coordonnees', () => fillContact(page)],
        ['situation', () => fillSituation(page)],
        ['acquis', null],
        ['ue', () => page.getByRole('checkbox', { name: /^PSY001/ }).check()],
      ]
      for (const [step, fill] of steps) {
        await expect(page).toHaveURL(new RegExp(`/inscription/${step}$`))
        expect(await accessibilityViolations(page), step).toEqual([])
        if (fill) await fill()
        await next(page)
      }
      await expect(page).toHaveURL(/\/inscription\/pieces$/)
      expect(await accessibilityViolations(page), 'pieces').toEqual([])
      await page.goto('/inscription/recapitulatif')
      expect(await accessibilityViolations(page), 'recapitulatif').toEqual([])
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      )
      expect(overflow, 'horizontal scrolling').toBeLessThanOrEqual(0)
    })
  }
})
