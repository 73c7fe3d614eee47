// `npx tsx scripts/dev/walkthrough.ts <baseUrl> <outDir>`: goes through the registration as an
// applicant and saves a screenshot of each step at phone and desktop width (to look at them).
import { chromium, type Page } from '@playwright/test'
import { nirKey } from '../../lib/domain/nir'

const base = process.argv[2] ?? 'http://127.0.0.1:3100'
const out = process.argv[3] ?? '/tmp/walkthrough'
const body = '2840997411005'
const nir = `${body}${String(nirKey(body)).padStart(2, '0')}`

async function shoot(page: Page, name: string) {
  for (const [label, width] of [
    ['phone', 360],
    ['desktop', 1280],
  ] as const) {
    await page.setViewportSize({ width, height: 900 })
    await page.screenshot({ path: `${out}-${name}-${label}.png`, fullPage: true })
  }
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
})
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
const next = async () => {
  const url = page.url()
  await page.getByRole('button', { name: 'Enregistrer et continuer' }).click()
  await page.waitForURL((current) => current.toString() !== url)
}
await page.goto(`${base}/inscription`)
await shoot(page, '0-start')
await page.getByRole('button', { name: /Commencer/ }).click()
await page.waitForURL(/identite/)
await page.getByRole('button', { name: 'Enregistrer et continuer' }).click()
await page.waitForTimeout(500)
await shoot(page, '1-identite-erreurs')
await page.getByRole('radio', { name: 'Madame' }).check()
await page.getByLabel('Nom de naissance').fill('Payet')
await page.getByLabel('Prénoms').fill('Marie-Claire')
await page.getByLabel('Date de naissance').fill('12/09/1984')
await page.getByLabel('Commune de naissance').fill('Saint-Denis')
await page.getByLabel('Numéro de sécurité sociale').fill(nir)
await next()
await shoot(page, '2-coordonnees')
await page.getByLabel('Adresse', { exact: true }).fill('12 rue des Flamboyants')
await page.getByLabel('Code postal').fill('97400')
await page.getByLabel('Commune', { exact: true }).fill('Saint-Denis')
await page.getByLabel('Téléphone').fill('0692 12 34 56')
await page.getByLabel('Adresse e-mail', { exact: true }).fill('mc@example.re')
await page.getByLabel('Confirmez l’adresse e-mail').fill('mc@example.re')
await next()
await page.getByRole('radio', { name: /Salariés pris en charge/ }).check()
await page.getByRole('radio', { name: /Salarié\(e\), en activité/ }).check()
await shoot(page, '3-situation')
await page.getByLabel('Nom de l’employeur').fill('Mission locale Nord')
await page.getByLabel('Adresse de l’employeur').fill('1 rue de Paris, Saint-Denis')
await page.getByLabel('Personne à contacter').fill('Mme Grondin')
await page.getByRole('radio', { name: 'Non', exact: true }).first().check()
await page.getByLabel('Votre diplôme le plus élevé').selectOption('BAC')
await page.getByRole('radio', { name: 'Niveau bac' }).check()
await page
  .getByRole('group', { name: /première inscription/ })
  .getByRole('radio', { name: 'Oui' })
  .check()
await page
  .getByRole('group', { name: /droit individuel de base/ })
  .getByRole('radio', { name: 'Non' })
  .check()
await next()
await page.getByRole('checkbox', { name: /^AST004/ }).check()
await page.getByLabel('Dans un autre centre régional').check()
await page.getByLabel('Année').fill('2024')
await shoot(page, '4-acquis')
await next()
await page.getByRole('checkbox', { name: /^AST005/ }).check()
await page.getByRole('checkbox', { name: /^TRS002/ }).check()
await shoot(page, '5-ue')
await next()
await shoot(page, '6-pieces')
await page.goto(`${base}/inscription/recapitulatif`)
await shoot(page, '7-recapitulatif')
await browser.close()
console.log('done')
