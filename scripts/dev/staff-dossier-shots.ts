// `npx tsx scripts/dev/staff-dossier-shots.ts <base-url> <email> <password> [outdir]`: signs a staff
// member in and takes the first dossier of the list at 360 and 1280 px (a look while building; not
// part of the tests).
import { chromium } from '@playwright/test'

const [base = 'http://127.0.0.1:3000', email = '', password = '', out = '/tmp'] = process.argv.slice(2)
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
})
const context = await browser.newContext({ extraHTTPHeaders: { 'x-forwarded-for': '198.18.200.1' } })
const page = await context.newPage()
await page.goto(`${base}/admin/connexion`)
await page.getByLabel('Adresse e-mail', { exact: true }).fill(email)
await page.getByLabel('Mot de passe', { exact: true }).fill(password)
await page.getByRole('button', { name: /Se connecter/ }).click()
await page.waitForURL(/\/admin(\/|$)/)
await page.goto(`${base}/admin/dossiers`)
const first = page.locator('a[href^="/admin/dossiers/"]').first()
await page.goto(`${base}${await first.getAttribute('href')}`)
for (const width of [1280, 360]) {
  await page.setViewportSize({ width, height: 900 })
  await page.screenshot({ path: `${out}/staff-dossier-${width}.png`, fullPage: true })
}
await browser.close()
